// The unit register's search on PostgreSQL: a table of each unit's folded words, matched by prefix.
// Chosen over `unaccent` + tsvector: the text is folded by the same function as on SQLite
// (shared/text foldDiacritics, in the app), so both engines find exactly the same units, and no
// extension has to be installed on the office's server (unaccent and pg_trgm need a superuser).
// A register holds thousands of units: a scan of one short column per search is enough.
import { sql } from 'kysely';
import type { Engine } from '../database';
import { foldDiacritics } from '../../../shared/text';

/** The words as FTS5's unicode61 tokenizer cuts them: letters and digits, lower case. */
export function words(text: string): string[] {
  return foldDiacritics(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export const postgresUnitSearch: Engine['unitSearch'] = {
  async create(db) {
    await sql`CREATE TABLE units_search (unit_id bigint PRIMARY KEY, folded text NOT NULL)`.execute(db);
  },
  /** Its table of words is matched by prefix already. */
  async withPrefixes() {
    return false;
  },
  async index(db, id, folded) {
    // A leading space: every word starts after one, so "% word%" matches word prefixes only.
    const text = ` ${words(folded).join(' ')}`;
    await sql`INSERT INTO units_search (unit_id, folded) VALUES (${id}, ${text})
      ON CONFLICT (unit_id) DO UPDATE SET folded = excluded.folded`.execute(db);
  },
  async remove(db, id) {
    await sql`DELETE FROM units_search WHERE unit_id = ${id}`.execute(db);
  },
  async find(db, input) {
    const typed = words(input).slice(0, 12);
    if (typed.length === 0) return null;
    const all = sql.join(
      typed.map((w) => sql`folded LIKE ${`% ${w}%`}`),
      sql` AND `,
    );
    const r = await sql<{ unit_id: number }>`SELECT unit_id FROM units_search WHERE ${all} ORDER BY unit_id`.execute(
      db,
    );
    return r.rows.map((row) => Number(row.unit_id));
  },
};
