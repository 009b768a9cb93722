// Vietnamese dates in plans: "ngày 27 tháng 3 năm 2024", "27/3/2024", "01/11" (no year).
import { parseIsoDate } from '../../../../shared/format';

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return parseIsoDate(iso) ? iso : null;
}

/** One date written either way; the year group is optional. */
export const DATE_PATTERN =
  /(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4}))?(?!\d)/gu;

export interface FoundDate {
  iso: string | null;
  hadYear: boolean;
  index: number;
  length: number;
}

/** Reads the date at the start of `s` (after "ngày "), taking `defaultYear` when none is written. */
export function readDate(s: string, defaultYear: number | null): FoundDate | null {
  const re = new RegExp(DATE_PATTERN.source, 'u');
  const m = re.exec(s);
  if (!m || m.index !== 0) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] ? Number(m[3]) : defaultYear;
  return {
    iso: year === null ? null : isoOf(year, month, day),
    hadYear: Boolean(m[3]),
    index: m.index,
    length: m[0].length,
  };
}
