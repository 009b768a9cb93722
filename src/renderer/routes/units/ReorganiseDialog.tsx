// Sắp xếp lại đơn vị (issue 20): the decision annex → preview (errors by row and column) → apply as
// one act; then what still names the closed units, proposed for re-pointing (the user ticks and
// confirms); the acts done so far, the latest undoable.
import { useCallback, useEffect, useState } from 'react';
import { Confirm, Modal } from '../../components/Modal';
import { FilePick } from '../../components/FilePick';
import { ViDateInput } from '../../components/ViDateInput';
import { call, errorMessage } from '../../lib/api';
import { formatDateShort, formatNumber, formatPercent } from '../../../shared/format';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import {
  REORG_CHANGE_LABELS,
  REPOINT_AREA_LABELS,
  type Reorganisation,
  type ReorgPreview,
  type RepointList,
} from '../../../shared/model/reorganise';

const ACTION = { create: 'Tạo mới', continue: 'Giữ (đổi tên)', existing: 'Nhận thêm' } as const;
const pct = (s: number | null) => (s === null ? '' : formatPercent(s));

export function ReorganiseDialog({ onClose, onChanged }: { onClose: () => void; onChanged: (msg: string) => void }) {
  const [file, setFile] = useState<{ fileName: string; data: Uint8Array<ArrayBuffer> } | null>(null);
  const [date, setDate] = useState('');
  const [preview, setPreview] = useState<ReorgPreview | null>(null);
  const [acts, setActs] = useState<Reorganisation[]>([]);
  const [repoint, setRepoint] = useState<RepointList | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [undoing, setUndoing] = useState<Reorganisation | null>(null);

  const loadActs = useCallback(async () => setActs(await call('reorganise.list', {})), []);
  useEffect(() => void loadActs().catch((e: unknown) => setError(errorMessage(e))), [loadActs]);

  const guard = async (f: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const doPreview = (picked: NonNullable<typeof file>, day: string) =>
    guard(async () => {
      setPreview(await call('reorganise.preview', { ...picked, date: day || null }));
    });
  const load = async (f: File) => {
    const picked = { fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) };
    setFile(picked);
    setRepoint(null);
    await doPreview(picked, date);
  };
  const showRepoint = async (id: number) => {
    const l = await call('reorganise.repointList', { id });
    setRepoint(l);
    setChosen(new Set(l.proposals.filter((p) => !p.blocked).map((p) => p.key)));
  };
  const apply = () =>
    guard(async () => {
      const r = await call('reorganise.apply', { ...file!, date: date || null });
      setPreview(null);
      setFile(null);
      await loadActs();
      await showRepoint(r.id);
      onChanged(`Đã thực hiện lần sắp xếp số ${r.id}. ${r.summary}`);
    });
  const undo = (a: Reorganisation) =>
    guard(async () => {
      const r = await call('reorganise.undo', { id: a.id });
      setRepoint(null);
      await loadActs();
      onChanged(`Đã hoàn tác lần sắp xếp số ${a.id}: khôi phục ${r.restored} đơn vị, bỏ ${r.removed} đơn vị mới.`);
    });
  const confirmRepoint = () =>
    guard(async () => {
      const r = await call('reorganise.repoint', { id: repoint!.reorganisationId, keys: [...chosen], actor: '' });
      setRepoint(r.list);
      setChosen(new Set(r.list.proposals.filter((p) => !p.blocked).map((p) => p.key)));
      onChanged(`Đã chuyển ${r.applied} mục sang đơn vị mới.`);
    });
  const latest = acts.find((a) => !a.undoneAt);

  return (
    <Modal title="Sắp xếp lại đơn vị theo quyết định" onClose={onClose} busy={busy} wide>
      <div className="form-grid">
        <div>
          <FilePick
            inputLabel="Chọn tệp phụ lục sắp xếp"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFiles={(files) => void load(files[0]!)}
          >
            Chọn tệp phụ lục (.xlsx)…
          </FilePick>
        </div>
        <label className="field">
          <span className="field-label">Ngày hiệu lực (để trống nếu tệp đã ghi)</span>
          <ViDateInput
            label="Ngày hiệu lực"
            value={date}
            onChange={(v) => {
              setDate(v);
              if (file) void doPreview(file, v);
            }}
          />
        </label>
      </div>
      <p className="muted small">
        Các cột: Mã đơn vị cũ, Tên đơn vị cũ, Mã đơn vị mới, Tên đơn vị mới, Loại, Tỷ lệ (khi chia tách), Ngày hiệu lực,
        Mã đơn vị cấp trên mới. Để trống mã mới: giải thể.
      </p>
      {busy ? (
        <p className="muted" role="status">
          Đang xử lý…
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {preview ? (
        <div className="import-preview" aria-label="Xem trước sắp xếp">
          <p>
            Tệp <strong>{preview.fileName}</strong>, ngày hiệu lực{' '}
            {preview.effectiveDate ? formatDateShort(preview.effectiveDate) : '(chưa có)'}:{' '}
            {formatNumber(preview.counts.oldUnits)} đơn vị cũ → tạo {preview.counts.created} đơn vị mới, thôi hoạt động{' '}
            {preview.counts.closed}; {preview.counts.merges} sáp nhập, {preview.counts.splits} chia tách,{' '}
            {preview.counts.renames} đổi tên, {preview.counts.abolished} giải thể.
          </p>
          {preview.errors.length ? (
            <div className="import-errors" role="alert">
              <strong>{preview.errors.length} lỗi — chưa thay đổi gì. Sửa tệp rồi chọn lại:</strong>
              <ul>
                {preview.errors.slice(0, 200).map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.warnings.length ? (
            <ul className="muted small">
              {preview.warnings.map((w, i) => (
                <li key={i}>Lưu ý: {w.message}</li>
              ))}
            </ul>
          ) : null}
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th>Đơn vị sau sắp xếp</th>
                  <th>Loại</th>
                  <th>Thao tác</th>
                  <th>Hình thành từ</th>
                </tr>
              </thead>
              <tbody>
                {preview.targets.slice(0, 500).map((t) => (
                  <tr key={t.code}>
                    <td>
                      {t.code} — {t.name}
                    </td>
                    <td>{UNIT_KIND_LABELS[t.kind]}</td>
                    <td>{ACTION[t.action]}</td>
                    <td>
                      {preview.rows
                        .filter((r) => r.newCode === t.code)
                        .map((r) => `${r.oldCode}${r.share !== null ? ` (${pct(r.share)})` : ''}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
                {preview.rows
                  .filter((r) => r.change === 'abolish')
                  .map((r) => (
                    <tr key={`x${r.row}`}>
                      <td>—</td>
                      <td />
                      <td>{REORG_CHANGE_LABELS.abolish}</td>
                      <td>
                        {r.oldCode} — {r.oldName}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || preview.errors.length > 0}
              onClick={() => void apply()}
            >
              Thực hiện sắp xếp
            </button>
          </div>
        </div>
      ) : null}
      {repoint ? (
        <section aria-label="Chuyển sang đơn vị mới">
          <h3>Còn ghi đơn vị cũ — đề xuất chuyển sang đơn vị mới</h3>
          <p className="muted small">
            Lần sắp xếp số {repoint.reorganisationId} (từ ngày {formatDateShort(repoint.effectiveDate)}):{' '}
            {repoint.proposals.length} mục; {repoint.closedPeriodsKept} kỳ báo cáo đã kết thúc trước ngày này giữ nguyên
            đơn vị cũ. Chỉ các mục được chọn mới được chuyển.
          </p>
          {repoint.proposals.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th>Chọn</th>
                  <th>Nơi ghi</th>
                  <th>Đơn vị cũ</th>
                  <th>Chuyển sang</th>
                </tr>
              </thead>
              <tbody>
                {repoint.proposals.map((p) => (
                  <tr key={p.key}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Chọn ${p.owner}: ${p.oldUnit.code}`}
                        disabled={p.blocked !== ''}
                        checked={chosen.has(p.key)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(p.key);
                          else next.delete(p.key);
                          setChosen(next);
                        }}
                      />
                    </td>
                    <td>
                      {REPOINT_AREA_LABELS[p.area]}: {p.owner}
                    </td>
                    <td>
                      {p.oldUnit.code} — {p.oldUnit.name}
                    </td>
                    <td>
                      {p.blocked
                        ? `Giữ nguyên: ${p.blocked}`
                        : p.successors.map((s) => `${s.code} — ${s.name}`).join('; ') || 'Bỏ khỏi danh sách'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || chosen.size === 0}
              onClick={() => void confirmRepoint()}
            >
              Chuyển {formatNumber(chosen.size)} mục đã chọn
            </button>
          </div>
        </section>
      ) : null}
      <section aria-label="Các lần sắp xếp">
        <h3>Các lần sắp xếp</h3>
        {acts.length === 0 ? <p className="muted">Chưa có lần sắp xếp nào.</p> : null}
        <ul className="history">
          {acts.map((a) => (
            <li key={a.id}>
              Số {a.id}, từ ngày {formatDateShort(a.effectiveDate)}: {a.summary}
              {a.undoneAt ? ' (đã hoàn tác)' : ''}{' '}
              {!a.undoneAt ? (
                <button type="button" className="link" onClick={() => void guard(() => showRepoint(a.id))}>
                  Mục còn ghi đơn vị cũ
                </button>
              ) : null}{' '}
              {a === latest ? (
                <button type="button" disabled={busy} onClick={() => setUndoing(a)}>
                  Hoàn tác…
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Đóng
        </button>
      </div>
      {undoing ? (
        <Confirm
          title="Hoàn tác lần sắp xếp"
          message={
            <>
              <p>
                Hoàn tác lần sắp xếp số {undoing.id}? <span className="muted">{undoing.summary}</span>
              </p>
              <p>
                Các đơn vị thôi hoạt động theo lần này hoạt động lại như trước, các đơn vị lập mới theo lần này bị xóa.
                Không hoàn tác được khi đơn vị mới đã được dùng hoặc đã chuyển mục sang đơn vị mới.
              </p>
            </>
          }
          confirmLabel="Hoàn tác"
          onCancel={() => setUndoing(null)}
          onConfirm={() => undo(undoing).then(() => setUndoing(null))}
        />
      ) : null}
    </Modal>
  );
}
