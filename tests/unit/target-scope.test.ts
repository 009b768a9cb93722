// The scope of a plan's targets (reader/target-scope.ts) read from one index of the line: the same
// answers as reading each target's clause on its own, and a line of thousands of targets read whole.
import { describe, expect, it } from 'vitest';
import { proposeTargetScope, scopeReader } from '../../src/main/features/plan-import/reader/target-scope';
import { readTargets } from '../../src/main/features/plan-import/reader/targets';

describe('target scope', () => {
  it('"mỗi"/"từng" counts only inside the target’s own clause', () => {
    const line = 'Mỗi xã có 01 tổ; trên 80% cơ quan đạt; x;MỖI đơn vị đạt 90%. Từng  phường đạt 70% và mỗi';
    const at = (s: string) => line.indexOf(s);
    const scope = scopeReader(line);
    // "Mỗi xã" is in the clause before the ";"
    expect(scope(at('trên 80%'), at('; x'), '%')).toBe('rate');
    // at the clause's very start, right after ";" (no space before it)
    expect(scope(at('90%'), at('. Từng'), '%')).toBe('each_unit');
    // after a sentence end, two spaces before the word
    expect(scope(at('70%'), line.length, '%')).toBe('each_unit');
    // a "mỗi" with no word after it, or past the clause's end, says nothing
    const tail = 'xã đạt 70% và mỗi';
    expect(proposeTargetScope(tail, tail.indexOf('70%'), tail.length, '%')).toBe('rate');
    const after = 'xã đạt 70% và mỗi xã';
    expect(proposeTargetScope(after, after.indexOf('70%'), after.indexOf(' và'), '%')).toBe('rate');
    expect(proposeTargetScope(after, after.indexOf('70%'), after.length, '%')).toBe('each_unit');
    // one index answers as the single call does
    for (const s of ['trên 80%', '90%', '70%'])
      expect(scope(at(s), line.length, '%')).toBe(proposeTargetScope(line, at(s), line.length, '%'));
  });

  it('reads a line of 5,000 targets with no ";" whole, each a rate, and one clause of "mỗi" after it', () => {
    const text = `${'trên 80% cơ quan đạt ít nhất 01 mô hình, '.repeat(5000)}; mỗi xã đạt 90%`;
    const targets = readTargets([{ index: 0, text, start: 0, end: text.length }]);
    expect(targets.filter((t) => t.unit === '%')).toHaveLength(5001);
    expect(targets.filter((t) => t.scope === 'rate')).toHaveLength(5000);
    expect(targets.at(-1)).toMatchObject({ value: '90', unit: '%', scope: 'each_unit' });
  });
});
