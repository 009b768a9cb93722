// statsFromValues (shared/domain/aggregate-figures.ts) adds the units' values up by group with
// canonical small integers as numbers; it must give exactly what adding them value by value with
// `addToStats` (the exact decimal path) gives: the same groups in the same order, the same sums as
// text, counts, "Có" answers and positives — on random values over the edges (2^53, 15/16 digits,
// non-canonical "007" and "-0", decimals, negatives), with groups already started or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToStats, statsFromValues, type WindowStats } from '../../src/shared/domain/aggregate-figures';
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
