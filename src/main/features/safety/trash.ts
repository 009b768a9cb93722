// The trash: a deleted record (with its dependent rows) is kept as JSON and can be put back
// until the trash is emptied. Services delete through `moveToTrash`, never outright.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { tableLabel, type TrashItem } from '../../../shared/model/safety';
import type { Executor } from '../../db/executor';
import { engineOf } from '../../db/database';

type Row = Record<string, unknown>;

/** Dependent rows to keep with the record: child table and its column pointing to the parent. */
export interface ChildSpec {
  table: string;
  column: string;
  /** Rows that depend on these rows in turn (by their id). */
  children?: ChildSpec[];
}

async function columnsOf(db: Executor, table: string): Promise<string[]> {
  const columns = await engineOf(db).columnsOf(db, table);
  if (columns.length === 0) throw new AppError('NO_TABLE', `Không có bảng dữ liệu “${table}”.`);
  return columns;
}

async function readRows(db: Executor, table: string, column: string, value: unknown): Promise<Row[]> {
  const cols = await columnsOf(db, table);
  if (!cols.includes(column)) throw new AppError('NO_COLUMN', `Bảng “${table}” không có cột “${column}”.`);
  const r = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value}`.execute(db);
  return r.rows;
}

async function insertRow(db: Executor, table: string, row: Row): Promise<void> {
  const cols = await columnsOf(db, table);
  const keys = Object.keys(row).filter((k) => cols.includes(k));
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))}) VALUES (${sql.join(keys.map((k) => row[k]))})`.execute(
    db,
  );
}

/** Collects dependent rows, parents before children, so that a restore inserts in order. */
async function collect(
  trx: Transaction<DB>,
  specs: ChildSpec[],
  parentId: unknown,
  out: { table: string; rows: Row[] }[],
): Promise<void> {
  for (const c of specs) {
    const rows = await readRows(trx, c.table, c.column, parentId);
    out.push({ table: c.table, rows });
    if (c.children?.length) for (const r of rows) await collect(trx, c.children, r.id, out);
  }
}

/** Moves one record and its dependent rows to the trash, in the caller's transaction. */
export async function moveToTrash(
  trx: Transaction<DB>,
  table: string,
  id: number,
  label: string,
  children: ChildSpec[] = [],
  now = new Date(),
): Promise<number> {
  const [row] = await readRows(trx, table, 'id', id);
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi cần xóa (${tableLabel(table)} số ${id}).`);
  const kept: { table: string; rows: Row[] }[] = [];
  await collect(trx, children, id, kept);
  // children go first (deepest last collected), then the record itself
  for (const k of [...kept].reverse()) {
    for (const r of k.rows) {
      if ('id' in r) await sql`DELETE FROM ${sql.table(k.table)} WHERE id = ${r.id}`.execute(trx);
      else {
        const cols = Object.keys(r);
        await sql`DELETE FROM ${sql.table(k.table)} WHERE ${sql.join(
          cols.map((c) => sql`${sql.ref(c)} IS NOT DISTINCT FROM ${r[c]}`),
          sql` AND `,
        )}`.execute(trx);
      }
    }
  }
  await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx);
  const user = await engineOf(trx).auditUser(trx);
  const res = await trx
    .insertInto('trash')
    .values({
      table_name: table,
      row_id: id,
      label,
      row_json: JSON.stringify(row),
      children_json: JSON.stringify(kept),
      deleted_at: now.toISOString(),
      user,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return res.id;
}

export async function listTrash(db: Kysely<DB>): Promise<TrashItem[]> {
  const rows = await db
    .selectFrom('trash')
    .select(['id', 'table_name', 'row_id', 'label', 'deleted_at', 'user'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tableName: r.table_name,
    tableLabel: tableLabel(r.table_name),
    rowId: r.row_id,
    label: r.label,
    deletedAt: r.deleted_at,
    user: r.user,
  }));
}

/** Puts a record back with its original id and dependent rows; refuses if something took its place. */
export async function restoreFromTrash(db: Kysely<DB>, trashId: number): Promise<{ restored: boolean }> {
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('trash').selectAll().where('id', '=', trashId).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'Mục này không còn trong thùng rác.');
    try {
      await insertRow(trx, item.table_name, JSON.parse(item.row_json) as Row);
      for (const c of JSON.parse(item.children_json) as { table: string; rows: Row[] }[])
        for (const r of c.rows) await insertRow(trx, c.table, r);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/UNIQUE|PRIMARY KEY/i.test(msg))
        throw new AppError(
          'RESTORE_CONFLICT',
          `Không khôi phục được “${item.label}”: đã có bản ghi khác trùng mã. Hãy đổi mã bản ghi đó rồi thử lại.`,
        );
      if (/FOREIGN KEY/i.test(msg))
        throw new AppError(
          'RESTORE_CONFLICT',
          `Không khôi phục được “${item.label}”: dữ liệu nó tham chiếu đã bị xóa.`,
        );
      throw err;
    }
    await trx.deleteFrom('trash').where('id', '=', trashId).execute();
    return { restored: true };
  });
}

export async function emptyTrash(db: Kysely<DB>, ids?: number[]): Promise<{ removed: number }> {
  const q = db.deleteFrom('trash');
  const r = await (ids ? q.where('id', 'in', ids.length ? ids : [-1]) : q).executeTakeFirst();
  return { removed: Number(r.numDeletedRows) };
}
