// Vietnamese dates in plans: "ngày 27 tháng 3 năm 2024", "27/3/2024", "01/11" (no year).
import { parseIsoDate } from '../../../../shared/format';

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return parseIsoDate(iso) ? iso : null;
}

/** One date written either way; the year group is optional. */
export const DATE_PATTERN = /(\d{1,2}) ?(?:\/|-|\.| tháng ) ?(\d{1,2})(?: ?(?:\/|-|\.| năm ) ?(\d{4}))?(?!\d)/gu;

export interface FoundDate {
  iso: string | null;
  hadYear: boolean;
  index: number;
  length: number;
}

const STICKY = new RegExp(DATE_PATTERN.source, 'uy');

/**
 * Reads the date that starts at `at` in `s` (after "ngày "), taking `defaultYear` when none is
 * written. Sticky: it looks at that place only, never scans or copies the rest of the line.
 */
export function readDate(s: string, at: number, defaultYear: number | null): FoundDate | null {
  STICKY.lastIndex = at;
  const m = STICKY.exec(s);
  if (!m) return null;
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
