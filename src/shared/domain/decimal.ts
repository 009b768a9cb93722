// Exact decimals for report values: stored and compared as strings over BigInt, never as floats,
// so "0,1 + 0,2" is 0,3 and a sum of a thousand amounts does not drift.
// Canonical form: optional "-", integer digits without leading zeros, "." and fraction digits
// without trailing zeros ("1234", "-0.5", "79.63").

import { trimRun } from '../text';
export type ParseResult = { ok: true; value: string } | { ok: false; message: string };

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

export function isCanonical(value: string): boolean {
  return CANONICAL.test(value) && value !== '-0';
}

/** Builds the canonical form from sign, integer digits and fraction digits. */
function canonical(negative: boolean, intDigits: string, fracDigits: string): string {
  const i = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const f = trimRun(fracDigits, '0', 'end');
  const body = f ? `${i}.${f}` : i;
  return negative && body !== '0' ? `-${body}` : body;
}

/**
 * Reads a number written the Vietnamese way: "." groups thousands, "," starts the decimals
 * ("1.234" is one thousand two hundred thirty-four, "79,63" is seventy-nine point six three).
 * Spaces (also non-breaking) may group thousands. A lone "." followed by other than three
 * digits is refused rather than guessed ("1.5" is ambiguous).
 */
export function parseViNumber(input: string): ParseResult {
  const raw = input
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();
  if (raw === '') return { ok: false, message: 'Chưa nhập số.' };
  let s = raw.replace(/^[+]/, '');
  let negative = false;
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (!/^[\d., ]+$/.test(s)) return { ok: false, message: `“${raw}” không phải là số.` };
  const commas = s.split(',').length - 1;
  if (commas > 1)
    return { ok: false, message: `“${raw}” có nhiều dấu phẩy; dấu phẩy chỉ dùng một lần để ngăn phần thập phân.` };
  const [intPart = '', fracPart = ''] = s.split(',');
  if (commas === 1 && !/^\d+$/.test(fracPart))
    return { ok: false, message: `Phần thập phân của “${raw}” không hợp lệ.` };
  if (intPart === '') return { ok: false, message: `“${raw}” thiếu phần nguyên.` };
  const groups = intPart.split(/[. ]/);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || !/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
      return {
        ok: false,
        message: `“${raw}” không hợp lệ: dấu chấm ngăn hàng nghìn (1.234); phần thập phân dùng dấu phẩy (79,63).`,
      };
    }
  } else if (!/^\d+$/.test(intPart)) {
    return { ok: false, message: `“${raw}” không phải là số.` };
  }
  return { ok: true, value: canonical(negative, groups.join(''), fracPart) };
}

/** A JSON number as a canonical decimal (for files and the CLI); NaN and ∞ refused. */
export function fromJsNumber(n: number): ParseResult {
  if (!Number.isFinite(n)) return { ok: false, message: 'Giá trị không phải là số hữu hạn.' };
  const s = String(n);
  if (/e/i.test(s)) {
    if (Number.isSafeInteger(n)) return { ok: true, value: BigInt(n).toString() };
    return { ok: false, message: `Số ${s} quá lớn hoặc quá nhỏ để ghi chính xác; hãy ghi dạng chữ số.` };
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, message: `Số ${s} không hợp lệ.` };
  return { ok: true, value: canonical(m[1] === '-', m[2]!, m[3] ?? '') };
}

interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(value: string): Scaled {
  const negative = value.startsWith('-');
  const body = negative ? value.slice(1) : value;
  const [i = '0', f = ''] = body.split('.');
  const units = BigInt(i + f) * (negative ? -1n : 1n);
  return { units, scale: f.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return canonical(negative, digits.slice(0, digits.length - scale), digits.slice(digits.length - scale));
}

export function addDec(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled(x + y, scale);
}

export function subDec(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled(x - y, scale);
}

export function compareDec(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(toScaled(a), toScaled(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isNegative(value: string): boolean {
  return value.startsWith('-');
}

export function isInteger(value: string): boolean {
  return !value.includes('.');
}

/**
 * numerator / denominator × 100, rounded half away from zero to `digits` decimals, exactly.
 * Null when the denominator is zero: the UI shows "—", never NaN or ∞.
 */
export function ratePercent(numerator: string, denominator: string, digits = 2): string | null {
  const [n, d] = align(toScaled(numerator), toScaled(denominator));
  if (d === 0n) return null;
  const factor = 10n ** BigInt(digits);
  const scaledNum = n * 100n * factor;
  const negative = scaledNum < 0n !== d < 0n;
  const an = scaledNum < 0n ? -scaledNum : scaledNum;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return fromScaled(negative ? -q : q, digits);
}

/** Canonical decimal → Vietnamese display: "1234.5" → "1.234,5" (no float in between). */
export function formatDec(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (!isCanonical(value)) return value;
  const negative = value.startsWith('-');
  const [i = '0', f] = (negative ? value.slice(1) : value).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${f ? `,${f}` : ''}`;
}

/**
 * value × weight (0 < weight ≤ 1, a split's share, read to 6 decimals), rounded half away from
 * zero to `digits` decimals, exactly (no float product).
 */
export function scaleDec(value: string, weight: number, digits = 4): string {
  const w = BigInt(Math.round(weight * 1e6));
  const v = toScaled(value);
  const product = v.units * w; // scale v.scale + 6
  const drop = v.scale + 6 - digits;
  if (drop <= 0) return fromScaled(product * 10n ** BigInt(-drop), digits);
  const div = 10n ** BigInt(drop);
  const neg = product < 0n;
  const abs = neg ? -product : product;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return fromScaled(neg ? -q : q, digits);
}
