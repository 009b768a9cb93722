// Where each report of a period stands on a day, worked out by the database in one query: the
// board no longer loads every report's events to replay them in JavaScript (issue 17). A report
// whose row is its standing from a day on (kept by standings-kept.ts with each save and move, the
// key still matching) is read from its row when the day asked is not before; the others are
// replayed: the replay of `statusAsOf` (shared/domain/report-status.ts, the one status model)
// written in SQL. When every report of the period is kept on the day (the usual board: today, data
// written by the app), the rows are read as the replay reads kept rows, without its steps.
// tests/unit/standings-sql.test.ts checks that the query and the model agree on generated
// histories, kept and not, on both engines, and the plain read against the replay. Change one,
// change the other.
//   - status: the last recorded event (by id) that counts by `asOf`; none by then: "chưa nộp". A
//     report without events is judged on its row: received only if received by `asOf`.
//   - received date: the day of the last submission counting by `asOf` — a move to "đã nộp" from a
//     status not received (the previous event's, "chưa nộp" before the first); without one, the
//     row's received date if by `asOf`, else `asOf`. Only for a received status.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor';
import type { Channel, ReportStatus } from '../../../shared/model/report';
import type { UnitKind } from '../../../shared/model/unit';

export interface ReportAsOf {
  reportId: number;
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  status: ReportStatus;
  receivedDate: string | null;
  channel: Channel | null;
  /** Rules the current values break, as counted on the report's own revision; null: not counted. */
  breachCount: number | null;
}

interface Row {
  report_id: number;
  unit_id: number;
  code: string;
  name: string;
  kind: string;
  status: string;
  received_date: string | null;
  channel: string | null;
  breach_count: number | null;
}

/**
 * Each report of the period as of `asOf` (with its unit), in the register's order. `units`: units whose
 * code, name and kind the caller has read already (the board's expected list): not read again.
 */
export async function reportsAsOf(
  db: Executor,
  periodId: number,
  asOf: string,
  units: ReadonlyMap<number, UnitLabel> = new Map(),
): Promise<ReportAsOf[]> {
  return (await keptReportsAsOf(db, periodId, asOf, units)) ?? replayedReportsAsOf(db, periodId, asOf);
}

/** A unit as the board names it. */
export interface UnitLabel {
  code: string;
  name: string;
  kind: UnitKind;
}

/**
 * The kept-row test of the replay below: the row's day is not after `day`, and its key is the row's
 * now. The report's last event is read from report_last_events (kept by the database on every insert
 * into report_events, whoever writes it: migration 0200), joined as `lastEventJoin` on the report `r`.
 */
export const keptTest = (day: RawBuilder<unknown>) => sql`r.standing_from IS NOT NULL AND r.standing_from <= ${day}
  AND r.standing_key = r.status || '|' || COALESCE(r.received_date, '') || '|' || CAST(COALESCE(le.event_id, 0) AS TEXT)`;

/** The report `r`'s last event id as `le.event_id` (none: no events), for keptTest. */
export const lastEventJoin = sql`LEFT JOIN report_last_events le ON le.report_id = r.id`;

/**
 * The usual board (today, every report saved and moved by the app): every report's row is its standing
 * on `asOf`, read as the replay reads a kept row, without the replay's steps (issue 17: the replay's
 * temporary tables cost more than the rows). The units' code, name and kind are taken from `units`
 * (the expected list the board has just read: names crossing from the database once cost more than
 * the query), the others read. Null when any report is not kept on that day: then the replay answers
 * (a day in the past, older rows, rows changed behind the app).
 */
export async function keptReportsAsOf(
  db: Executor,
  periodId: number,
  asOf: string,
  units: ReadonlyMap<number, UnitLabel> = new Map(),
): Promise<ReportAsOf[] | null> {
  const day = sql`CAST(${asOf} AS TEXT)`;
  // a day in the past or rows without a day: no need to read the rows
  const behind = await sql<{ one: number }>`
    SELECT 1 AS one FROM reports r
    WHERE r.period_id = ${periodId} AND (r.standing_from IS NULL OR r.standing_from > ${day}) LIMIT 1`.execute(db);
  if (behind.rows.length) return null;
  const received = sql.raw(`('da_nop', 'da_duyet')`);
  const r = await sql<Omit<Row, 'code' | 'name' | 'kind'> & { kept: number }>`
    SELECT r.id AS report_id, r.unit_id, r.status, r.channel,
      CASE WHEN r.breach_revision = r.revision THEN r.breach_count END AS breach_count,
      CASE WHEN r.status NOT IN ${received} THEN NULL ELSE COALESCE(r.received_date, ${day}) END AS received_date,
      CASE WHEN ${keptTest(day)} THEN 1 ELSE 0 END AS kept
    FROM reports r JOIN units u ON u.id = r.unit_id ${lastEventJoin}
    WHERE r.period_id = ${periodId}
    ORDER BY u.sort_order, u.code`.execute(db);
  if (!r.rows.every((x) => Number(x.kept) === 1)) return null;
  const others = new Map<number, UnitLabel>();
  const missing = [...new Set(r.rows.map((x) => Number(x.unit_id)).filter((id) => !units.has(id)))];
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind'])
      .where('id', 'in', missing.slice(i, i + 500))
      .execute();
    for (const u of rows) others.set(Number(u.id), { code: u.code, name: u.name, kind: u.kind as UnitKind });
  }
  return r.rows.map((x) => {
    const unitId = Number(x.unit_id);
    const u = units.get(unitId) ?? others.get(unitId)!;
    return {
      reportId: Number(x.report_id),
      unitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      status: x.status as ReportStatus,
      receivedDate: x.received_date,
      channel: x.channel as Channel | null,
      breachCount: x.breach_count === null ? null : Number(x.breach_count),
    };
  });
}

