import { describe, expect, it } from 'vitest';
import {
  defaultPeriodIndex,
  addWorkingDays,
  checkWindow,
  daysBetween,
  defaultDeadline,
  isWorkingDay,
  periodName,
  periodWindow,
  planDeadline,
} from '../../src/shared/domain/periods';

describe('data windows of Nghị định 09/2019', () => {
  it('month: 15th of the previous month to the 14th, January across the year boundary', () => {
    expect(periodWindow({ type: 'month', year: 2025, index: 1 })).toEqual({ start: '2024-12-15', end: '2025-01-14' });
    expect(periodWindow({ type: 'month', year: 2025, index: 3 })).toEqual({ start: '2025-02-15', end: '2025-03-14' });
    expect(periodWindow({ type: 'month', year: 2025, index: 12 })).toEqual({ start: '2025-11-15', end: '2025-12-14' });
    for (let m = 1; m <= 12; m++) {
      const w = periodWindow({ type: 'month', year: 2025, index: m })!;
      expect(w.end.slice(5)).toBe(`${String(m).padStart(2, '0')}-14`);
    }
  });

  it('quarters: 15/12 → 14/3, 15/3 → 14/6, 15/6 → 14/9, 15/9 → 14/12', () => {
    expect(periodWindow({ type: 'quarter', year: 2024, index: 1 })).toEqual({ start: '2023-12-15', end: '2024-03-14' });
    expect(periodWindow({ type: 'quarter', year: 2024, index: 2 })).toEqual({ start: '2024-03-15', end: '2024-06-14' });
    expect(periodWindow({ type: 'quarter', year: 2024, index: 3 })).toEqual({ start: '2024-06-15', end: '2024-09-14' });
    expect(periodWindow({ type: 'quarter', year: 2024, index: 4 })).toEqual({ start: '2024-09-15', end: '2024-12-14' });
  });

  it('6 months, 9 months and year start on 15/12 of the previous year', () => {
    expect(periodWindow({ type: 'half', year: 2025 })).toEqual({ start: '2024-12-15', end: '2025-06-14' });
    expect(periodWindow({ type: 'nine_months', year: 2025 })).toEqual({ start: '2024-12-15', end: '2025-09-14' });
    expect(periodWindow({ type: 'year', year: 2025 })).toEqual({ start: '2024-12-15', end: '2025-12-14' });
  });

  it('leap years: the year window has 366 days when it contains 29 February', () => {
    const w2024 = periodWindow({ type: 'year', year: 2024 })!;
    const w2025 = periodWindow({ type: 'year', year: 2025 })!;
    expect(daysBetween(w2024.start, w2024.end) + 1).toBe(366);
    expect(daysBetween(w2025.start, w2025.end) + 1).toBe(365);
    const feb2024 = periodWindow({ type: 'month', year: 2024, index: 3 })!;
    expect(daysBetween(feb2024.start, feb2024.end) + 1).toBe(29);
    const feb2100 = periodWindow({ type: 'month', year: 2100, index: 3 })!; // 2100 is not a leap year
    expect(daysBetween(feb2100.start, feb2100.end) + 1).toBe(28);
    const q1of2000 = periodWindow({ type: 'quarter', year: 2000, index: 1 })!; // 2000 is
    expect(daysBetween(q1of2000.start, q1of2000.end) + 1).toBe(91);
  });

  it('quarters and months tile the year window without gaps or overlaps', () => {
    for (const year of [2023, 2024, 2100]) {
      const y = periodWindow({ type: 'year', year })!;
      let expectStart = y.start;
      for (let q = 1; q <= 4; q++) {
        const w = periodWindow({ type: 'quarter', year, index: q })!;
        expect(w.start).toBe(expectStart);
        expectStart = daysBetween(w.end, w.end) === 0 ? addDay(w.end) : '';
      }
      expect(expectStart).toBe(addDay(y.end));
    }
  });

  it('ad hoc periods and bad indexes have no default window', () => {
    expect(periodWindow({ type: 'ad_hoc', year: 2025 })).toBeNull();
    expect(periodWindow({ type: 'month', year: 2025, index: 13 })).toBeNull();
    expect(periodWindow({ type: 'quarter', year: 2025, index: 0 })).toBeNull();
  });

  it('proposes for a new period the one due next this year, the first of another year', () => {
    // 30/11/2026: the second half (cut-off 14/12), not the first, overdue since June
    expect(defaultPeriodIndex('half', 2026, '2026-11-30')).toBe(2);
    expect(defaultPeriodIndex('half', 2026, '2026-06-14')).toBe(1);
    expect(defaultPeriodIndex('half', 2026, '2026-06-15')).toBe(2);
    expect(defaultPeriodIndex('quarter', 2026, '2026-11-30')).toBe(4);
    expect(defaultPeriodIndex('quarter', 2026, '2026-03-14')).toBe(1);
    expect(defaultPeriodIndex('quarter', 2026, '2026-03-15')).toBe(2);
    expect(defaultPeriodIndex('month', 2026, '2026-11-30')).toBe(12);
    expect(defaultPeriodIndex('month', 2026, '2026-11-14')).toBe(11);
    expect(defaultPeriodIndex('month', 2026, '2026-01-02')).toBe(1);
    // after December's cut-off: the last of the year (its report is the one being written)
    expect(defaultPeriodIndex('month', 2026, '2026-12-20')).toBe(12);
    expect(defaultPeriodIndex('half', 2026, '2026-12-20')).toBe(2);
    // another year, and the types without an index
    expect(defaultPeriodIndex('half', 2025, '2026-11-30')).toBe(1);
    expect(defaultPeriodIndex('quarter', 2027, '2026-11-30')).toBe(1);
    expect(defaultPeriodIndex('year', 2026, '2026-11-30')).toBe(1);
    expect(defaultPeriodIndex('nine_months', 2026, '2026-11-30')).toBe(1);
  });

  it('names periods the Vietnamese way', () => {
    expect(periodName({ type: 'half', year: 2025 })).toBe('6 tháng đầu năm 2025');
    expect(periodName({ type: 'quarter', year: 2025, index: 2 })).toBe('Quý II năm 2025');
    expect(periodName({ type: 'month', year: 2025, index: 3 })).toBe('Tháng 3 năm 2025');
    expect(periodName({ type: 'year', year: 2024 })).toBe('Năm 2024');
  });
});

function addDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

describe('working days and deadlines', () => {
  it('skips weekends and the fixed public holidays', () => {
    expect(isWorkingDay('2025-06-13')).toBe(true); // Friday
    expect(isWorkingDay('2025-06-14')).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-02')).toBe(false); // Quốc khánh
    expect(isWorkingDay('2025-04-30')).toBe(false);
    expect(isWorkingDay('2025-05-01')).toBe(false);
    expect(isWorkingDay('2026-01-01')).toBe(false);
    expect(isWorkingDay('2025-03-03', ['2025-03-03'])).toBe(false);
  });

  it('defaults the deadline to one working day after the cut-off', () => {
    // 14/6/2025 is a Saturday: the next working day is Monday 16/6.
    expect(defaultDeadline('2025-06-14')).toBe('2025-06-16');
    // 14/3/2024 is a Thursday.
    expect(defaultDeadline('2024-03-14')).toBe('2024-03-15');
    // Across a year boundary and a holiday: 31/12/2025 (Wed) → 2/1/2026 (1/1 is a holiday).
    expect(defaultDeadline('2025-12-31')).toBe('2026-01-02');
    // 29/4/2026 (Wed) → 30/4 and 1/5 holidays → Monday 4/5.
    expect(defaultDeadline('2026-04-29')).toBe('2026-05-04');
    expect(addWorkingDays('2024-02-28', 2)).toBe('2024-03-01'); // 29/2/2024 is a Thursday
    for (const type of ['half', 'nine_months', 'year'] as const) {
      for (const year of [2023, 2024, 2025, 2026]) {
        const w = periodWindow({ type, year })!;
        const d = defaultDeadline(w.end);
        expect(d > w.end).toBe(true);
        expect(isWorkingDay(d)).toBe(true);
        expect(checkWindow(w.start, w.end, d)).toEqual([]);
      }
    }
  });

  it('reads a plan deadline as a day of the same year', () => {
    expect(planDeadline('05-10', 2024)).toBe('2024-05-10');
    expect(planDeadline('10-10', 2024)).toBe('2024-10-10');
    expect(planDeadline('02-29', 2024)).toBe('2024-02-29');
    expect(planDeadline('02-29', 2025)).toBeNull();
  });

  it('refuses a deadline on or before the end of the data window', () => {
    const [msg] = checkWindow('2023-12-15', '2024-06-14', '2024-05-10');
    expect(msg).toMatch(/Hạn nộp 10\/05\/2024 không sau ngày chốt số liệu 14\/06\/2024/);
    expect(checkWindow('2023-12-15', '2024-06-14', '2024-06-14')).toHaveLength(1);
    expect(checkWindow('2024-06-15', '2024-06-14', '2024-06-20')[0]).toMatch(/phải trước ngày chốt/);
  });
});
