// Migration 92: each status event gets the day it counts from — the received date of a
// submission, the day of the action otherwise — so that any view can answer "as of" a day.
// Frozen in time: never edit. The history is append-only (migration 5), so the days live in a
// table of their own, one row per event, written with the event and never changed. Older
// submissions wrote "Ngày nhận dd/mm/yyyy" in their note: that date is taken; other events take
// the (UTC) day they were recorded.
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  await db.schema
    .createTable('report_event_dates')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('report_events.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO report_event_dates (event_id, on_date)
    SELECT id, CASE
      WHEN to_status = 'da_nop' AND note LIKE 'Ngày nhận __/__/____%'
        THEN substr(note, 17, 4) || '-' || substr(note, 14, 2) || '-' || substr(note, 11, 2)
      ELSE substr(at, 1, 10) END
    FROM report_events`.execute(db);
  for (const on of ['update', 'delete'] as const)
    await engine.refuse(db, {
      name: `report_event_dates_no_${on}`,
      table: 'report_event_dates',
      on,
      message: `Lịch sử báo cáo chỉ được ghi thêm, không được ${on === 'update' ? 'sửa' : 'xóa'}.`,
    });
}
