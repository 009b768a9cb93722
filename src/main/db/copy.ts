// A copy of all the data from one open database into another, whatever their engines: a laptop's
// SQLite file onto the office's PostgreSQL server and back, a PostgreSQL database into the app's
// SQLite format (its backups and packages), a checked backup back onto the server. Both must stand
// at the same migration. The target's rows are replaced in one transaction, its foreign keys
// checked at commit; then every table is compared row by row (a digest of its rows on each side)
// before the commit, so a copy is whole and equal or nothing at all.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { KEPT_BY_DATABASE, type AnyDb, type Database } from './database';
import { indexUnit } from './search';
import { tableLabel } from '../../shared/model/safety';
import { AppError } from '../../shared/errors';
import { formatNumber } from '../../shared/format';

/** Bookkeeping each database keeps for itself. */
const OWN = new Set(['schema_migrations', 'schema_migrations_lock']);

export interface CopySummary {
  migrations: string[];
  /** Rows per table, equal on both sides. */
  counts: Record<string, number>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables both sides hold (each engine's search index is its own, rebuilt after). */
async function sharedTables(from: Database, to: Database): Promise<string[]> {
  const mine = new Set(await to.engine.copy.tables(to.db));
  // tables the database keeps from others' rows (GreatestKept) are filled again as those rows come in
  return (await from.engine.copy.tables(from.db)).filter(
    (t) => mine.has(t) && !OWN.has(t) && !KEPT_BY_DATABASE.includes(t),
  );
}

/** Reads a table page by page in key order (keyset: linear, whatever the table's size). */
async function* pages(db: AnyDb, table: string, columns: string[], key: string[], size: number) {
  const cols = sql.raw(columns.map(quote).join(', '));
  if (key.length === 0) {
    yield (await sql<Record<string, unknown>>`SELECT ${cols} FROM ${sql.table(table)}`.execute(db)).rows;
    return;
  }
  const keyList = sql.raw(key.map(quote).join(', '));
  let last: unknown[] | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> = last ? sql`WHERE (${keyList}) > (${sql.join(last)})` : sql``;
    const rows = (
      await sql<
        Record<string, unknown>
      >`SELECT ${cols} FROM ${sql.table(table)} ${after} ORDER BY ${keyList} LIMIT ${size}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const end = rows[rows.length - 1]!;
    last = key.map((k) => end[k]);
  }
}

/** One value as text, the same from either engine: numbers as numbers, bytes as base64. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'n';
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `b${Buffer.from(v).toString('base64')}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `#${String(v)}`;
  return `s${JSON.stringify(String(v))}`;
}

/**
 * A digest of a table's rows that ignores their order (engines sort text differently): the sum,
 * modulo 2^128, of each row's hash, with the row count.
 */
export async function tableDigest(
  db: AnyDb,
  engine: Database['engine'],
  table: string,
  columns: string[],
): Promise<{ rows: number; digest: string }> {
  const key = await engine.copy.primaryKeyOf(db, table);
  let sum = 0n;
  let rows = 0;
  for await (const page of pages(db, table, columns, key, 2000)) {
    for (const row of page) {
      const h = crypto.createHash('sha256').update(columns.map((c) => canonical(row[c])).join('\u0001'));
      sum = (sum + BigInt(`0x${h.digest('hex').slice(0, 32)}`)) % (1n << 128n);
      rows++;
    }
  }
  return { rows, digest: sum.toString(16) };
}

/**
 * Replaces every row of `to` with those of `from` in one transaction of `to`, and checks them.
 * Audit triggers of `to` are the caller's to drop before and re-make after (a copy is not a change
 * anyone made); the rules' triggers never fire, as the target's rows are cleared without DELETE.
 */
/** What a long copy reports (a job of the job centre fits): one step per table written, one per table checked. */
export interface CopyProgress {
  setTotal(total: number): void;
  step(current?: string): void;
}

export async function copyData(from: Database, to: Database, progress?: CopyProgress): Promise<CopySummary> {
  const migrations = await from.executedMigrations();
  const theirs = await to.executedMigrations();
  if (migrations.join('\n') !== theirs.join('\n'))
    throw new AppError(
      'COPY_SCHEMA',
      `Không chép được: hai cơ sở dữ liệu ở hai bước nâng cấp khác nhau (“${migrations.at(-1) ?? ''}” và “${theirs.at(-1) ?? ''}”). Chưa chép gì.`,
    );
  const tables = await sharedTables(from, to);
  const columns = new Map<string, string[]>();
  for (const t of tables) {
    const target = new Set(await to.engine.columnsOf(to.db, t));
    columns.set(
      t,
      (await from.engine.columnsOf(from.db, t)).filter((c) => target.has(c)),
    );
  }
  const counts: Record<string, number> = {};
  progress?.setTotal(tables.length * 2);
  // The source is read in one snapshot: other people may be writing to a server meanwhile.
  const reading = from.db.transaction();
  const snapshot = from.engine.kind === 'postgres' ? reading.setIsolationLevel('repeatable read') : reading;
  await snapshot.execute(async (src) => {
    await to.db.transaction().execute(async (trx) => {
      await to.engine.copy.deferForeignKeys(trx);
      const kept = (await to.engine.copy.tables(trx)).filter((t) => KEPT_BY_DATABASE.includes(t));
      await to.engine.copy.clear(trx, [...tables, ...kept]);
      for (const t of tables) {
        const cols = columns.get(t)!;
        const key = await from.engine.copy.primaryKeyOf(src, t);
        // Parameters per statement stay far under both engines' limits (SQLite 32766, PostgreSQL 65535).
        const batch = Math.max(1, Math.min(1000, Math.floor(30000 / Math.max(1, cols.length))));
        for await (const rows of pages(src, t, cols, key, batch)) {
          const values = sql.join(rows.map((r) => sql`(${sql.join(cols.map((c) => r[c] ?? null))})`));
          await sql`INSERT INTO ${sql.table(t)} (${sql.raw(cols.map(quote).join(', '))}) VALUES ${values}`.execute(trx);
        }
        progress?.step(`Chép: ${tableLabel(t)}`);
      }
      await to.engine.copy.afterRowsCopied(trx, tables);
      // The search index is each engine's own, built from the copied units.
      const units = await trx
        .selectFrom('units')
        .select(['id', 'code', 'name', 'short_name', 'email', 'contact_person'])
        .execute();
      for (const u of units) await indexUnit(trx, u.id, u);
      // Row by row: the same rows on both sides, or the transaction is rolled back.
      for (const t of tables) {
        const cols = columns.get(t)!;
        const a = await tableDigest(src, from.engine, t, cols);
        const b = await tableDigest(trx, to.engine, t, cols);
        if (a.rows !== b.rows || a.digest !== b.digest)
          throw new AppError(
            'COPY_MISMATCH',
            `Bản chép khác bản gốc ở bảng “${tableLabel(t)}”: ${
              a.rows === b.rows
                ? `cùng ${formatNumber(a.rows)} dòng nhưng nội dung khác`
                : `${formatNumber(a.rows)} dòng ở bản gốc, ${formatNumber(b.rows)} dòng ở bản chép`
            }. Đã hủy bản chép: nơi nhận giữ nguyên như trước, bản gốc không bị thay đổi.`,
          );
        counts[t] = b.rows;
        progress?.step(`Đối chiếu: ${tableLabel(t)}`);
      }
    });
  });
  return { migrations, counts };
}
