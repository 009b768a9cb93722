// "Cập nhật danh sách đơn vị phải báo cáo": once a period's data window has closed its list is kept
// as it was (register changes never alter it). This dialog shows the list in force against what the
// register says on the cut-off, lets the user pick which differences to apply, asks why, and keeps
// it all in the period's history (and the audit log).
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { formatDateShort, formatDayOf } from '../../../shared/format';
import type { ExpectedDiff, ExpectedUnit, PeriodListItem } from '../../../shared/model/period';

function Pick({
  title,
  units,
  chosen,
  onToggle,
  note,
}: {
  title: string;
  units: ExpectedUnit[];
  chosen: Set<number>;
  onToggle: (id: number) => void;
  note?: (u: ExpectedUnit) => string;
}) {
  if (units.length === 0) return null;
  return (
    <fieldset className="span-all">
      <legend>{title}</legend>
      {units.map((u) => (
        <label key={u.id} className="check">
          <input
            type="checkbox"
            style={{ width: 'auto' }}
            checked={chosen.has(u.id)}
            onChange={() => onToggle(u.id)}
            aria-label={`${title}: ${u.code}`}
          />
          {u.code} — {u.name}
          {note?.(u) ? <span className="small muted"> ({note(u)})</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

export function ExpectedListDialog({
  period,
  onClose,
  onDone,
}: {
  period: PeriodListItem;
  onClose: () => void;
  onDone: (d: ExpectedDiff) => void;
}) {
  const [diff, setDiff] = useState<ExpectedDiff | null>(null);
  const [add, setAdd] = useState<Set<number>>(new Set());
  const [remove, setRemove] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('periods.expectedDiff', { id: period.id }).then(
      (d) => {
        setDiff(d);
        setAdd(new Set(d.added.map((u) => u.id)));
        setRemove(new Set(d.removed.map((u) => u.id)));
      },
      (err) => setError(errorMessage(err)),
    );
  }, [period.id]);
  const toggle = (set: Set<number>, update: (s: Set<number>) => void) => (id: number) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update(next);
  };
  const apply = async () => {
    setBusy(true);
    setError('');
    try {
      onDone(await call('periods.updateExpected', { id: period.id, add: [...add], remove: [...remove], reason }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const none = diff !== null && diff.added.length + diff.removed.length === 0;
  return (
    <Modal title={`Danh sách đơn vị phải báo cáo — ${period.name}`} onClose={onClose} busy={busy}>
      {diff ? (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <p className="span-all small" data-testid="expected-summary">
            {diff.frozenAt
              ? `Danh sách đã chốt ngày ${formatDayOf(diff.frozenAt)}: ${diff.current.length} đơn vị. Danh mục đơn vị hiện nay (theo ngày chốt số liệu ${formatDateShort(period.windowEnd)}) cho ${diff.proposed.length} đơn vị.`
              : `Thời gian số liệu chưa kết thúc: danh sách theo danh mục đơn vị (${diff.current.length} đơn vị).`}
          </p>
          {none ? <p className="span-all muted">Không có chênh lệch giữa danh sách và danh mục đơn vị.</p> : null}
          <Pick title="Thêm vào danh sách" units={diff.added} chosen={add} onToggle={toggle(add, setAdd)} />
          <Pick
            title="Bỏ khỏi danh sách"
            units={diff.removed}
            chosen={remove}
            onToggle={toggle(remove, setRemove)}
            note={(u) =>
              diff.removedWithReports.includes(u.id) ? 'đã có báo cáo: vẫn hiện, ngoài danh sách phải báo cáo' : ''
            }
          />
          {!none ? (
            <Field label="Lý do cập nhật" required>
              <textarea
                aria-label="Lý do cập nhật danh sách"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </Field>
          ) : null}
          {diff.history.length ? (
            <div className="span-all small">
              <strong>Lịch sử danh sách</strong>
              <ul className="history">
                {diff.history.map((h, i) => (
                  <li key={i}>
                    {formatDayOf(h.at)} · {h.actor}: {h.note}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {error ? (
            <div className="rp-problems span-all" role="alert">
              {error}
            </div>
          ) : null}
          <div className="form-actions span-all">
            <button type="button" onClick={onClose}>
              Đóng
            </button>
            {!none ? (
              <button
                type="submit"
                className="primary"
                disabled={busy || !reason.trim() || add.size + remove.size === 0}
              >
                Cập nhật danh sách ({add.size + remove.size} thay đổi)
              </button>
            ) : null}
          </div>
        </form>
      ) : error ? (
        <div className="rp-problems" role="alert">
          {error}
        </div>
      ) : (
        <p className="muted">Đang so sánh với danh mục đơn vị…</p>
      )}
    </Modal>
  );
}
