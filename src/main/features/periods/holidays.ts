// Holidays that move every year (Tết, Giỗ Tổ Hùng Vương, the extra day of Quốc khánh…), typed by the
// staff in Cài đặt and skipped when working days and default deadlines are counted.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { getSetting, setSetting } from '../safety/settings';
import type { Holiday } from '../../../shared/model/period';

export const HOLIDAYS_KEY = 'periods.holidays';

export async function getHolidays(db: Kysely<DB>): Promise<Holiday[]> {
  const stored = await getSetting<unknown>(db, HOLIDAYS_KEY, []);
  // A hand-edited or damaged value reads as no holidays rather than breaking every period.
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (h): h is Holiday =>
        typeof h === 'object' &&
        h !== null &&
        typeof (h as Holiday).date === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test((h as Holiday).date),
    )
    .map((h) => ({ date: h.date, name: typeof h.name === 'string' ? h.name : '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Saves the list sorted by date; a date typed twice is kept once (the first name given). */
export async function saveHolidays(db: Kysely<DB>, holidays: readonly Holiday[]): Promise<Holiday[]> {
  const byDate = new Map<string, Holiday>();
  for (const h of holidays) if (!byDate.has(h.date)) byDate.set(h.date, { date: h.date, name: h.name });
  const list = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  await setSetting(db, HOLIDAYS_KEY, list);
  return list;
}

/** The dates only, as `extraHolidays` of the working-day functions. */
export async function holidayDates(db: Kysely<DB>): Promise<string[]> {
  return (await getHolidays(db)).map((h) => h.date);
}
