// Điền mẫu: one document from a stored template, or "gửi từng đơn vị": one per chosen unit, with a
// progress bar. The main process picks where files go (a save dialog or a folder).
import { useCallback, useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { useNotice } from '../../components/Notice';
import { formatNumber, todayIso } from '../../../shared/format';
import type { Board } from '../../../shared/model/report';
import { isReceived } from '../../../shared/domain/report-status';
import { standingClass } from '../../lib/standing';
import type { PeriodListItem } from '../../../shared/model/period';
import type { ScoringRoundListItem } from '../../../shared/model/scoring';
import { isCancelled, useJob } from '../../lib/jobs';
import type { DocTemplate } from '../../../shared/contract/doc-templates';

export function FillDialog({
  template,
  merge,
  onClose,
}: {
  template: DocTemplate;
  merge: boolean;
  onClose: () => void;
}) {
  const notice = useNotice();
  const scoring = template.usage === 'scoring';
  const perUnit = template.usage === 'unit_letter' || template.usage === 'reminder';
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [rounds, setRounds] = useState<ScoringRoundListItem[]>([]);
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [unitId, setUnitId] = useState<number | null>(null);
  const [date, setDate] = useState(todayIso());
  const [newDeadline, setNewDeadline] = useState('');
  const [takeNumber, setTakeNumber] = useState(false);
  // In the job centre: closing the dialog leaves the merge running, followed in the sidebar.
  const mergeJob = useJob('docTemplates.mailMerge');
  const progress = mergeJob.progress;
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (scoring)
      void call('scoring.rounds.list').then(
        (r) => {
          setRounds(r);
          setRoundId(r[0]?.id ?? null);
        },
        (err) => setError(errorMessage(err)),
      );
    else
      void call('periods.list').then(
        (p) => {
          setPeriods(p);
          setPeriodId(p[0]?.id ?? null);
        },
        (err) => setError(errorMessage(err)),
      );
  }, [scoring]);
  const loadBoard = useCallback(async (id: number) => {
    const b = await call('dashboard.board', { periodId: id, today: null });
    setBoard(b);
    const late = b.rows
      .filter((r) => r.expected && (!isReceived(r.status) || r.timeliness === 'muon'))
      .map((r) => r.unitId);
    setChosen(new Set(late));
    setUnitId(b.rows[0]?.unitId ?? null);
  }, []);
  useEffect(() => {
    if (periodId !== null && (merge || perUnit)) void loadBoard(periodId).catch((err) => setError(errorMessage(err)));
  }, [periodId, merge, perUnit, loadBoard]);

  const source = () => ({
    periodId,
    roundId,
    date,
    newDeadline: newDeadline || null,
    takeNumber,
  });
  const submit = async () => {
    setBusy(true);
    setError('');
    setWarnings([]);
    try {
      if (merge) {
        if (periodId === null) throw new Error('Chọn kỳ báo cáo.');
        const r = await mergeJob.run((jobId) =>
          call('docTemplates.mailMerge', { ...source(), id: template.id, periodId, unitIds: [...chosen], jobId }),
        );
        if (r.saved) {
          notice('ok', `Đã tạo ${r.files.length} văn bản trong ${r.folder}.`);
          setWarnings(r.files.flatMap((f) => f.warnings.map((w) => `${f.unitName}: ${w}`)));
        }
      } else {
        const r = await call('docTemplates.fill', { ...source(), id: template.id, unitId: perUnit ? unitId : null });
        if (r.saved) {
          notice('ok', `Đã điền mẫu: ${r.path}`);
          setWarnings(r.warnings);
        }
      }
    } catch (err) {
      if (!isCancelled(err)) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`${merge ? 'Gửi từng đơn vị' : 'Điền mẫu'} — ${template.name}`}
      onClose={onClose}
      busy={busy}
      wide={merge}
    >
      <div className="form-grid">
        {scoring ? (
          <Field label="Đợt chấm điểm" required>
            <select value={roundId ?? ''} onChange={(e) => setRoundId(Number(e.target.value))}>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label="Kỳ báo cáo" required>
            <select value={periodId ?? ''} onChange={(e) => setPeriodId(Number(e.target.value))}>
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {!merge && perUnit && board ? (
          <Field label="Đơn vị nhận" required>
            <select value={unitId ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
              {board.rows.map((r) => (
                <option key={r.unitId} value={r.unitId}>
                  {r.unitName} ({r.label})
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="Ngày văn bản" required>
          <ViDateInput label="Ngày văn bản" value={date} onChange={setDate} />
        </Field>
        {template.usage === 'reminder' || template.usage === 'unit_letter' ? (
          <Field label="Hạn nộp mới" hint="Cho thẻ {reminder.newDeadline}; để trống nếu mẫu không dùng.">
            <ViDateInput label="Hạn nộp mới" value={newDeadline} onChange={setNewDeadline} />
          </Field>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            style={{ width: 'auto' }}
            checked={takeNumber}
            onChange={(e) => setTakeNumber(e.target.checked)}
          />
          Lấy số tiếp theo trong sổ văn bản đi
        </label>
      </div>
      {merge && board ? (
        <div className="dt-units" role="group" aria-label="Đơn vị nhận văn bản">
          {board.rows.map((r) => (
            <label key={r.unitId} className="check">
              <input
                type="checkbox"
                style={{ width: 'auto' }}
                checked={chosen.has(r.unitId)}
                onChange={() => {
                  const next = new Set(chosen);
                  if (next.has(r.unitId)) next.delete(r.unitId);
                  else next.add(r.unitId);
                  setChosen(next);
                }}
              />
              {r.unitName} <span className={standingClass(r)}>{r.label}</span>
            </label>
          ))}
        </div>
      ) : null}
      {progress ? (
        <div
          role="progressbar"
          aria-label="Tiến độ gửi từng đơn vị"
          aria-valuemin={0}
          aria-valuemax={progress.total || 1}
          aria-valuenow={progress.done}
          className="dt-progress"
        >
          <div
            className="dt-progress-fill"
            style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 0}%` }}
          />
          <span className="small muted">
            {formatNumber(progress.done)}/{formatNumber(progress.total)} {progress.current}
          </span>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {warnings.length ? (
        <ul className="dt-warnings" aria-label="Chỗ để trống">
          {warnings.slice(0, 50).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Đóng
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || (merge && chosen.size === 0)}
          onClick={() => void submit()}
        >
          {merge ? `Tạo ${formatNumber(chosen.size)} văn bản` : 'Điền và lưu…'}
        </button>
      </div>
    </Modal>
  );
}
