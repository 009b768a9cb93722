// The SQLite engine: a file opened through better-sqlite3 and wrapped in Kysely. Only this folder
// touches the driver's handle.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  sql,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  SqliteIntrospector,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { DatabaseIntrospector } from 'kysely';
import type { DB } from '../schema';
import type { CopyFacts, Database, Engine, EngineIntrospector } from '../database';
import { copyFileAtomic } from '../../platform/files';
import { auditedTables, dropAuditTriggers, installAuditTriggers, setAuditUser } from './audit';
import { sqliteUnitSearch } from './search';
import { createGreatestKept, createRefusedChange } from './rules';
import { inspectSqliteFile } from './inspect-file';
import { rebuildSqliteCopy } from './rebuild';
import { sqliteCopy } from './copy';

export interface OpenOptions {
  /** Path of an Electron-ABI better_sqlite3.node; omitted under plain Node. */
  nativeBinding?: string;
}

export const sqliteEngine: Engine = {
  kind: 'sqlite',
  refuse: createRefusedChange,
  keepGreatest: createGreatestKept,
  async columnsOf(db, table) {
    const r = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
    return r.rows.map((c) => c.name);
  },
  unitSearch: sqliteUnitSearch,
  listOf: (values) => sql`SELECT value FROM json_each(${JSON.stringify(values)})`,
  objectAgg: (key, value) => sql<string>`json_group_object(${key}, ${value})`,
  async changeMarker(db) {
    const r = await sql<{ v: number; c: number }>`SELECT (SELECT data_version FROM pragma_data_version) AS v,
      total_changes() AS c`.execute(db);
    return `${r.rows[0]?.v ?? 0}:${r.rows[0]?.c ?? 0}`;
  },
  // data_version and total_changes() move with every commit, this connection's writes in a transaction too
  readStamp: (db) => sqliteEngine.changeMarker(db),
  async auditUser(db) {
    const r = await sql<{ user: string }>`SELECT "user" FROM audit_context WHERE id = 1`.execute(db);
    return r.rows[0]?.user ?? '';
  },
  serialize: async () => {},
  copy: sqliteCopy,
};

/**
 * SQLite does run DDL inside transactions, but Kysely's SQLite adapter says it does not, so its
 * Migrator would apply migrations one by one without a transaction (a crash in the middle left a
 * half-upgraded file: the crash-safety test caught it). This adapter tells the truth.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class EngineSqliteIntrospector extends SqliteIntrospector implements EngineIntrospector {
  readonly engine = sqliteEngine;
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE) and waits for it up to
 * the busy timeout. A deferred transaction reads first and then fails at once when another process
 * wrote meanwhile (its snapshot is stale): a second import would fail instead of waiting its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class AppSqliteDialect extends SqliteDialect {
  constructor(private readonly appConfig: SqliteDialectConfig) {
    super(appConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.appConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new EngineSqliteIntrospector(db);
  }
}

/** Settings every connection gets, the read-only ones included. */
function configure(handle: BetterSqlite3.Database): void {
  // A file from outside (a restored backup, a package) may carry views or triggers calling
  // functions: with trusted_schema off, SQLite refuses such functions inside the schema.
  handle.pragma('trusted_schema = OFF');
  handle.pragma('busy_timeout = 5000');
}

export class SqliteDatabase implements Database {
  readonly engine = sqliteEngine;
  readonly db: Kysely<DB>;
  readonly file: string | null;

  constructor(
    readonly location: string,
    /** The driver's handle: for this folder and for tests. */
    readonly handle: BetterSqlite3.Database,
    private readonly options: OpenOptions,
  ) {
    this.file = location === ':memory:' ? null : location;
    this.db = new Kysely<DB>({ dialect: new AppSqliteDialect({ database: handle }) });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async executedMigrations(): Promise<string[]> {
    return executedMigrations(this.handle);
  }

  async copyTo(target: string): Promise<void> {
    // VACUUM INTO makes a consistent copy while the WAL is in use.
    try {
      this.handle.prepare('VACUUM INTO ?').run(target);
    } catch (err) {
      if (err instanceof Error && /SQLITE_FULL|disk is full/i.test(err.message))
        throw Object.assign(new Error(err.message), { code: 'ENOSPC' });
      throw err;
    }
  }

  inspectCopy(file: string, shownName: string, countTables: string[]): CopyFacts {
    return inspectSqliteFile(file, shownName, countTables, this.options.nativeBinding);
  }

  rebuildCopy(file: string, shownName: string, target: string, countTables: string[]): Promise<CopyFacts> {
    return rebuildSqliteCopy(file, shownName, target, countTables, this.options.nativeBinding);
  }

  async replaceWith(copy: string): Promise<Database> {
    if (this.file === null) throw new Error('An in-memory database has no file to replace.');
    await this.close();
    copyFileAtomic(copy, this.file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    return openSqlite(this.file, this.options);
  }

  async auditedTables(): Promise<string[]> {
    return auditedTables(this.handle);
  }

  async dropAuditTriggers(): Promise<void> {
    dropAuditTriggers(this.handle);
  }

  async installAuditTriggers(): Promise<void> {
    installAuditTriggers(this.handle);
  }

  async setAuditUser(user: string): Promise<void> {
    if (this.handle.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_context'`).get())
      setAuditUser(this.handle, user);
  }
}

export function executedMigrations(handle: BetterSqlite3.Database): string[] {
  const exists = handle
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!exists) return [];
  const rows = handle.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[];
  return rows.map((r) => r.name);
}

export function openSqlite(location: string, options: OpenOptions = {}): SqliteDatabase {
  const handle = new BetterSqlite3(location, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    configure(handle);
    if (location !== ':memory:') handle.pragma('journal_mode = WAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = NORMAL');
  } catch (err) {
    handle.close();
    throw err;
  }
  return new SqliteDatabase(location, handle, options);
}

/** Opens a copy read-only, configured like every connection. */
export function openSqliteReadOnly(file: string, nativeBinding?: string): BetterSqlite3.Database {
  const handle = new BetterSqlite3(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    configure(handle);
  } catch (err) {
    handle.close();
    throw err;
  }
  return handle;
}

/** The driver's handle of a SQLite database, for tests that look under the seam. */
export function sqliteHandle(database: Database): BetterSqlite3.Database {
  if (!(database instanceof SqliteDatabase)) throw new Error(`Not a SQLite database: ${database.engine.kind}`);
  return database.handle;
}
