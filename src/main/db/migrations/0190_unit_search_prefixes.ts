// Migration 0190: the unit search's FTS5 table (SQLite) keeps prefix indexes of 1, 2 and 3
// characters, so a word typed short (“7”, “so”, “don”) is one lookup instead of a merge of every
// term it begins (“7”* merged 111 terms at 1,000 units). FTS5 cannot add them to a table: it is
// made again (the engine's part: db/sqlite/search.ts withPrefixes) and filled from the units, folded
// as the app folds them (db/search.ts indexUnit), in the migration's transaction. The same words
// match as before. PostgreSQL's search is a table of its own (db/postgres/search.ts) and is left as
// it is. Frozen in time: never edit.
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index';

/** shared/text foldDiacritics as it is when this migration was written. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  if (!(await engine.unitSearch.withPrefixes(db))) return;
  const units = (await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name', 'email', 'contact_person'])
    .orderBy('id')
    .execute()) as {
    id: number;
    code: string;
    name: string;
    short_name: string;
    email: string;
    contact_person: string;
  }[];
  for (const u of units)
    await engine.unitSearch.index(db, u.id, fold([u.code, u.name, u.short_name, u.email, u.contact_person].join(' ')));
}
