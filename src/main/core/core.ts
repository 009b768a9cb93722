// The core of the app without Electron: the database, its migrations and the platform.
// The Electron main process, the CLI and the test bridge all start from here.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { openSqlite } from '../db/sqlite/database';
import { openPostgres } from '../db/postgres/database';
import { isPostgresUrl } from '../db/database';
import { defaultUserDataDir } from '../platform/paths';
import { refuseNetworkShare } from '../platform/network-share';
import { CHOICE_FILE, type SecretStore } from '../platform/database-choice';
import { migrations } from '../db/migrations';
import { migrateToLatest, type MigrateResult } from '../db/migrate';
import type { DB } from '../db/schema';
import type { Platform } from '../platform/platform';
import { Jobs } from './jobs';
import { Session } from './session';
import { localUserName } from './user-name';
import { BUILT_IN_AUDIT_USER, auditUserOf } from '../../shared/model/audit-labels';

export interface Core {
  db: Kysely<DB>;
  /** The open database behind the seam (engine specifics); features use `db`. */
  database: Database;
  platform: Platform;
  /** Progress of long jobs, polled through `jobs.progress`. */
  jobs: Jobs;
  /** In-process state the features keep between calls (see session.ts). */
  session: Session;
  dataDir: string;
  /** This computer's own settings, kept outside the database (which database it opens). */
  local: LocalSettings;
  /** The SQLite driver's native build (Electron's ABI in the app), for the other databases a feature opens. */
  nativeBinding: string | undefined;
  version: string;
  migration: MigrateResult;
  close(): Promise<void>;
  /**
   * Replaces the data with `sourceFile` (a checked backup) and reopens it, migrating it if it is
   * older. The fields above are swapped in place, so every holder of `core` follows.
   */
  replaceDatabase(sourceFile: string): Promise<void>;
}

export interface LocalSettings {
  /** The file keeping which database this computer opens (platform/database-choice.ts). */
  choiceFile: string;
  /** The operating system's encryption for a kept password; null where it has none (CLI, tests). */
  secrets: SecretStore | null;
  /** Started with --db: the saved choice is not in effect. */
  fixedByCommandLine: boolean;
}

export interface CoreOptions {
  /** The data: a SQLite file's path (the default), ':memory:', or a PostgreSQL server's URL (postgres://…). */
  dbPath: string;
  /**
   * The folder of this computer's files (backups, exports, kept documents). A SQLite file's own
   * folder by default; with a PostgreSQL URL, BCNV_DATA_DIR or else the app's user-data folder.
   */
  dataDir?: string;
  platform: Platform;
  version?: string;
  nativeBinding?: string;
  /** This computer's settings file and secret store; by default a choice file in `dataDir`, no store. */
  local?: Partial<LocalSettings>;
  /** Built-in data (default templates, criteria sets), installed once the schema exists and after every restore. */
  seed?: (db: Kysely<DB>) => Promise<void>;
}

export { DB_FILE_NAME } from '../platform/paths';

/** Migrations, then the audit triggers over whatever tables exist, then who is working. */
async function prepareSchema(database: Database, dataDir: string): Promise<MigrateResult> {
  // On a shared server others are working: the triggers are removed only when the schema changes.
  const executed = await database.executedMigrations();
  const pending = Object.keys(migrations).some((name) => !executed.includes(name));
  if (pending || database.engine.kind === 'sqlite') await database.dropAuditTriggers();
  const migration = await migrateToLatest(database, { backupDir: path.join(dataDir, 'backups') });
  await database.installAuditTriggers();
  await database.setAuditUser(auditUserOf(await localUserName(database, dataDir), currentUser()));
  return migration;
}

/**
 * Built-in data (the default report template and criteria set) is installed once, after the schema
 * exists. The log names the app for it, not the person who happened to start it first.
 */
async function installBuiltIns(database: Database, dataDir: string, seed: CoreOptions['seed']): Promise<void> {
  if (!seed) return;
  await database.setAuditUser(auditUserOf(BUILT_IN_AUDIT_USER, ''));
  try {
    await seed(database.db);
  } finally {
    await database.setAuditUser(auditUserOf(await localUserName(database, dataDir), currentUser()));
  }
}

/** The computer's account: kept in the log as a detail beside the name set in Cài đặt. */
export function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The database core alone; the app's composition (src/main/app.ts) adds its built-in data through `seed`. */
export async function openDatabaseCore(options: CoreOptions): Promise<Core> {
  const server = isPostgresUrl(options.dbPath);
  const dataDir =
    options.dataDir ??
    (server
      ? path.resolve(process.env.BCNV_DATA_DIR || defaultUserDataDir())
      : options.dbPath === ':memory:'
        ? process.cwd()
        : path.dirname(path.resolve(options.dbPath)));
  if (options.dbPath !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
  if (!server && options.dbPath !== ':memory:') refuseNetworkShare(options.dbPath);
  const database: Database = server
    ? await openPostgres(options.dbPath, { nativeBinding: options.nativeBinding })
    : openSqlite(options.dbPath, { nativeBinding: options.nativeBinding });
  try {
    const migration = await prepareSchema(database, dataDir);
    await installBuiltIns(database, dataDir, options.seed);
    const core: Core = {
      db: database.db,
      database,
      platform: options.platform,
      jobs: new Jobs(),
      session: new Session(),
      dataDir,
      local: {
        choiceFile: options.local?.choiceFile ?? path.join(dataDir, CHOICE_FILE),
        secrets: options.local?.secrets ?? null,
        fixedByCommandLine: options.local?.fixedByCommandLine ?? false,
      },
      nativeBinding: options.nativeBinding,
      version: options.version ?? '0.0.0',
      migration,
      close: () => core.database.close(),
      async replaceDatabase(sourceFile) {
        const next = await core.database.replaceWith(sourceFile);
        try {
          core.migration = await prepareSchema(next, dataDir);
          await installBuiltIns(next, dataDir, options.seed);
        } catch (err) {
          await next.close();
          throw err;
        }
        core.database = next;
        core.db = next.db;
      },
    };
    return core;
  } catch (err) {
    await database.close();
    throw err;
  }
}
