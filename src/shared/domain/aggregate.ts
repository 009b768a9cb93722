// The one owner of the aggregation rules (DOMAIN.md, "Aggregation rules that are easy to get
// wrong"). Pure and exact: values are canonical decimal strings, never floats.
//   SUM    the units' values added up.
//   RATE   recomputed from the summed numerator and the summed denominator — never an average of
//          the units' rates; a zero or empty denominator gives no value ("—").
//   SHARE  units answering yes over the units EXPECTED to report; those that did not answer are
//          counted in the denominator and stated.
//   NONE   not added up; TEXT gathered with the unit's name in front, in the units' order.
// Over a window of several periods: per-period indicators are added across the periods;
// cumulative indicators (since the start of the year) and yes/no answers are taken from the LAST
// period of the window, never added across periods.
import { addDec, compareDec, ratePercent, subDec } from './decimal';
import {
  COUNTED_STATUSES,
  type Aggregation,
  type ComparisonRow,
  type Figure,
  type IndicatorTotal,
  type ReportingStatus,
  type TargetResult,
  type TextAnswer,
  type UnitLine,
} from '../model/compile';
import type { ReportStatus, ValueMap } from '../model/report';
import { countStandings, standingOf } from './report-status';
import { evaluateEachUnit, meets } from './target-units';
import type { TemplateIndicator } from '../model/template';
import { UNIT_KINDS, type UnitKind } from '../model/unit';
import type { PlanTarget } from '../model/plan';
import { COMPARATOR_LABELS } from '../model/plan';

export interface AggUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface AggReport {
  unitId: number;
  status: ReportStatus;
  receivedDate: string | null;
  values: ValueMap;
}

export interface AggPeriod {
  id: number;
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  /** The indicators of the period's own template (versions may differ between periods). */
  indicators: TemplateIndicator[];
  /** "Mẫu X, phiên bản 2": named in the note when periods use different templates. */
  templateLabel: string;
  expectedUnitIds: number[];
  reports: AggReport[];
}

const counted = (r: AggReport | undefined): r is AggReport => r !== undefined && COUNTED_STATUSES.includes(r.status);
const numeric = (i: TemplateIndicator) => i.type === 'count' || i.type === 'amount' || i.type === 'percent';

/** The indicators of a window: the last period's template, then codes only older ones had. */
export function windowIndicators(periods: Pick<AggPeriod, 'indicators'>[]): TemplateIndicator[] {
  const out: TemplateIndicator[] = [];
  const seen = new Set<string>();
  for (const p of [...periods].reverse()) {
    for (const i of p.indicators) {
      if (!seen.has(i.code)) {
        seen.add(i.code);
        out.push(i);
      }
    }
  }
  return out;
}

/**
 * Where a unit's value of an indicator comes from over a window: 'window' adds up the reports
 * of every period; 'last' takes the last period's report only (cumulative indicators, yes/no
 * states), and only when the last period's template has the code; null: no stored value is
 * added up (texts; rates are computed from their parts afterwards).
 */
export type ValueSource = 'window' | 'last' | null;

export function valueSource(ind: TemplateIndicator, lastHasCode: boolean): ValueSource {
  if (ind.type === 'text' || ind.rule === 'RATE') return null;
  if (ind.accumulation === 'cumulative' || ind.type === 'yesno' || !numeric(ind)) return lastHasCode ? 'last' : null;
  return 'window';
}

const SMALL_INT = /^-?\d{1,15}$/;

/** a + b exactly; small integers (the usual counts) without going through BigInt. */
function add(a: string, b: string): string {
  return SMALL_INT.test(a) && SMALL_INT.test(b) ? String(Number(a) + Number(b)) : addDec(a, b);
}

function sumOf(values: (string | null)[]): string | null {
  let acc: string | null = null;
  for (const v of values) if (v !== null) acc = acc === null ? v : add(acc, v);
  return acc;
}

/** Each unit's value of each indicator over the window (unit id → code → value). */
export type UnitValues = Map<number, Record<string, string | null>>;

