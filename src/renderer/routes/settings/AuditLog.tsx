// Nhật ký: every change, who and when, before → after; filterable and exportable.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useCall } from '../../hooks/useCall';
import { useNotice } from '../../components/Notice';
import { TABLE_LABELS, type AuditPage } from '../../../shared/model/safety';
import { formatNumber } from '../../../shared/format';
import { ViDateInput } from '../../components/ViDateInput';
import { UserName, WhoCell } from './AuditUser';
import '../../styles/audit.css';

const two = (n: number) => String(n).padStart(2, '0');
/** "29/11/2026 23:29" in the computer's time zone: the app's one date style, with the time after. */
const localDateTime = (iso: string): string => {
  const d = new Date(iso);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** The id of a record named in a change: a detail after its name. */
const Detail = ({ text }: { text: string | undefined }) =>
  text ? <span className="muted small audit-id"> {text}</span> : null;

const ACTION_LABEL = { insert: 'Thêm', update: 'Sửa', delete: 'Xóa' } as const;
const PAGE = 100;

export function AuditLog() {
  const notice = useNotice();
  const tryCall = useCall();
  const [table, setTable] = useState('');
  const [action, setAction] = useState<'' | 'insert' | 'update' | 'delete'>('');
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);

  const filter = useCallback(
    () => ({
      table: table || undefined,
      action: action || undefined,
      search: search || undefined,
      from: from || undefined,
      to: to || undefined,
    }),
    [table, action, search, from, to],
  );

  useEffect(() => {
    const t = window.setTimeout(() => {
      void tryCall(() => call('audit.list', { ...filter(), limit: PAGE, offset }).then(setPage));
    }, 150);
    return () => window.clearTimeout(t);
  }, [filter, offset, tryCall]);

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Nhật ký thay đổi</h1>
          <div className="muted">{page ? `${formatNumber(page.total)} thay đổi` : ''}</div>
        </div>
        <button
          type="button"
          onClick={() =>
            void tryCall(async () => {
              const r = await call('audit.export', filter());
              if (r.saved) notice('ok', `Đã xuất nhật ký ra ${r.path}.`);
            })
          }
        >
          Xuất Excel
        </button>
      </header>
      <UserName />
      <div className="toolbar audit-toolbar" role="search">
        <select aria-label="Loại dữ liệu" value={table} onChange={(e) => (setOffset(0), setTable(e.target.value))}>
          <option value="">Mọi dữ liệu</option>
          {Object.entries(TABLE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <select
          aria-label="Thao tác"
          value={action}
          onChange={(e) => (setOffset(0), setAction(e.target.value as typeof action))}
        >
          <option value="">Mọi thao tác</option>
          <option value="insert">Thêm</option>
          <option value="update">Sửa</option>
          <option value="delete">Xóa</option>
        </select>
        <ViDateInput label="Từ ngày" value={from} onChange={(v) => (setOffset(0), setFrom(v))} />
        <ViDateInput label="Đến ngày" value={to} onChange={(v) => (setOffset(0), setTo(v))} />
        <input
          type="search"
          className="search"
          placeholder="Tìm trong nội dung thay đổi"
          aria-label="Tìm trong nhật ký"
          value={search}
          onChange={(e) => (setOffset(0), setSearch(e.target.value))}
        />
      </div>
      <table className="data audit" aria-label="Nhật ký">
        <thead>
          <tr>
            <th>Thời điểm</th>
            <th>Người</th>
            <th>Dữ liệu</th>
            <th>Thao tác</th>
            <th>Thay đổi (trước → sau)</th>
          </tr>
        </thead>
        <tbody>
          {page?.rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{localDateTime(r.at)}</td>
              <td>
                <WhoCell stored={r.user} />
              </td>
              <td>
                {r.tableLabel}
                {r.rowName ? <div className="audit-subject">{r.rowName}</div> : null}
                {r.rowId !== null ? <div className="muted small">#{r.rowId}</div> : null}
              </td>
              <td>{ACTION_LABEL[r.action]}</td>
              <td>
                <ul className="changes">
                  {r.changes.slice(0, 8).map((c) => (
                    <li key={c.field}>
                      <span className="audit-field">{c.label}</span>:{' '}
                      {r.action !== 'insert' ? (
                        <>
                          <del>{c.before || 'trống'}</del>
                          <Detail text={c.beforeDetail} /> →{' '}
                        </>
                      ) : null}
                      {r.action !== 'delete' ? (
                        <>
                          <ins>{c.after || 'trống'}</ins>
                          <Detail text={c.afterDetail} />
                        </>
                      ) : null}
                    </li>
                  ))}
                  {r.changes.length > 8 ? <li className="muted">… và {r.changes.length - 8} trường khác</li> : null}
                  {r.changes.length === 0 ? <li className="muted">Lưu lại, không đổi nội dung</li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ← Trước
        </button>
        <span className="muted">
          {page && page.total > 0
            ? `${formatNumber(offset + 1)}–${formatNumber(Math.min(offset + PAGE, page.total))} / ${formatNumber(page.total)}`
            : ''}
        </span>
        <button type="button" disabled={!page || offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
          Sau →
        </button>
      </div>
    </section>
  );
}
