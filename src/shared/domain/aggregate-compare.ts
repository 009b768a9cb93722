// A window's figures against the same window last year, and against the plan's targets.
import { ratePercent, subDec } from './decimal';
import type { Aggregation, ComparisonRow, TargetResult } from '../model/compile';
import { evaluateEachUnit, meets } from './target-units';
import type { TemplateIndicator } from '../model/template';
import type { UnitKind } from '../model/unit';
import type { PlanTarget } from '../model/plan';
import { COMPARATOR_LABELS } from '../model/plan';
import type { UnitValues, WindowStats } from './aggregate-figures';
import { figureFromStats, statsFromValues } from './aggregate-figures';

/** This window against the same window last year, indicator by indicator. */
export function compareAggregations(
  current: Aggregation,
  previous: Aggregation | null,
  /** Indicator code → why last year's figure cannot be restated onto today's units. */
  notComparable: Record<string, string> = {},
): ComparisonRow[] {
  return current.indicators
    .filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE')
    .map((i) => {
      if (!previous)
        return {
          code: i.code,
          current: i.value,
          previous: null,
          delta: null,
          note: 'Không có kỳ cùng kỳ năm trước để so sánh.',
        };
      const p = previous.indicators.find((x) => x.code === i.code);
      if (!p)
        return {
          code: i.code,
          current: i.value,
          previous: null,
          delta: null,
          note: `Mẫu báo cáo của cùng kỳ năm trước không có chỉ số ${i.code}.`,
        };
      const delta = i.value !== null && p.value !== null ? subDec(i.value, p.value) : null;
      return {
        code: i.code,
        current: i.value,
        previous: p.value,
        delta,
        note: delta === null ? (notComparable[i.code] ?? 'Thiếu số liệu để so sánh.') : '',
      };
    });
}

/**
 * The plan's targets measured on the window. A target in "%" on a count (SUM) indicator is read as
 * the share of expected units with a value above zero ("100% tổ chức hội nghị đối thoại").
 * A target limited to some unit kinds is measured on those kinds only. `stats` are the window's
 * (made from the lines' values when not given).
 */
export function evaluateTargets(
  targets: PlanTarget[],
  agg: Aggregation,
  indicators: TemplateIndicator[],
  stats?: WindowStats,
): TargetResult[] {
  let st = stats;
  const statsOf = (): WindowStats => {
    if (!st) {
      const values: UnitValues = new Map(agg.units.map((u) => [u.unitId, u.values]));
      const codes = new Set(agg.units.flatMap((u) => Object.keys(u.values)));
      st = statsFromValues(
        agg.units.map((u) => ({ id: u.unitId, kind: u.kind })),
        values,
        new Set(agg.units.filter((u) => u.expected).map((u) => u.unitId)),
        codes,
      );
    }
    return st;
  };
  return targets.map((t) => {
    const base = {
      text: t.text,
      indicatorCode: t.indicatorCode,
      comparator: t.comparator,
      target: t.value,
      targetUnit: t.valueUnit,
      scope: t.scope,
      units: null,
    };
    const none = (problem: string, measure = ''): TargetResult => ({
      ...base,
      actual: null,
      measure,
      met: null,
      gap: null,
      problem,
    });
    if (!t.indicatorCode) return none('Chỉ tiêu chưa gắn với chỉ số nào của mẫu báo cáo nên không tự đánh giá được.');
    const ind = indicators.find((i) => i.code === t.indicatorCode);
    if (!ind)
      return none(
        `Chỉ tiêu gắn với chỉ số ${t.indicatorCode} nhưng mẫu báo cáo không còn chỉ số này; hãy sửa chỉ tiêu trong văn bản chỉ đạo.`,
      );
    const kinds = new Set(t.unitKinds);
    const inScope = (k: UnitKind) => kinds.size === 0 || kinds.has(k);
    const expectedCount = agg.units.filter((u) => u.expected && inScope(u.kind)).length;
    const scope = kinds.size ? ` (chỉ tính ${t.unitKinds.length} loại đơn vị đã chọn)` : '';
    // Each unit: judged on each unit's own value, never on the total.
    if (t.scope === 'each_unit') return { ...base, ...evaluateEachUnit(t, ind, agg, inScope, scope) };
    const percentTarget = t.valueUnit.trim() === '%';
    let actual: string | null;
    let measure: string;
    if (ind.rule === 'SUM' && percentTarget) {
      const yes = (statsOf().get(ind.code) ?? []).reduce(
        (a, g) => a + (g.expected && inScope(g.kind) ? g.positive : 0),
        0,
      );
      actual = expectedCount ? ratePercent(String(yes), String(expectedCount)) : null;
      measure = `${yes}/${expectedCount} đơn vị phải báo cáo có ${ind.name.toLocaleLowerCase('vi')}${scope}`;
    } else if (ind.rule === 'SUM' || ind.rule === 'RATE' || ind.rule === 'SHARE') {
      const fig = figureFromStats(ind, statsOf(), inScope, expectedCount);
      actual = fig.value;
      measure =
        ind.rule === 'SHARE'
          ? `${fig.numerator}/${fig.denominator} đơn vị phải báo cáo trả lời “Có”${fig.missing ? `, ${fig.missing} đơn vị chưa báo cáo` : ''}${scope}`
          : ind.rule === 'RATE'
            ? `${ind.numerator}/${ind.denominator} cộng của các đơn vị${scope}`
            : `tổng của các đơn vị${scope}`;
    } else return none(`Chỉ số ${ind.code} không cộng được (${ind.rule}) nên không so với chỉ tiêu được.`);
    if (actual === null)
      return { ...base, actual, measure, met: null, gap: null, problem: 'Chưa có số liệu để đánh giá.' };
    return {
      ...base,
      actual,
      measure,
      met: meets(actual, t.comparator, t.value),
      gap: subDec(actual, t.value),
      problem: '',
    };
  });
}

/** "trên 80%". */
export function targetPhrase(
  t: Pick<TargetResult, 'comparator' | 'target' | 'targetUnit'>,
  fmt: (v: string) => string,
): string {
  return `${COMPARATOR_LABELS[t.comparator]} ${fmt(t.target)}${t.targetUnit === '%' ? '%' : t.targetUnit ? ` ${t.targetUnit}` : ''}`;
}
