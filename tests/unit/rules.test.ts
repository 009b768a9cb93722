import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  computeRate,
  evaluateRule,
  formatRule,
  parseRule,
  ruleCodes,
} from '../../src/shared/domain/rules';
import type { TemplateIndicator } from '../../src/shared/model/template';
import defaultTemplate from '../../resources/templates/dan-van-chinh-quyen.json';

const rule = (s: string) => {
  const r = parseRule(s);
  if (!r.ok) throw new Error(r.message);
  return r.rule;
};

const ind = (
  code: string,
  type: TemplateIndicator['type'] = 'count',
  extra: Partial<TemplateIndicator> = {},
): TemplateIndicator => ({
  code,
  name: code,
  unit: '',
  type,
  rule: type === 'percent' ? 'RATE' : type === 'text' ? 'TEXT' : type === 'yesno' ? 'SHARE' : 'SUM',
  numerator: null,
  denominator: null,
  accumulation: 'period',
  group: '',
  ...extra,
});

describe('validation rules', () => {
  it('parses the template rules and names their codes', () => {
    expect(ruleCodes(rule('DT03 <= DT02'))).toEqual(['DT03', 'DT02']);
    expect(ruleCodes(rule('DN03 <= DN01 + DN02'))).toEqual(['DN03', 'DN01', 'DN02']);
    expect(formatRule(rule('dn03<=dn01+dn02'))).toBe('DN03 ≤ DN01 + DN02');
    expect(formatRule(rule('A1 ≥ B1 - (C1 - 2)'))).toBe('A1 ≥ B1 - C1 + 2');
  });

  it('evaluates exactly; null while a value is missing', () => {
    const r = rule('DN03 <= DN01 + DN02');
    expect(evaluateRule(r, { DN01: '2', DN02: '10', DN03: '12' })).toBe(true);
    expect(evaluateRule(r, { DN01: '2', DN02: '10', DN03: '13' })).toBe(false);
    expect(evaluateRule(r, { DN01: '2', DN03: '13' })).toBeNull();
    expect(evaluateRule(rule('A <= B - C'), { A: '0.3', B: '0.5', C: '0.2' })).toBe(true);
    expect(evaluateRule(rule('A = B + C'), { A: '0.3', B: '0.1', C: '0.2' })).toBe(true);
    expect(evaluateRule(rule('A != B'), { A: '1', B: '2' })).toBe(true);
    expect(evaluateRule(rule('A < 5'), { A: '5' })).toBe(false);
    expect(formatRule(r, { DN01: '2', DN02: '1000', DN03: '1003' })).toBe('DN03 (1.003) ≤ DN01 (2) + DN02 (1.000)');
  });

  it('judges integers as numbers only while that is exact: the same answers as BigInt arithmetic', () => {
    // Big and small integers, the edges of 15 digits and of 2^53, and texts that are not canonical.
    const pool = [
      '0',
      '1',
      '-1',
      '7',
      '999999999999999',
      '-999999999999999',
      '1000000000000000',
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
      '-9007199254740993',
      '123456789012345678901234567890',
    ];
    const exact = (s: string[], signs: number[]) => s.reduce((a, v, i) => a + BigInt(signs[i]!) * BigInt(v), 0n);
    const ops = ['<=', '<', '>=', '>', '=', '!='] as const;
    let seed = 17;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 3000; k++) {
      const left = 1 + next(12);
      const right = 1 + next(3);
      const codes = Array.from({ length: left + right }, (_, i) => `A${i}`);
      const signs = codes.map((_, i) => (i === 0 || next(3) ? 1 : -1));
      const values = codes.map(() => pool[next(pool.length)]!);
      const text = (from: number, to: number) =>
        codes
          .slice(from, to)
          .map((c, i) => (i === 0 ? (signs[from] === -1 ? `-${c}` : c) : `${signs[from + i] === -1 ? '-' : '+'} ${c}`))
          .join(' ');
      const op = ops[next(ops.length)]!;
      const r = rule(`${text(0, left)} ${op} ${text(left, left + right)}`);
      const l = exact(values.slice(0, left), signs.slice(0, left));
      const rr = exact(values.slice(left), signs.slice(left));
      const want = { '<=': l <= rr, '<': l < rr, '>=': l >= rr, '>': l > rr, '=': l === rr, '!=': l !== rr }[op];
      expect(evaluateRule(r, Object.fromEntries(codes.map((c, i) => [c, values[i]!])))).toBe(want);
    }
    // Ten 15-digit terms pass 2^53 on the way: still exact.
    const ten = Array.from({ length: 10 }, (_, i) => `B${i}`);
    const big = Object.fromEntries(ten.map((c) => [c, '999999999999999']));
    expect(evaluateRule(rule(`${ten.join(' + ')} = 9999999999999990`), big)).toBe(true);
    expect(evaluateRule(rule(`${ten.join(' + ')} - 1 = 9999999999999989`), big)).toBe(true);
    expect(evaluateRule(rule(`${ten.join(' + ')} > 9999999999999989`), big)).toBe(true);
    // Not canonical: not judged, as before.
    expect(evaluateRule(rule('A <= B'), { A: '-0', B: '1' })).toBeNull();
    expect(evaluateRule(rule('A <= B'), { A: '007', B: '1' })).toBeNull();
    expect(evaluateRule(rule('A <= B'), { A: '1.50', B: '2' })).toBeNull();
    expect(evaluateRule(rule('A <= B'), { A: '1.5', B: '2' })).toBe(true);
    expect(evaluateRule(rule('A = B'), { A: '2.5', B: '2' })).toBe(false);
  });

  it('refuses anything that is not a simple comparison, without evaluating it', () => {
    for (const bad of [
      'DT03',
      'DT03 <= ',
      '<= DT02',
      'DT03 <= DT02 <= DT01',
      'process.exit(1) <= 2',
      'A; B <= C',
      'A * 2 <= B',
      '(A <= B',
      '1 <= 2',
      '',
    ]) {
      const r = parseRule(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Quy tắc|trống/);
    }
  });

  it('computes rates, "—" (null) for a zero denominator', () => {
    const rate = { numerator: 'DT03', denominator: 'DT02' };
    expect(computeRate(rate, { DT02: '108', DT03: '86' })).toBe('79.63');
    expect(computeRate(rate, { DT02: '0', DT03: '0' })).toBeNull();
    expect(computeRate(rate, { DT03: '5' })).toBeNull();
  });
});

