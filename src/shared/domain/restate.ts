// Comparing across a reorganisation (issue 20): last year's figures of the old units read onto
// today's units through the lineage. Values as reported stay untouched; this only reads them.
//   sums     an old unit's value goes whole to the unit that took it over; merged units add up;
//            a split gives each new unit its stated share (the last part takes the remainder, so
//            the parts add up exactly); a split without shares leaves each receiving unit without
//            a comparable figure, while the total still counts the old unit once.
//   rates    from the restated numerators and denominators, never from the old units' rates.
//   yes/no and typed percents: only for a unit that took over exactly one old unit, whole.
//   abolished units: their figures go nowhere; they are named.
// A unit's restated figure is given only when every old unit it took over has that figure: a
// merged unit is never compared with one old unit's figure alone.
import { addDec, scaleDec, subDec } from './decimal';
import { addToStats, figureFromStats, rate, statsFromValues, type WindowStats } from './aggregate-figures';
import { outsidersNote } from './aggregate';
import { standingOf } from './report-status';
import type { Aggregation, IndicatorTotal, RestatedUnit, UnitLine } from '../model/compile';
import type { TemplateIndicator } from '../model/template';
import { UNIT_KINDS, type UnitKind } from '../model/unit';

export interface LineageFact {
  actId: number;
  date: string;
  fromId: number;
  /** null: abolished. */
  toId: number | null;
  share: number | null;
}

/** A part of an old unit going to a unit of today; weight null: a split without shares. */
export interface Part {
  toId: number;
  weight: number | null;
}

/** Shares adding up to 100 % within this (as the annex reader accepts them): the last part takes the remainder. */
const SHARE_TOLERANCE = 0.001;

/**
 * Where each old unit's figures go through the acts effective after `after` (the earlier window's
 * cut-off; a unit closed on D still reports on D − 1) up to `upTo` (today's window cut-off), in
 * date order. An old unit no act touched goes to itself; an abolished one to no unit.
 */
export function partsAcross(
  links: LineageFact[],
  after: string,
  upTo: string,
  fromIds: Iterable<number>,
): Map<number, Part[]> {
  const acts = new Map<number, { date: string; byFrom: Map<number, LineageFact[]> }>();
  for (const l of links) {
    if (l.date <= after || l.date > upTo) continue;
    const a = acts.get(l.actId) ?? { date: l.date, byFrom: new Map<number, LineageFact[]>() };
    a.byFrom.set(l.fromId, [...(a.byFrom.get(l.fromId) ?? []), l]);
    acts.set(l.actId, a);
  }
  const ordered = [...acts.entries()].sort((x, y) => x[1].date.localeCompare(y[1].date) || x[0] - y[0]);
  const out = new Map<number, Part[]>();
  for (const id of fromIds) {
    let parts: Part[] = [{ toId: id, weight: 1 }];
    for (const [, act] of ordered) {
      const next: Part[] = [];
      for (const p of parts) {
        const ls = act.byFrom.get(p.toId);
        if (!ls) next.push(p);
        else
          for (const l of ls) {
            if (l.toId === null) continue;
            const share = ls.length > 1 ? l.share : 1;
            next.push({ toId: l.toId, weight: p.weight === null || share === null ? null : p.weight * share });
          }
      }
      parts = next;
    }
    const merged = new Map<number, Part>();
    for (const p of parts) {
      const m = merged.get(p.toId);
      if (!m) merged.set(p.toId, { ...p });
      else m.weight = m.weight === null || p.weight === null ? null : m.weight + p.weight;
    }
    out.set(id, [...merged.values()]);
  }
  return out;
}

type Kind = 'sum' | 'whole' | 'rate' | 'skip';
const kindOf = (i: Pick<IndicatorTotal, 'type' | 'rule'>): Kind =>
  i.type === 'text'
    ? 'skip'
    : i.rule === 'RATE'
      ? 'rate'
      : i.type === 'yesno' || i.type === 'percent' || i.rule === 'SHARE'
        ? 'whole'
        : 'sum';

