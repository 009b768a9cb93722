// Each report keeps from which day on its own row (status, received date) is its standing, worked
// out by the one status model when the report is saved or moved: the board of a period then reads
// "as of today" from the rows (standings-sql.ts) and replays events only for the reports whose
// day is after the day asked, or whose key no longer matches what the row and events are now
// (written by an older version, or by anything that did not come through here).
import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import { isReceived, statusAsOf } from '../../../shared/domain/report-status';
import type { ReportStatus } from '../../../shared/model/report';

/** What a kept day was worked out from; standings-sql.ts builds the same text in SQL. */
export const standingKey = (status: string, receivedDate: string | null, lastEventId: number): string =>
  `${status}|${receivedDate ?? ''}|${lastEventId}`;

const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/**
 * The columns to write with the report's row as it will stand (`status`, `receivedDate`), its
 * events as recorded so far: from the last day any of them counts from, the model's standing is
 * the row's on every later day — or it is not (a received report without a submission's day, data
 * that do not agree), and no day is kept.
 */
export async function keptStanding(
  db: Executor,
  reportId: number,
  status: ReportStatus,
  receivedDate: string | null,
): Promise<{ standing_from: string | null; standing_key: string }> {
  const events = await db
    .selectFrom('report_events as e')
    .leftJoin('report_event_dates as d', 'd.event_id', 'e.id')
    .select(['e.id', 'e.to_status', sql<string>`COALESCE(d.on_date, substr(e.at, 1, 10))`.as('on_date')])
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();
  return standingOfEvents(
    status,
    receivedDate,
    events.map((e) => ({ id: Number(e.id), to: e.to_status as ReportStatus, onDate: e.on_date })),
  );
}

/** The same from the report's events in order (their ids and days): no reading, for bulk writers. */
export function standingOfEvents(
  status: ReportStatus,
  receivedDate: string | null,
  events: { id: number; to: ReportStatus; onDate: string }[],
): { standing_from: string | null; standing_key: string } {
  const fact = { status, receivedDate, events: events.map((e) => ({ to: e.to, onDate: e.onDate })) };
  const from = [receivedDate ?? EARLIEST, ...events.map((e) => e.onDate)].reduce((a, b) => (b > a ? b : a), EARLIEST);
  const row = { status, receivedDate: isReceived(status) ? receivedDate : null };
  const holds = [statusAsOf(fact, from), statusAsOf(fact, LATEST)].every(
    (s) => s.status === row.status && s.receivedDate === row.receivedDate,
  );
  return {
    standing_from: holds ? from : null,
    standing_key: standingKey(status, receivedDate, events.at(-1)?.id ?? 0),
  };
}
