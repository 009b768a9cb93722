// A database from outside (a backup chosen from disk, a data package) is rebuilt, never trusted:
// its write-ahead log is folded in on a private copy, its schema is compared object by object with
// what the app's own migrations make (any table, column, index, trigger or view they do not make
// refuses the file, by name), and its rows are copied, table by table, into a new file created by
// those migrations. Nothing of the copy's schema is adopted: its triggers and views never run.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations } from '../migrations';
import { createMigrator } from '../migrate';
import { indexUnit } from '../search';
import { KEPT_BY_DATABASE, type CopyFacts } from '../database';
import { dropAuditTriggers, installAuditTriggers } from './audit';
import { executedMigrations, openSqlite, openSqliteReadOnly } from './database';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const KIND: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** The same SQL written with other spacing is the same object. */
const normal = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

function bad(shownName: string, why: string): AppError {
  return new AppError('BAD_BACKUP', `“${shownName}” ${why} Không khôi phục từ tệp này.`, { file: shownName });
}

function schemaOf(handle: BetterSqlite3.Database): Map<string, SchemaObject> {
  const rows = handle
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [r.name, r]));
}

/**
 * Copies `source` (and the `-wal` beside it, if any) to `work` and folds the log into it, so that
 * what is read is exactly what the app that wrote it saw. Opening runs nothing of the file's schema.
 */
