// Small app settings as JSON values in one key/value table (read by the core when it opens, so it
// lives beside the database rather than in a feature).
import type { Kysely } from 'kysely';
import type { DB } from './schema';

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
