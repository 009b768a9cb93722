// The status board of a period and the trend of reporting rates, as of a day. Rates as DHIS2
// defines them: reporting rate = reports received / reports expected; on-time rate = received by
// the deadline / expected. Each unit's standing comes from the one status model
// (shared/domain/report-status.ts), replayed from its report's events up to the as-of day: a report
// received after that day is not received yet, a returned report is not received until sent again.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { daysBetween } from '../../../shared/domain/periods';
import {
  countStandings,
  matchesFilter,
  standingOf,
  statusAsOf,
  type StatusEventFact,
} from '../../../shared/domain/report-status';
import { todayIso } from '../../../shared/format';
import type {
  Board,
  BoardChip,
  BoardPage,
  BoardRow,
  Channel,
  ReportStatus,
  TrendPoint,
} from '../../../shared/model/report';
import type { UnitKind } from '../../../shared/model/unit';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { getTemplate } from '../templates/templates';
import { breachCounter } from './reports';
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

/** `breaches: false` leaves the rule checks out (the trend needs only who reported when). */
export async function periodBoard(
  db: Kysely<DB>,
  periodId: number,
  asOf = todayIso(),
  opts: { breaches: boolean } = { breaches: true },
): Promise<Board> {
  const period = await getPeriod(db, periodId);
  const template = await getTemplate(db, period.templateId);
  const expected = await expectedUnitsOf(db, period);
  const reports = await periodReportFacts(db, periodId);
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  const values = new Map<number, Record<string, string>>();
  const breaches = breachCounter(template);
  if (opts.breaches && reports.length && breaches.codes.length) {
    // the period's values by a join, not a list of a thousand report ids
    const rows = await db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select(['v.report_id', 'v.field_key', 'v.int_value', 'v.dec_value', 'v.text_value'])
      .where('r.period_id', '=', periodId)
      .where('v.field_key', 'in', breaches.codes)
      .execute();
    for (const v of rows) {
      const m = values.get(v.report_id) ?? {};
      m[v.field_key] = v.int_value !== null ? String(v.int_value) : (v.dec_value ?? v.text_value ?? '');
      values.set(v.report_id, m);
    }
  }
  const units: { id: number; code: string; name: string; kind: UnitKind; expected: boolean }[] = expected.map((u) => ({
    ...u,
    expected: true,
  }));
  const expectedIds = new Set(expected.map((u) => u.id));
  for (const r of reports)
    if (!expectedIds.has(r.unit_id))
      units.push({ id: r.unit_id, code: r.code, name: r.name, kind: r.kind as UnitKind, expected: false });

  const rows: BoardRow[] = [];
  for (const u of units) {
    const r = byUnit.get(u.id);
    const now = r
      ? statusAsOf({ status: r.status as ReportStatus, receivedDate: r.received_date, events: r.events }, asOf)
      : { status: 'chua_nop' as const, receivedDate: null };
    // A unit that had not started by the as-of day has nothing to check yet.
    const broken = opts.breaches && r && now.status !== 'chua_nop' ? breaches.count(values.get(r.id) ?? {}) : 0;
    // Reports of units outside the list are shown but not counted; units with nothing are left out.
    if (!u.expected && now.status === 'chua_nop') continue;
    rows.push({
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      unitKind: u.kind,
      expected: u.expected,
      channel: now.status === 'chua_nop' ? null : ((r?.channel ?? null) as Channel | null),
      ...standingOf(now.status, now.receivedDate, period.deadline, asOf, broken),
    });
  }
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
