// FTS5 over units, isolated here: the only SQLite-specific SQL of the unit register.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { foldDiacritics } from '../../../shared/text';

export interface UnitSearchFields {
  code: string;
  name: string;
  short_name: string;
  email: string;
  contact_person: string;
}

export async function indexUnit(db: Kysely<DB>, id: number, u: UnitSearchFields): Promise<void> {
  const folded = foldDiacritics([u.code, u.name, u.short_name, u.email, u.contact_person].join(' '));
  await sql`DELETE FROM units_fts WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO units_fts(rowid, folded) VALUES (${id}, ${folded})`.execute(db);
}

/** Turns what the user typed into an FTS5 query: every word must match as a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = foldDiacritics(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

export async function searchUnitIds(db: Kysely<DB>, input: string): Promise<number[] | null> {
  const q = toFtsQuery(input);
  if (q === null) return null;
  const result = await sql<{ rowid: number }>`SELECT rowid FROM units_fts WHERE units_fts MATCH ${q}`.execute(db);
  return result.rows.map((r) => r.rowid);
}
