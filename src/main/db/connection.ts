// Opens the SQLite file through better-sqlite3 and wraps it in Kysely.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

export interface Connection {
  db: Kysely<DB>;
  sqlite: Database.Database;
  path: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of an Electron-ABI better_sqlite3.node; omitted under plain Node. */
  nativeBinding?: string;
}

export function openConnection(path: string, options: OpenOptions = {}): Connection {
  const sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    path,
    async close() {
      await db.destroy();
    },
  };
}
