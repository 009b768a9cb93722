// Recording a report as submitted (date received, channel) or returning it with a note.
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort, todayIso } from '../../../shared/format';
import { CHANNELS, CHANNEL_LABELS, type Channel, type ReportForm } from '../../../shared/model/report';
import '../../styles/reporting.css';

export function SubmitDialog({
  form,
  blocked,
  onClose,
  onSubmit,
}: {
  form: ReportForm;
  blocked: string[];
  onClose: () => void;
  onSubmit: (x: { receivedDate: string; channel: Channel; note: string }) => void;
}) {
  const [receivedDate, setReceivedDate] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>(form.report.channel ?? 'typed');
  const [note, setNote] = useState('');
  const late = receivedDate > form.period.deadline;
  return (
    <Modal title={`Ghi nhận báo cáo của ${form.unit.name} đã nộp`} onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({ receivedDate, channel, note });
        }}
      >
        <Field
          label="Ngày nhận"
          required
          hint={
            late
              ? `Sau hạn nộp ${formatDateShort(form.period.deadline)}: tính là nộp muộn.`
              : `Hạn nộp ${formatDateShort(form.period.deadline)}.`
          }
        >
          <ViDateInput label="Ngày nhận" value={receivedDate} onChange={setReceivedDate} />
        </Field>
        <Field label="Hình thức nhận">
          <select aria-label="Hình thức nhận" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Ghi chú">
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {blocked.length ? (
          <div className="rp-problems span-all" role="alert">
            Còn quy tắc chưa đạt mà chưa ghi lý do:
            <ul>
              {blocked.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Ghi nhận đã nộp
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ReturnDialog({
  unitName,
  onClose,
  onSubmit,
}: {
  unitName: string;
  onClose: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Modal title={`Trả lại báo cáo của ${unitName}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(note);
        }}
      >
        <Field label="Lý do trả lại" required hint="Đơn vị sẽ biết cần sửa gì.">
          <textarea aria-label="Lý do trả lại" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="danger" disabled={!note.trim()}>
            Trả lại
          </button>
        </div>
      </form>
    </Modal>
  );
}
