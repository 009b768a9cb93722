// The status board of a period and the trend of reporting rates, as of a day. Rates as DHIS2
// defines them: reporting rate = reports received / reports expected; on-time rate = received by
// the deadline / expected. Each unit's standing comes from the one status model
// (shared/domain/report-status.ts), replayed from its report's events up to the as-of day: a report
// received after that day is not received yet, a returned report is not received until sent again.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { daysBetween } from '../../../shared/domain/periods';
import { countStandings, matchesFilter, standingOf, type StatusEventFact } from '../../../shared/domain/report-status';
import { todayIso } from '../../../shared/format';
import type {
  Board,
  BoardChip,
  BoardPage,
  BoardRow,
  Channel,
  ReportStatus,
  Standing,
  TrendPoint,
} from '../../../shared/model/report';
import type { ExpectedUnit, Period } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import type { Template } from '../../../shared/model/template';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { expectedUnitIds } from '../periods/expected';
import { keptOrNull } from '../../core/read-cache';
import { getTemplate } from '../templates/templates';
import { breachCounter } from './rule-checks';
import { reportsAsOf } from './standings-sql';
import type { Executor } from '../../db/executor';

/** Each report of a period with its status events, in the order they were recorded. */
export async function periodReportFacts(db: Executor, periodId: number) {
  const reports = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'r.status', 'r.received_date', 'r.channel', 'u.code', 'u.name', 'u.kind'])
    .where('r.period_id', '=', periodId)
    .execute();
  const events = new Map<number, StatusEventFact[]>();
  if (reports.length) {
    const rows = await db
      .selectFrom('report_events as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .leftJoin('report_event_dates as d', 'd.event_id', 'e.id')
      // An event without its day (written elsewhere) counts from the day it was recorded.
      .select(['e.report_id', 'e.to_status', sql<string>`COALESCE(d.on_date, substr(e.at, 1, 10))`.as('on_date')])
      .where('r.period_id', '=', periodId)
      .orderBy('e.id')
      .execute();
    for (const e of rows) {
      const list = events.get(e.report_id) ?? [];
      list.push({ to: e.to_status as ReportStatus, onDate: e.on_date });
      events.set(e.report_id, list);
    }
  }
  return reports.map((r) => ({ ...r, events: events.get(r.id) ?? [] }));
}

/**
 * The rules each of these reports breaks, judged here from their values: for the reports whose
 * count was not kept with their revision (older data; `reports.breach_count`, migration 0130).
 */
async function judgeBreaches(
  db: Executor,
  template: Template,
  periodId: number,
  reportIds: number[],
): Promise<Map<number, number>> {
  const breaches = breachCounter(template);
  const out = new Map<number, number>(reportIds.map((id) => [id, 0]));
  if (reportIds.length === 0 || breaches.codes.length === 0) return out;
  // the period's values by a join, not a list of a thousand report ids
  const rows = await db
    .selectFrom('report_values as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .select(['v.report_id', 'v.field_key', 'v.int_value', 'v.dec_value', 'v.text_value'])
    .where('r.period_id', '=', periodId)
    .where('v.field_key', 'in', breaches.codes)
    .execute();
  const values = new Map<number, Record<string, string>>();
  for (const v of rows) {
    if (!out.has(v.report_id)) continue;
    const m = values.get(v.report_id) ?? {};
    m[v.field_key] = v.int_value !== null ? String(v.int_value) : (v.dec_value ?? v.text_value ?? '');
    values.set(v.report_id, m);
  }
  for (const id of reportIds) out.set(id, breaches.count(values.get(id) ?? {}));
  return out;
}

/** Every unit's code, name and kind by id. */
async function unitLabels(db: Executor): Promise<Map<number, ExpectedUnit>> {
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'kind']).execute();
  return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind }]));
}

/**
 * The period's expected units: their ids in order, named from the units' labels kept until the data
 * change (switching periods reads a thousand names once, not once per period); where reads are not
 * kept, the list with its names.
 */
async function expectedOf(db: Kysely<DB>, period: Period): Promise<ExpectedUnit[]> {
  const labels = await keptOrNull(db, 'unit labels', () => unitLabels(db));
  if (!labels) return expectedUnitsOf(db, period);
  return (await expectedUnitIds(db, period)).map((id) => labels.get(id)!);
}

/**
 * Where a report stands on `asOf` (standingOf), worked out once per distinct status, day received and
 * count: most units of a board share one.
 */
