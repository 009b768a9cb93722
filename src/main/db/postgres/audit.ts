// The audit log on PostgreSQL: one PL/pgSQL trigger function per table, as SQLite has three
// triggers per table, writing who, when, what, before → after. Who is the session's setting
// `bcnv.user`, told to every pooled connection by the driver (see dialect.ts): several people work
// on one server, so the name cannot live in a shared row as on SQLite.
import { sql } from 'kysely';
import { KEPT_BY_DATABASE, type AnyDb } from '../database';

/** Tables that are logs themselves, bookkeeping or search indexes. */
const NOT_AUDITED = new Set([
  'audit_log',
  'audit_context',
  'schema_migrations',
  'schema_migrations_lock',
  // kept by the database from other tables' rows (report_events, whose every insert is audited)
  ...KEPT_BY_DATABASE,
  'units_search',
]);

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function tablesOf(db: AnyDb): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return r.rows.map((t) => t.name);
}

export async function auditedTables(db: AnyDb): Promise<string[]> {
  return (await tablesOf(db)).filter((t) => !NOT_AUDITED.has(t));
}

async function columnsWithTypes(db: AnyDb, table: string): Promise<{ name: string; type: string }[]> {
  const r = await sql<{ name: string; type: string }>`SELECT column_name AS name, data_type AS type
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}
    ORDER BY ordinal_position`.execute(db);
  return r.rows;
}

/** The row as compact JSON in column order, as SQLite's json_object writes it; bytes by their length. */
function jsonOf(alias: 'NEW' | 'OLD', columns: { name: string; type: string }[]): string {
  const parts = columns.map((c) =>
    c.type === 'bytea'
      ? `octet_length(${alias}.${quoteIdent(c.name)}) AS ${quoteIdent(c.name)}`
      : `${alias}.${quoteIdent(c.name)} AS ${quoteIdent(c.name)}`,
  );
  return `(SELECT row_to_json(x)::text FROM (SELECT ${parts.join(', ')}) x)`;
}

function functionFor(table: string, columns: { name: string; type: string }[]): string {
  const hasId = columns.some((c) => c.name === 'id');
  const rowId = (alias: string) => (hasId ? `${alias}.id` : 'NULL');
  const insert = (action: string, rowid: string, before: string, after: string) =>
    `INSERT INTO audit_log (at, "user", table_name, row_id, action, before_json, after_json) VALUES (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), coalesce(current_setting('bcnv.user', true), ''), ${quoteText(table)}, ${rowid}, '${action}', ${before}, ${after});`;
  return `CREATE OR REPLACE FUNCTION ${quoteIdent(`audit_${table}`)}() RETURNS trigger LANGUAGE plpgsql AS $bcnv$ BEGIN
    IF TG_OP = 'INSERT' THEN ${insert('insert', rowId('NEW'), 'NULL', jsonOf('NEW', columns))} RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN ${insert('update', rowId('NEW'), jsonOf('OLD', columns), jsonOf('NEW', columns))} RETURN NEW;
    ELSE ${insert('delete', rowId('OLD'), jsonOf('OLD', columns), 'NULL')} RETURN OLD; END IF; END $bcnv$`;
}

async function auditTriggers(db: AnyDb): Promise<Set<string>> {
  const r = await sql<{ name: string }>`SELECT DISTINCT trigger_name AS name FROM information_schema.triggers
    WHERE trigger_schema = current_schema() AND trigger_name LIKE 'audit\\_%'`.execute(db);
  return new Set(r.rows.map((t) => t.name));
}

/**
 * Makes the trigger of every table that has none. Tables change only through migrations, which
 * drop them all first; so a client starting while others work never leaves a moment unaudited.
 */
export async function installAuditTriggers(db: AnyDb): Promise<void> {
  const present = await auditTriggers(db);
  for (const table of await auditedTables(db)) {
    const name = `audit_${table}`;
    if (present.has(name)) continue;
    const columns = await columnsWithTypes(db, table);
    if (columns.length === 0) continue;
    await sql.raw(functionFor(table, columns)).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${quoteIdent(name)} AFTER INSERT OR UPDATE OR DELETE ON ${quoteIdent(table)} FOR EACH ROW EXECUTE FUNCTION ${quoteIdent(name)}()`,
      )
      .execute(db);
  }
}

export async function dropAuditTriggers(db: AnyDb): Promise<void> {
  const r = await sql<{
    name: string;
  }>`SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname LIKE 'audit\\_%'`.execute(db);
  for (const { name } of r.rows) await sql.raw(`DROP FUNCTION IF EXISTS ${quoteIdent(name)}() CASCADE`).execute(db);
}
