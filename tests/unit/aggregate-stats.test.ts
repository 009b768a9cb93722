// statsFromValues (shared/domain/aggregate-figures.ts) adds the units' values up by group with
// canonical small integers as numbers; it must give exactly what adding them value by value with
// `addToStats` (the exact decimal path) gives: the same groups in the same order, the same sums as
// text, counts, "Có" answers and positives — on random values over the edges (2^53, 15/16 digits,
// non-canonical "007" and "-0", decimals, negatives), with groups already started or not.
// unitValues must give what it gave before it was made faster (its code at fdc2d57, below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToStats,
  counted,
  rate,
  statsFromValues,
  unitValues,
  valueSource,
  windowIndicators,
  type AggPeriod,
  type UnitValues,
  type WindowStats,
} from '../../src/shared/domain/aggregate-figures';
import { addDec } from '../../src/shared/domain/decimal';
import type { ReportStatus } from '../../src/shared/model/report';
import type { TemplateIndicator } from '../../src/shared/model/template';
import type { UnitKind } from '../../src/shared/model/unit';

const KINDS: UnitKind[] = ['so_nganh', 'ubnd_xa', 'ubnd_phuong', 'khac'];
const CODES = ['A', 'B', 'C'];

/** The reference: every value through addToStats, one by one, code by code, in the units' order. */
function valueByValue(
  units: { id: number; kind: UnitKind }[],
  values: Map<number, Record<string, string | null>>,
  expected: Set<number>,
  codes: string[],
  into: WindowStats,
): WindowStats {
  for (const code of codes)
    for (const u of units) {
      const v = values.get(u.id)?.[code] ?? null;
      if (v !== null) addToStats(into, code, u.kind, expected.has(u.id), v);
    }
  return into;
}

const value = fc.oneof(
  fc.integer({ min: -5, max: 60 }).map(String),
  fc.constantFrom('0', '1', '-0', '007', '1', '1'),
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }).map(String),
  fc.constantFrom('9007199254740991', '9007199254740992', '-9007199254740991', '999999999999999', '1000000000000000'),
  fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 1, max: 999 })).map(([i, f]) => `${i}.${f}`),
  fc.constant(null),
);

const dataSet = fc.record({
  units: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), expected: fc.boolean(), present: fc.boolean() }), {
    maxLength: 40,
  }),
  rows: fc.array(fc.array(value, { minLength: CODES.length, maxLength: CODES.length }), { maxLength: 40 }),
  started: fc.boolean(),
});

