// The core of the app without Electron: the database, its migrations and the platform.
// The Electron main process, the CLI and the test bridge all start from here.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openConnection, type Connection } from './db/connection';
import { migrateToLatest, type MigrateResult } from './db/migrate';
import type { DB } from './db/schema';
import type { Platform } from './platform';
import { installDefaultTemplates } from './services/templates';

export interface Core {
  db: Kysely<DB>;
  conn: Connection;
  platform: Platform;
  dataDir: string;
  version: string;
  migration: MigrateResult;
  close(): Promise<void>;
}

export interface CoreOptions {
  dbPath: string;
  platform: Platform;
  version?: string;
  nativeBinding?: string;
}

export const DB_FILE_NAME = 'bao-cao-noi-vu.db';

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = options.dbPath === ':memory:' ? process.cwd() : path.dirname(path.resolve(options.dbPath));
  if (options.dbPath !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
  const conn = openConnection(options.dbPath, { nativeBinding: options.nativeBinding });
  try {
    const migration = await migrateToLatest(conn, { backupDir: path.join(dataDir, 'backups') });
    // Built-in data (the default report template) is installed once, after the schema exists.
    await installDefaultTemplates(conn.db);
    return {
      db: conn.db,
      conn,
      platform: options.platform,
      dataDir,
      version: options.version ?? '0.0.0',
      migration,
      close: () => conn.close(),
    };
  } catch (err) {
    await conn.close();
    throw err;
  }
}
