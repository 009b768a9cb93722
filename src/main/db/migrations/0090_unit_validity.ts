// Migration 90: units' validity in time and unique codes. Frozen in time: never edit.
// - active_to becomes the day a unit stops reporting, that day included ([active_from, active_to)).
//   Closing and merging already stored that day ("Thôi hoạt động từ 01/07/2025"); a date typed in
//   the form or a workbook as "Hoạt động đến" was the last active day, so it moves one day on.
// - code_key: the code compared after NFC and case folding, unique. Existing codes that differ only
//   by case are kept as they are (nothing renamed); the later ones get a key of their own and an
//   event asking the user to change the code.
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

const pad2 = (n: number) => String(n).padStart(2, '0');
const shortDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
function nextDay(iso: string): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + 1));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
const codeKey = (code: string) => code.normalize('NFC').toLocaleLowerCase('vi');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const now = new Date().toISOString();
  const closed = (await db
    .selectFrom('units')
    .select(['id', 'active_from', 'active_to'])
    .where('active_to', 'is not', null)
    .execute()) as { id: number; active_from: string | null; active_to: string }[];
  for (const u of closed) {
    const last = (await db
      .selectFrom('unit_events')
      .select(['kind', 'detail'])
      .where('unit_id', '=', u.id)
      .where('kind', 'in', ['closed', 'merged_into'])
      .orderBy('id', 'desc')
      .executeTakeFirst()) as { kind: string; detail: string } | undefined;
    if (last && last.detail.includes(`từ ${shortDate(u.active_to)}`)) continue;
    await db
      .updateTable('units')
      .set({ active_to: nextDay(u.active_to) })
      .where('id', '=', u.id)
      .execute();
  }

  await db.schema.alterTable('units').addColumn('code_key', 'text').execute();
  const units = (await db.selectFrom('units').select(['id', 'code']).orderBy('id').execute()) as {
    id: number;
    code: string;
  }[];
  const owner = new Map<string, { id: number; code: string }>();
  for (const u of units) {
    const key = codeKey(u.code);
    const first = owner.get(key);
    if (!first) {
      owner.set(key, u);
      await db.updateTable('units').set({ code_key: key }).where('id', '=', u.id).execute();
      continue;
    }
    // A near-duplicate: keeps its code, gets a key no new code can take, and a note to fix it.
    await db
      .updateTable('units')
      .set({ code_key: `${key}#${u.id}` })
      .where('id', '=', u.id)
      .execute();
    await db
      .insertInto('unit_events')
      .values({
        unit_id: u.id,
        kind: 'updated',
        at: now,
        detail: `Mã "${u.code}" trùng với mã "${first.code}" của đơn vị khác khi không phân biệt chữ hoa, chữ thường: hãy đổi mã cho khỏi nhầm.`,
      })
      .execute();
  }
  // PostgreSQL already gave that name to the constraint of migration 1's UNIQUE code (table_column_key).
  if (engine.kind === 'postgres') await sql`CREATE UNIQUE INDEX units_code_key_unique ON units (code_key)`.execute(db);
  else await sql`CREATE UNIQUE INDEX units_code_key ON units (code_key)`.execute(db);
}