/** One old unit's value split over its parts (the last weighted part takes the remainder when shares add to 1). */
function splitValue(value: string, parts: Part[]): { toId: number; value: string | null }[] {
  const weighted = parts.filter((p) => p.weight !== null);
  const exact =
    weighted.length === parts.length && Math.abs(weighted.reduce((s, p) => s + p.weight!, 0) - 1) < SHARE_TOLERANCE;
  const out: { toId: number; value: string | null }[] = [];
  let given = '0';
  weighted.forEach((p, k) => {
    const v =
      p.weight === 1 ? value : exact && k === weighted.length - 1 ? subDec(value, given) : scaleDec(value, p.weight!);
    given = addDec(given, v);
    out.push({ toId: p.toId, value: v });
  });
  const open = parts.filter((p) => p.weight === null);
  // A split without shares: what the weighted parts did not take, once, for the total only.
  if (open.length) out.push({ toId: open[0]!.toId, value: weighted.length ? subDec(value, given) : value });
  return out;
}

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface RestateResult {
  /** Every unit of today that took over an old unit (identity included): its restated values. */
  values: Map<number, Record<string, string | null>>;
  stats: WindowStats;
  /** Units of today that took over at least one unit expected last year. */
  expected: Set<number>;
  units: RestatedUnit[];
  dropped: { unitId: number; code: string; name: string }[];
  notComparable: Record<string, string>;
  /**
   * Per unit of today, what its old units' added-up values bring to the totals (every part that
   * exists, gaps or not; a split without shares on its first receiving unit): the totals' basis.
   */
  basis: Map<number, Record<string, string>>;
}

/** Last year's unit lines read onto today's units. `info` knows every old and new unit id. */
export function restateLines(
  lines: UnitLine[],
  indicators: Pick<IndicatorTotal, 'code' | 'type' | 'rule' | 'numeratorCode' | 'denominatorCode' | 'name'>[],
  parts: Map<number, Part[]>,
  info: Map<number, UnitInfo>,
): RestateResult {
  const sources = new Map<number, { line: UnitLine; weight: number | null }[]>();
  const dropped: RestateResult['dropped'] = [];
  for (const l of lines) {
    const ps = parts.get(l.unitId) ?? [{ toId: l.unitId, weight: 1 }];
    if (ps.length === 0 && Object.values(l.values).some((v) => v !== null))
      dropped.push({ unitId: l.unitId, code: l.code, name: l.name });
    for (const p of ps) sources.set(p.toId, [...(sources.get(p.toId) ?? []), { line: l, weight: p.weight }]);
  }
  const stats: WindowStats = new Map();
  const values = new Map<number, Record<string, string | null>>();
  const notComparable: Record<string, string> = {};
  const units: RestatedUnit[] = [];
  const kinds = indicators.map((i) => [i, kindOf(i)] as const);
  for (const [id, src] of sources) {
    const u = info.get(id);
    if (!u) continue;
    const identity = src.length === 1 && src[0]!.line.unitId === id && src[0]!.weight === 1;
    const whole = src.length === 1 && src[0]!.weight === 1;
    const m: Record<string, string | null> = {};
    const gaps = new Set<string>();
    for (const [ind, k] of kinds) {
      if (k === 'skip' || k === 'rate') continue;
      const vals = src.map((s) => s.line.values[ind.code] ?? null);
      if (k === 'whole') {
        m[ind.code] = whole ? vals[0]! : null;
        if (!whole && vals.some((v) => v !== null)) {
          gaps.add(`“${ind.name}” (không cộng được khi sáp nhập hoặc chia tách)`);
          notComparable[ind.code] ??=
            'Không quy đổi được theo đơn vị mới: câu trả lời có/không và tỷ lệ do đơn vị tự ghi không cộng được khi sáp nhập hoặc chia tách.';
        }
        continue;
      }
      if (vals.every((v) => v === null)) m[ind.code] = null;
      else if (src.some((s) => s.weight === null)) {
        m[ind.code] = null;
        gaps.add(`“${ind.name}” (chia tách không ghi tỷ lệ)`);
      } else if (vals.some((v) => v === null)) {
        m[ind.code] = null;
        const missing = src.filter((s) => (s.line.values[ind.code] ?? null) === null).map((s) => s.line.code);
        gaps.add(`“${ind.name}” (thiếu số liệu của ${missing.join(', ')})`);
      } else {
        let acc: string | null = null;
        src.forEach((s, k) => {
          const part = splitValue(vals[k]!, parts.get(s.line.unitId) ?? [{ toId: id, weight: 1 }]).find(
            (p) => p.toId === id,
          )!.value!;
          acc = acc === null ? part : addDec(acc, part);
        });
        m[ind.code] = acc;
      }
    }
    for (const [ind] of kinds.filter(([, k]) => k === 'rate')) {
      const n = ind.numeratorCode ? (m[ind.numeratorCode] ?? null) : null;
      const d = ind.denominatorCode ? (m[ind.denominatorCode] ?? null) : null;
      m[ind.code] = n !== null && d !== null ? rate(n, d) : null;
    }
    values.set(id, m);
    if (!identity)
      units.push({
        unitId: id,
        code: u.code,
        name: u.name,
        sources: src.map((s) => ({ unitId: s.line.unitId, code: s.line.code, name: s.line.name, weight: s.weight })),
        values: m,
        note: gaps.size ? `Không so sánh được: ${[...gaps].join('; ')}.` : '',
      });
  }
  // The totals: every old unit's value counted once, on the kind of the unit that took it over.
  const expected = new Set<number>();
  const basis = new Map<number, Record<string, string>>();
  for (const l of lines) {
    const ps = parts.get(l.unitId) ?? [{ toId: l.unitId, weight: 1 }];
    if (l.expected) for (const p of ps) if (info.has(p.toId)) expected.add(p.toId);
    for (const [ind, k] of kinds) {
      const v = l.values[ind.code] ?? null;
      if (v === null || k === 'skip' || k === 'rate') continue;
      if (k === 'whole') {
        const p = ps.length === 1 && ps[0]!.weight === 1 ? ps[0]! : null;
        if (p && info.has(p.toId)) addToStats(stats, ind.code, info.get(p.toId)!.kind, l.expected, v);
        continue;
      }
      for (const part of splitValue(v, ps))
        if (part.value !== null && info.has(part.toId)) {
          addToStats(stats, ind.code, info.get(part.toId)!.kind, l.expected, part.value);
          const b = basis.get(part.toId) ?? {};
          b[ind.code] = b[ind.code] === undefined ? part.value : addDec(b[ind.code]!, part.value);
          basis.set(part.toId, b);
        }
    }
  }
  return { values, stats, expected, units, dropped, notComparable, basis };
}