describe('stats from the units’ values', () => {
  it('equal adding value by value with addToStats', () => {
    fc.assert(
      fc.property(dataSet, ({ units: us, rows, started }) => {
        const units = us.map((u, k) => ({ id: k + 1, kind: u.kind }));
        const expected = new Set(us.flatMap((u, k) => (u.expected ? [k + 1] : [])));
        const values = new Map<number, Record<string, string | null>>();
        us.forEach((u, k) => {
          const row = rows[k];
          if (u.present && row) values.set(k + 1, Object.fromEntries(CODES.map((c, i) => [c, row[i]!])));
        });
        // a code whose groups were started elsewhere (SQL's, a restatement's) is continued
        const seed = (): WindowStats =>
          started
            ? new Map([['B', [{ kind: 'khac', expected: true, sum: '5', n: 1, yes: 0, positive: 1 }]]])
            : new Map();
        expect(statsFromValues(units, values, expected, CODES, seed())).toEqual(
          valueByValue(units, values, expected, CODES, seed()),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps one value as given and writes a sum of more as its canonical text', () => {
    const units = [
      { id: 1, kind: 'ubnd_xa' as const },
      { id: 2, kind: 'ubnd_xa' as const },
      { id: 3, kind: 'so_nganh' as const },
    ];
    const values = new Map([
      [1, { A: '007', B: '9007199254740991', C: '-0' }],
      [2, { A: '5', B: '1', C: '-0' }],
      [3, { A: '007', B: '2.50', C: '1' }],
    ]);
    const stats = statsFromValues(units, values, new Set([1, 2, 3]), CODES);
    expect(stats.get('A')!.map((g) => g.sum)).toEqual(['12', '007']);
    expect(stats.get('B')!.map((g) => g.sum)).toEqual(['9007199254740992', '2.50']);
    expect(stats.get('C')!.map((g) => [g.sum, g.positive, g.yes])).toEqual([
      ['0', 0, 0],
      ['1', 1, 1],
    ]);
    expect(stats).toEqual(valueByValue(units, values, new Set([1, 2, 3]), CODES, new Map()));
  });
});

/** unitValues as it was at fdc2d57 (the by-unit view's values): the reference. */
function unitValuesBefore(periods: AggPeriod[], indicators: TemplateIndicator[], units: { id: number }[]): UnitValues {
  const SMALL_INT = /^-?\d{1,15}$/;
  const add = (a: string, b: string) =>
    SMALL_INT.test(a) && SMALL_INT.test(b) ? String(Number(a) + Number(b)) : addDec(a, b);
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

const indicator = (code: string, over: Partial<TemplateIndicator> = {}): TemplateIndicator => ({
  code,
  name: code,
  unit: '',
  type: 'count',
  rule: 'SUM',
  numerator: null,
  denominator: null,
  accumulation: 'period',
  group: '',
  ...over,
});
/** Every kind of source: added over the window, the last period's, yes/no, a rate (of a rate), a text, a code only older periods had. */
const ALL = [
  indicator('S'),
  indicator('K', { accumulation: 'cumulative' }),
  indicator('A', { type: 'amount' }),
  indicator('Y', { type: 'yesno', rule: 'SHARE' }),
  indicator('R', { type: 'percent', rule: 'RATE', numerator: 'S', denominator: 'A' }),
  indicator('RR', { type: 'percent', rule: 'RATE', numerator: 'R', denominator: 'S' }),
  indicator('T', { type: 'text', rule: 'TEXT' }),
  indicator('N', { rule: 'NONE' }),
];
const STATUSES: ReportStatus[] = ['da_nop', 'da_duyet', 'dang_nhap', 'tra_lai'];

describe('each unit’s values over a window', () => {
  it('are what they were before unitValues was made faster', () => {
    const cell = fc.oneof(value, fc.constant(''), fc.constant(undefined));
    const period = fc.record({
      old: fc.boolean(),
      reports: fc.array(
        fc.record({
          unit: fc.integer({ min: 1, max: 12 }),
          status: fc.constantFrom(...STATUSES),
          cells: fc.array(cell, { minLength: ALL.length, maxLength: ALL.length }),
        }),
        { maxLength: 14 },
      ),
    });
    fc.assert(
      fc.property(fc.array(period, { minLength: 1, maxLength: 3 }), (ps) => {
        const periods: AggPeriod[] = ps.map((p, k) => ({
          id: k + 1,
          name: `Kỳ ${k + 1}`,
          windowStart: `202${k}-01-01`,
          windowEnd: `202${k}-12-31`,
          deadline: `202${k + 1}-01-10`,
          // an older template without K and with a code of its own
          indicators: p.old ? [...ALL.filter((i) => i.code !== 'K'), indicator('O')] : ALL,
          templateLabel: '',
          expectedUnitIds: [],
          reports: [...new Map(p.reports.map((r) => [r.unit, r])).values()].map((r) => ({
            unitId: r.unit,
            status: r.status,
            receivedDate: null,
            values: Object.fromEntries(
              ALL.flatMap((i, c) => (r.cells[c] === undefined || r.cells[c] === null ? [] : [[i.code, r.cells[c]!]])),
            ),
          })),
        }));
        const indicators = windowIndicators(periods);
        const units = Array.from({ length: 12 }, (_, k) => ({ id: k + 1 }));
        // the same values, each unit's codes in the same order
        const now = [...unitValues(periods, indicators, units)];
        expect(JSON.stringify(now)).toBe(JSON.stringify([...unitValuesBefore(periods, indicators, units)]));
      }),
      { numRuns: 2000 },
    );
  });
});
