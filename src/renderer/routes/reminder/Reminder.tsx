// Công văn đôn đốc: choose the late or missing units and a new deadline; the main process writes
// the letter (Nghị định 30 format) and enters it in the outgoing register.
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { FormatChoice } from '../../components/FormatChoice';
import type { DocumentOutput } from '../../../shared/model/document';
import { useNotice } from '../../components/Notice';
import { formatDateShort, formatNumber, todayIso } from '../../../shared/format';
import { addWorkingDays } from '../../../shared/domain/periods';
import type { Board, BoardRow } from '../../../shared/model/report';
import { standingClass } from '../../lib/standing';

export function ReminderDialog({ board, units, onClose }: { board: Board; units: BoardRow[]; onClose: () => void }) {
  const notice = useNotice();
  const [chosen, setChosen] = useState<Set<number>>(new Set(units.map((u) => u.unitId)));
  const [newDeadline, setNewDeadline] = useState(addWorkingDays(todayIso(), 5));
  // Five working days from today, skipping the holidays of Cài đặt too (until the user picks a date).
  const touched = useRef(false);
  useEffect(() => {
    void call('periods.holidays').then(
      (hs) => {
        if (!touched.current)
          setNewDeadline(
            addWorkingDays(
              todayIso(),
              5,
              hs.map((h) => h.date),
            ),
          );
      },
      () => undefined,
    );
  }, []);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [output, setOutput] = useState<DocumentOutput>({ format: 'docx', images: false });
  const toggle = (id: number) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const r = await call('reports.reminder', {
        periodId: board.period.id,
        unitIds: units.filter((u) => chosen.has(u.unitId)).map((u) => u.unitId),
        newDeadline,
        takeNumber: true,
        ...output,
      });
      if (r.saved) {
        notice('ok', `Đã soạn công văn đôn đốc${r.entry ? ` số ${r.entry.number}` : ''}: ${r.path}`);
        onClose();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`Công văn đôn đốc — ${board.period.name}`} onClose={onClose} busy={busy}>
      <p className="small muted">
        Hạn nộp của kỳ: {formatDateShort(board.period.deadline)}. Công văn được lấy số tiếp theo trong sổ văn bản đi và
        lưu thành tệp Word hoặc PDF (để ký số) theo Nghị định 30/2020.
      </p>
      <div
        className="rp-unit-checks"
        role="group"
        aria-label="Đơn vị cần đôn đốc"
        style={{ gridTemplateColumns: '1fr' }}
      >
        {units.map((u) => (
          <label key={u.unitId} className="check">
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={chosen.has(u.unitId)}
              onChange={() => toggle(u.unitId)}
            />
            {u.unitCode} — {u.unitName} <span className={standingClass(u)}>{u.label}</span>
          </label>
        ))}
      </div>
      <div className="form-grid" style={{ marginTop: 10 }}>
        <Field label="Hạn nộp mới" required>
          <ViDateInput
            label="Hạn nộp mới"
            value={newDeadline}
            onChange={(v) => {
              touched.current = true;
              setNewDeadline(v);
            }}
          />
        </Field>
        <FormatChoice value={output} onChange={setOutput} />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void submit()}>
          Soạn công văn ({formatNumber(chosen.size)} đơn vị)
        </button>
      </div>
    </Modal>
  );
}
