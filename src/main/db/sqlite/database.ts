// Opens the SQLite file through better-sqlite3 and wraps it in Kysely.
import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import type { DB } from '../schema';

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

class AppSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function openConnection(path: string, options: OpenOptions = {}): Connection {
  const sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new AppSqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    path,
    async close() {
      await db.destroy();
    },
  };
}
