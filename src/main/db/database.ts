// The database seam. Features speak Kysely's query builder and nothing else; what differs from one
// database engine to another sits behind the two interfaces below, one folder per engine
// (db/sqlite/ today, db/postgres/ for the shared office server), as Kysely keeps its dialects.
// This folder never imports an engine's folder: the engine is chosen where the core opens it.
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from './schema';

/** Any Kysely instance or transaction, typed or not: migrations use these too, before the schema types apply. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyDb = Kysely<any>;

export type DatabaseKind = 'sqlite' | 'postgres';

/** Whether a data location is a PostgreSQL server's address (postgres://… or postgresql://…), not a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/**
 * A change the database itself refuses, whatever the engine: an append-only history, a frozen
 * record. SQLite makes it a trigger with RAISE(ABORT); PostgreSQL a PL/pgSQL trigger function.
 */
export interface RefusedChange {
  /** The trigger's name, unique in the database. */
  name: string;
  table: string;
  on: 'update' | 'delete';
  /** Refused only when one of these columns is updated (all columns when absent). */
  columns?: string[];
  /** Refused only when this SQL condition over OLD holds (portable SQL: comparisons, EXISTS). */
  when?: string;
  /** What the user is told, in Vietnamese. */
  message: string;
}

/**
 * A table the database keeps itself from another's inserts: for each `key`, the greatest `id` of
 * the rows of `from` (migration 0200: each report's last event), whoever inserts them — the app,
 * the command line, raw SQL. SQLite makes it a trigger; PostgreSQL a PL/pgSQL trigger function.
 * `into` has `key` as its primary key and `value`; it is bookkeeping: neither audited nor copied
 * (the events copied fill it again). These tables are listed in KEPT_BY_DATABASE.
 */
export const KEPT_BY_DATABASE: readonly string[] = ['report_last_events'];

export interface GreatestKept {
  /** The trigger's name, unique in the database. */
  name: string;
  from: string;
  key: string;
  into: string;
  value: string;
}

/**
 * The per-engine parts that work on any executor (the database or a transaction of it), so that
 * services and migrations reach them from the executor they already hold: see `engineOf`.
 */
export interface Engine {
  readonly kind: DatabaseKind;
  /** Creates the rule (in a migration). */
  refuse(db: AnyDb, rule: RefusedChange): Promise<void>;
  /** Creates the trigger keeping `into` (in a migration; `into` made and filled by it). */
  keepGreatest(db: AnyDb, rule: GreatestKept): Promise<void>;
  /** Column names of a table, in order. */
  columnsOf(db: AnyDb, table: string): Promise<string[]>;
  /** Diacritics-folded search over the unit register. */
  unitSearch: {
    /** Creates the index (in a migration). */
    create(db: AnyDb): Promise<void>;
    /**
     * Makes the index again, keeping prefixes of short words for one-lookup searches (migration 0190):
     * true when it was made again, empty, to be filled by `index`; false where the engine's index
     * needs nothing (PostgreSQL's).
     */
    withPrefixes(db: AnyDb): Promise<boolean>;
    /** (Re)indexes one unit under `folded`, its searchable text without diacritics. */
    index(db: AnyDb, id: number, folded: string): Promise<void>;
    /** Forgets a unit that no longer exists (a reorganisation undone). */
    remove(db: AnyDb, id: number): Promise<void>;
    /** The ids of units matching every word typed, as a prefix; null when nothing searchable was typed. */
    find(db: AnyDb, input: string): Promise<number[] | null>;
  };
  /** A subquery of these values, for `x IN (…)` over lists longer than a statement's parameters allow. */
  listOf(values: readonly number[] | readonly string[], type: 'integer' | 'text'): RawBuilder<unknown>;
  /** An aggregate making one JSON object (as text) of key → value over the group's rows. */
  objectAgg(key: RawBuilder<unknown>, value: RawBuilder<unknown>): RawBuilder<string>;
  /**
   * A text that moves whenever a row changes, by this connection or another (another laptop, the
   * command line): screens poll it and re-read only when it moved. SQLite: data_version (others'
   * commits) with total_changes() (this connection's); PostgreSQL: the server's snapshot, as
   * readStamp (it also moves for transactions that changed nothing shown: a re-read too many, never
   * one too few).
   */
  changeMarker(db: AnyDb): Promise<string>;
  /**
   * Equal only while `db` sees the same data, by this connection or another, whatever the table: the
   * key of kept reads (core/read-cache.ts). SQLite: the change marker. PostgreSQL: the server's
   * snapshot (two equal snapshots see exactly the same committed rows: no transaction began or
   * ended between them); null inside a transaction, whose own writes leave the snapshot as it was.
   */
  readStamp(db: AnyDb): Promise<string | null>;
  /** The name the audit log gives this session's changes. */
  auditUser(db: AnyDb): Promise<string>;
  /**
   * Transactions that call this with the same key go one after the other from here to their end,
   * as for the next number of a register: PostgreSQL's clients run side by side (a transaction-level
   * advisory lock); SQLite lets one writer at a time in already (nothing to do).
   */
  serialize(db: AnyDb, key: string): Promise<void>;
  /** What a copy of all the data needs from the engine (db/copy.ts). */
  copy: {
    /** The app's tables, sorted by name. */
    tables(db: AnyDb): Promise<string[]>;
    /** The primary key's columns of a table, in key order ([] when it has none). */
    primaryKeyOf(db: AnyDb, table: string): Promise<string[]>;
    /** Foreign keys are checked at commit, not row by row (a row may point to a later row). */
    deferForeignKeys(db: AnyDb): Promise<void>;
    /** Removes every row of these tables without firing the rules' triggers (a copy replaces them all). */
    clear(db: AnyDb, tables: string[]): Promise<void>;
    /** After rows came in with their own ids: new rows must get ids after them. */
    afterRowsCopied(db: AnyDb, tables: string[]): Promise<void>;
  };
}

