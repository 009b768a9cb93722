// The unit register's search on SQLite: an FTS5 table of diacritics-folded text, matched by prefix
// (words of 1 to 3 characters are looked up in FTS5's prefix indexes since migration 0190).
import { sql } from 'kysely';
import type { Engine } from '../database';
import { foldDiacritics } from '../../../shared/text';

/** Turns what the user typed into an FTS5 query: every word must match as a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = foldDiacritics(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

export const sqliteUnitSearch: Engine['unitSearch'] = {
  /** The table as migration 0002 made it; migration 0190 makes it again with prefix indexes (frozen SQL in each). */
  async create(db) {
    await sql`CREATE VIRTUAL TABLE units_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  },
  async withPrefixes(db) {
    // FTS5 cannot add prefix indexes to a table: it is made again, empty
    await sql`DROP TABLE units_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE units_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`.execute(
      db,
    );
    return true;
  },
  async index(db, id: number, folded: string) {
    await sql`DELETE FROM units_fts WHERE rowid = ${id}`.execute(db);
    await sql`INSERT INTO units_fts(rowid, folded) VALUES (${id}, ${folded})`.execute(db);
  },
  async remove(db, id: number) {
    await sql`DELETE FROM units_fts WHERE rowid = ${id}`.execute(db);
  },
  async find(db, input: string) {
    const q = toFtsQuery(input);
    if (q === null) return null;
    const result = await sql<{ rowid: number }>`SELECT rowid FROM units_fts WHERE units_fts MATCH ${q}`.execute(db);
    return result.rows.map((r) => r.rowid);
  },
};
