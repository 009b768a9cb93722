// Kỳ báo cáo: periods made from a template, with the data window of Nghị định 09/2019 computed,
// the deadline (the plan's, or one working day after the cut-off), and the expected units.
import { useDataRefresh } from '../../hooks/useDataRefresh';
import { useListDetail } from '../../hooks/useListDetail';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { Confirm } from '../../components/Modal';
import { formatDateShort } from '../../../shared/format';
import { PERIOD_TYPE_LABELS, type Period, type PeriodListItem } from '../../../shared/model/period';
import { goTo } from '../../lib/reporting-nav';
import { openCollectExcel } from '../../lib/collect-nav';
import '../../styles/reporting.css';
import { PeriodForm } from './PeriodForm';
import { ExpectedListDialog } from './ExpectedListDialog';
import { useRef, useState } from 'react';
import { useRowKeys } from '../../components/useRowKeys';

export function PeriodsScreen() {
  const notice = useNotice();
  const {
    list: periods,
    reload,
    editing,
    setEditing,
    deleting,
    setDeleting,
    confirmDelete,
  } = useListDetail<PeriodListItem, never, Period | 'new'>({
    load: () => call('periods.list'),
    remove: async (p) => {
      await call('periods.delete', { id: p.id });
      return `Đã xóa kỳ “${p.name}”.`;
    },
  });

  useDataRefresh(reload);
  const [listOf, setListOf] = useState<PeriodListItem | null>(null);
  // One Tab stop for the table, arrows between periods and to a row's six buttons (components/useRowKeys).
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  useRowKeys(rowsRef, periods.length, () => {});
  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Kỳ báo cáo</div>
          <h1>Kỳ báo cáo</h1>
          <div className="muted small">
            Thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP được tính sẵn; hạn nộp lấy theo văn bản chỉ đạo hoặc một
            ngày làm việc sau ngày chốt, có thể sửa. Mẫu báo cáo: <a href="#/mau-bao-cao">quản lý mẫu báo cáo →</a>
          </div>
        </div>
        <div className="toolbar-actions">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            + Tạo kỳ báo cáo
          </button>
        </div>
      </header>
      <div className="rp-table-wrap">
        <table className="rp-table" aria-label="Danh sách kỳ báo cáo">
          <thead>
            <tr>
              <th>Kỳ báo cáo</th>
              <th>Số liệu từ – đến</th>
              <th>Hạn nộp</th>
              <th>Mẫu báo cáo</th>
              <th className="num">Đã nộp / phải nộp</th>
              <th>Thao tác</th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {periods.map((p, i) => (
              <tr
                key={p.id}
                data-index={i}
                aria-label={p.name}
                title="Enter: theo dõi kỳ này; →/←: các nút của dòng; ↑/↓: sang kỳ khác"
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
                  e.preventDefault();
                  goTo('tong-quan', { periodId: p.id });
                }}
              >
                <td>
                  <strong>{p.name}</strong>
                  <div className="small muted">{PERIOD_TYPE_LABELS[p.type]}</div>
                </td>
                <td>
                  {formatDateShort(p.windowStart)} – {formatDateShort(p.windowEnd)}
                </td>
                <td>{formatDateShort(p.deadline)}</td>
                <td>
                  {p.templateName} <span className="small muted">(phiên bản {p.templateVersion})</span>
                </td>
                <td className="num">
                  {p.submittedCount} / {p.expectedCount}
                  {p.expectedFrozenAt ? (
                    <div
                      className="small muted"
                      title="Thời gian số liệu đã kết thúc: danh sách không đổi theo danh mục"
                    >
                      danh sách đã chốt
                    </div>
                  ) : null}
                </td>
                <td>
                  <div className="rp-row-actions">
                    <button type="button" onClick={() => goTo('tong-quan', { periodId: p.id })}>
                      Theo dõi
                    </button>
                    <button type="button" onClick={() => goTo('bao-cao-don-vi', { periodId: p.id })}>
                      Nhập báo cáo
                    </button>
                    <button type="button" onClick={() => openCollectExcel(p.id)}>
                      Thu biểu Excel
                    </button>
                    <button type="button" onClick={() => setEditing(p)}>
                      Sửa
                    </button>
                    <button type="button" onClick={() => setListOf(p)}>
                      Danh sách đơn vị…
                    </button>
                    <button type="button" className="link danger-text" onClick={() => setDeleting(p)}>
                      Xóa
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            {periods.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  Chưa có kỳ báo cáo. Bấm “Tạo kỳ báo cáo”.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {editing ? (
        <PeriodForm
          period={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            notice('ok', `Đã lưu kỳ “${p.name}”.`);
            void reload();
          }}
        />
      ) : null}
      {listOf ? (
        <ExpectedListDialog
          period={listOf}
          onClose={() => setListOf(null)}
          onDone={(d) => {
            setListOf(null);
            notice(
              'ok',
              `Đã cập nhật danh sách đơn vị phải báo cáo của kỳ “${d.periodName}”: ${d.current.length} đơn vị.`,
            );
            void reload();
          }}
        />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa kỳ báo cáo"
          message={`Xóa kỳ “${deleting.name}”? Kỳ đã có báo cáo của đơn vị thì không xóa được.`}
          confirmLabel="Xóa"
          onCancel={() => setDeleting(null)}
          onConfirm={confirmDelete}
        />
      ) : null}
    </section>
  );
}
