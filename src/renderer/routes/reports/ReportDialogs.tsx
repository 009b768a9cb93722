// The approval steps of a unit's report, as DHIS2's data approval: record it received (with the day
// it came), accept it (asks first: the values lock), return it or reopen it (each with its reason).
// Every dialog calls the contract itself and shows a refusal inside the dialog, where the user is.
import { useState, type FormEvent, type ReactNode } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort, todayIso } from '../../../shared/format';
import { daysBetween } from '../../../shared/domain/periods';
import { CHANNELS, CHANNEL_LABELS, type Channel, type ReportForm } from '../../../shared/model/report';
import '../../styles/reporting.css';

export type ApprovalStep = 'submit' | 'accept' | 'return' | 'reopen';

interface Props {
  form: ReportForm;
  actor: string;
  /** Breaches without a reason, as the entry form sees them now. */
  unexplained: string[];
  onClose: () => void;
  onDone: (next: ReportForm) => void;
}

/** One dialog: a form whose refusal is shown inside it, with the step's own buttons. */
function StepDialog({
  title,
  submitLabel,
  submitClass = 'primary',
  disabled,
  run,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  submitClass?: string;
  disabled?: boolean;
  run: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      const details = (err as { data?: { details?: { message: string }[] } }).data?.details ?? [];
      setError({ message: errorMessage(err), details: details.map((d) => d.message) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose} busy={busy}>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        {children}
        {error ? (
          <div className="rp-problems span-all" role="alert" data-testid="step-error">
            {error.message}
            {error.details.length ? (
              <ul>
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className={submitClass} disabled={busy || disabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function SubmitDialog({ form, actor, unexplained, onClose, onDone }: Props) {
  const [receivedDate, setReceivedDate] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>(form.report.channel ?? 'typed');
  const [note, setNote] = useState('');
  const [acceptBreaches, setAcceptBreaches] = useState(false);
  const late = receivedDate > form.period.deadline;
  return (
    <StepDialog
      title={`Ghi nhận báo cáo của ${form.unit.name} đã nộp`}
      submitLabel="Ghi nhận đã nộp"
      onClose={onClose}
      run={async () =>
        onDone(
          await call('reports.submit', {
            periodId: form.period.id,
            unitId: form.unit.id,
            receivedDate,
            channel,
            note,
            acceptBreaches,
            actor,
          }),
        )
      }
    >
      <Field
        label="Ngày nhận"
        required
        hint={
          late
            ? `Sau hạn nộp ${formatDateShort(form.period.deadline)} ${daysBetween(form.period.deadline, receivedDate)} ngày: tính là nộp muộn.`
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
      {unexplained.length ? (
        <div className="rp-problems span-all">
          Còn quy tắc chưa đạt mà chưa ghi lý do:
          <ul>
            {unexplained.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          <label className="check">
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={acceptBreaches}
              onChange={(e) => setAcceptBreaches(e.target.checked)}
            />
            Vẫn ghi nhận đã nhận báo cáo như đơn vị gửi (vi phạm được đánh dấu để trả lại hoặc hỏi đơn vị)
          </label>
        </div>
      ) : null}
    </StepDialog>
  );
}

export function AcceptDialog({ form, actor, unexplained, onClose, onDone }: Props) {
  const [note, setNote] = useState('');
  return (
    <StepDialog
      title={`Duyệt báo cáo của ${form.unit.name}?`}
      submitLabel="Duyệt"
      onClose={onClose}
      run={async () =>
        onDone(await call('reports.accept', { periodId: form.period.id, unitId: form.unit.id, note, actor }))
      }
    >
      <p className="span-all">
        Sau khi duyệt, số liệu được khóa: không sửa, không nhập tệp mới cho đến khi <strong>Mở lại</strong> (có ghi lý
        do). Việc duyệt được ghi vào lịch sử báo cáo.
      </p>
      {unexplained.length ? (
        <div className="rp-problems span-all" data-testid="accept-breaches">
          Báo cáo còn {unexplained.length} quy tắc kiểm tra chưa đạt mà chưa ghi lý do; duyệt là chấp nhận số liệu như
          vậy:
          <ul>
            {unexplained.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Field label="Ghi chú">
        <input aria-label="Ghi chú duyệt" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </StepDialog>
  );
}

/** Trả lại (đã nộp → trả lại) or Mở lại (đã duyệt → đã nộp): the reason is required and kept. */
export function ReasonDialog({ form, actor, onClose, onDone, step }: Props & { step: 'return' | 'reopen' }) {
  const [reason, setReason] = useState('');
  const ret = step === 'return';
  return (
    <StepDialog
      title={`${ret ? 'Trả lại' : 'Mở lại'} báo cáo của ${form.unit.name}`}
      submitLabel={ret ? 'Trả lại' : 'Mở lại'}
      submitClass="danger"
      disabled={!reason.trim()}
      onClose={onClose}
      run={async () =>
        onDone(
          await call(ret ? 'reports.return' : 'reports.reopen', {
            periodId: form.period.id,
            unitId: form.unit.id,
            reason,
            actor,
          }),
        )
      }
    >
      <Field
        label={ret ? 'Lý do trả lại' : 'Lý do mở lại'}
        required
        hint={
          ret
            ? 'Đơn vị sẽ biết cần sửa gì; tệp hoặc số liệu đơn vị gửi lại là một lần sửa mới.'
            : 'Báo cáo trở về “Đã nộp” (bỏ khóa) để trả lại hoặc duyệt lại.'
        }
      >
        <textarea
          aria-label={ret ? 'Lý do trả lại' : 'Lý do mở lại'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
      </Field>
    </StepDialog>
  );
}

/** The dialog of one approval step. */
export function StepDialogFor(p: Props & { step: ApprovalStep }) {
  if (p.step === 'submit') return <SubmitDialog {...p} />;
  if (p.step === 'accept') return <AcceptDialog {...p} />;
  return <ReasonDialog {...p} step={p.step} />;
}
