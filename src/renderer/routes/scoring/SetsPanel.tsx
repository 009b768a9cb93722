// Bộ tiêu chí: the criteria sets with their versions, import, export and the editor.
import { useEffect, useRef, useState } from 'react';
import { fileBytes } from '../../lib/files';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { useListKeys } from '../../components/useListKeys';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { formatPoints, rangeText } from '../../../shared/domain/scoring';
import { type CriteriaSet, type CriteriaSetListItem } from '../../../shared/model/scoring';
import type { CriteriaSetInput } from '../../../shared/contract/scoring';
import { CriteriaSetForm } from './ScoringSetEditor';
import './scoring.css';

export function SetsPanel({ sets, onChanged }: { sets: CriteriaSetListItem[]; onChanged: () => Promise<void> }) {
  const notice = useNotice();
  const tryCall = useCall();
  const [id, setId] = useState<number | null>(sets[0]?.id ?? null);
  const [set, setSet] = useState<CriteriaSet | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [editError, setEditError] = useState<string[]>([]);
  const [formOpen, setFormOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const setList = useRef<HTMLDivElement>(null);
  useListKeys(setList);
  const openJson = () => {
    if (!set) return;
    const { id: _i, version: _v, basedOnId: _b, frozen: _f, createdAt: _c, updatedAt: _u, ...content } = set;
    setFormOpen(false);
    setEditing(JSON.stringify(content, null, 2));
    setEditError([]);
  };
  const saved = async (r: { set: CriteriaSet; newVersion: boolean }) => {
    setEditing(null);
    setFormOpen(false);
    setEditError([]);
    notice(
      'ok',
      r.newVersion
        ? `Bộ tiêu chí đã dùng nên được lưu thành phiên bản mới (phiên bản ${r.set.version}).`
        : 'Đã lưu bộ tiêu chí.',
    );
    await onChanged();
    setId(r.set.id);
    setSet(r.set);
  };
  const [savingEdit, runningEdit] = useBusy();
  const saveEdit = async () => {
    if (!set || editing === null) return;
    let content: unknown;
    try {
      content = JSON.parse(editing);
    } catch (err) {
      return setEditError([`Nội dung không phải JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`]);
    }
    await runningEdit(async () => {
      try {
        await saved(
          await call('scoring.sets.save', {
            id: set.id,
            content: content as CriteriaSetInput,
            expectedUpdatedAt: set.updatedAt,
          }),
        );
      } catch (err) {
        const e = err as { data?: { details?: { message: string }[] } };
        setEditError(e.data?.details?.length ? e.data.details.map((d) => d.message) : [errorMessage(err)]);
      }
    });
  };
  useEffect(() => {
    if (id === null) return setSet(null);
    void tryCall(() => call('scoring.sets.get', { id }).then(setSet));
  }, [id, tryCall]);
  return (
    <div className="sc-sets">
      <aside className="sc-unit-list" aria-label="Bộ tiêu chí">
        <div className="sc-options" role="listbox" aria-label="Chọn bộ tiêu chí" ref={setList}>
          {sets.map((s) => (
            <button
              key={s.id}
              type="button"
              role="option"
              aria-selected={s.id === id}
              className={`sc-unit${s.id === id ? ' active' : ''}`}
              onClick={() => setId(s.id)}
            >
              <span className="sc-unit-name">{s.name}</span>
              <span className="sc-unit-meta">
                v{s.version} · {s.province} · {s.year}{' '}
                {s.frozen ? <span className="badge muted-badge">đã dùng · chỉ đọc</span> : null}
              </span>
            </button>
          ))}
        </div>
        <button type="button" onClick={() => input.current?.click()}>
          Nhập bộ tiêu chí (JSON)…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json"
          hidden
          aria-label="Nhập bộ tiêu chí"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            await tryCall(async () => {
              const r = await call('scoring.sets.import', await fileBytes(f));
              notice(
                'ok',
                `Đã nhập “${r.set.name}” (phiên bản ${r.set.version}${r.newVersion ? ', phiên bản mới' : ''}).`,
              );
              await onChanged();
              setId(r.set.id);
            });
          }}
        />
      </aside>
      {set ? (
        <div className="sc-sheet">
          <div className="sc-sheet-head">
            <div>
              <h2>{set.name}</h2>
              <div className="muted small">
                Mã {set.code} · phiên bản {set.version} · {set.province} · năm {set.year} · thang điểm{' '}
                {formatPoints(set.totalPoints)}
                {set.frozen ? ' · đã dùng để chấm điểm: chỉ đọc, sửa sẽ tạo phiên bản mới' : ''}
              </div>
            </div>
            <div className="toolbar-actions">
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {set.frozen ? 'Sửa (tạo phiên bản mới)…' : 'Sửa…'}
              </button>
              <button type="button" onClick={openJson}>
                Sửa JSON (nâng cao)…
              </button>
              <button
                type="button"
                onClick={() =>
                  void tryCall(() =>
                    call('scoring.sets.export', { id: set.id }).then(
                      (r) => r.saved && notice('ok', `Đã xuất: ${r.path}`),
                    ),
                  )
                }
              >
                Xuất JSON
              </button>
            </div>
          </div>
          {set.description ? <p>{set.description}</p> : null}
          {formOpen ? (
            <CriteriaSetForm
              key={set.id}
              set={set}
              onClose={() => setFormOpen(false)}
              onSaved={(r) => void saved(r)}
              onJson={openJson}
            />
          ) : null}
          {editing !== null ? (
            <Modal
              title={`Sửa bộ tiêu chí “${set.name}”`}
              onClose={() => setEditing(null)}
              busy={savingEdit}
              wide
              guardEdits
            >
              <p className="muted small">
                Nhóm (groups) và tiêu chí (criteria) với điểm tối đa (maxPoints), hướng dẫn (guidance), minh chứng
                (evidence); điểm thưởng (bonus: cap, items); điểm trừ (deductions); mức xếp loại (classes: from ≤ tổng
                điểm &lt; to).{' '}
                {set.frozen
                  ? 'Bộ này đã được dùng để chấm điểm: lưu sẽ tạo phiên bản mới, các đợt cũ giữ phiên bản cũ.'
                  : ''}
              </p>
              <textarea
                aria-label="Nội dung bộ tiêu chí (JSON)"
                className="sc-json"
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                spellCheck={false}
              />
              {editError.length ? (
                <ul className="form-error" role="alert">
                  {editError.slice(0, 12).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(null)}>
                  Hủy
                </button>
                <button type="button" className="primary" onClick={() => void saveEdit()}>
                  Lưu
                </button>
              </div>
            </Modal>
          ) : null}
          <table className="data">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Nhóm, tiêu chí</th>
                <th className="num">Tối đa</th>
                <th>Tài liệu kiểm chứng</th>
              </tr>
            </thead>
            <tbody>
              {set.groups.map((g) => [
                <tr key={g.code} className="sc-group">
                  <td className="mono">{g.code}</td>
                  <td>{g.title}</td>
                  <td className="num">{formatPoints(g.maxPoints)}</td>
                  <td />
                </tr>,
                ...g.criteria.map((c) => (
                  <tr key={c.code}>
                    <td className="mono">{c.code}</td>
                    <td>
                      {c.title}
                      {c.subCriteria.map((s) => (
                        <div key={s.title} className="muted small">
                          – {s.title}
                          {s.maxPoints !== null ? ` (${formatPoints(s.maxPoints)} đ)` : ''}
                        </div>
                      ))}
                      {c.guidance ? <div className="muted small">{c.guidance}</div> : null}
                    </td>
                    <td className="num">{formatPoints(c.maxPoints)}</td>
                    <td className="small">{c.evidence}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
          <div className="sc-results-grid">
            <div className="card">
              <h3 className="card-title">Thưởng (tối đa {formatPoints(set.bonus.cap)} điểm) và điểm trừ</h3>
              <ul>
                {set.bonus.items.map((b) => (
                  <li key={b.code}>
                    +{formatPoints(b.maxPoints)}: {b.title}
                  </li>
                ))}
                {set.deductions.items.map((d) => (
                  <li key={d.code}>
                    −{formatPoints(d.maxPoints)}: {d.title}
                  </li>
                ))}
              </ul>
            </div>
            <div className="card">
              <h3 className="card-title">Mức xếp loại</h3>
              <ul>
                {[...set.classes]
                  .sort((a, b) => b.from - a.from)
                  .map((c) => (
                    <li key={c.code}>
                      <strong>{c.label}</strong>: {rangeText(c)}
                    </li>
                  ))}
              </ul>
            </div>
          </div>
        </div>
      ) : (
        <div className="empty">Chưa có bộ tiêu chí nào.</div>
      )}
    </div>
  );
}
