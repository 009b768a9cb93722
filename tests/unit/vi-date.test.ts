// The date field's reader (src/shared/vi-date.ts): every way a date is typed by hand in Vietnam,
// real calendar dates only, two-digit years refused (never guessed), messages naming the field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, parseViDate } from '../../src/shared/vi-date';
import { formatDateTime, formatDayOf, formatPercent, formatTime } from '../../src/shared/format';

const iso = (text: string) => {
  const r = parseViDate(text, 'Ngày ban hành', new Date(2025, 5, 20));
  return r.ok ? r.iso : `!${r.message}`;
};

describe('parseViDate', () => {
  it('reads day-first dates with every usual separator', () => {
    for (const t of [
      '05/02/2025',
      '5/2/2025',
      '05-02-2025',
      '5-2-2025',
      '05.02.2025',
      '5.2.2025',
      ' 05 / 02 / 2025 ',
      '05 02 2025',
      '05022025',
      '2025-02-05',
    ])
      expect(iso(t), t).toBe('2025-02-05');
  });

  it('takes blank as no date and "hôm nay" as today', () => {
    expect(iso('')).toBe('');
    expect(iso('   ')).toBe('');
    expect(iso('hôm nay')).toBe('2025-06-20');
    expect(iso('Hôm nay')).toBe('2025-06-20');
    expect(iso('nay')).toBe('2025-06-20');
  });

  it('refuses dates that are not on the calendar, naming the field and the reason', () => {
    expect(iso('31/02/2025')).toBe('!Ngày ban hành: tháng 2 năm 2025 không có ngày 31 (chỉ có 28 ngày).');
    expect(iso('29/02/2025')).toMatch(/^!Ngày ban hành: tháng 2 năm 2025 không có ngày 29/);
    expect(iso('29/02/2024')).toBe('2024-02-29');
    expect(iso('31/04/2025')).toMatch(/chỉ có 30 ngày/);
    expect(iso('00/01/2025')).toMatch(/không có ngày 0/);
    expect(iso('12/13/2025')).toBe('!Ngày ban hành: không có tháng 13; tháng từ 1 đến 12.');
    // Month-first (the US order) is not guessed: 02/28 has no month 28.
    expect(iso('02/28/2025')).toMatch(/không có tháng 28/);
  });

  it('refuses two-digit years instead of guessing the century', () => {
    expect(iso('05/02/25')).toBe('!Ngày ban hành: năm phải ghi đủ bốn chữ số (ví dụ 2025), không ghi “25”.');
    expect(iso('5/2/025')).toMatch(/bốn chữ số/);
    expect(iso('050225')).toMatch(/không phải ngày/);
  });

  it('refuses text that is not a date, with an example of the right form', () => {
    for (const t of ['abc', '05/02', '5//2/2025', '/5/2/2025', '05/02/2025/', '05/02/2025 10:00', '1.5e3', '٥/٢/٢٠٢٥'])
      expect(iso(t), t).toMatch(/^!Ngày ban hành: /);
    expect(iso('05/02')).toBe('!Ngày ban hành: thiếu năm; ghi theo dạng ngày/tháng/năm, ví dụ 20/06/2025.');
    expect(iso('05/02/1850')).toMatch(/ngoài khoảng 1900–2200/);
    expect(iso('5'.repeat(100000))).toMatch(/không phải ngày/);
  });

  it('moves by days and months for the arrow and page keys', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2024-12-15', 13)).toBe('2026-01-15');
  });
});

describe('one style for dates, times and numbers', () => {
  it('shows moments in local time, dd/mm/yyyy hh:mm, and shares as Vietnamese percentages', () => {
    const at = new Date(2025, 1, 5, 9, 7, 3);
    expect(formatDateTime(at)).toBe('05/02/2025 09:07');
    expect(formatDateTime(at.toISOString())).toBe('05/02/2025 09:07');
    expect(formatDayOf(at.toISOString())).toBe('05/02/2025');
    expect(formatTime(at)).toBe('09:07:03');
    expect(formatPercent(0.125)).toBe('12,5%');
    expect(formatPercent(12.345)).toBe('1.234,5%');
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày');
  });
});

describe('no native date fields in the renderer', () => {
  // The browser's date field follows the system language (mm/dd/yyyy on many machines).
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const sources = files(path.resolve('src/renderer')).filter((f) => /\.(tsx?|html)$/.test(f));

  it('has no type="date", datetime-local, month or time input anywhere in src/renderer', () => {
    const found = sources.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return /type=["'{`]+(date|datetime-local|month|week|time)\b/.test(text) ? [path.relative('.', f)] : [];
    });
    expect(sources.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('shows dates and numbers through src/shared/format, not the browser locale', () => {
    // toLocaleDateString / toISOString / toFixed in a screen would show 2/5/2025, 2025-02-05 or 1234.5.
    const found = sources.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative('.', f)}:${i + 1}` }))
        .filter(
          ({ line }) =>
            /\.(toLocaleDateString|toLocaleTimeString|toLocaleString|toISOString|toFixed)\(/.test(line) ||
            // a stored moment cut at 10 characters is its UTC day, not the user's (formatDayOf)
            /formatDateShort\([\w.!?]+\.slice\(0, 10\)\)/.test(line),
        )
        .map(({ at }) => at),
    );
    expect(found).toEqual([]);
  });
});