function foldLog(source: string, work: string, shownName: string, nativeBinding?: string): void {
  fs.copyFileSync(source, work);
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${work}-wal`);
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(work, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError(
      'BAD_BACKUP',
      `Không mở được “${shownName}” như một cơ sở dữ liệu: ${err instanceof Error ? err.message : String(err)}`,
      { file: shownName },
    );
  }
  try {
    handle.pragma('trusted_schema = OFF');
    handle.pragma('wal_checkpoint(TRUNCATE)');
    handle.pragma('journal_mode = DELETE');
  } catch (err) {
    throw bad(
      shownName,
      `không phải là tệp dữ liệu SQLite hợp lệ (${err instanceof Error ? err.message : String(err)}).`,
    );
  } finally {
    handle.close();
  }
}

/** The applied migrations of the copy: a prefix of the app's own list, or the file is refused. */
function migrationsOf(handle: BetterSqlite3.Database, shownName: string): string[] {
  const table = handle.prepare(`SELECT type FROM sqlite_master WHERE name = 'schema_migrations'`).get() as
    { type: string } | undefined;
  // a view of that name would run its own query when read: only a table is read
  if (table?.type !== 'table') throw bad(shownName, 'không phải là dữ liệu của Báo cáo Nội vụ.');
  const names = executedMigrations(handle);
  const unknown = names.filter((n) => !(n in migrations));
  if (unknown.length > 0)
    throw new AppError(
      'BACKUP_NEWER',
      `“${shownName}” được tạo bởi phiên bản mới hơn của ứng dụng (bước “${unknown[0]!.slice(0, 80)}”). Hãy cập nhật ứng dụng trước khi khôi phục.`,
      { file: shownName },
    );
  const known = Object.keys(migrations);
  if (names.length === 0 || names.some((n, i) => known[i] !== n))
    throw bad(shownName, 'có lịch sử nâng cấp không giống của ứng dụng (thiếu hoặc đảo bước).');
  return names;
}

/** Every object of the copy must be one the migrations make, with the same definition; none may be missing. */
function compareSchemas(
  incoming: Map<string, SchemaObject>,
  expected: Map<string, SchemaObject>,
  auditTriggers: Map<string, string>,
  shownName: string,
): void {
  for (const o of incoming.values()) {
    const kind = KIND[o.type] ?? o.type;
    const on = o.type === 'table' || o.type === 'view' ? '' : ` (trên bảng “${o.tbl_name.slice(0, 60)}”)`;
    const what = `${kind} “${o.name.slice(0, 80)}”${on}`;
    // The audit triggers are the app's, made at each start by the version that last opened the
    // file: known by name and table, their bodies are never adopted (the new file gets its own).
    if (o.type === 'trigger' && auditTriggers.get(o.name) === o.tbl_name) continue;
    const e = expected.get(o.name);
    if (!e) throw bad(shownName, `có ${what} không do ứng dụng tạo ra.`);
    if (e.type !== o.type) throw bad(shownName, `có ${what} ở chỗ ứng dụng đặt ${KIND[e.type] ?? e.type} “${e.name}”.`);
    if (e.tbl_name !== o.tbl_name || normal(e.sql) !== normal(o.sql))
      throw bad(shownName, `có ${what} khác với định nghĩa của ứng dụng.`);
  }
  for (const e of expected.values())
    if (!incoming.has(e.name)) throw bad(shownName, `thiếu ${KIND[e.type] ?? e.type} “${e.name}” của ứng dụng.`);
}

/**
 * Rebuilds the copy `source` into the new file `target` and says what it holds. Throws an
 * AppError naming `shownName` (and the offending object) when the copy cannot be trusted.
 */
export async function rebuildSqliteCopy(
  source: string,
  shownName: string,
  target: string,
  countTables: string[],
  nativeBinding?: string,
): Promise<CopyFacts> {
  const workDir = fs.mkdtempSync(path.join(path.dirname(target), '.rebuild-'));
  const work = path.join(workDir, 'copy.db');
  let ok = false;
  try {
    foldLog(source, work, shownName, nativeBinding);
    const incoming = openSqliteReadOnly(work, nativeBinding);
    let names: string[];
    let objects: Map<string, SchemaObject>;
    try {
      let integrity: string;
      try {
        integrity = String(incoming.pragma('integrity_check', { simple: true }));
      } catch (err) {
        throw bad(
          shownName,
          `không phải là tệp dữ liệu SQLite hợp lệ (${err instanceof Error ? err.message : String(err)}).`,
        );
      }
      if (integrity !== 'ok') throw bad(shownName, `bị hỏng (kiểm tra toàn vẹn: ${integrity.slice(0, 200)}).`);
      names = migrationsOf(incoming, shownName);
      objects = schemaOf(incoming);
    } finally {
      incoming.close();
    }

    // The new file, made by the app's own migrations up to the copy's version.
    fs.rmSync(target, { force: true });
    const fresh = openSqlite(target, { nativeBinding });
    try {
      const { error } = await createMigrator(fresh).migrateTo(names.at(-1)!);
      if (error) throw error;
      const h = fresh.handle;
      installAuditTriggers(h);
      const audit = new Map(
        (
          h
            .prepare(
              `SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`,
            )
            .all() as {
            name: string;
            tbl_name: string;
          }[]
        ).map((t) => [t.name, t.tbl_name]),
      );
      dropAuditTriggers(h);
      const expected = schemaOf(h);
      compareSchemas(objects, expected, audit, shownName);

      // Rows, table by table: the tables are the app's (compared above), read as plain tables.
      const virtual = [...expected.values()].filter((o) => o.type === 'table' && /^CREATE VIRTUAL/i.test(o.sql ?? ''));
      const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
      const tables = [...expected.values()].filter(
        (o) =>
          o.type === 'table' &&
          !virtual.includes(o) &&
          !shadow(o.name) &&
          // what the database keeps from other tables is made again from their rows, never taken
          !KEPT_BY_DATABASE.includes(o.name) &&
          !['schema_migrations', 'schema_migrations_lock'].includes(o.name),
      );
      h.pragma('foreign_keys = OFF');
      h.prepare('ATTACH DATABASE ? AS src').run(work);
      try {
        h.transaction(() => {
          for (const t of tables) {
            const cols = (h.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[])
              .map((c) => quote(c.name))
              .join(', ');
            // rows the migrations wrote themselves (the audit context) give way to the copy's
            h.prepare(
              `INSERT OR REPLACE INTO main.${quote(t.name)} (${cols}) SELECT ${cols} FROM src.${quote(t.name)}`,
            ).run();
          }
          if (h.prepare(`SELECT 1 FROM src.sqlite_master WHERE name = 'sqlite_sequence' AND type = 'table'`).get())
            for (const s of h.prepare(`SELECT name, seq FROM src.sqlite_sequence`).all() as {
              name: string;
              seq: number;
            }[])
              if (tables.some((t) => t.name === s.name) && Number.isInteger(s.seq))
                h.prepare(`UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = ?`).run(s.seq, s.name);
        })();
      } finally {
        h.prepare('DETACH DATABASE src').run();
      }
      const broken = h.prepare('PRAGMA foreign_key_check').all() as { table: string }[];
      if (broken.length > 0)
        throw bad(shownName, `có ${broken.length} dòng ở bảng “${broken[0]!.table}” trỏ tới dữ liệu không có.`);
      h.pragma('foreign_keys = ON');
      // The search index is the app's to build, from the copied units (the copy's index is never read).
      if (expected.has('units_fts'))
        for (const u of await fresh.db
          .selectFrom('units')
          .select(['id', 'code', 'name', 'short_name', 'email', 'contact_person'])
          .execute())
          await indexUnit(fresh.db, u.id, u);
      const integrity = String(h.pragma('integrity_check', { simple: true }));
      const counts: Record<string, number> = {};
      for (const t of countTables)
        if (expected.get(t)?.type === 'table')
          counts[t] = (h.prepare(`SELECT count(*) AS n FROM ${quote(t)}`).get() as { n: number }).n;
      ok = integrity === 'ok';
      if (!ok) throw bad(shownName, `không dựng lại được (kiểm tra toàn vẹn: ${integrity.slice(0, 200)}).`);
      return { integrity, migrations: names, counts };
    } finally {
      await fresh.close();
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
    if (!ok) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    else for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  }
}