/** n / d as a percent with two decimals (see ratePercent); small integers without BigInt. */
export function rate(n: string, d: string): string | null {
  if (!SMALL_INT.test(n) || !SMALL_INT.test(d) || n.length > 10 || n.startsWith('-') || d.startsWith('-'))
    return ratePercent(n, d);
  const den = Number(d);
  if (den === 0) return null;
  // n × 10 000 stays below 2^53: the quotient and the remainder are exact integers.
  const scaled = Number(n) * 10000;
  let q = Math.floor(scaled / den);
  let r = scaled - q * den;
  if (r < 0) [q, r] = [q - 1, r + den];
  else if (r >= den) [q, r] = [q + 1, r - den];
  if (r * 2 >= den) q++;
  const whole = Math.floor(q / 100);
  const cents = q % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Each unit's value of each indicator over the window. */
export function unitValues(
  periods: AggPeriod[],
  indicators: TemplateIndicator[],
  units: Pick<AggUnit, 'id'>[],
): UnitValues {
  const last = periods[periods.length - 1]!;
  const lastCodes = new Set(last.indicators.map((i) => i.code));
  const out: UnitValues = new Map();
  const byPeriod = periods.map((p) => new Map(p.reports.filter(counted).map((r) => [r.unitId, r])));
  const lastReports = byPeriod[byPeriod.length - 1]!;
  const plain = indicators
    .map((ind) => [ind, valueSource(ind, lastCodes.has(ind.code))] as const)
    .filter(([ind]) => ind.rule !== 'RATE' && ind.type !== 'text');
  const rates = indicators.filter((ind) => ind.rule === 'RATE');
  const codes = indicators.filter((ind) => ind.type !== 'text').map((ind) => ind.code);
  for (const u of units) {
    // Every code, in the template's order, before any is computed (a rate of a later rate is null).
    const m: Record<string, string | null> = {};
    for (const c of codes) m[c] = null;
    const reports = byPeriod.map((rs) => rs.get(u.id));
    for (const [ind, source] of plain) {
      if (source === 'last') {
        const v = lastReports.get(u.id)?.values[ind.code];
        m[ind.code] = v === undefined || v === '' ? null : v;
      } else if (source === 'window') {
        let acc: string | null = null;
        for (const r of reports) {
          const v = r?.values[ind.code];
          if (v !== undefined && v !== '') acc = acc === null ? v : add(acc, v);
        }
        m[ind.code] = acc;
      }
    }
    for (const ind of rates) {
      const n = ind.numerator ? (m[ind.numerator] ?? null) : null;
      const d = ind.denominator ? (m[ind.denominator] ?? null) : null;
      m[ind.code] = n !== null && d !== null ? rate(n, d) : null;
    }
    out.set(u.id, m);
  }
  return out;
}

/**
 * What the totals of one indicator are made of, for the units of one kind that were expected
 * (or not): counted in SQL for integers (main/compile/aggregate-sql.ts) or here from the units'
 * values (decimals, and the pure path the rules are tested on). Same numbers either way.
 */
export interface GroupStats {
  kind: UnitKind;
  expected: boolean;
  /** The units' values added up; null when no unit has a value. */
  sum: string | null;
  /** Units with a value. */
  n: number;
  /** Units whose value is exactly 1 ("Có"). */
  yes: number;
  /** Units whose value is above zero. */
  positive: number;
}

/** Indicator code → its groups (one per unit kind and expected flag that has a value). */
export type WindowStats = Map<string, GroupStats[]>;

/** Adds one unit's value to the stats of a code. */
export function addToStats(stats: WindowStats, code: string, kind: UnitKind, expected: boolean, value: string): void {
  let groups = stats.get(code);
  if (!groups) stats.set(code, (groups = []));
  let g = groups.find((x) => x.kind === kind && x.expected === expected);
  if (!g) groups.push((g = { kind, expected, sum: null, n: 0, yes: 0, positive: 0 }));
  g.sum = g.sum === null ? value : add(g.sum, value);
  g.n++;
  if (value === '1') g.yes++;
  if (SMALL_INT.test(value) ? Number(value) > 0 : compareDec(value, '0') > 0) g.positive++;
}

/** The stats of these codes from the units' values. */
export function statsFromValues(
  units: Pick<AggUnit, 'id' | 'kind'>[],
  values: UnitValues,
  expected: Set<number>,
  codes: Iterable<string>,
  into: WindowStats = new Map(),
): WindowStats {
  for (const code of codes) {
    for (const u of units) {
      const v = values.get(u.id)?.[code] ?? null;
      if (v !== null) addToStats(into, code, u.kind, expected.has(u.id), v);
    }
  }
  return into;
}

/**
 * The figure of one indicator over a set of units (all, or some kinds): `inScope` picks the
 * kinds, `expectedCount` is the number of expected units among them.
 */
export function figureFromStats(
  ind: TemplateIndicator,
  stats: WindowStats,
  inScope: (kind: UnitKind) => boolean,
  expectedCount: number,
): Figure {
  const groups = (code: string | null) => (code === null ? [] : (stats.get(code) ?? []).filter((g) => inScope(g.kind)));
  const count = (gs: GroupStats[], f: (g: GroupStats) => number, expectedOnly = false) =>
    gs.reduce((a, g) => a + (!expectedOnly || g.expected ? f(g) : 0), 0);
  const base = { expected: expectedCount };
  switch (ind.rule) {
    case 'SUM': {
      const gs = groups(ind.code);
      return {
        ...base,
        value: sumOf(gs.map((g) => g.sum)),
        numerator: null,
        denominator: null,
        reported: count(gs, (g) => g.n),
        missing: expectedCount - count(gs, (g) => g.n, true),
      };
    }
    case 'RATE': {
      const num = sumOf(groups(ind.numerator).map((g) => g.sum));
      const dens = groups(ind.denominator);
      const den = sumOf(dens.map((g) => g.sum));
      return {
        ...base,
        value: num !== null && den !== null ? ratePercent(num, den) : null,
        numerator: num,
        denominator: den,
        reported: count(dens, (g) => g.n),
        missing: expectedCount - count(dens, (g) => g.n, true),
      };
    }
    case 'SHARE': {
      const gs = groups(ind.code);
      const yes = count(gs, (g) => g.yes, true);
      const answered = count(gs, (g) => g.n, true);
      return {
        ...base,
        // Nobody expected answered at all: no value ("—"), not 0 %.
        value: expectedCount && answered ? ratePercent(String(yes), String(expectedCount)) : null,
        numerator: String(yes),
        denominator: String(expectedCount),
        reported: answered,
        missing: expectedCount - answered,
      };
    }
    case 'NONE':
    case 'TEXT': {
      const gs = groups(ind.code);
      return {
        ...base,
        value: null,
        numerator: null,
        denominator: null,
        reported: count(gs, (g) => g.n),
        missing: expectedCount - count(gs, (g) => g.n, true),
      };
    }
  }
}

/** A period of a window without its reports (the SQL path loads only what it needs). */
export type AggPeriodInfo = Omit<AggPeriod, 'reports'>;

/** Where a unit stands in a window: its report of the last period, how many periods counted. */
export interface UnitReporting {
  status: ReportStatus;
  receivedDate: string | null;
  periodsCounted: number;
}

/**
 * Everything a window's aggregation is made of, however it was loaded: the periods (sorted by
 * their end), the units (expected or reporting, in the user's order), each unit's reporting,
 * the stats of every added-up code, the text answers and — when a by-unit view needs them —
 * each unit's values.
 */
export interface WindowFacts {
  periods: AggPeriodInfo[];
  units: AggUnit[];
  reporting: Map<number, UnitReporting>;
  /** Periods with at least one counted report. */
  periodsWithReports: Set<number>;
  stats: WindowStats;
  /** Text indicator code → the answers, period by period, unit by unit in the units' order. */
  texts: Map<string, TextAnswer[]>;
  /** Each unit's values; null when no by-unit view is needed (the lines then carry no values). */
  values: UnitValues | null;
}

/** The units of a window: expected at its end or with a report in one of its periods. */
export function presentUnits(units: AggUnit[], expected: Set<number>, reporting: Map<number, unknown>): AggUnit[] {
  return units.filter((u) => expected.has(u.id) || reporting.has(u.id));
}

/** Text answers of counted reports, period by period, unit by unit in the units' order. */
export function gatherTexts(
  periods: AggPeriodInfo[],
  units: AggUnit[],
  codes: string[],
  textOf: (periodId: number, unitId: number, code: string) => string | undefined,
): Map<string, TextAnswer[]> {
  const out = new Map<string, TextAnswer[]>();
  for (const code of codes) {
    out.set(
      code,
      periods.flatMap((p) =>
        units.flatMap((u) => {
          const t = textOf(p.id, u.id, code);
          return t ? [{ unitId: u.id, unitName: u.name, periodName: p.name, text: t }] : [];
        }),
      ),
    );
  }
  return out;
}

/**
 * Adds up a window of periods (one or several, in any order; they must not overlap).
 * `units` are every unit that was expected or reported, in the order the user chose.
 * The pure path: every report's values in memory (the rules' tests run on it).
 */
export function aggregate(periodsIn: AggPeriod[], units: AggUnit[], today: string): Aggregation {
  if (periodsIn.length === 0) throw new Error('aggregate: no period');
  const periods = [...periodsIn].sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const last = periods[periods.length - 1]!;
  const indicators = windowIndicators(periods);
  const expected = new Set(last.expectedUnitIds);
  const reporting = new Map<number, UnitReporting>();
  for (const p of periods) {
    for (const r of p.reports) {
      const u = reporting.get(r.unitId) ?? { status: 'chua_nop', receivedDate: null, periodsCounted: 0 };
      if (counted(r)) u.periodsCounted++;
      if (p === last) {
        u.status = r.status;
        u.receivedDate = r.receivedDate;
      }
      reporting.set(r.unitId, u);
    }
  }
  const present = presentUnits(units, expected, reporting);
  const values = unitValues(periods, indicators, present);
  const byPeriod = new Map(periods.map((p) => [p.id, new Map(p.reports.filter(counted).map((r) => [r.unitId, r]))]));
  const textCodes = indicators.filter((i) => i.type === 'text').map((i) => i.code);
  return buildAggregation(
    {
      periods,
      units: present,
      reporting,
      periodsWithReports: new Set(periods.filter((p) => p.reports.some(counted)).map((p) => p.id)),
      stats: statsFromValues(
        present,
        values,
        expected,
        indicators.map((i) => i.code),
      ),
      texts: gatherTexts(
        periods,
        present,
        textCodes,
        (periodId, unitId, code) => byPeriod.get(periodId)?.get(unitId)?.values[code],
      ),
      values,
    },
    today,
  );
}

/** The aggregation of a window from its facts: totals by rule, by unit kind, by unit, reporting status, notes. */
export function buildAggregation(facts: WindowFacts, today: string): Aggregation {
  const { periods, units: present, stats, values } = facts;
  const last = periods[periods.length - 1]!;
  const indicators = windowIndicators(periods);
  const expected = new Set(last.expectedUnitIds);
  const notes: string[] = [];
  const kinds = UNIT_KINDS.filter((k) => present.some((u) => u.kind === k));
  const expectedOfKind = new Map(
    kinds.map((k) => [k, present.filter((u) => u.kind === k && expected.has(u.id)).length]),
  );
  const expectedCount = present.filter((u) => expected.has(u.id)).length;

  const totals: IndicatorTotal[] = indicators.map((ind) => {
    const fig = figureFromStats(ind, stats, () => true, expectedCount);
    const texts = ind.type === 'text' ? (facts.texts.get(ind.code) ?? []) : [];
    if (ind.type === 'text') {
      const answered = new Set(texts.map((t) => t.unitId));
      fig.reported = answered.size;
      fig.missing = present.filter((u) => expected.has(u.id) && !answered.has(u.id)).length;
    }
    return {
      ...fig,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      type: ind.type,
      rule: ind.rule,
      accumulation: ind.accumulation,
      group: ind.group,
      numeratorCode: ind.numerator,
      denominatorCode: ind.denominator,
      byKind: kinds.map((kind) => ({
        kind,
        figure: figureFromStats(ind, stats, (k) => k === kind, expectedOfKind.get(kind)!),
      })),
      texts,
    };
  });

  const lines: UnitLine[] = present.map((u) => {
    const r = facts.reporting.get(u.id);
    const status = r?.status ?? 'chua_nop';
    const receivedDate = r?.receivedDate ?? null;
    const m = values?.get(u.id);
    // The one status model (the board's): breaches are not checked here, hence left out.
    const { breachCount: _unchecked, ...standing } = standingOf(status, receivedDate, last.deadline, today);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      expected: expected.has(u.id),
      ...standing,
      periodsCounted: r?.periodsCounted ?? 0,
      values: m ?? {},
    };
  });

  const exp = lines.filter((l) => l.expected);
  const reported = exp.filter((l) => COUNTED_STATUSES.includes(l.status));
  const late = reported.filter((l) => l.timeliness === 'muon');
  const counts = countStandings(exp);
  const status: ReportingStatus = {
    counts,
    expected: counts.expected,
    reported: counts.received,
    onTime: counts.onTime,
    late: counts.late,
    missing: counts.notReceived,
    lateUnits: late.map((l) => l.name),
    missingUnits: exp.filter((l) => !COUNTED_STATUSES.includes(l.status)).map((l) => l.name),
  };

  for (const p of periods) {
    if (!facts.periodsWithReports.has(p.id))
      notes.push(`Kỳ "${p.name}" chưa có báo cáo nào đã nộp: số liệu của kỳ này đều trống.`);
  }
  const labels = [...new Set(periods.map((p) => p.templateLabel))];
  if (labels.length > 1) {
    notes.push(
      `Các kỳ đã chọn dùng ${labels.length} mẫu báo cáo khác nhau (${labels.join('; ')}): số liệu được ghép theo mã chỉ số; chỉ số không có trong mẫu của một kỳ thì kỳ đó để trống.`,
    );
  }
  const outsiders = lines.filter((l) => !l.expected && l.periodsCounted > 0);
  if (outsiders.length) {
    notes.push(
      `${outsiders.length} đơn vị không thuộc danh sách phải báo cáo vào ngày chốt số liệu nhưng đã nộp báo cáo (${outsiders.map((l) => l.name).join(', ')}): số liệu của họ vẫn được cộng; tỷ lệ đơn vị chỉ tính trên đơn vị phải báo cáo.`,
    );
  }
  return {
    periods: periods.map((p) => ({
      id: p.id,
      name: p.name,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      deadline: p.deadline,
    })),
    indicators: totals,
    units: lines,
    status,
    notes,
  };
}

/** Refuses windows whose periods overlap (the same days would be added twice). */
export function overlappingPeriods(periods: Pick<AggPeriod, 'name' | 'windowStart' | 'windowEnd'>[]): string | null {
  const s = [...periods].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  for (let i = 1; i < s.length; i++) {
    if (s[i]!.windowStart <= s[i - 1]!.windowEnd)
      return `Kỳ "${s[i - 1]!.name}" và kỳ "${s[i]!.name}" trùng thời gian số liệu: cộng chung sẽ tính hai lần. Hãy chọn các kỳ không chồng lên nhau.`;
  }
  return null;
}

/** This window against the same window last year, indicator by indicator. */
export function compareAggregations(current: Aggregation, previous: Aggregation | null): ComparisonRow[] {
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
        note: delta === null ? 'Thiếu số liệu để so sánh.' : '',
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
          ? `${fig.numerator}/${fig.denominator} đơn vị phải báo cáo trả lời "Có"${fig.missing ? `, ${fig.missing} đơn vị chưa báo cáo` : ''}${scope}`
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
