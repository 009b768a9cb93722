// Đơn vị: one unit's score sheet in a round: self scores, evidence, appraisal with reasons,
// approval and reopening.
import { draftsOf, useLiveScores, type Draft } from './score-drafts';
import { scoreRow, type RowContext } from './ScoreRow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fileBytes } from '../../lib/files';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { useListKeys } from '../../components/useListKeys';
import { ApproveConfirm, RemoveEvidenceConfirm, ReopenDialog } from './SheetDialogs';
import { formatPoints, parsePoints } from '../../../shared/domain/scoring';
import { formatDateTime } from '../../../shared/format';
import {
  SCORING_STAGE_LABELS,
  type Evidence,
  type ScoringRound,
  type UnitScoring,
} from '../../../shared/model/scoring';
import './scoring.css';
import { EVENT_LABELS } from './ResultsPanel';
import { RoundUnitsDialog } from './RoundUnitsDialog';

export function UnitsPanel({ round, onChanged }: { round: ScoringRound; onChanged: () => void }) {
  const notice = useNotice();
  const tryCall = useCall();
  const [unitId, setUnitId] = useState<number | null>(round.units[0]?.unitId ?? null);
  const [sheet, setSheet] = useState<UnitScoring | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [editingUnits, setEditingUnits] = useState(false);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const bookInput = useRef<HTMLInputElement>(null);
  const unitList = useRef<HTMLDivElement>(null);
  useListKeys(unitList);

  useEffect(() => {
    if (!round.units.some((u) => u.unitId === unitId)) setUnitId(round.units[0]?.unitId ?? null);
  }, [round, unitId]);

  const load = useCallback(async () => {
    if (unitId === null) return;
    await tryCall(async () => {
      const s = await call('scoring.unit.get', { roundId: round.id, unitId });
      setSheet(s);
      setDrafts(draftsOf(s));
      setProblems({});
    });
  }, [round.id, unitId, tryCall]);
  useEffect(() => void load(), [load]);

  const applied = (s: UnitScoring, msg: string) => {
    setSheet(s);
    setDrafts(draftsOf(s));
    setProblems({});
    notice('ok', msg);
    onChanged();
  };
  const fail = (err: unknown) => {
    const e = err as { data?: { details?: { message: string; where?: { field?: string } }[] } };
    const byCode: Record<string, string> = {};
    for (const d of e.data?.details ?? [])
      if (d.where?.field && !byCode[d.where.field]) byCode[d.where.field] = d.message;
    setProblems(byCode);
    notice('error', errorMessage(err));
  };

  const live = useLiveScores(sheet, drafts);

  if (!sheet || !live) return <div className="empty">Chọn một đơn vị.</div>;
  const locked = sheet.locked;
  const set = sheet.set;
  const change = (code: string, key: keyof Draft, value: string) =>
    setDrafts((d) => ({ ...d, [code]: { ...d[code]!, [key]: value } }));

  const saveSide = async (side: 'self' | 'appraisal') => {
    const keys = side === 'self' ? [':self'] : [':appraised', ':reason'];
    const bad = Object.entries(live.bad).find(([k]) => keys.some((x) => k.endsWith(x)));
    if (bad) return notice('error', `Chưa lưu: tiêu chí ${bad[0].split(':')[0]}: ${bad[1]}`);
    const lines = sheet.lines
      .filter((l) => {
        const d = drafts[l.code]!;
        return side === 'self'
          ? d.self !== (l.selfScore === null ? '' : formatPoints(l.selfScore)) || d.selfNote !== l.selfNote
          : d.appraised !== (l.appraisedScore === null ? '' : formatPoints(l.appraisedScore)) || d.reason !== l.reason;
      })
      .map((l) => {
        const d = drafts[l.code]!;
        const p = parsePoints(side === 'self' ? d.self : d.appraised);
        const was =
          side === 'self' ? { score: l.selfScore, note: l.selfNote } : { score: l.appraisedScore, note: l.reason };
        return { code: l.code, score: p.ok ? p.value : Number.NaN, note: side === 'self' ? d.selfNote : d.reason, was };
      });
    if (lines.length === 0) return notice('ok', 'Không có thay đổi nào để lưu.');
    try {
      applied(
        await call('scoring.unit.save', { roundId: round.id, unitId: sheet.unitId, side, lines }),
        side === 'self' ? 'Đã lưu điểm tự chấm.' : 'Đã lưu điểm thẩm định.',
      );
    } catch (err) {
      fail(err);
    }
  };

  const attach = async (code: string, files: readonly File[] | null) => {
    if (!files) return;
    for (const f of Array.from(files)) {
      await tryCall(async () => {
        applied(
          await call('scoring.evidence.add', {
            roundId: round.id,
            unitId: sheet.unitId,
            itemCode: code,
            file: await fileBytes(f),
          }),
          `Đã đính kèm “${f.name}”.`,
        );
      });
    }
  };

  const ctx: RowContext = {
    drafts,
    sheet,
    bad: live.bad,
    problems,
    locked,
    change,
    askRemove: setRemoving,
    attach,
    tryCall,
  };
  const row = (code: string, title: string, max: number, hint: string, evidenceHint: string) =>
    scoreRow(ctx, code, title, max, hint, evidenceHint);

  const badCount = Object.keys(live.bad).length;
  const totalsCard = (label: string, t: typeof live.self, id: string) => (
    <div className="rp-card sc-total" data-testid={id}>
      <div className="rp-card-label">{label}</div>
      <div className="rp-card-value">{formatPoints(t.total)}</div>
      <div className="rp-card-sub">
        {/* With criteria still unscored the class is only where the points stand so far. */}
        {t.missing ? `Tạm tính: ${t.classLabel}` : t.classLabel}
        <br />
        tiêu chí {formatPoints(t.base)} · thưởng {formatPoints(t.bonus)}
        {t.bonusUncapped > t.bonus ? ` (đã giới hạn từ ${formatPoints(t.bonusUncapped)})` : ''} · trừ{' '}
        {formatPoints(t.deductions)}
        {t.missing ? ` · còn ${t.missing} tiêu chí chưa chấm` : ''}
      </div>
    </div>
  );

  return (
    <div className="sc-units">
      <aside className="sc-unit-list" aria-label="Đơn vị trong đợt">
        <div className="sc-options" role="listbox" aria-label="Chọn đơn vị để chấm điểm" ref={unitList}>
          {round.units.map((u) => (
            <button
              key={u.unitId}
              type="button"
              role="option"
              aria-selected={u.unitId === unitId}
              className={`sc-unit${u.unitId === unitId ? ' active' : ''}`}
              onClick={() => setUnitId(u.unitId)}
              data-unit={u.code}
            >
              <span className="sc-unit-name">{u.name}</span>
              <span className="sc-unit-meta">
                <span className={`badge sc-st-${u.stage}`}>{SCORING_STAGE_LABELS[u.stage]}</span>{' '}
                {u.finalTotal !== null ? `${formatPoints(u.finalTotal)} đ` : ''}
              </span>
            </button>
          ))}
        </div>
        <button type="button" onClick={() => setEditingUnits(true)}>
          Đơn vị trong đợt…
        </button>
      </aside>
      {editingUnits ? (
        <RoundUnitsDialog
          round={round}
          onClose={() => setEditingUnits(false)}
          onSaved={(msg) => {
            setEditingUnits(false);
            notice('ok', msg);
            onChanged();
          }}
        />
      ) : null}
      <div className="sc-sheet">
        <div className="sc-sheet-head">
          <div>
            <h2>{sheet.unitName}</h2>
            <span className={`badge sc-st-${sheet.stage}`}>{SCORING_STAGE_LABELS[sheet.stage]}</span>
            {locked ? <span className="muted small"> Đã khóa: mở lại (ghi lý do) để sửa.</span> : null}
          </div>
          <div className="toolbar-actions">
            <button
              type="button"
              onClick={() =>
                void call('scoring.workbook.export', { roundId: round.id, unitId: sheet.unitId }).then(
                  (r) => r.saved && notice('ok', `Đã xuất phiếu tự chấm: ${r.path}`),
                  fail,
                )
              }
            >
              Xuất phiếu Excel
            </button>
            <button type="button" disabled={locked} onClick={() => bookInput.current?.click()}>
              Nhập phiếu Excel…
            </button>
            <input
              ref={bookInput}
              type="file"
              accept=".xlsx"
              aria-label="Nhập phiếu tự chấm"
              hidden
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                try {
                  const s = await call('scoring.workbook.import', { roundId: round.id, file: await fileBytes(f) });
                  if (s.unitId !== sheet.unitId) setUnitId(s.unitId);
                  applied(s, `Đã nhập phiếu tự chấm của ${s.unitName}: ${formatPoints(s.self.total)} điểm.`);
                } catch (err) {
                  fail(err);
                }
              }}
            />
            {!locked ? (
              <>
                <button type="button" onClick={() => void saveSide('self')}>
                  Lưu tự chấm
                </button>
                <button type="button" onClick={() => void saveSide('appraisal')}>
                  Lưu thẩm định
                </button>
              </>
            ) : null}
            {locked ? (
              <button type="button" onClick={() => setReopening(true)}>
                Mở lại…
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => setConfirmApprove(true)}>
                Duyệt kết quả
              </button>
            )}
          </div>
        </div>
        <div className="rp-cards sc-totals">
          {totalsCard('Tự chấm', live.self, 'total-self')}
          {totalsCard('Sau thẩm định (điểm chính thức)', live.final, 'total-final')}
        </div>
        <div className="rp-table-wrap sc-table-wrap">
          <table className="data sc-table">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Tiêu chí</th>
                <th className="num">Tối đa</th>
                <th>Tự chấm</th>
                <th>Ghi chú của đơn vị</th>
                <th>Minh chứng</th>
                <th>Thẩm định</th>
                <th>Lý do điều chỉnh</th>
              </tr>
            </thead>
            <tbody>
              {set.groups.map((g) => [
                <tr key={`g-${g.code}`} className="sc-group">
                  <td className="mono">{g.code}</td>
                  <td colSpan={7}>
                    {g.title} <span className="muted">(tối đa {formatPoints(g.maxPoints)} điểm)</span>
                  </td>
                </tr>,
                ...g.criteria.map((c) =>
                  row(
                    c.code,
                    c.title,
                    c.maxPoints,
                    [c.guidance, c.evidence && `Minh chứng: ${c.evidence}`].filter(Boolean).join(' · '),
                    c.evidence,
                  ),
                ),
              ])}
              {set.bonus.items.length ? (
                <tr className="sc-group">
                  <td />
                  <td colSpan={7}>Điểm thưởng (tối đa {formatPoints(set.bonus.cap)} điểm)</td>
                </tr>
              ) : null}
              {set.bonus.items.map((b) => row(b.code, b.title, b.maxPoints, b.guidance, ''))}
              {set.deductions.items.length ? (
                <tr className="sc-group">
                  <td />
                  <td colSpan={7}>
                    Điểm trừ{set.deductions.cap !== null ? ` (tối đa ${formatPoints(set.deductions.cap)} điểm)` : ''}
                  </td>
                </tr>
              ) : null}
              {set.deductions.items.map((d) => row(d.code, d.title, d.maxPoints, d.guidance, ''))}
            </tbody>
          </table>
        </div>
        {!locked && badCount ? (
          <div className="danger-text small sc-save">{badCount} ô chưa hợp lệ (di chuột vào ô đỏ để xem).</div>
        ) : null}
        <details className="sc-history">
          <summary>Lịch sử ({sheet.events.length})</summary>
          <ul className="rp-history-list">
            {sheet.events.map((e) => (
              <li key={e.id}>
                <span className="mono small">{formatDateTime(e.at)}</span> — <strong>{EVENT_LABELS[e.kind]}</strong>
                {e.actor ? ` (${e.actor})` : ''}: {e.note}
              </li>
            ))}
          </ul>
        </details>
      </div>
      {confirmApprove ? (
        <ApproveConfirm
          sheet={sheet}
          unsaved={badCount > 0 || JSON.stringify(drafts) !== JSON.stringify(draftsOf(sheet))}
          onCancel={() => setConfirmApprove(false)}
          onConfirm={() => {
            setConfirmApprove(false);
            void call('scoring.unit.approve', { roundId: round.id, unitId: sheet.unitId }).then(
              (s) => applied(s, `Đã duyệt kết quả của ${s.unitName}.`),
              fail,
            );
          }}
        />
      ) : null}
      {removing ? (
        <RemoveEvidenceConfirm
          evidence={removing}
          unitName={sheet.unitName}
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            call('scoring.evidence.remove', { roundId: round.id, unitId: sheet.unitId, evidenceId: removing.id }).then(
              (s) => {
                setRemoving(null);
                applied(s, `Đã bỏ minh chứng “${removing.fileName}”.`);
              },
              fail,
            )
          }
        />
      ) : null}
      {reopening ? (
        <ReopenDialog
          roundId={round.id}
          sheet={sheet}
          onClose={() => setReopening(false)}
          fail={fail}
          onReopened={(s) => {
            setReopening(false);
            applied(s, `Đã mở lại kết quả của ${s.unitName}.`);
          }}
        />
      ) : null}
    </div>
  );
}