const asTemplate = (i: IndicatorTotal): TemplateIndicator =>
  ({ code: i.code, rule: i.rule, numerator: i.numeratorCode, denominator: i.denominatorCode }) as TemplateIndicator;

/** Last year's aggregation with its totals (and totals by kind) made from the restated figures. */
export function restatedAggregation(previous: Aggregation, r: RestateResult, info: Map<number, UnitInfo>): Aggregation {
  const kinds = [...new Set([...r.values.keys()].flatMap((id) => (info.has(id) ? [info.get(id)!.kind] : [])))];
  const expectedOfKind = (kind: UnitKind) => [...r.expected].filter((id) => info.get(id)?.kind === kind).length;
  return {
    ...previous,
    indicators: previous.indicators.map((i) => {
      if (i.type === 'text') return i;
      const fig = figureFromStats(asTemplate(i), r.stats, () => true, r.expected.size);
      const blocked = r.notComparable[i.code] !== undefined;
      return {
        ...i,
        ...fig,
        value: blocked ? null : fig.value,
        byKind: kinds.map((kind) => ({
          kind,
          figure: figureFromStats(asTemplate(i), r.stats, (k) => k === kind, expectedOfKind(kind)),
        })),
      };
    }),
  };
}

/** What folding a window's old units into today's units gives: the aggregation and what was folded. */
export interface FoldResult {
  aggregation: Aggregation;
  /** What the folded totals are made of (the plan's targets are measured on them). */
  stats: WindowStats;
  /** Each unit of today that took over old units' reports of the window, with what it took (`values`). */
  units: RestatedUnit[];
  dropped: RestateResult['dropped'];
  notComparable: Record<string, string>;
}

/**
 * A window that itself spans a reorganisation (the whole year, a "lũy kế" from January): the
 * reports the old units sent before the date are folded unit by unit into the units that took
 * them over, by the same parts as last year's figures (partsAcross, splitValue), so that each
 * unit of today carries its whole window and the totals stay the sum of the lines (as the Excel
 * summary's formulas add them). Added-up values: the unit's own plus what it took over (an old
 * unit's missing figure is named in the unit's note, as a missing period is); rates from the
 * folded numerators and denominators. Not folded: an old unit split without shares (its line
 * stays, outside the list: which part went where is unknown); an abolished unit's figures go
 * nowhere, as last year's do, so that the two sides of a comparison cover the same units (named
 * in `dropped`). Yes/no answers, typed percents and "lũy kế" values come from the window's last
 * period, where closed units have no report; any other answer of theirs is named not comparable.
 * The lines and totals change; the values as reported do not (the caller never writes them).
 */
