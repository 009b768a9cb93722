// Targets about each unit ("mỗi cơ quan, đơn vị có ít nhất 01 mô hình"): judged unit by unit on
// each expected unit's own value over the window, never on the total; reported as "x/y đơn vị
// đạt", with the units that miss (below the target, or no report) named for the annex.
import { compareDec } from './decimal';
import { COUNTED_STATUSES, type Aggregation, type TargetResult } from '../model/compile';
import type { Comparator, PlanTarget } from '../model/plan';
import type { TemplateIndicator } from '../model/template';
import type { UnitKind } from '../model/unit';

/** Whether a value meets a target by its comparator. */
export function meets(actual: string, comparator: Comparator, target: string): boolean {
  const c = compareDec(actual, target);
  switch (comparator) {
    case 'tren':
      return c > 0;
    case 'it_nhat':
    case 'bang':
      return c >= 0;
    case 'duoi':
      return c < 0;
    case 'khong_qua':
      return c <= 0;
  }
}

/**
 * The result of an each-unit target. A yes/no (SHARE) indicator is met by "Có"; any other by the
 * unit's own value (its own rate for a RATE). `actual` is the number of units meeting it and `gap`
 * met − judged (0 when all do).
 */
export function evaluateEachUnit(
  t: PlanTarget,
  ind: TemplateIndicator,
  agg: Aggregation,
  inScope: (k: UnitKind) => boolean,
  scopeNote: string,
): Pick<TargetResult, 'actual' | 'measure' | 'met' | 'gap' | 'problem' | 'units'> {
  const judged = agg.units.filter((u) => u.expected && inScope(u.kind));
  const missing: { unitId: number; name: string; value: string | null }[] = [];
  let met = 0;
  for (const u of judged) {
    const v = COUNTED_STATUSES.includes(u.status) ? (u.values[ind.code] ?? null) : null;
    const ok = v !== null && (ind.type === 'yesno' ? v === '1' : meets(v, t.comparator, t.value));
    if (ok) met++;
    else missing.push({ unitId: u.unitId, name: u.name, value: v });
  }
  const units = { met, judged: judged.length, missing };
  if (judged.length === 0)
    return {
      actual: null,
      measure: '',
      met: null,
      gap: null,
      problem: 'Không có đơn vị nào phải báo cáo để đánh giá.',
      units,
    };
  const noReport = missing.filter((m) => m.value === null).length;
  return {
    actual: String(met),
    measure: `${met}/${judged.length} đơn vị đạt (đánh giá từng đơn vị)${noReport ? `, ${noReport} đơn vị chưa có số liệu` : ''}${scopeNote}`,
    met: met === judged.length,
    gap: String(met - judged.length),
    problem: '',
    units,
  };
}

/** "Đạt", "Chưa đạt: 20/30 đơn vị đạt" — the verdict of an each-unit target in words. */
export function eachUnitVerdict(t: Pick<TargetResult, 'met' | 'units'>): string {
  if (!t.units || t.met === null) return '';
  return `${t.met ? 'Đạt' : 'Chưa đạt'}: ${t.units.met}/${t.units.judged} đơn vị đạt`;
}
