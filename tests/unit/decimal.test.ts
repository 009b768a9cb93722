import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDec,
  compareDec,
  formatDec,
  fromJsNumber,
  parseViNumber,
  ratePercent,
  subDec,
} from '../../src/shared/domain/decimal';

const ok = (s: string) => {
  const r = parseViNumber(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const err = (s: string) => {
  const r = parseViNumber(s);
  if (r.ok) throw new Error(`accepted ${s} as ${r.value}`);
  return r.message;
};

describe('Vietnamese number input', () => {
  it('reads "." as thousands and "," as decimals', () => {
    expect(ok('1.234')).toBe('1234');
    expect(ok('79,63')).toBe('79.63');
    expect(ok('1.234.567,5')).toBe('1234567.5');
    expect(ok('12')).toBe('12');
    expect(ok('1234')).toBe('1234');
    expect(ok('0,50')).toBe('0.5');
    expect(ok('007')).toBe('7');
    expect(ok(' 1 234 ')).toBe('1234');
    expect(ok('1\u00a0234,25')).toBe('1234.25');
    expect(ok('-5')).toBe('-5');
    expect(ok('-0')).toBe('0');
  });

  it('refuses ambiguous or foreign forms with a Vietnamese message', () => {
    expect(err('1.5')).toMatch(/dấu chấm ngăn hàng nghìn/);
    expect(err('1,2,3')).toMatch(/nhiều dấu phẩy/);
    expect(err('12.34.5')).toMatch(/dấu chấm/);
    expect(err('abc')).toMatch(/không phải là số/);
    expect(err('12a')).toMatch(/không phải là số/);
    expect(err('')).toMatch(/Chưa nhập/);
    expect(err(',5')).toMatch(/thiếu phần nguyên/);
    expect(err('1e5')).toMatch(/không phải là số/);
  });

  it('formats canonical decimals back the Vietnamese way without floats', () => {
    expect(formatDec('1234567.5')).toBe('1.234.567,5');
    expect(formatDec('79.63')).toBe('79,63');
    expect(formatDec('-1000')).toBe('-1.000');
    expect(formatDec('0')).toBe('0');
    expect(formatDec(null)).toBe('');
    for (const s of ['1.234', '79,63', '1.234.567,891', '0,1']) expect(formatDec(ok(s))).toBe(s);
  });

  it('adds and compares exactly (no float drift)', () => {
    expect(addDec('0.1', '0.2')).toBe('0.3');
    let acc = '0';
    for (let i = 0; i < 1000; i++) acc = addDec(acc, '0.01');
    expect(acc).toBe('10');
    expect(addDec('9007199254740993', '1')).toBe('9007199254740994');
    expect(subDec('1', '1.5')).toBe('-0.5');
    expect(compareDec('10', '9.999')).toBe(1);
    expect(compareDec('2.50', '2.5')).toBe(0);
  });

  it('computes a rate exactly, rounded half up, and null for a zero denominator', () => {
    expect(ratePercent('1', '3')).toBe('33.33');
    expect(ratePercent('2', '3')).toBe('66.67');
    expect(ratePercent('86', '108')).toBe('79.63');
    expect(ratePercent('5', '5')).toBe('100');
    expect(ratePercent('0', '7')).toBe('0');
    expect(ratePercent('3', '0')).toBeNull();
    expect(ratePercent('0', '0')).toBeNull();
  });

  it('takes JSON numbers but refuses NaN and infinity', () => {
    expect(fromJsNumber(12)).toEqual({ ok: true, value: '12' });
    expect(fromJsNumber(0.1)).toEqual({ ok: true, value: '0.1' });
    expect(fromJsNumber(Number.NaN).ok).toBe(false);
    expect(fromJsNumber(Infinity).ok).toBe(false);
  });
});

describe('exact decimals, by property', () => {
  const dec = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }));
  const text = ([units, scale]: [bigint, number]) => {
    const neg = units < 0n;
    const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
    const body = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return { canonical: addDec('0', `${neg ? '-' : ''}${body}`), units, scale };
  };

  it('reads back what it shows: parseViNumber(formatDec(x)) = x', () => {
    fc.assert(
      fc.property(dec, (d) => {
        const { canonical } = text(d);
        const r = parseViNumber(formatDec(canonical));
        return r.ok && r.value === canonical;
      }),
    );
  });

  it('adds like integer arithmetic on the scaled values', () => {
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        const x = text(a);
        const y = text(b);
        const scale = Math.max(x.scale, y.scale);
        const sum = x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale);
        return (
          compareDec(addDec(x.canonical, y.canonical), text([sum, scale]).canonical) === 0 &&
          subDec(addDec(x.canonical, y.canonical), y.canonical) === x.canonical
        );
      }),
    );
  });
});