export function foldWindow(
  agg: Aggregation,
  parts: Map<number, Part[]>,
  info: Map<number, UnitInfo>,
  today: string,
): FoldResult {
  const moved = (id: number) => {
    const ps = parts.get(id);
    return (
      ps !== undefined &&
      ps.every((p) => p.weight !== null) &&
      !(ps.length === 1 && ps[0]!.toId === id && ps[0]!.weight === 1)
    );
  };
  const oldLines = agg.units.filter((l) => !l.expected && l.periodsCounted > 0 && moved(l.unitId));
  if (oldLines.length === 0) return { aggregation: agg, stats: new Map(), units: [], dropped: [], notComparable: {} };
  const r = restateLines(oldLines, agg.indicators, parts, info);
  const folded = new Set(oldLines.map((l) => l.unitId));
  const last = agg.periods[agg.periods.length - 1]!;
  const lines: UnitLine[] = agg.units.filter((l) => !folded.has(l.unitId)).map((l) => ({ ...l }));
  // A unit that took over old units without being on this window's list gets a line of its own.
  for (const id of r.basis.keys()) {
    const u = info.get(id);
    if (!u || lines.some((l) => l.unitId === id)) continue;
    const { breachCount: _none, ...standing } = standingOf('chua_nop', null, last.deadline, today);
    const line = { unitId: id, code: u.code, name: u.name, kind: u.kind, expected: false, periodsCounted: 0 };
    lines.push({ ...line, ...standing, values: {} });
  }
  const kinds = agg.indicators.map((i) => [i, kindOf(i)] as const);
  const notComparable: Record<string, string> = {};
  for (const [ind, k] of kinds)
    if (k === 'whole' && oldLines.some((l) => (l.values[ind.code] ?? null) !== null))
      notComparable[ind.code] =
        'Câu trả lời có/không và tỷ lệ do đơn vị cũ tự ghi không cộng được vào đơn vị mới: không tính vào tổng.';
  for (const l of lines) {
    const took = r.basis.get(l.unitId);
    if (!took) continue;
    const m = { ...l.values };
    for (const [ind, k] of kinds) {
      const all = took[ind.code];
      if (k !== 'sum' || all === undefined) continue;
      const own = m[ind.code] ?? null;
      m[ind.code] = own === null ? all : addDec(own, all);
    }
    for (const [ind] of kinds.filter(([, k]) => k === 'rate')) {
      const n = ind.numeratorCode ? (m[ind.numeratorCode] ?? null) : null;
      const d = ind.denominatorCode ? (m[ind.denominatorCode] ?? null) : null;
      m[ind.code] = n !== null && d !== null ? rate(n, d) : null;
    }
    l.values = m;
  }
  const expected = new Set(lines.filter((l) => l.expected).map((l) => l.unitId));
  const stats = statsFromValues(
    lines.map((l) => ({ id: l.unitId, kind: l.kind })),
    new Map(lines.map((l) => [l.unitId, l.values])),
    expected,
    kinds.filter(([, k]) => k !== 'skip').map(([i]) => i.code),
  );
  const present = UNIT_KINDS.filter((k) => lines.some((l) => l.kind === k));
  const ofKind = (kind: UnitKind) => lines.filter((l) => l.kind === kind && l.expected).length;
  const outsiders = outsidersNote(agg.units);
  const now = outsidersNote(lines);
  return {
    aggregation: {
      ...agg,
      units: lines,
      indicators: agg.indicators.map((i) =>
        i.type === 'text'
          ? i
          : {
              ...i,
              ...figureFromStats(asTemplate(i), stats, () => true, expected.size),
              byKind: present.map((kind) => ({
                kind,
                figure: figureFromStats(asTemplate(i), stats, (k) => k === kind, ofKind(kind)),
              })),
            },
      ),
      notes: [...agg.notes.filter((n) => n !== outsiders), ...(now ? [now] : [])],
    },
    stats,
    // What each unit took over (its old units' parts, gaps named in the note).
    units: r.units.map((u) => ({
      ...u,
      values: { ...u.values, ...(r.basis.get(u.unitId) ?? {}) },
      note: u.note.replace(/^Không so sánh được: /, 'Đơn vị cũ chưa báo cáo đủ: '),
    })),
    dropped: r.dropped,
    notComparable,
  };
}
