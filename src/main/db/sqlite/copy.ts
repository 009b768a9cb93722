// What a copy of all the data (db/copy.ts) needs from SQLite.
import { sql } from 'kysely';
import type { Engine } from '../database';
import type { AnyDb } from '../database';

export const sqliteCopy: Engine['copy'] = {
  async tables(db: AnyDb) {
    const r = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master
      WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`.execute(db);
    const virtual = r.rows.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? '')).map((t) => t.name);
    return r.rows
      .map((t) => t.name)
      .filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)))
      .sort();
  },
  async primaryKeyOf(db, table) {
    const r = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table})`.execute(db);
    return r.rows
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
  },
  async deferForeignKeys(db) {
    await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
  },
  // Only a new file (no history yet) is a copy's target on SQLite: plain DELETE is enough.
  async clear(db, tables) {
    for (const t of tables) await sql`DELETE FROM ${sql.table(t)}`.execute(db);
  },
  // Explicit ids raise AUTOINCREMENT's sequence by themselves.
  async afterRowsCopied() {},
};
