// One file of the review: its unit, period and status, the tick to store it, and the diff of a
// changed report.
import { REVIEW_STATUS_LABELS, type ReviewItem } from '../../../shared/model/collect';
import { REPORT_STATUS_LABELS } from '../../../shared/model/report';
import { ViDateInput } from '../../components/ViDateInput';
import './collect.css';

export function ReviewRow(props: {
  item: ReviewItem;
  checked: boolean;
  fileDate: string;
  onFileDate: (iso: string) => void;
  mappedOn: boolean;
  open: boolean;
  onCheck: (on: boolean) => void;
  onMap: (on: boolean) => void;
  onOpen: () => void;
}) {
  const { item } = props;
  const statusText =
    item.status === 'changed'
      ? `${REVIEW_STATUS_LABELS.changed}: ${item.changedCount} giá trị`
      : item.status === 'new'
        ? `${REVIEW_STATUS_LABELS.new}: ${item.changedCount} giá trị`
        : REVIEW_STATUS_LABELS[item.status];
  return (
    <>
      <tr className={`cx-row cx-row-${item.status}`} data-file={item.fileName}>
        <td className="cx-check">
          <input
            type="checkbox"
            aria-label={`Nhập tệp ${item.fileName}`}
            checked={props.checked}
            disabled={!item.acceptable}
            onChange={(e) => props.onCheck(e.target.checked)}
          />
        </td>
        <td className="cx-file">
          {item.fileName}
          {item.previouslyImported ? (
            <div className="small muted">Đã nhập trước đây (tệp {item.previouslyImported.fileName})</div>
          ) : null}
        </td>
        <td>{item.unit ? `${item.unit.code} — ${item.unit.name}` : '—'}</td>
        <td>{item.sourcePeriod?.name ?? '—'}</td>
        <td>
          <span className={`rp-badge cx-${item.status}`}>{statusText}</span>
          {item.reportStatus ? (
            <div className="small muted">Báo cáo: {REPORT_STATUS_LABELS[item.reportStatus]}</div>
          ) : null}
        </td>
        <td className="cx-detail">
          {item.problems.map((p, i) => (
            <div key={i} className="cx-problem">
              {p.message}
            </div>
          ))}
          {item.warnings.map((w, i) => (
            <div key={i} className="cx-warning" role="note">
              {w.message}
            </div>
          ))}
          {item.breaches.map((b, i) => (
            <div key={i} className="cx-breach">
              Vi phạm quy tắc: {b.detail}
              {b.message ? ` — ${b.message}` : ''}
            </div>
          ))}
          {item.notes.map((n, i) => (
            <div key={i} className="small muted">
              {n.message}
            </div>
          ))}
          {props.checked ? (
            <div className="cx-file-date">
              <ViDateInput
                label={`Ngày nhận tệp ${item.fileName}`}
                value={props.fileDate}
                onChange={props.onFileDate}
              />
              <span className="small muted">ngày nhận riêng tệp này (để trống: như các tệp khác)</span>
            </div>
          ) : null}
          {item.mappable ? (
            <label className="check cx-map">
              <input
                type="checkbox"
                checked={props.mappedOn}
                onChange={(e) => props.onMap(e.target.checked)}
                aria-label={`Gán tệp ${item.fileName} vào kỳ này`}
              />
              Gán vào kỳ này
            </label>
          ) : null}
          {item.acceptable && !item.problems.length ? (
            <div className="small muted">
              {item.willSubmit
                ? 'Khi nhập: ghi nhận báo cáo “Đã nộp”.'
                : item.breaches.length
                  ? 'Khi nhập: báo cáo ở trạng thái “Đang nhập”, cần ghi lý do vi phạm rồi mới nộp.'
                  : ''}
            </div>
          ) : null}
          {item.changes.length ? (
            <button type="button" className="link" onClick={props.onOpen} aria-expanded={props.open}>
              {props.open ? 'Ẩn thay đổi' : `Xem ${item.changes.length} thay đổi`}
            </button>
          ) : null}
        </td>
      </tr>
      {props.open && item.changes.length ? (
        <tr className="cx-diff-row">
          <td />
          <td colSpan={5}>
            <table className="cx-diff" aria-label={`Thay đổi trong tệp ${item.fileName}`}>
              <thead>
                <tr>
                  <th>Chỉ tiêu / mục</th>
                  <th>Đang lưu</th>
                  <th>Trong tệp</th>
                </tr>
              </thead>
              <tbody>
                {item.changes.map((c) => (
                  <tr key={c.key}>
                    <td>{c.label}</td>
                    <td className="cx-old">{c.oldText || <span className="muted">(trống)</span>}</td>
                    <td className="cx-new">{c.newText || <span className="muted">(trống)</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </td>
        </tr>
      ) : null}
    </>
  );
}