/** Each report of the period as of `asOf`, replayed from its events unless kept (the SQL `statusAsOf`). */
export async function replayedReportsAsOf(db: Executor, periodId: number, asOf: string): Promise<ReportAsOf[]> {
  const day = sql`CAST(${asOf} AS TEXT)`;
  const received = sql.raw(`('da_nop', 'da_duyet')`);
  // An event without its day (written elsewhere) counts from the day it was recorded.
  const r = await sql<Row>`
    WITH rs AS (
      SELECT r.id, r.unit_id, r.status, r.received_date, r.channel, r.revision, r.breach_count, r.breach_revision,
        CASE WHEN ${keptTest(day)} THEN 1 ELSE 0 END AS kept
      FROM reports r ${lastEventJoin} WHERE r.period_id = ${periodId}
    ),
    ev AS (
      SELECT e.report_id, e.id, e.to_status, COALESCE(d.on_date, substr(e.at, 1, 10)) AS on_date,
        LAG(e.to_status, 1, 'chua_nop') OVER (PARTITION BY e.report_id ORDER BY e.id) AS prev
      FROM report_events e LEFT JOIN report_event_dates d ON d.event_id = e.id
      -- through the index on report_id: a join let SQLite scan every period's events
      WHERE e.report_id IN (SELECT id FROM rs WHERE kept = 0)
    ),
    agg AS (
      SELECT report_id,
        MAX(CASE WHEN on_date <= ${day} THEN id END) AS last_id,
        MAX(CASE WHEN on_date <= ${day} AND to_status = 'da_nop' AND prev NOT IN ${received} THEN id END) AS sub_id
      FROM ev GROUP BY report_id
    ),
    asof AS (
      SELECT r.id AS report_id, r.unit_id, r.channel, r.received_date AS row_date,
        CASE WHEN r.breach_revision = r.revision THEN r.breach_count END AS breach_count,
        CASE
          WHEN r.kept = 1 THEN r.status
          WHEN a.report_id IS NULL THEN
            CASE WHEN r.status NOT IN ${received} OR (r.received_date IS NOT NULL AND r.received_date <= ${day})
              THEN r.status ELSE 'chua_nop' END
          ELSE COALESCE(l.to_status, 'chua_nop')
        END AS status,
        CASE
          WHEN r.kept = 1 THEN r.received_date
          WHEN a.report_id IS NULL THEN NULL
          ELSE COALESCE(sd.on_date, substr(se.at, 1, 10))
        END AS sub_date
      FROM rs r
      LEFT JOIN agg a ON a.report_id = r.id
      LEFT JOIN report_events l ON l.id = a.last_id
      LEFT JOIN report_events se ON se.id = a.sub_id
      LEFT JOIN report_event_dates sd ON sd.event_id = a.sub_id
    )
    SELECT s.report_id, s.unit_id, u.code, u.name, u.kind, s.status, s.channel, s.breach_count,
      CASE
        WHEN s.status NOT IN ${received} THEN NULL
        ELSE COALESCE(s.sub_date, CASE WHEN s.row_date IS NOT NULL AND s.row_date <= ${day} THEN s.row_date ELSE ${day} END)
      END AS received_date
    FROM asof s JOIN units u ON u.id = s.unit_id
    ORDER BY u.sort_order, u.code`.execute(db);
  return r.rows.map(fromRow);
}

function fromRow(x: Row): ReportAsOf {
  return {
    reportId: Number(x.report_id),
    unitId: Number(x.unit_id),
    code: x.code,
    name: x.name,
    kind: x.kind as UnitKind,
    status: x.status as ReportStatus,
    receivedDate: x.received_date,
    channel: x.channel as Channel | null,
    breachCount: x.breach_count === null ? null : Number(x.breach_count),
  };
}
