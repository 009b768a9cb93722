import { describe, expect, it } from 'vitest';
import { cleanText, foldDiacritics } from '../../src/shared/text';
import { formatDateLine, formatDateShort, formatNumber, parseIsoDate } from '../../src/shared/format';

describe('cleanText', () => {
  it('normalises decomposed Vietnamese to NFC', () => {
    const nfd = 'Sở Nội vụ'.normalize('NFD');
    expect(nfd).not.toBe('Sở Nội vụ');
    expect(cleanText(nfd)).toBe('Sở Nội vụ');
  });
  it('drops zero-width, bidi marks and lone surrogates but keeps emoji', () => {
    expect(cleanText('\u200BSở\u200D \u202ENội\u202C vụ\uFEFF')).toBe('Sở Nội vụ');
    expect(cleanText('a\uD800b')).toBe('ab');
    expect(cleanText('ok 👍')).toBe('ok 👍');
  });
});

describe('foldDiacritics', () => {
  it('folds tone and vowel marks and đ', () => {
    expect(foldDiacritics('Dân vận')).toBe('dan van');
    expect(foldDiacritics('UBND xã Điện Bàn')).toBe('ubnd xa dien ban');
    expect(foldDiacritics('ĐỒNG NAI')).toBe('dong nai');
    expect(foldDiacritics('Ủy ban'.normalize('NFD'))).toBe('uy ban');
  });
});

describe('Vietnamese dates and numbers', () => {
  it('writes the date line with the decree leading-zero rules', () => {
    expect(formatDateLine('2025-02-05')).toBe('ngày 05 tháng 02 năm 2025');
    expect(formatDateLine('2025-01-31')).toBe('ngày 31 tháng 01 năm 2025');
    expect(formatDateLine('2025-06-29')).toBe('ngày 29 tháng 6 năm 2025');
    expect(formatDateLine('2025-03-09')).toBe('ngày 09 tháng 3 năm 2025');
    expect(formatDateLine('2024-12-31')).toBe('ngày 31 tháng 12 năm 2024');
    expect(formatDateLine('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
  });
  it('refuses dates that are not on the calendar', () => {
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it('formats short dates and numbers the Vietnamese way', () => {
    expect(formatDateShort('2025-02-05')).toBe('05/02/2025');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(79.625, 2)).toBe('79,63');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });
});
