// "Cùng kỳ" across a reorganisation: when acts not undone took effect between last year's window
// and this one, last year's figures are read onto today's units (shared/domain/restate.ts) and
// the report says so. Values as reported stay untouched.
import type { Aggregation, Restatement } from '../../../shared/model/compile';
import type { UnitKind } from '../../../shared/model/unit';
import { formatDateShort } from '../../../shared/format';
import {
  partsAcross,
  restatedAggregation,
  restateLines,
  type LineageFact,
  type UnitInfo,
} from '../../../shared/domain/restate';
import type { Executor } from '../../db/executor';

export const RESTATED_FOOTNOTE = 'Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới';

/** The lineage of the acts not undone effective after `after` and up to `upTo`. */
export async function lineageAcross(db: Executor, after: string, upTo: string): Promise<LineageFact[]> {
  if (upTo <= after) return [];
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('reorganisations as r', 'r.id', 'l.reorganisation_id')
    .select(['l.reorganisation_id', 'l.effective_date', 'l.from_unit_id', 'l.to_unit_id', 'l.share'])
    .where('r.undone_at', 'is', null)
    .where('l.effective_date', '>', after)
    .where('l.effective_date', '<=', upTo)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    actId: r.reorganisation_id,
    date: r.effective_date,
    fromId: r.from_unit_id,
    toId: r.to_unit_id,
    share: r.share,
  }));
}

/**
 * Last year's aggregation (with each unit's values) restated onto today's units; the per-unit
 * values of the returned aggregation are dropped (only the restatement carries them).
 */
export async function restatePrevious(
  db: Executor,
  previous: Aggregation,
  links: LineageFact[],
): Promise<{ previous: Aggregation; restatement: Restatement }> {
  const prevEnd = previous.periods.reduce((m, p) => (p.windowEnd > m ? p.windowEnd : m), '');
  const parts = partsAcross(
    links,
    prevEnd,
    '9999-12-31',
    previous.units.map((u) => u.unitId),
  );
  const ids = new Set<number>(previous.units.map((u) => u.unitId));
  for (const ps of parts.values()) for (const p of ps) ids.add(p.toId);
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
  const info = new Map<number, UnitInfo>(rows.map((u) => [u.id, { ...u, kind: u.kind as UnitKind }]));
  const r = restateLines(previous.units, previous.indicators, parts, info);
  const restated = restatedAggregation(previous, r, info);
  const acts = [...new Map(links.map((l) => [l.actId, l.date])).entries()].map(([id, effectiveDate]) => ({
    id,
    effectiveDate,
  }));
  const dates = [...new Set(acts.map((a) => formatDateShort(a.effectiveDate)))].join(', ');
  const split = r.units.some((u) => u.sources.some((s) => s.weight !== null && s.weight < 1));
  const unshared = r.units.some((u) => u.sources.some((s) => s.weight === null));
  const footnote = [
    `${RESTATED_FOOTNOTE} (sắp xếp đơn vị từ ngày ${dates}): số liệu của các đơn vị cũ được cộng vào đơn vị mới đã tiếp nhận`,
    split ? '; đơn vị chia tách được chia theo tỷ lệ ghi trong quyết định' : '',
    unshared ? '; đơn vị chia tách không ghi tỷ lệ chỉ được tính vào tổng, không so sánh riêng từng đơn vị nhận' : '',
    r.dropped.length
      ? `; không tính số liệu của ${r.dropped.length} đơn vị đã giải thể (${r.dropped.map((d) => d.name).join(', ')})`
      : '',
    '; tỷ lệ tính lại từ tử số và mẫu số đã quy đổi.',
  ].join('');
  restated.units = restated.units.map((u) => ({ ...u, values: {} }));
  restated.notes = [...restated.notes, footnote];
  return {
    previous: restated,
    restatement: { footnote, acts, units: r.units, dropped: r.dropped, notComparable: r.notComparable },
  };
}
