// Test helpers: every database test starts here. `freshCore` opens the whole app on a new data
// folder (migrated, seeded); `migrateTo` opens a bare database stopped at one migration, for the
// tests of each migration (migrate to N-1, insert rows, migrate to N, assert).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { type Core } from '../../src/main/core/core';
import { openCore } from '../../src/main/app';
import { folderPlatform, type FolderPlatformOptions } from '../../src/main/platform/platform';
import { openSqlite, sqliteHandle, type SqliteDatabase } from '../../src/main/db/sqlite/database';
import { createMigrator, migrateToLatest, type MigrateResult } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { serverDatabaseOf } from '../pg/databases';
import { tableDigest } from '../../src/main/db/copy';

export function tempDir(prefix = 'bcnv-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface FreshCoreOptions {
  /** The data folder; a new temporary one by default. The same folder opens the same data again. */
  dir?: string;
  /** The database file's name in `dir`. */
  file?: string;
  /** Where the test platform saves without asking: `<dir>/exports` by default. */
  exports?: string;
  /** Answers for the open dialog, and a record of the files the app opened. */
  platform?: FolderPlatformOptions;
  version?: string;
  /** The database engine: SQLite by default, or a database of its own on the tests' PostgreSQL server. */
  engine?: EngineKind;
}

export type EngineKind = 'sqlite' | 'postgres';

/** Both engines, for the tests that run on each: `describe.each(ENGINES)`. */
export const ENGINES: EngineKind[] = ['sqlite', 'postgres'];

/** The engine when a test asks for none: BCNV_TEST_DATABASE=postgres runs a suite on the server. */
export const DEFAULT_ENGINE: EngineKind = process.env.BCNV_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** The whole app on a data folder, as the desktop and the CLI open it. */
export async function freshCore(options: FreshCoreOptions | string = {}): Promise<Core> {
  const o = typeof options === 'string' ? { dir: options } : options;
  const dir = o.dir ?? tempDir();
  const engine = o.engine ?? DEFAULT_ENGINE;
  return openCore({
    dbPath: engine === 'postgres' ? await serverDatabaseOf(dir) : path.join(dir, o.file ?? 'test.db'),
    dataDir: dir,
    platform: folderPlatform(o.exports ?? path.join(dir, 'exports'), o.platform),
    version: o.version ?? 'test',
  });
}

/**
 * The `--db` a command-line test gives for the data `freshCore({ dir, file })` opens: that file, or
 * in the `postgres` project the folder's database on the tests' server (this computer's files then
 * go to the folder, as BCNV_DATA_DIR says).
 */
export async function cliDatabaseOf(dir: string, file = 'test.db'): Promise<string> {
  if (DEFAULT_ENGINE !== 'postgres') return path.join(dir, file);
  process.env.BCNV_DATA_DIR = dir;
  return serverDatabaseOf(dir);
}

/** Names of every migration, in order. */
export const migrationNames = Object.keys(migrations).sort();

/** The migration just before `name`. */
export function migrationBefore(name: string): string {
  const i = migrationNames.indexOf(name);
  if (i < 1) throw new Error(`No migration before "${name}"`);
  return migrationNames[i - 1]!;
}

/** A bare database (no built-in data, no audit triggers) and the way on to later migrations. */
export interface MigratingDatabase {
  database: SqliteDatabase;
  /** The driver's handle, to write rows as an older app version would have. */
  sql: SqliteDatabase['handle'];
  file: string;
  dir: string;
  /** Applies the migrations up to and including `name`. */
  migrateTo(name: string): Promise<void>;
  /** What the app does at start: a backup of the file, then every pending migration. */
  migrateToLatest(): Promise<MigrateResult>;
  close(): Promise<void>;
}

/** A new, empty database file (no migration applied yet), and the way on to any migration. */
export function emptyDatabase(dir = tempDir('bcnv-migration-')): MigratingDatabase {
  const file = path.join(dir, 'm.db');
  const database = openSqlite(file);
  return {
    database,
    sql: database.handle,
    file,
    dir,
    async migrateTo(name) {
      const found = migrationNames.find((m) => m === name || m.startsWith(`${name}_`));
      if (!found) throw new Error(`Unknown migration "${name}"`);
      const { error } = await createMigrator(database).migrateTo(found);
      if (error) throw error;
    },
    migrateToLatest: () => migrateToLatest(database, { backupDir: path.join(dir, 'backups') }),
    close: () => database.close(),
  };
}

/**
 * A new database file migrated up to and including `name` (a full name, or its number: '0040').
 * Later migrations are applied with `migrateTo` or `migrateToLatest`.
 */
export async function migrateTo(name: string, dir?: string): Promise<MigratingDatabase> {
  const m = emptyDatabase(dir);
  await m.migrateTo(name);
  return m;
}

/** A checksum of every row of every table: equal before and after means nothing changed. */
export function databaseFingerprint(core: Core): string {
  const handle = sqliteHandle(core.database);
  const tables = handle
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const hash = crypto.createHash('sha256');
  for (const { name } of tables) {
    hash.update(name);
    for (const row of handle.prepare(`SELECT * FROM "${name}"`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * The same on either engine (SQLite or PostgreSQL): a digest of every row of every table, read
 * through the database seam. Equal before and after means nothing changed.
 */
export async function dataFingerprint(core: Core): Promise<string> {
  const { engine, db } = core.database;
  const hash = crypto.createHash('sha256');
  for (const table of await engine.copy.tables(db)) {
    const d = await tableDigest(db, engine, table, await engine.columnsOf(db, table));
    hash.update(`${table}:${d.rows}:${d.digest};`);
  }
  return hash.digest('hex');
}

/**
 * What `--db` names for the CLI to open the same data as `core`: its file, or its server's URL
 * (then this computer's files go to the core's data folder, as BCNV_DATA_DIR tells the CLI).
 */
export function cliDatabase(core: Core): string {
  if (core.database.file) return core.database.file;
  process.env.BCNV_DATA_DIR = core.dataDir;
  return core.database.location;
}