describe('template checks', () => {
  it('accepts the default template', () => {
    expect(checkTemplate(defaultTemplate as never)).toEqual([]);
  });

  it('rejects a rule naming an unknown indicator', () => {
    const p = checkTemplate({
      sections: [],
      indicators: [ind('A'), ind('B')],
      rules: [{ expression: 'A <= ZZ9', message: '' }],
    });
    expect(p.map((x) => x.message)).toContainEqual(expect.stringMatching(/mã “ZZ9” không có trong mẫu/));
  });

  it('rejects rules forming a cycle', () => {
    const p = checkTemplate({
      sections: [],
      indicators: [ind('A'), ind('B'), ind('C')],
      rules: [
        { expression: 'A <= B', message: '' },
        { expression: 'B <= C', message: '' },
        { expression: 'A >= C', message: '' },
      ],
    });
    expect(p.map((x) => x.message)).toContainEqual(expect.stringMatching(/vòng lặp: A ≤ B ≤ C ≤ A/));
    // A chain without a loop is fine.
    expect(
      checkTemplate({
        sections: [],
        indicators: [ind('A'), ind('B'), ind('C')],
        rules: [
          { expression: 'A <= B', message: '' },
          { expression: 'B <= C', message: '' },
        ],
      }),
    ).toEqual([]);
  });

  it('rejects rates that point at themselves, at unknown codes or at text', () => {
    const selfRate = checkTemplate({
      sections: [],
      indicators: [ind('A'), ind('R', 'percent', { numerator: 'R', denominator: 'A' })],
      rules: [],
    });
    expect(selfRate.map((x) => x.message).join('\n')).toMatch(/không phải là chỉ số dạng số|tính vòng/);
    const loop = checkTemplate({
      sections: [],
      indicators: [
        ind('R1', 'percent', { rule: 'RATE', numerator: 'R2', denominator: 'R2' }),
        ind('R2', 'percent', { rule: 'RATE', numerator: 'R1', denominator: 'R1' }),
      ],
      rules: [],
    });
    expect(loop.map((x) => x.message).join('\n')).toMatch(/tính vòng quanh nhau: R1 → R2 → R1/);
    const unknown = checkTemplate({
      sections: [],
      indicators: [ind('R', 'percent', { numerator: 'X', denominator: 'Y' })],
      rules: [],
    });
    expect(unknown).toHaveLength(2);
    const text = checkTemplate({
      sections: [],
      indicators: [ind('T', 'text'), ind('R', 'percent', { numerator: 'T', denominator: 'T' })],
      rules: [],
    });
    expect(text[0]!.message).toMatch(/không phải là chỉ số dạng số/);
  });

  it('rejects duplicate codes, bad codes and a rule on a type it cannot aggregate', () => {
    const p = checkTemplate({
      sections: [],
      indicators: [ind('A'), ind('A'), ind('a-1'), ind('T', 'text', { rule: 'SUM' })],
      rules: [],
    });
    const msgs = p.map((x) => x.message).join('\n');
    expect(msgs).toMatch(/“A” bị trùng/);
    expect(msgs).toMatch(/“a-1” không hợp lệ/);
    expect(msgs).toMatch(/T: cách tổng hợp SUM không dùng được/);
  });
});
