// What the report screen says about where a report stands, in the words of the one status model
// (shared/domain/report-status): a received date only for a report that counts as received, with
// its timeliness; a returned report with the reason it was returned; how to change a locked
// report; and what a breach means once the report has been recorded as received.
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { formatDateShort } from '../../../shared/format';
import { isReceived, standingOf } from '../../../shared/domain/report-status';
import { CHANNEL_LABELS, type ReportForm, type ReportStatus } from '../../../shared/model/report';

/** "Ngày nhận 16/06/2025 (nộp muộn 4 ngày) · Nhập trên máy", or the return and its reason. */
export function ReceivedLine({ form }: { form: ReportForm }) {
  const { status, receivedDate, channel } = form.report;
  const reason = useReturnReason(form);
  const via = channel ? ` · ${CHANNEL_LABELS[channel]}` : '';
  if (status === 'tra_lai')
    return (
      <span className="small" data-testid="report-received">
        Đã trả lại{receivedDate ? ` lần nộp nhận ngày ${formatDateShort(receivedDate)}` : ''}
        {reason ? `: ${reason}` : ''}. Chưa tính là đã nhận cho đến khi đơn vị nộp lại.
      </span>
    );
  if (!isReceived(status) || !receivedDate) return null;
  const s = standingOf(status, receivedDate, form.period.deadline, receivedDate);
  const timing = s.timeliness === 'muon' ? `nộp muộn ${s.daysLate} ngày` : 'nộp đúng hạn';
  return (
    <span className="small" data-testid="report-received">
      Ngày nhận {formatDateShort(receivedDate)} ({timing}){via}
    </span>
  );
}

/** The reason of the last return, read from the report's history while it stands returned. */
function useReturnReason(form: ReportForm): string {
  const [reason, setReason] = useState('');
  const { id: periodId } = form.period;
  const { id: unitId } = form.unit;
  const returned = form.report.status === 'tra_lai';
  const revision = form.report.revision;
  useEffect(() => {
    setReason('');
    if (!returned) return;
    let live = true;
    void call('reports.history', { periodId, unitId }).then(
      (h) => {
        const last = [...h.events].reverse().find((e) => e.to === 'tra_lai');
        if (live) setReason(last?.note.trim() ?? '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [periodId, unitId, returned, revision]);
  return reason;
}

/** Why the values cannot be changed now, and the step that would allow it. */
export function LockNote({ status }: { status: ReportStatus }) {
  const text =
    status === 'da_duyet'
      ? 'Báo cáo đã duyệt nên số liệu bị khóa. Muốn sửa, hãy mở lại (ghi lý do) rồi trả lại báo cáo cho đơn vị.'
      : 'Báo cáo đã nộp nên không sửa được. Muốn sửa, hãy trả lại báo cáo (ghi lý do).';
  return <p className="rp-muted-note">{text}</p>;
}

/** Rule breaches: before submitting they need a reason; once received they are a flag to act on. */
export function BreachNote({
  status,
  breaches,
  unexplained,
}: {
  status: ReportStatus;
  breaches: number;
  unexplained: number;
}) {
  if (!breaches) return null;
  const tail = !unexplained
    ? ', đã ghi lý do'
    : isReceived(status)
      ? `, ${unexplained} chưa ghi lý do: báo cáo đã được ghi nhận với vi phạm được đánh dấu${status === 'da_nop' ? ' — trả lại để đơn vị sửa, hoặc duyệt nếu chấp nhận số liệu như vậy' : ''}`
      : `, ${unexplained} chưa ghi lý do (cần lý do, hoặc ghi nhận đã nhận với vi phạm được đánh dấu)`;
  return (
    <p className="rp-muted-note" role="note" data-testid="breach-note">
      {breaches} quy tắc kiểm tra chưa đạt{tail}.
    </p>
  );
}
