// Opening a scoring round: the criteria set, the year and the units scored.
import { useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { type CriteriaSetListItem, type ScoringRound } from '../../../shared/model/scoring';
import './scoring.css';

export function CreateRound({
  sets,
  onClose,
  onCreated,
}: {
  sets: CriteriaSetListItem[];
  onClose: () => void;
  onCreated: (r: ScoringRound) => void;
}) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [setId, setSetId] = useState<number | ''>(sets[0]?.id ?? '');
  const [name, setName] = useState('');
  const [selfDeadline, setSelfDeadline] = useState('');
  const [appraisalDeadline, setAppraisalDeadline] = useState('');
  const [error, setError] = useState('');
  const [busy, running] = useBusy();
  const submit = () =>
    running(async () => {
      try {
        onCreated(
          await call('scoring.rounds.create', {
            year: Number(year),
            setId: Number(setId),
            name,
            selfDeadline: selfDeadline || null,
            appraisalDeadline: appraisalDeadline || null,
          }),
        );
      } catch (err) {
        setError(errorMessage(err));
      }
    });
  return (
    <Modal title="Tạo đợt chấm điểm" onClose={onClose} busy={busy}>
      <form
        className="form-grid"
        aria-label="Đợt chấm điểm"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Năm" required>
          <input name="year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        </Field>
        <Field label="Bộ tiêu chí" required>
          <select name="setId" value={setId} onChange={(e) => setSetId(e.target.value ? Number(e.target.value) : '')}>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — v{s.version} ({s.province}, {s.year})
              </option>
            ))}
          </select>
        </Field>
        <div className="span-all">
          <Field label="Tên đợt" hint="Để trống: “Chấm điểm công tác dân vận chính quyền năm …”">
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        </div>
        <Field label="Hạn tự chấm">
          <ViDateInput name="selfDeadline" label="Hạn tự chấm" value={selfDeadline} onChange={setSelfDeadline} />
        </Field>
        <Field label="Hạn thẩm định">
          <ViDateInput
            name="appraisalDeadline"
            label="Hạn thẩm định"
            value={appraisalDeadline}
            onChange={setAppraisalDeadline}
          />
        </Field>
        <div className="span-all muted small">Các đơn vị đang hoạt động trong năm được đưa vào đợt.</div>
        {error ? (
          <div className="span-all form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Tạo đợt
          </button>
        </div>
      </form>
    </Modal>
  );
}

// ——— per unit ———
