// The core of the app without Electron: the database, its migrations and the platform.
// The Electron main process, the CLI and the test bridge all start from here.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { copyFileAtomic } from '../platform/files';
import { dropAuditTriggers, installAuditTriggers, setAuditUser } from '../db/sqlite/audit';
import type { Kysely } from 'kysely';
import { openConnection, type Connection } from '../db/sqlite/database';
import { migrateToLatest, type MigrateResult } from '../db/migrate';
import type { DB } from '../db/schema';
import type { Platform } from '../platform/platform';

export interface Core {
  db: Kysely<DB>;
  conn: Connection;
  platform: Platform;
  dataDir: string;
  version: string;
  migration: MigrateResult;
  close(): Promise<void>;
  /**
   * Replaces the database file with `sourceFile` (a checked backup) and reopens it, migrating
   * it if it is older. The fields above are swapped in place, so every holder of `core` follows.
   */
  replaceDatabase(sourceFile: string): Promise<void>;
}

export interface CoreOptions {
  dbPath: string;
  platform: Platform;
  version?: string;
  nativeBinding?: string;
  /** Built-in data (default templates, criteria sets), installed once the schema exists and after every restore. */
  seed?: (db: Kysely<DB>) => Promise<void>;
}

export { DB_FILE_NAME } from '../platform/paths';

/** Migrations, then the audit triggers over whatever tables exist, then who is working. */
async function prepareSchema(conn: Connection, dataDir: string): Promise<MigrateResult> {
  if (conn.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'audit_context'`).get())
    dropAuditTriggers(conn.sqlite);
  const migration = await migrateToLatest(conn, { backupDir: path.join(dataDir, 'backups') });
  installAuditTriggers(conn.sqlite);
  setAuditUser(conn.sqlite, currentUser());
  return migration;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The database core alone; the app's composition (src/main/app.ts) adds its built-in data through `seed`. */
export async function openDatabaseCore(options: CoreOptions): Promise<Core> {
  const dataDir = options.dbPath === ':memory:' ? process.cwd() : path.dirname(path.resolve(options.dbPath));
  if (options.dbPath !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
  const conn = openConnection(options.dbPath, { nativeBinding: options.nativeBinding });
  try {
    const migration = await prepareSchema(conn, dataDir);
    // Built-in data (the default report template) is installed once, after the schema exists.
    await options.seed?.(conn.db);
    const core: Core = {
      db: conn.db,
      conn,
      platform: options.platform,
      dataDir,
      version: options.version ?? '0.0.0',
      migration,
      close: () => core.conn.close(),
      async replaceDatabase(sourceFile) {
        const target = core.conn.path;
        await core.conn.close();
        copyFileAtomic(sourceFile, target);
        for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
        const next = openConnection(target, { nativeBinding: options.nativeBinding });
        try {
          core.migration = await prepareSchema(next, dataDir);
          await options.seed?.(next.db);
        } catch (err) {
          await next.close();
          throw err;
        }
        core.conn = next;
        core.db = next.db;
      },
    };
    return core;
  } catch (err) {
    await conn.close();
    throw err;
  }
}
