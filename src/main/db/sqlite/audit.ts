// The audit log is kept by triggers, so no change can bypass it: every insert, update and
// delete of every table writes who, when, what, before → after. SQLite-specific, isolated here.
// Triggers are (re)made at each start for whatever tables the migrations have created.
import type Database from 'better-sqlite3';
import { KEPT_BY_DATABASE } from '../database';

/** Tables that are logs themselves, bookkeeping or search indexes. */
const NOT_AUDITED = new Set([
  'audit_log',
  'audit_context',
  'schema_migrations',
  'schema_migrations_lock',
  // kept by the database from other tables' rows (report_events, whose every insert is audited)
  ...KEPT_BY_DATABASE,
  'sqlite_sequence',
]);

export function auditedTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !NOT_AUDITED.has(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)))
    .sort();
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

function jsonOf(alias: 'NEW' | 'OLD', columns: { name: string; type: string }[]): string {
  // BLOB columns are summarised by their length: the log is for people, not a second copy.
  const parts = columns.map(
    (c) =>
      `${quoteText(c.name)}, ${/BLOB/i.test(c.type) ? `length(${alias}.${quoteIdent(c.name)})` : `${alias}.${quoteIdent(c.name)}`}`,
  );
  return `json_object(${parts.join(', ')})`;
}

export function installAuditTriggers(sqlite: Database.Database): void {
  const install = sqlite.transaction(() => {
    for (const table of auditedTables(sqlite)) {
      const columns = sqlite.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as {
        name: string;
        type: string;
      }[];
      if (columns.length === 0) continue;
      const who = `(SELECT user FROM audit_context WHERE id = 1)`;
      const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
      const t = quoteText(table);
      const defs: Record<string, string> = {
        insert: `AFTER INSERT ON ${quoteIdent(table)} BEGIN INSERT INTO audit_log (at, user, table_name, row_id, action, before_json, after_json) VALUES (${now}, ${who}, ${t}, NEW.rowid, 'insert', NULL, ${jsonOf('NEW', columns)}); END`,
        update: `AFTER UPDATE ON ${quoteIdent(table)} BEGIN INSERT INTO audit_log (at, user, table_name, row_id, action, before_json, after_json) VALUES (${now}, ${who}, ${t}, NEW.rowid, 'update', ${jsonOf('OLD', columns)}, ${jsonOf('NEW', columns)}); END`,
        delete: `AFTER DELETE ON ${quoteIdent(table)} BEGIN INSERT INTO audit_log (at, user, table_name, row_id, action, before_json, after_json) VALUES (${now}, ${who}, ${t}, OLD.rowid, 'delete', ${jsonOf('OLD', columns)}, NULL); END`,
      };
      for (const [action, body] of Object.entries(defs)) {
        const name = quoteIdent(`audit_${table}_${action}`);
        sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
        sqlite.exec(`CREATE TRIGGER ${name} ${body}`);
      }
    }
  });
  install();
}

export function setAuditUser(sqlite: Database.Database, user: string): void {
  sqlite.prepare(`UPDATE audit_context SET user = ? WHERE id = 1`).run(user);
}

/** Removed before migrations run, so that a table rebuilt by a migration never trips over them. */
export function dropAuditTriggers(sqlite: Database.Database): void {
  const names = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`)
    .all() as { name: string }[];
  for (const { name } of names) sqlite.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(name)}`);
}
