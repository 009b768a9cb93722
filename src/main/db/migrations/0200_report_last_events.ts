// Migration 0200: each report's last event id, kept by the database (issue 17). The board's test of
// a report's kept standing (reports/standings-sql.ts keptTest) compared its key with the report's
// last event, found by a look into report_events per report (MAX(id): 0.26 ms of a 1.2 ms head at
// 1,000 reports); it now reads it from this table, one row per report with events. A trigger keeps
// it on every insert into report_events, whoever makes it (the app, the command line, raw SQL: an
// event written behind the app still makes the report "not kept"); the history is append-only
// (migration 0005), so inserts are the only change. A table of its own, not a column of reports:
// the trigger's write would be an audited change of the report at every move (bookkeeping here,
// neither audited nor copied: the events copied fill it). Filled from the history here.
// Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  await db.schema
    .createTable('report_last_events')
    .addColumn('report_id', 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO report_last_events (report_id, event_id)
    SELECT report_id, MAX(id) FROM report_events GROUP BY report_id`.execute(db);
  await engine.keepGreatest(db, {
    name: 'report_events_last',
    from: 'report_events',
    key: 'report_id',
    into: 'report_last_events',
    value: 'event_id',
  });
}
