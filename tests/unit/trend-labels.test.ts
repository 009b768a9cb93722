// Tổng quan's chart labels (src/renderer/routes/dashboard/TrendChart.tsx): a period's name wrapped
// by words into lines no wider than its slot, at most three, the cut marked with “…”.
import { describe, expect, it } from 'vitest';
import { shortName, wrapLabel } from '../../src/renderer/routes/dashboard/TrendChart';

const w = (s: string) => Array.from(s).length * 6; // every letter 6 px

describe('trend chart labels', () => {
  it('drops the word “năm” before the year, keeps other names', () => {
    expect(shortName('6 tháng đầu năm 2025')).toBe('6 tháng đầu 2025');
    expect(shortName('Năm 2016')).toBe('Năm 2016');
    expect(shortName('Quý I năm 2026')).toBe('Quý I 2026');
    expect(shortName('Đợt kiểm tra đặc biệt')).toBe('Đợt kiểm tra đặc biệt');
  });
  it('keeps a label on one line when it fits', () => {
    expect(wrapLabel('Năm 2016', 60, w)).toEqual(['Năm 2016']);
  });
  it('wraps by words into lines that fit the slot', () => {
    expect(wrapLabel('Năm 2016', 34, w)).toEqual(['Năm', '2016']);
    expect(wrapLabel('6 tháng đầu 2025', 45, w)).toEqual(['6 tháng', 'đầu', '2025']);
    for (const line of wrapLabel('Tháng 10 năm 2025 bổ sung', 45, w)) expect(w(line)).toBeLessThanOrEqual(45);
  });
  it('cuts a word wider than the slot and lines past the third, marking the cut', () => {
    expect(wrapLabel('Chuyênđềđặcbiệt 2025', 36, w)).toEqual(['Chuyê…', '2025']);
    const many = wrapLabel('a b c d e f g', 6, w);
    expect(many).toEqual(['a', 'b', 'c…']);
    expect(wrapLabel('', 30, w)).toEqual([]);
  });
});
