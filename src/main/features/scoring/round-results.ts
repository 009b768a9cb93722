// The results of a round: every unit's totals, rank and class, by unit kind.
import { formatPoints, rankByTotal, scoreItems, TIE_RULE } from '../../../shared/domain/scoring';
import type { RankingRow, RoundResults } from '../../../shared/model/scoring';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../shared/model/unit';
import { getCriteriaSet } from './criteria-sets';
import type { Executor } from '../../db/executor';
import { loadRoundSheets, roundRow } from './round-sheets';
import { previousRound } from './round-compare';

// ——— results ———

/** `withPrevious`: also last year's round of the same criteria set, read onto this round's units. */
export async function roundResults(db: Executor, roundId: number, withPrevious = true): Promise<RoundResults> {
  const r = await roundRow(db, roundId);
  const set = await getCriteriaSet(db, r.set_id);
  const sheets = await loadRoundSheets(db, roundId, set);
  const criteria = scoreItems(set);
  // Chưa chấm: outside the ranking and the class counts (a total of 0 would rank them last and
  // count them in the lowest class).
  // Criteria still without points: the class would be stated from part of the points; outside too.
  const begun = sheets.filter((s) => s.stage !== 'chua_cham');
  const scored = begun.filter((s) => s.final.missing === 0);
  const ranked = rankByTotal(scored.map((s) => ({ sheet: s, total: s.final.total })));
  const ranking: RankingRow[] = ranked.map((x) => ({
    rank: x.rank,
    rankLabel: x.tied ? `${x.rank} (đồng hạng)` : String(x.rank),
    tied: x.tied,
    unitId: x.sheet.unitId,
    unitCode: x.sheet.unitCode,
    unitName: x.sheet.unitName,
    unitKind: x.sheet.unitKind,
    stage: x.sheet.stage,
    base: x.sheet.final.base,
    bonus: x.sheet.final.bonus,
    deductions: x.sheet.final.deductions,
    total: x.sheet.final.total,
    selfTotal: x.sheet.self.total,
    classCode: x.sheet.final.classCode,
    classLabel: x.sheet.final.classLabel,
    scores: Object.fromEntries(criteria.map((it) => [it.code, x.sheet.finalScores.get(it.code) ?? null])),
  }));
  const ties: string[] = [];
  const byRank = new Map<number, RankingRow[]>();
  for (const row of ranking) if (row.tied) byRank.set(row.rank, [...(byRank.get(row.rank) ?? []), row]);
  for (const [rank, rows] of byRank) {
    ties.push(
      `Hạng ${rank}: ${rows.map((x) => x.unitName).join(', ')} cùng đạt ${formatPoints(rows[0]!.total)} điểm, xếp đồng hạng; hạng kế tiếp là ${rank + rows.length}.`,
    );
  }
  const classCounts: Record<string, number> = Object.fromEntries(set.classes.map((c) => [c.code, 0]));
  const kinds = new Map<string, Record<string, number>>();
  for (const row of ranking) {
    classCounts[row.classCode] = (classCounts[row.classCode] ?? 0) + 1;
    const k = kinds.get(row.unitKind) ?? Object.fromEntries(set.classes.map((c) => [c.code, 0]));
    k[row.classCode] = (k[row.classCode] ?? 0) + 1;
    kinds.set(row.unitKind, k);
  }
  const byKind = [...kinds.entries()]
    .sort((a, b) => UNIT_KINDS.indexOf(a[0] as UnitKind) - UNIT_KINDS.indexOf(b[0] as UnitKind))
    .map(([kind, counts]) => ({
      kind,
      kindLabel: UNIT_KIND_LABELS[kind as UnitKind] ?? kind,
      counts,
      total: Object.values(counts).reduce((s, n) => s + n, 0),
    }));
  return {
    round: {
      id: r.id,
      name: r.name,
      year: r.year,
      setId: r.set_id,
      setName: r.set_name,
      setVersion: r.set_version,
      selfDeadline: r.self_deadline,
      appraisalDeadline: r.appraisal_deadline,
      unitCount: sheets.length,
      approvedCount: sheets.filter((s) => s.locked).length,
    },
    set,
    ranking,
    unscored: sheets
      .filter((s) => s.stage === 'chua_cham')
      .map((s) => ({ unitId: s.unitId, unitCode: s.unitCode, unitName: s.unitName, unitKind: s.unitKind })),
    incomplete: begun
      .filter((s) => s.final.missing > 0)
      .map((s) => ({
        unitId: s.unitId,
        unitCode: s.unitCode,
        unitName: s.unitName,
        unitKind: s.unitKind,
        missing: s.final.missing,
      })),
    tieRule: TIE_RULE,
    ties,
    byKind,
    classCounts,
    notApproved: scored.filter((s) => !s.locked).length,
    previous: withPrevious
      ? await previousRound(db, { id: r.id, year: r.year, setId: r.set_id }, ranking, (id) =>
          roundResults(db, id, false),
        )
      : null,
  };
}
