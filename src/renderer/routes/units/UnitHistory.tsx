// A unit's history and lineage (issue 20): its events, the units it was formed from and those it
// went into, with the change, the date and the share; each linked unit opens its own history.
import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { call, errorMessage } from '../../lib/api';
import { formatDateShort, formatDateTime, formatPercent } from '../../../shared/format';
import type { UnitEvent } from '../../../shared/model/unit';
import { REORG_CHANGE_LABELS, type LineageLink, type UnitLineage } from '../../../shared/model/reorganise';
import { EVENT_LABEL } from './MergeDialog';

interface Shown {
  id: number;
  code: string;
  name: string;
}

export function UnitHistory({ unit, onClose }: { unit: Shown; onClose: () => void }) {
  const [shown, setShown] = useState<Shown>(unit);
  const [events, setEvents] = useState<UnitEvent[]>([]);
  const [lineage, setLineage] = useState<UnitLineage | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setError('');
    Promise.all([call('units.history', { id: shown.id }), call('reorganise.lineage', { code: shown.code })])
      .then(([ev, li]) => {
        if (!live) return;
        setEvents(ev);
        setLineage(li);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [shown]);

  const link = (l: LineageLink) => (
    <li key={`${l.reorganisationId}-${l.unit?.id ?? 'x'}`}>
      {REORG_CHANGE_LABELS[l.change]} từ ngày {formatDateShort(l.effectiveDate)}
      {l.share !== null ? ` (${formatPercent(l.share)})` : ''}:{' '}
      {l.unit ? (
        <button type="button" className="link" onClick={() => setShown(l.unit!)}>
          {l.unit.code} — {l.unit.name}
        </button>
      ) : (
        'không có đơn vị tiếp nhận'
      )}
      {l.unit?.activeTo ? <span className="muted"> (thôi hoạt động từ {formatDateShort(l.unit.activeTo)})</span> : null}
    </li>
  );

  return (
    <Modal title={`Lịch sử: ${shown.code} — ${shown.name}`} onClose={onClose}>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {lineage && (lineage.formedFrom.length > 0 || lineage.wentInto.length > 0) ? (
        <section aria-label="Quá trình sắp xếp">
          {lineage.formedFrom.length ? (
            <>
              <h3>Hình thành từ</h3>
              <ul className="history">{lineage.formedFrom.map(link)}</ul>
            </>
          ) : null}
          {lineage.wentInto.length ? (
            <>
              <h3>Chuyển sang</h3>
              <ul className="history">{lineage.wentInto.map(link)}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h3>Sự kiện</h3>
      <ul className="history">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted">{formatDateTime(e.at)}</span> — {EVENT_LABEL[e.kind]}
            {e.detail ? `: ${e.detail}` : ''}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
