// What a copy of all the data (db/copy.ts) needs from PostgreSQL.
import { sql } from 'kysely';
import type { AnyDb, Engine } from '../database';
import { tablesOf } from './audit';

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const postgresCopy: Engine['copy'] = {
  tables: tablesOf,
  async primaryKeyOf(db, table) {
    const r = await sql<{ name: string }>`SELECT a.attname AS name
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ${quoteIdent(table)}::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`.execute(db);
    return r.rows.map((c) => c.name);
  },
  async deferForeignKeys(db) {
    // Every foreign key is made DEFERRABLE (dialect.ts).
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(db);
  },
  async clear(db, tables) {
    // TRUNCATE fires no DELETE trigger: the append-only rules stay in place for everyone else.
    if (tables.length > 0) await sql.raw(`TRUNCATE ${tables.map(quoteIdent).join(', ')}`).execute(db);
  },
  async afterRowsCopied(db, tables) {
    const r = await sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name
      FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(db);
    for (const c of r.rows) {
      if (!tables.includes(c.table_name)) continue;
      const t = quoteIdent(c.table_name);
      const col = quoteIdent(c.column_name);
      await sql
        .raw(
          `SELECT setval(pg_get_serial_sequence('${t.replace(/'/g, "''")}', '${c.column_name.replace(/'/g, "''")}'), coalesce((SELECT max(${col}) FROM ${t}), 0) + 1, false)`,
        )
        .execute(db);
    }
  },
};

/** What a schema holds that a copy's migrations make: tables (with their sequences and indexes) and functions. */
export interface SchemaObjects {
  tables: string[];
  functions: string[];
}

export async function schemaObjects(db: AnyDb): Promise<SchemaObjects> {
  const fns = await sql<{ sig: string }>`SELECT p.oid::regprocedure::text AS sig FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace`.execute(db);
  return { tables: await tablesOf(db), functions: fns.rows.map((f) => f.sig) };
}

/**
 * Drops what was made since `before` (a copy that failed after migrating its empty target), in one
 * transaction, so the target is left as it was and the copy can be tried again.
 */
export async function dropMadeSince(db: AnyDb, before: SchemaObjects): Promise<void> {
  const now = await schemaObjects(db);
  const tables = now.tables.filter((t) => !before.tables.includes(t));
  const functions = now.functions.filter((f) => !before.functions.includes(f));
  await db.transaction().execute(async (trx) => {
    if (tables.length) await sql.raw(`DROP TABLE ${tables.map(quoteIdent).join(', ')} CASCADE`).execute(trx);
    // regprocedure's text is already quoted where a name needs it.
    for (const f of functions) await sql.raw(`DROP FUNCTION IF EXISTS ${f} CASCADE`).execute(trx);
  });
}
