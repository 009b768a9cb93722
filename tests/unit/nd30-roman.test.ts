import { describe, expect, it } from 'vitest';
import { toRoman } from '../../src/main/documents/nd30/text';

// Read back with the subtractive rule, written independently of toRoman's table.
function readRoman(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const here = v[s[i]!]!;
    const next = i + 1 < s.length ? v[s[i + 1]!]! : 0;
    total += here < next ? -here : here;
  }
  return total;
}

describe('toRoman (section and annex numbers of reports and plans)', () => {
  it('writes the numbers a report uses', () => {
    expect([1, 2, 3, 4, 5, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'MCMXCIV',
    ]);
  });
  it('reads back to the same number from 1 to 3999, in canonical form', () => {
    for (let n = 1; n < 4000; n++) {
      const r = toRoman(n);
      expect(readRoman(r)).toBe(n);
      expect(r).toMatch(/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/);
    }
  });
});
