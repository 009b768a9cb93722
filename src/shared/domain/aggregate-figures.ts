// The inputs and arithmetic of aggregation (the rules: aggregate.ts): a window's indicators and where
// each value comes from, exact sums, rates from summed numerators and denominators, each unit's value
// over a window, and the figures by rule from the per-kind stats.
import { addDec, compareDec, ratePercent } from './decimal';
import { COUNTED_STATUSES, type Figure } from '../model/compile';
import type { ReportStatus, ValueMap } from '../model/report';
import type { TemplateIndicator } from '../model/template';
import type { UnitKind } from '../model/unit';

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

export const counted = (r: AggReport | undefined): r is AggReport =>
  r !== undefined && COUNTED_STATUSES.includes(r.status);
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
  const plain = indicators
    .map((ind) => [ind, valueSource(ind, lastCodes.has(ind.code))] as const)
    .filter(([ind]) => ind.rule !== 'RATE' && ind.type !== 'text');
  const rates = indicators.filter((ind) => ind.rule === 'RATE');
  const codes = indicators.filter((ind) => ind.type !== 'text').map((ind) => ind.code);
  // Every code, in the template's order, before any is computed (a rate of a later rate is null).
  const blank: Record<string, string | null> = {};
  for (const c of codes) blank[c] = null;
  const fromLast = plain.filter(([, source]) => source === 'last').map(([ind]) => ind.code);
  const overWindow = plain.filter(([, source]) => source === 'window').map(([ind]) => ind.code);
  for (const u of units) {
    const m = { ...blank };
    const reports = byPeriod.map((rs) => rs.get(u.id));
    const lastValues = reports[reports.length - 1]?.values;
    if (lastValues)
      for (const c of fromLast) {
        const v = lastValues[c];
        if (v !== undefined && v !== '') m[c] = v;
      }
    for (const c of overWindow) {
      let acc: string | null = null;
      for (const r of reports) {
        const v = r?.values[c];
        if (v !== undefined && v !== '') acc = acc === null ? v : add(acc, v);
      }
      m[c] = acc;
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

/** One group's running stats: canonical small integers added as a number while exact, the rest as decimals. */
interface Running {
  group: GroupStats;
  /** The first value as given (a group of one value keeps it as it is, as `add` would). */
  first: string;
  int: number;
  dec: string | null;
}

/**
 * The stats of these codes from the units' values: the same groups (in the order units first
 * bring them), sums, counts and signs as `addToStats` value by value, without going through
 * decimal text for each of the thousands of counts. A code with groups already in `into` is
 * continued value by value.
 */
export function statsFromValues(
  units: Pick<AggUnit, 'id' | 'kind'>[],
  values: Map<number, Readonly<Record<string, string | null>>>,
  expected: Set<number>,
  codes: Iterable<string>,
  into: WindowStats = new Map(),
): WindowStats {
  const rows = units.map((u) => values.get(u.id));
  const keys = units.map((u) => `${u.kind}|${expected.has(u.id) ? 1 : 0}`);
  for (const code of codes) {
    if (into.has(code)) {
      for (const u of units) {
        const v = values.get(u.id)?.[code] ?? null;
        if (v !== null) addToStats(into, code, u.kind, expected.has(u.id), v);
      }
      continue;
    }
    const running = new Map<string, Running>();
    for (let k = 0; k < units.length; k++) {
      const v = rows[k]?.[code] ?? null;
      if (v === null) continue;
      let r = running.get(keys[k]!);
      if (!r) {
        const group = {
          kind: units[k]!.kind,
          expected: expected.has(units[k]!.id),
          sum: null,
          n: 0,
          yes: 0,
          positive: 0,
        };
        running.set(keys[k]!, (r = { group, first: v, int: 0, dec: null }));
      }
      const g = r.group;
      g.n++;
      if (v === '1') g.yes++;
      const x = Number(v);
      // a canonical integer within 2^53 (String gives it back): added as a number while the total stays exact
      if (Number.isSafeInteger(x) && String(x) === v && Number.isSafeInteger(r.int + x)) {
        r.int += x;
        if (x > 0) g.positive++;
      } else {
        r.dec = r.dec === null ? v : addDec(r.dec, v);
        if (SMALL_INT.test(v) ? x > 0 : compareDec(v, '0') > 0) g.positive++;
      }
    }
    if (running.size === 0) continue;
    const groups: GroupStats[] = [];
    for (const r of running.values()) {
      // exact either way: one value stays as given, more are the canonical sum (as addDec and String give it)
      const g = r.group;
      g.sum = g.n === 1 ? r.first : r.dec === null ? String(r.int) : addDec(String(r.int), r.dec);
      groups.push(g);
    }
    into.set(code, groups);
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