export function standingsOn(period: Period, asOf: string) {
  const standings = new Map<string, Standing>();
  return (status: ReportStatus, receivedDate: string | null, broken: number): Standing => {
    const key = `${status}|${receivedDate}|${broken}`;
    let s = standings.get(key);
    if (!s) standings.set(key, (s = standingOf(status, receivedDate, period.deadline, asOf, broken)));
    return s;
  };
}

/** A row of the board: the one shape of it, whichever way its standing was read. */
export function boardRow(u: ExpectedUnit, isExpected: boolean, channel: Channel | null, s: Standing): BoardRow {
  // written out, in Standing's order: spreading it into a thousand rows cost more than the rest
  return {
    unitId: u.id,
    unitCode: u.code,
    unitName: u.name,
    unitKind: u.kind,
    expected: isExpected,
    channel: s.status === 'chua_nop' ? null : channel,
    status: s.status,
    receivedDate: s.receivedDate,
    timeliness: s.timeliness,
    daysLate: s.daysLate,
    overdue: s.overdue,
    breachCount: s.breachCount,
    label: s.label,
  };
}

/**
 * The board of a period on `asOf`: each expected unit's standing, then the reports of units
 * outside the list. The reports' standings on the day come from the database (standings-sql.ts)
 * with the rule breaches kept with each report's values; `breaches: false` leaves the rule checks
 * out (the trend needs only who reported when).
 */
export async function periodBoard(
  db: Kysely<DB>,
  periodId: number,
  asOf = todayIso(),
  opts: { breaches: boolean } = { breaches: true },
): Promise<Board> {
  const period = await getPeriod(db, periodId);
  const expected = await expectedOf(db, period);
  // the expected units' names are not read again with their reports
  const reports = await reportsAsOf(db, periodId, asOf, new Map(expected.map((u) => [u.id, u])));
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  // A unit that had not started by the as-of day has nothing to check yet.
  const stale = opts.breaches
    ? reports.filter((r) => r.breachCount === null && r.status !== 'chua_nop').map((r) => r.reportId)
    : [];
  const judged = stale.length
    ? await judgeBreaches(db, await getTemplate(db, period.templateId), periodId, stale)
    : new Map<number, number>();
  const standing = standingsOn(period, asOf);
  const row = (u: ExpectedUnit, isExpected: boolean): BoardRow => {
    const r = byUnit.get(u.id);
    const status = r?.status ?? 'chua_nop';
    const broken = opts.breaches && r && status !== 'chua_nop' ? (r.breachCount ?? judged.get(r.reportId) ?? 0) : 0;
    return boardRow(u, isExpected, r?.channel ?? null, standing(status, r?.receivedDate ?? null, broken));
  };
  const rows = expected.map((u) => row(u, true));
  const expectedIds = new Set(expected.map((u) => u.id));
  // Reports of units outside the list are shown but not counted; units with nothing are left out.
  for (const r of reports)
    if (!expectedIds.has(r.unitId) && r.status !== 'chua_nop')
      rows.push(row({ id: r.unitId, code: r.code, name: r.name, kind: r.kind }, false));
  return {
    period,
    asOf,
    rows,
    counts: countStandings(rows.filter((r) => r.expected)),
    daysLeft: daysBetween(asOf, period.deadline),
  };
}

/** The rows under a chip are exactly what its count counts: expected units matching the filter, or the outsiders. */
export function boardPage(board: Board, filter: BoardChip, offset: number, limit: number): BoardPage {
  const { rows, ...head } = board;
  const under = rows.filter((r) =>
    filter === 'ngoai_danh_sach' ? !r.expected : r.expected && matchesFilter(r, filter),
  );
  return {
    ...head,
    filter,
    total: under.length,
    offset,
    rows: under.slice(offset, offset + limit),
    outside: rows.filter((r) => !r.expected).length,
  };
}

/** Reporting rates of the last `limit` periods (by deadline), oldest first, for the chart. */
export async function reportingTrend(db: Kysely<DB>, limit: number, asOf = todayIso()): Promise<TrendPoint[]> {
  const ids = await db
    .selectFrom('periods')
    .select('id')
    .orderBy('deadline', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const out: TrendPoint[] = [];
  for (const { id } of ids.reverse()) {
    const b = await periodBoard(db, id, asOf, { breaches: false });
    out.push({
      periodId: id,
      name: b.period.name,
      deadline: b.period.deadline,
      expected: b.counts.expected,
      actual: b.counts.received,
      onTime: b.counts.onTime,
      reportingRate: b.counts.reportingRate,
      onTimeRate: b.counts.onTimeRate,
    });
  }
  return out;
}
