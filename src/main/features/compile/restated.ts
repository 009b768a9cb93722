// "Cùng kỳ" across a reorganisation: when acts not undone took effect between last year's window
// and this one, last year's figures are read onto today's units (shared/domain/restate.ts) and
// the report says so. Values as reported stay untouched.
import type { Aggregation, CompileResult, Restatement } from '../../../shared/model/compile';
import type { UnitKind } from '../../../shared/model/unit';
import { formatDateShort } from '../../../shared/format';
import {
  foldWindow,
  partsAcross,
  restatedAggregation,
  restateLines,
  type LineageFact,
  type UnitInfo,
} from '../../../shared/domain/restate';
import type { Executor } from '../../db/executor';
import type { WindowStats } from '../../../shared/domain/aggregate-figures';

export const RESTATED_FOOTNOTE = 'Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới';
const FOLDED = { current: 'kỳ này', previous: 'cùng kỳ' } as const;

async function unitInfo(db: Executor, ids: Set<number>): Promise<Map<number, UnitInfo>> {
  if (ids.size === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map<number, UnitInfo>(rows.map((u) => [u.id, { ...u, kind: u.kind as UnitKind }]));
}

const actsOf = (links: LineageFact[]) =>
  [...new Map(links.map((l) => [l.actId, l.date])).entries()].map(([id, effectiveDate]) => ({ id, effectiveDate }));
const datesOf = (acts: { effectiveDate: string }[]) =>
  [...new Set(acts.map((a) => formatDateShort(a.effectiveDate)))].join(', ');

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
  const info = await unitInfo(db, ids);
  const r = restateLines(previous.units, previous.indicators, parts, info);
  const restated = restatedAggregation(previous, r, info);
  const acts = actsOf(links);
  const dates = datesOf(acts);
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

/**
 * A window that spans a reorganisation (acts effective within it): the reports the old units sent
 * before the date are folded unit by unit into the units that took them over (foldWindow), with
 * the footnote. `current` must carry each unit's values. Null when no old unit's report is folded.
 */
export async function foldCurrent(
  db: Executor,
  current: Aggregation,
  links: LineageFact[],
  today: string,
  which: keyof typeof FOLDED = 'current',
): Promise<{ current: Aggregation; stats: WindowStats; folding: Restatement } | null> {
  const first = current.periods.reduce((m, p) => (p.windowStart < m ? p.windowStart : m), '9999-12-31');
  const last = current.periods.reduce((m, p) => (p.windowEnd > m ? p.windowEnd : m), '');
  const outside = current.units.filter((u) => !u.expected && u.periodsCounted > 0).map((u) => u.unitId);
  const parts = partsAcross(links, dayBefore(first), last, outside);
  const ids = new Set<number>(outside);
  for (const ps of parts.values()) for (const p of ps) ids.add(p.toId);
  const f = foldWindow(current, parts, await unitInfo(db, ids), today);
  // Split without shares: not folded, its line stays (which part went where is unknown).
  const kept = current.units.filter((u) => parts.get(u.unitId)?.some((p) => p.weight === null));
  if (f.units.length === 0 && f.dropped.length === 0 && kept.length === 0) return null;
  const sources = new Set(f.units.flatMap((u) => u.sources.map((s) => s.unitId)));
  const touched = new Set([...sources, ...f.dropped.map((d) => d.unitId), ...kept.map((k) => k.unitId)]);
  const acts = actsOf(links.filter((l) => touched.has(l.fromId)));
  const split = f.units.some((u) => u.sources.some((s) => s.weight !== null && s.weight < 1));
  const gaps = f.units.filter((u) => u.note).length;
  const names = (us: { name: string }[]) => us.map((u) => u.name).join(', ');
  const what = FOLDED[which];
  const footnote = [
    `Số liệu ${what} được quy đổi theo đơn vị hành chính mới (sắp xếp đơn vị từ ngày ${datesOf(acts)})`,
    f.units.length
      ? `: số liệu đã báo cáo trong ${what} của ${sources.size} đơn vị cũ được cộng vào ${f.units.length} đơn vị mới đã tiếp nhận`
      : '',
    split ? '; đơn vị chia tách được chia theo tỷ lệ ghi trong quyết định' : '',
    kept.length
      ? `; ${kept.length} đơn vị chia tách không ghi tỷ lệ (${names(kept)}) giữ nguyên dòng riêng, không quy đổi được theo đơn vị nhận`
      : '',
    gaps ? `; ${gaps} đơn vị mới có đơn vị cũ chưa báo cáo đủ (ghi ở từng đơn vị)` : '',
    f.dropped.length ? `; không tính số liệu của ${f.dropped.length} đơn vị đã giải thể (${names(f.dropped)})` : '',
    Object.keys(f.notComparable).length
      ? `; không tính câu trả lời có/không, tỷ lệ tự ghi của đơn vị cũ ở ${Object.keys(f.notComparable).join(', ')}`
      : '',
    '; tỷ lệ tính lại từ tử số và mẫu số đã quy đổi; số liệu do đơn vị báo cáo giữ nguyên.',
  ].join('');
  return {
    current: { ...f.aggregation, notes: [...f.aggregation.notes, footnote] },
    stats: f.stats,
    folding: { footnote, acts, units: f.units, dropped: f.dropped, notComparable: f.notComparable },
  };
}

export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The footnote printed under a comparison (Word, Excel): this window's folding and last year's
 * restatement; when both apply, last year's is said once more only where it differs.
 */
export function reorganisationNote(c: Pick<CompileResult, 'folding' | 'restatement'>): string {
  const f = c.folding;
  const r = c.restatement;
  if (!f || !r) return f?.footnote ?? r?.footnote ?? '';
  const same = (a: { code: string }[], b: { code: string }[]) =>
    a
      .map((x) => x.code)
      .sort()
      .join() ===
    b
      .map((x) => x.code)
      .sort()
      .join();
  const unshared = r.units.some((u) => u.sources.some((s) => s.weight === null));
  return [
    `${f.footnote} Số liệu cùng kỳ cũng được quy đổi như trên`,
    same(f.dropped, r.dropped) || r.dropped.length === 0
      ? ''
      : `; không tính số liệu cùng kỳ của ${r.dropped.length} đơn vị đã giải thể (${r.dropped.map((d) => d.name).join(', ')})`,
    unshared ? '; đơn vị chia tách không ghi tỷ lệ chỉ được tính vào tổng' : '',
    '.',
  ].join('');
}
