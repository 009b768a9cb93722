// The PostgreSQL engine: a shared office server reached through the `pg` pool and Kysely's
// PostgreSQL dialect (dialect.ts). Only this folder touches the driver. Copies of the data
// (backups, packages) are written in the app's SQLite format, so every copy is read, checked and
// restored by the same code whatever engine made it; pg_dump is not needed on the laptops.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import type { AnyDb, CopyFacts, Database, Engine } from '../database';
import { AppError } from '../../../shared/errors';
import { copyData } from '../copy';
import { createMigrator } from '../migrate';
import { migrations } from '../migrations';
import { openSqlite } from '../sqlite/database';
import { inspectSqliteFile } from '../sqlite/inspect-file';
import { rebuildSqliteCopy } from '../sqlite/rebuild';
import { AppPostgresDialect } from './dialect';
import { auditedTables, dropAuditTriggers, installAuditTriggers } from './audit';
import { createGreatestKept, createRefusedChange } from './rules';
import { postgresUnitSearch } from './search';
import { postgresCopy } from './copy';

/**
 * The server's snapshot (xmin:xmax:in-progress ids): two equal snapshots see exactly the same
 * committed rows, in every table, since no transaction that wrote began or ended between them.
 */
async function snapshotOf(db: AnyDb): Promise<string> {
  const r = await sql<{ s: string }>`SELECT txid_current_snapshot()::text AS s`.execute(db);
  return r.rows[0]?.s ?? '';
}

export const postgresEngine: Engine = {
  kind: 'postgres',
  refuse: createRefusedChange,
  keepGreatest: createGreatestKept,
  async columnsOf(db, table) {
    const r = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
    return r.rows.map((c) => c.name);
  },
  unitSearch: postgresUnitSearch,
  listOf: (values, type) =>
    type === 'text' ? sql`SELECT unnest(${values}::text[])` : sql`SELECT unnest(${values}::bigint[])`,
  objectAgg: (key, value) => sql<string>`json_object_agg(${key}, ${value})::text`,
  async changeMarker(db) {
    // The server's snapshot, as kept reads are keyed (readStamp): it moves when any transaction that
    // wrote ends, so it cannot stay still for a commit. max(audit_log.id), the marker before, could:
    // ids are taken when rows are written, not when they commit, so a transaction that wrote before a
    // later one committed, and committed after a look, left it unmoved (postgres-marker.test.ts). The
    // price: it also moves for a transaction that changed nothing the screens show (another database
    // on the server, an ANALYZE), and a screen then reads its data once more.
    return `s${await snapshotOf(db)}`;
  },
  async readStamp(db) {
    // Not inside a transaction: its own writes leave the snapshot as it was.
    return db.isTransaction ? null : snapshotOf(db);
  },
  async auditUser(db) {
    const r = await sql<{ user: string | null }>`SELECT current_setting('bcnv.user', true) AS "user"`.execute(db);
    return r.rows[0]?.user ?? '';
  },
  async serialize(db, key) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  },
  copy: postgresCopy,
};

/** The address as shown to people: never the password. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, '@');
  }
}

// 64-bit integers (counts, bigint columns) come back as numbers, as better-sqlite3 gives them.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connections kept open (one app: a few; the tests: a few). */
  poolSize?: number;
  nativeBinding?: string;
}

export class PostgresDatabase implements Database {
  readonly engine = postgresEngine;
  readonly db: Kysely<DB>;
  readonly file = null;
  readonly location: string;
  /** Who the audit log names (read by the driver on every connection it hands out). */
  auditUser = '';

  constructor(
    readonly url: string,
    private readonly options: PostgresOptions = {},
  ) {
    this.location = shownUrl(url);
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 4, types });
    // A connection lost while idle (the server restarted) is dropped by the pool, not thrown at the app.
    pool.on('error', () => undefined);
    this.db = new Kysely<DB>({ dialect: new AppPostgresDialect({ pool }, postgresEngine, this) });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async executedMigrations(): Promise<string[]> {
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(this.db);
    if (!exists.rows[0]?.t) return [];
    const r = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(this.db);
    return r.rows.map((m) => m.name);
  }

  /** A new SQLite file made by the app's migrations up to this database's, holding all its rows. */
  async copyTo(target: string): Promise<void> {
    const names = await this.executedMigrations();
    const part = `${target}.part`;
    fs.rmSync(part, { force: true });
    const file = openSqlite(part, { nativeBinding: this.options.nativeBinding });
    try {
      const { error } = await createMigrator(file).migrateTo(names.at(-1)!);
      if (error) throw error;
      await copyData(this, file);
      file.handle.pragma('journal_mode = DELETE');
    } catch (err) {
      await file.close();
      for (const s of ['', '-wal', '-shm']) fs.rmSync(part + s, { force: true });
      throw err;
    }
    await file.close();
    fs.renameSync(part, target);
  }

  inspectCopy(file: string, shownName: string, countTables: string[]): CopyFacts {
    return inspectSqliteFile(file, shownName, countTables, this.options.nativeBinding);
  }

  rebuildCopy(file: string, shownName: string, target: string, countTables: string[]): Promise<CopyFacts> {
    return rebuildSqliteCopy(file, shownName, target, countTables, this.options.nativeBinding);
  }

  /**
   * Loads a checked copy (a SQLite file) in place of all the data, in one transaction. The copy may
   * be older than the app: a private copy of it is first brought to this database's version.
   */
  async replaceWith(copy: string): Promise<Database> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-restore-'));
    try {
      const file = path.join(work, 'copy.db');
      fs.copyFileSync(copy, file);
      const source = openSqlite(file, { nativeBinding: this.options.nativeBinding });
      try {
        const here = await this.executedMigrations();
        if (here.some((n) => !(n in migrations)))
          throw new AppError('DB_NEWER', 'Cơ sở dữ liệu trên máy chủ do phiên bản mới hơn của ứng dụng tạo ra.');
        const { error } = await createMigrator(source).migrateTo(here.at(-1)!);
        if (error) throw error;
        await this.dropAuditTriggers();
        try {
          await copyData(source, this);
        } finally {
          await this.installAuditTriggers();
        }
      } finally {
        await source.close();
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    return this;
  }

  async auditedTables(): Promise<string[]> {
    return auditedTables(this.db);
  }

  async dropAuditTriggers(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('bcnv.schema'))`.execute(trx);
      await dropAuditTriggers(trx);
    });
  }

  async installAuditTriggers(): Promise<void> {
    // One client at a time: two laptops starting together would both make the same trigger.
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('bcnv.schema'))`.execute(trx);
      await installAuditTriggers(trx);
    });
  }

  async setAuditUser(user: string): Promise<void> {
    this.auditUser = user;
  }
}

/**
 * Opens a PostgreSQL database and checks the server answers; an unreachable server, a wrong
 * password or a missing database is said in Vietnamese, naming the address (never the password).
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const database = new PostgresDatabase(url, options);
  try {
    await sql`SELECT 1`.execute(database.db);
  } catch (err) {
    await database.close().catch(() => undefined);
    throw new AppError(
      'DB_CONNECT',
      `Không kết nối được tới máy chủ PostgreSQL ${database.location}: ${err instanceof Error ? err.message : String(err)}. Hãy kiểm tra địa chỉ, tên người dùng, mật khẩu và tên cơ sở dữ liệu.`,
    );
  }
  return database;
}
