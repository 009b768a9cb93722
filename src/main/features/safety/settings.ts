// Small app settings as JSON values in one key/value table.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { getSetting, setSetting } from '../../db/app-settings';

export { getSetting, setSetting, USER_NAME_KEY } from '../../db/app-settings';

const BOOK_SECRET_KEY = 'books.secret';

/**
 * The secret that seals the layout of every workbook this data sends out (HMAC): made on first
 * use, kept with the data (a backup or package carries it, so books sent before still verify),
 * never shown. A book whose seal does not match was not made here, or was altered.
 */
export async function bookSecret(db: Kysely<DB>): Promise<string> {
  const fresh = crypto.randomBytes(32).toString('hex');
  await db
    .insertInto('app_settings')
    .values({ key: BOOK_SECRET_KEY, value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await getSetting<unknown>(db, BOOK_SECRET_KEY, null);
  if (typeof stored === 'string' && stored.length >= 32) return stored;
  await setSetting(db, BOOK_SECRET_KEY, fresh);
  return fresh;
}
