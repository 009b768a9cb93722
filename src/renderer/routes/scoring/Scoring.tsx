// Chấm điểm, xếp loại: rounds, each unit's self-score and appraisal side by side with evidence and
// live totals, approval and reopening, the results (ranking, counts, chart, exports) and the
// criteria sets.
import { useCallback, useEffect, useState } from 'react';
import { TabList, tabId } from '../../components/Tabs';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { type CriteriaSetListItem, type ScoringRound, type ScoringRoundListItem } from '../../../shared/model/scoring';
import { formatDateShort } from '../../../shared/format';
import './scoring.css';
import { SetsPanel } from './SetsPanel';
import { ResultsPanel } from './ResultsPanel';
import { UnitsPanel } from './UnitsPanel';
import { CreateRound } from './CreateRound';

type Tab = 'don-vi' | 'ket-qua' | 'bo-tieu-chi';

export function ScoringScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [rounds, setRounds] = useState<ScoringRoundListItem[]>([]);
  const [sets, setSets] = useState<CriteriaSetListItem[]>([]);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [round, setRound] = useState<ScoringRound | null>(null);
  const [tab, setTab] = useState<Tab>('don-vi');
  const [creating, setCreating] = useState(false);

  const reload = useCallback(async () => {
    await tryCall(async () => {
      const [r, s] = await Promise.all([call('scoring.rounds.list'), call('scoring.sets.list')]);
      setRounds(r);
      setSets(s);
      setRoundId((cur) => cur ?? r[0]?.id ?? null);
    });
  }, [tryCall]);

  const reloadRound = useCallback(async () => {
    if (roundId === null) return setRound(null);
    await tryCall(async () => {
      setRound(await call('scoring.rounds.get', { id: roundId }));
    });
  }, [roundId, tryCall]);

  useEffect(() => void reload(), [reload]);
  useEffect(() => void reloadRound(), [reloadRound]);

  const TABS: { id: Tab; label: string }[] = [
    { id: 'don-vi', label: 'Chấm điểm đơn vị' },
    { id: 'ket-qua', label: 'Kết quả, xếp hạng' },
    { id: 'bo-tieu-chi', label: 'Bộ tiêu chí' },
  ];

  return (
    <section className="screen sc-screen">
      <header className="screen-header">
        <div>
          <h1>Chấm điểm, xếp loại</h1>
          <div className="muted">Đơn vị tự chấm, Sở thẩm định; điểm thẩm định là điểm chính thức.</div>
        </div>
        <div className="toolbar-actions">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            + Tạo đợt chấm điểm
          </button>
        </div>
      </header>
      {/* The round on a line of its own: its long name is read whole, with its set and deadlines. */}
      <div className="sc-round-line">
        <label className="sc-inline">
          Đợt chấm điểm{' '}
          <select
            aria-label="Đợt chấm điểm"
            value={roundId ?? ''}
            onChange={(e) => setRoundId(e.target.value ? Number(e.target.value) : null)}
          >
            {rounds.length === 0 ? <option value="">(chưa có đợt nào)</option> : null}
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} — {r.approvedCount}/{r.unitCount} đã duyệt
              </option>
            ))}
          </select>
        </label>
        {round ? (
          <span className="muted">
            Bộ tiêu chí: {round.setName} (phiên bản {round.setVersion}) · Hạn tự chấm:{' '}
            {formatDateShort(round.selfDeadline) || '—'} · Hạn thẩm định:{' '}
            {formatDateShort(round.appraisalDeadline) || '—'}
          </span>
        ) : null}
      </div>
      <TabList label="Chấm điểm" tabs={TABS} current={tab} onChange={setTab} />
      <div role="tabpanel" className="sc-panel" aria-labelledby={tabId(tab)}>
        {tab === 'bo-tieu-chi' ? (
          <SetsPanel sets={sets} onChanged={reload} />
        ) : !round ? (
          <div className="empty">Chưa có đợt chấm điểm nào. Bấm “+ Tạo đợt chấm điểm” để bắt đầu.</div>
        ) : tab === 'don-vi' ? (
          <UnitsPanel round={round} onChanged={() => void Promise.all([reloadRound(), reload()])} />
        ) : (
          <ResultsPanel roundId={round.id} />
        )}
      </div>
      {creating ? (
        <CreateRound
          sets={sets}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setRoundId(r.id);
            notice('ok', `Đã tạo đợt “${r.name}” với ${r.units.length} đơn vị.`);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}
