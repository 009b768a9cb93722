// Choosing which units a scoring round covers.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Confirm, Modal } from '../../components/Modal';
import { SCORING_STAGE_LABELS, type RoundCandidate, type ScoringRound } from '../../../shared/model/scoring';
import './scoring.css';

/** Adds units active in the year and removes units with nothing recorded; asks before removing. */
export function RoundUnitsDialog({
  round,
  onClose,
  onSaved,
}: {
  round: ScoringRound;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [candidates, setCandidates] = useState<RoundCandidate[] | null>(null);
  const [checked, setChecked] = useState<Set<number>>(() => new Set(round.units.map((u) => u.unitId)));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    void call('scoring.rounds.candidates', { roundId: round.id }).then(setCandidates, (err: unknown) =>
      setError(errorMessage(err)),
    );
  }, [round.id]);
  const add = (candidates ?? []).filter((u) => checked.has(u.unitId)).map((u) => u.unitId);
  const removed = round.units.filter((u) => !checked.has(u.unitId));
  const toggle = (id: number, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = async () => {
    setConfirming(false);
    try {
      await call('scoring.rounds.units', { roundId: round.id, add, remove: removed.map((u) => u.unitId) });
      onSaved(
        [add.length ? `thêm ${add.length} đơn vị` : '', removed.length ? `bỏ ${removed.length} đơn vị` : '']
          .filter(Boolean)
          .join(', ')
          .replace(/^./, (c) => `Đã ${c}`) + '.',
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const line = (id: number, code: string, name: string, note: string, disabled: boolean) => (
    <label
      key={id}
      className="sc-check"
      data-unit={code}
      title={disabled ? 'Đơn vị đã có điểm, không bỏ khỏi đợt được.' : undefined}
    >
      <input
        type="checkbox"
        checked={checked.has(id)}
        disabled={disabled}
        onChange={(e) => toggle(id, e.target.checked)}
      />{' '}
      {name} <span className="muted small">{note}</span>
    </label>
  );
  return (
    <>
      <Modal title="Đơn vị trong đợt" onClose={onClose}>
        <p className="muted small">
          Bỏ chọn để bỏ đơn vị chưa chấm điểm khỏi đợt; chọn để thêm đơn vị đang hoạt động trong năm {round.year}. Đơn
          vị đã có điểm hoặc lịch sử chấm điểm không bỏ được.
        </p>
        <div className="sc-checks" role="group" aria-label="Đơn vị trong đợt">
          {round.units.map((u) =>
            line(u.unitId, u.code, u.name, SCORING_STAGE_LABELS[u.stage], u.stage !== 'chua_cham'),
          )}
        </div>
        <h3 className="card-title">Có thể thêm</h3>
        <div className="sc-checks" role="group" aria-label="Đơn vị có thể thêm">
          {candidates === null ? (
            <span className="muted small">Đang tải…</span>
          ) : candidates.length === 0 ? (
            <span className="muted small">Mọi đơn vị hoạt động trong năm đã có trong đợt.</span>
          ) : null}
          {(candidates ?? []).map((u) => line(u.unitId, u.code, u.name, u.code, false))}
        </div>
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button
            type="button"
            className="primary"
            disabled={add.length === 0 && removed.length === 0}
            onClick={() => (removed.length ? setConfirming(true) : void save())}
          >
            Lưu
          </button>
        </div>
      </Modal>
      {confirming ? (
        <Confirm
          title="Bỏ đơn vị khỏi đợt"
          message={
            <>
              Bỏ {removed.length} đơn vị khỏi đợt “{round.name}”:{' '}
              <strong>{removed.map((u) => u.name).join(', ')}</strong>?
            </>
          }
          confirmLabel="Bỏ khỏi đợt"
          onCancel={() => setConfirming(false)}
          onConfirm={save}
        />
      ) : null}
    </>
  );
}