/** What a copy made by `copyTo` holds, read without changing it. */
export interface CopyFacts {
  /** The engine's integrity verdict: 'ok' or its first complaint. */
  integrity: string;
  /** Applied migrations in order, or null when the copy is not this app's data at all. */
  migrations: string[] | null;
  /** Row counts of the asked tables that exist. */
  counts: Record<string, number>;
}

/** One open database: the Kysely instance and what only the engine knows how to do. */
export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  /** Where the data is, as shown to the user: a file path, ':memory:', or a server address without password. */
  readonly location: string;
  /** The file holding the data on this computer, or null (in memory, or on a server). */
  readonly file: string | null;
  close(): Promise<void>;
  /** Names of the applied migrations, in order; [] on an empty database. */
  executedMigrations(): Promise<string[]>;
  /** Writes a consistent copy of all the data to the new file `target` (a backup, a package's data). */
  copyTo(target: string): Promise<void>;
  /**
   * Opens a copy read-only and says what it holds; a file the engine cannot read, or a damaged one,
   * is refused with a BAD_BACKUP AppError naming `shownName`. Nothing from the copy is trusted.
   */
  inspectCopy(file: string, shownName: string, countTables: string[]): CopyFacts;
  /**
   * Rebuilds an outside copy (with its write-ahead log, if one lies beside it) into `target`, a new
   * file made by the app's own migrations: the copy's schema is checked object by object against
   * them (anything else refuses it, by name) and only its rows are taken. Says what the new file holds.
   */
  rebuildCopy(file: string, shownName: string, target: string, countTables: string[]): Promise<CopyFacts>;
  /**
   * Closes this database and puts the data of a checked copy in its place; returns the reopened
   * database (not yet migrated). The old handle must not be used afterwards.
   */
  replaceWith(copy: string): Promise<Database>;
  /** Tables whose every change the audit log records. */
  auditedTables(): Promise<string[]>;
  /** The audit triggers are removed before migrations run and re-made after, over every table. */
  dropAuditTriggers(): Promise<void>;
  installAuditTriggers(): Promise<void>;
  /** Who the audit log names for the changes that follow. */
  setAuditUser(user: string): Promise<void>;
}

/** An introspector that names its engine: how an executor leads back to its engine (see `engineOf`). */
export interface EngineIntrospector {
  readonly engine: Engine;
}

/**
 * The engine behind an executor. Kysely hands a transaction the same dialect as its database and
 * the dialect makes the introspector, so each engine's dialect returns one that carries the engine.
 */
export function engineOf(db: AnyDb): Engine {
  const found = (db.introspection as Partial<EngineIntrospector>).engine;
  if (!found) throw new Error('This Kysely instance was not opened through the database seam (src/main/db).');
  return found;
}
