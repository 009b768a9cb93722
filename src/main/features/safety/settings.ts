// Small app settings as JSON values in one key/value table.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function getSetting<T>(db: Kysely<DB>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export async function setSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('app_settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

/** The name of who works on this computer, written into the audit log with each change. */
export const USER_NAME_KEY = 'user.name';

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
