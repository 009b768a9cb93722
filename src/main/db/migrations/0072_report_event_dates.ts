// Migration 72: each status event carries the day it counts from — the received date of a
// submission, the day of the action otherwise — so that any view can answer "as of" a day.
// Frozen in time: never edit. Older submissions wrote "Ngày nhận dd/mm/yyyy" in their note: that
// date is taken; other events take the (UTC) day they were recorded.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('report_events')
    .addColumn('on_date', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // The history is append-only (migration 5): its guard steps aside for this one dating, then returns.
  await sql`DROP TRIGGER IF EXISTS report_events_no_update`.execute(db);
  await sql`UPDATE report_events SET on_date = substr(at, 1, 10)`.execute(db);
  await sql`UPDATE report_events
    SET on_date = substr(note, 17, 4) || '-' || substr(note, 14, 2) || '-' || substr(note, 11, 2)
    WHERE to_status = 'da_nop' AND note GLOB 'Ngày nhận [0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]*'`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER report_events_no_update BEFORE UPDATE ON report_events BEGIN SELECT RAISE(ABORT, 'Lịch sử báo cáo chỉ được ghi thêm, không được sửa.'); END`,
    )
    .execute(db);
}
