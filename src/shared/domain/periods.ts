// Period windows of Nghị định 09/2019/NĐ-CP (Điều 12, thời gian chốt số liệu), working days and
// default deadlines. Pure functions on ISO dates (YYYY-MM-DD), computed in UTC so no time zone
// can shift a day.
import { parseIsoDate } from '../format';
import type { PeriodType } from '../model/period';

const pad2 = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

function toUtc(isoDate: string): Date {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

function fromUtc(d: Date): string {
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(isoDate: string, days: number): string {
  const d = toUtc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** The month before (year, month): 15/12 of the previous year for January. */
function monthBefore(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

export interface PeriodKey {
  type: PeriodType;
  year: number;
  /** Month 1–12 for 'month', quarter 1–4 for 'quarter', 2 for the second half-year; ignored otherwise. */
  index?: number | null;
}

export interface Window {
  start: string;
  end: string;
}

/**
 * The data window of Nghị định 09/2019, Điều 12: from the 15th of the month before the period's
 * first month to the 14th of its last month. Month: 15/(m−1) → 14/m; quarter: 15th of the month
 * before → 14th of its last month; 6 tháng: 15/12 of the previous year → 14/6; 9 tháng: 15/12 →
 * 14/9; năm: 15/12 of the previous year → 14/12; 6 tháng cuối năm (index 2): 15/6 → 14/12. Ad hoc periods have no default window (null).
 */
export function periodWindow(key: PeriodKey): Window | null {
  const { type, year } = key;
  const lastMonth = (): number | null => {
    switch (type) {
      case 'month':
        return key.index && key.index >= 1 && key.index <= 12 ? key.index : null;
      case 'quarter':
        return key.index && key.index >= 1 && key.index <= 4 ? key.index * 3 : null;
      case 'half':
        return key.index === 2 ? 12 : key.index === null || key.index === undefined || key.index === 1 ? 6 : null;
      case 'nine_months':
        return 9;
      case 'year':
        return 12;
      case 'ad_hoc':
        return null;
    }
  };
  const last = lastMonth();
  if (last === null) return null;
  const firstMonth = type === 'month' ? last : type === 'quarter' ? last - 2 : type === 'half' ? last - 5 : 1;
  const [sy, sm] = monthBefore(year, firstMonth);
  return { start: iso(sy, sm, 15), end: iso(year, last, 14) };
}

/**
 * Which month, quarter or half a new period of `type` most likely is: in the current year, the first
 * whose cut-off (the window's end) is today or later — the one whose report is due next, not one
 * already overdue; in another year (or once December's cut-off is past), its first or its last.
 */
export function defaultPeriodIndex(type: PeriodType, year: number, today: string): number {
  const count = type === 'month' ? 12 : type === 'quarter' ? 4 : type === 'half' ? 2 : 1;
  if (count === 1 || Number(today.slice(0, 4)) !== year) return 1;
  for (let index = 1; index <= count; index++) if (periodWindow({ type, year, index })!.end >= today) return index;
  return count;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "6 tháng đầu năm 2025", "Quý II năm 2025", "Tháng 3 năm 2025", "Năm 2025", "9 tháng năm 2025". */
export function periodName(key: PeriodKey): string {
  switch (key.type) {
    case 'month':
      return `Tháng ${key.index ?? '?'} năm ${key.year}`;
    case 'quarter':
      return `Quý ${ROMAN[(key.index ?? 1) - 1] ?? '?'} năm ${key.year}`;
    case 'half':
      return key.index === 2 ? `6 tháng cuối năm ${key.year}` : `6 tháng đầu năm ${key.year}`;
    case 'nine_months':
      return `9 tháng năm ${key.year}`;
    case 'year':
      return `Năm ${key.year}`;
    case 'ad_hoc':
      return `Báo cáo đột xuất năm ${key.year}`;
  }
}

/**
 * Public holidays on fixed solar dates (Bộ luật Lao động 2019, Điều 112): 1/1, 30/4, 1/5, 2/9.
 * Lunar holidays (Tết, Giỗ Tổ) and the extra day of Quốc khánh move every year: pass them in
 * `extraHolidays` when known.
 */
export const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'] as const;

export function isWorkingDay(isoDate: string, extraHolidays: readonly string[] = []): boolean {
  const d = toUtc(isoDate);
  const dow = d.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  if ((FIXED_HOLIDAYS as readonly string[]).includes(isoDate.slice(5))) return false;
  return !extraHolidays.includes(isoDate);
}

/** The n-th working day after `isoDate` (n ≥ 1). */
export function addWorkingDays(isoDate: string, n: number, extraHolidays: readonly string[] = []): string {
  let d = isoDate;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, extraHolidays)) left--;
  }
  return d;
}

/** The default deadline: one working day after the cut-off (the end of the data window). */
export function defaultDeadline(windowEnd: string, extraHolidays: readonly string[] = []): string {
  return addWorkingDays(windowEnd, 1, extraHolidays);
}

/**
 * The deadline a plan sets as a month-day ("05-10" = 10/5) for a period of `year`. A month-day
 * earlier in the calendar than the window's end month belongs to the same year; the plan's
 * "năm trước ngày 10/10" is 10/10 of the same year, not of the next.
 */
export function planDeadline(monthDay: string, year: number): string | null {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) return null;
  const date = `${year}-${m[1]}-${m[2]}`;
  return parseIsoDate(date) ? date : null;
}

/** Problems with a window and deadline, in Vietnamese (empty when all is well). */
export function checkWindow(windowStart: string, windowEnd: string, deadline: string): string[] {
  const out: string[] = [];
  const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  if (windowStart > windowEnd)
    out.push(`Ngày bắt đầu lấy số liệu (${fmt(windowStart)}) phải trước ngày chốt số liệu (${fmt(windowEnd)}).`);
  if (deadline <= windowEnd) {
    out.push(
      `Hạn nộp ${fmt(deadline)} không sau ngày chốt số liệu ${fmt(windowEnd)}: đơn vị chưa thể có số liệu đủ kỳ. Hãy lùi hạn nộp hoặc sửa ngày chốt số liệu.`,
    );
  }
  return out;
}
