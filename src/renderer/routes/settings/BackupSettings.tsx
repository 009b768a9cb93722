// Sao lưu, khôi phục: the rotation, manual copies, restore after a check, data packages.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Confirm } from '../../components/Modal';
import type { BackupItem, BackupList, DataInspection } from '../../../shared/model/safety';
import { rotatedAway } from '../../../shared/domain/backup-rotation';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { isCancelled, useJob } from '../../lib/jobs';
import { ScreenJob } from '../../components/ScreenJob';

const REASON_LABEL: Record<string, string> = {
  'hang-ngay': 'Tự động hằng ngày',
  'truoc-nang-cap': 'Trước khi nâng cấp',
  'truoc-khoi-phuc': 'Trước khi khôi phục',
  'truoc-nhap-goi': 'Trước khi nhập gói dữ liệu',
};

const size = (n: number) =>
  n >= 1048576 ? `${formatNumber(n / 1048576, 1)} MB` : `${formatNumber(Math.max(1, Math.round(n / 1024)))} KB`;

export function BackupSettings() {
  const notice = useNotice();
  const tryCall = useCall();
  const [list, setList] = useState<BackupList | null>(null);
  const [keep, setKeep] = useState('14');
  const [busy, setBusy] = useState('');
  const [inspection, setInspection] = useState<DataInspection | null>(null);
  const [trimming, setTrimming] = useState<{ keep: number; away: BackupItem[] } | null>(null);

  const reload = useCallback(async () => {
    await tryCall(async () => {
      const l = await call('backups.list');
      setList(l);
      setKeep(String(l.keep));
    });
  }, [tryCall]);
  useEffect(() => void reload(), [reload]);

  const run = async <T,>(label: string, fn: () => Promise<T>, ok: (r: T) => string | null) => {
    setBusy(label);
    await tryCall(async () => {
      const r = await fn();
      const msg = ok(r);
      if (msg) notice('ok', msg);
      await reload();
    });
    setBusy('');
  };
  const saveKeep = (n: number) =>
    run(
      'keep',
      () => call('backups.setKeep', { keep: n }),
      () => `Sẽ giữ ${formatNumber(n)} bản sao lưu tự động gần nhất.`,
    );

  // Backups, restores and packages run in the job centre: their bar, "Dừng" and the notice at the
  // end show here as in the sidebar, and survive leaving the screen.
  const job = useJob('safety.backups');
  const [jobLabel, setJobLabel] = useState('');
  const { resume } = job;
  useEffect(() => resume(() => void reload()), [resume, reload]);
  const runJob = async <T,>(label: string, fn: (jobId: string) => Promise<T>) => {
    setJobLabel(label);
    try {
      await job.run(fn);
    } catch (err) {
      if (!isCancelled(err)) await tryCall(() => Promise.reject(err));
    }
    await reload();
  };
  const held = busy !== '' || job.progress !== null;

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Sao lưu, khôi phục</h1>
        </div>
      </header>
      <ScreenJob
        info={job.info}
        progress={job.progress}
        label={jobLabel}
        oneStep="Sao lưu và khôi phục chép cả cơ sở dữ liệu trong một bước: không dừng giữa chừng được."
      />
      <div className="card stack">
        <h2 className="card-title">Sao lưu tự động</h2>
        <p className="muted">
          Ứng dụng tự sao lưu mỗi ngày khi mở lần đầu và trước mỗi lần nâng cấp dữ liệu, vào thư mục{' '}
          <code>{list?.folder ?? '…'}</code>.
        </p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(keep);
            // Keeping fewer deletes the oldest automatic copies at once: asked first, naming them.
            const away = list ? rotatedAway(list.items, n) : [];
            if (away.length) setTrimming({ keep: n, away });
            else void saveKeep(n);
          }}
        >
          <label className="field">
            <span className="field-label">Giữ lại số bản tự động gần nhất</span>
            <input
              type="number"
              min={1}
              max={365}
              value={keep}
              onChange={(e) => setKeep(e.target.value)}
              aria-label="Số bản sao lưu giữ lại"
            />
          </label>
          <button type="submit" disabled={held}>
            Lưu
          </button>
        </form>
        <div className="toolbar-actions">
          <button
            type="button"
            className="primary"
            disabled={held}
            onClick={() => void runJob('Sao lưu dữ liệu', (jobId) => call('backups.create', { jobId }))}
          >
            Sao lưu ngay ra tệp…
          </button>
          <button
            type="button"
            disabled={held}
            onClick={() =>
              void run(
                'inspect',
                () => call('backups.inspect', {}),
                (r) => (setInspection(r), null),
              )
            }
          >
            Khôi phục từ tệp…
          </button>
        </div>
        <table className="data" aria-label="Các bản sao lưu">
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Loại</th>
              <th>Thời điểm</th>
              <th>Dung lượng</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {list?.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  Chưa có bản sao lưu tự động nào trong thư mục này. Bản sao lưu ra tệp nằm ở nơi anh/chị chọn khi lưu.
                </td>
              </tr>
            ) : null}
            {list?.items.map((b) => (
              <tr key={b.name}>
                <td className="mono small">{b.name}</td>
                <td>{REASON_LABEL[b.reason] ?? 'Khác'}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{size(b.size)}</td>
                <td>
                  <button
                    type="button"
                    disabled={held}
                    onClick={() =>
                      void run(
                        'inspect',
                        () => call('backups.inspect', { name: b.name }),
                        (r) => (setInspection(r), null),
                      )
                    }
                  >
                    Khôi phục…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card stack">
        <h2 className="card-title">Chuyển sang máy khác</h2>
        <p className="muted">
          Gói dữ liệu (.zip) gồm toàn bộ cơ sở dữ liệu và các tệp gốc, minh chứng đã lưu. Trên máy mới, cài ứng dụng rồi
          nhập gói.
        </p>
        <div className="toolbar-actions">
          <button
            type="button"
            disabled={held}
            onClick={() => void runJob('Xuất gói dữ liệu', (jobId) => call('package.export', { jobId }))}
          >
            Xuất gói dữ liệu…
          </button>
          <button
            type="button"
            disabled={held}
            onClick={() =>
              void run(
                'inspect',
                () => call('package.inspect'),
                (r) => (setInspection(r), null),
              )
            }
          >
            Nhập gói dữ liệu…
          </button>
        </div>
        {busy ? (
          <p className="muted" role="status">
            Đang kiểm tra…
          </p>
        ) : null}
      </div>
      {trimming ? (
        <Confirm
          title="Xóa bản sao lưu cũ"
          confirmLabel={`Xóa ${formatNumber(trimming.away.length)} bản`}
          message={
            <>
              <p>
                Giữ {formatNumber(trimming.keep)} bản tự động gần nhất mỗi loại thì{' '}
                <strong>{formatNumber(trimming.away.length)} bản sao lưu cũ bị xóa ngay</strong>, không lấy lại được:
              </p>
              <ul>
                {trimming.away.slice(0, 8).map((b) => (
                  <li key={b.name}>
                    {REASON_LABEL[b.reason] ?? 'Khác'}, {formatDateTime(b.createdAt)}
                  </li>
                ))}
                {trimming.away.length > 8 ? <li>và {formatNumber(trimming.away.length - 8)} bản khác</li> : null}
              </ul>
            </>
          }
          onCancel={() => setTrimming(null)}
          onConfirm={() => saveKeep(trimming.keep).then(() => setTrimming(null))}
        />
      ) : null}
      {inspection ? (
        <Confirm
          title={inspection.kind === 'backup' ? 'Khôi phục dữ liệu' : 'Nhập gói dữ liệu'}
          confirmLabel={inspection.kind === 'backup' ? 'Khôi phục' : 'Nhập gói'}
          message={
            <div className="inspection">
              <p>
                Tệp <strong>{inspection.fileName}</strong> đã được kiểm tra: toàn vẹn{' '}
                <strong>{inspection.integrity === 'ok' ? 'tốt' : inspection.integrity}</strong>, phiên bản dữ liệu{' '}
                <code>{inspection.schemaVersion}</code>
                {inspection.schemaVersion !== inspection.appSchemaVersion ? ' (cũ hơn, sẽ được nâng cấp)' : ''}.
              </p>
              <ul>
                {inspection.counts.map((c) => (
                  <li key={c.label}>
                    {c.label}: <strong>{formatNumber(c.count)}</strong>
                  </li>
                ))}
                {inspection.kind === 'package' ? <li>Tệp kèm theo: {formatNumber(inspection.files)}</li> : null}
              </ul>
              <p className="warn-text">
                Dữ liệu hiện tại sẽ được thay thế. Một bản sao an toàn của dữ liệu hiện tại được tạo trước trong thư mục
                sao lưu.
              </p>
            </div>
          }
          onCancel={() => setInspection(null)}
          onConfirm={() => {
            const insp = inspection;
            setInspection(null);
            void runJob(insp.kind === 'backup' ? 'Khôi phục dữ liệu' : 'Nhập gói dữ liệu', (jobId) =>
              insp.kind === 'backup'
                ? call('backups.restore', { token: insp.token, jobId })
                : call('package.import', { token: insp.token, jobId }),
            );
          }}
        />
      ) : null}
    </section>
  );
}
