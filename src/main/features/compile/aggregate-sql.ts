// Tổng hợp in SQL. One period (the usual window): each counted report's numbers come in one read,
// a JSON object per report, and are added up exactly by the rules of shared/aggregate.ts (the
// by-unit view and the breach check use the same read). Several periods: the integer totals
// (counts, yes/no answers: the bulk of a report) are added up by the database in one GROUP BY over
// the window, exactly (sums come back as text, so nothing passes through a float); decimals and —
// only when a by-unit view needs them — each unit's values are loaded in one query. Either way
// shared/aggregate.ts owns the rules: which periods a value comes from (valueSource), how a figure
// is made of the stats (figureFromStats), everything else.
import { sql, type RawBuilder } from 'kysely';
import {
  buildAggregation,
  gatherTexts,
  presentUnits,
  type AggPeriodInfo,
  type UnitReporting,
} from '../../../shared/domain/aggregate';
import {
  statsFromValues,
  unitValues,
  valueSource,
  windowIndicators,
  type AggPeriod,
  type AggReport,
  type AggUnit,
  type UnitValues,
  type WindowStats,
} from '../../../shared/domain/aggregate-figures';
import { COUNTED_STATUSES, type Aggregation } from '../../../shared/model/compile';
import type { ReportStatus, ValueMap } from '../../../shared/model/report';
import { statusAsOf, type StatusEventFact } from '../../../shared/domain/report-status';
import { todayIso } from '../../../shared/format';
import type { TemplateIndicator } from '../../../shared/model/template';
import type { UnitKind } from '../../../shared/model/unit';
import type { Executor } from '../../db/executor';
import { engineOf } from '../../db/database';

export interface WindowAggregation {
  aggregation: Aggregation;
  /** What the totals are made of, by unit kind: the plan's targets are measured on them. */
  stats: WindowStats;
  /**
   * With `opts.lastValues`, when the window is one period: the numbers of each of its reports
   * (counted or not) by unit, as the breach check reads them; otherwise null.
   */
  lastValues: Map<number, ValueMap> | null;
}

/** A subquery of the values, whatever their number (the engine's way: a JSON array, an array parameter). */
const intList = (db: Executor, values: number[]) => engineOf(db).listOf(values, 'integer');
const textList = (db: Executor, values: string[]) => engineOf(db).listOf(values, 'text');
const countedStatuses = sql.join(COUNTED_STATUSES.map((s) => sql.lit(s)));
/** Which reports count: those sent or approved now, or — as of an earlier day — the ids that were then. */
type Counted = RawBuilder<unknown>;
const countedNow: Counted = sql`r.status IN (${countedStatuses})`;
/** Integers in the database: counts and yes/no answers. Amounts and percents are decimal text. */
const storedAsInteger = (i: TemplateIndicator) => i.type === 'count' || i.type === 'yesno';

interface StatsRow {
  code: string;
  kind: string;
  expected: number;
  total: string | null;
  n: number;
  yes: number;
  positive: number;
  other: number;
}

/**
 * Over several periods, one GROUP BY: per code, unit kind and expected flag, the units' values
 * over the window added up and counted.
 * `outsiders`: reporting units not expected (usually none; cheaper to test than the expected).
 */
async function integerStats(
  db: Executor,
  ids: number[],
  lastId: number,
  windowCodes: string[],
  lastCodes: string[],
  outsiders: number[],
  counted: Counted,
): Promise<StatsRow[]> {
  if (windowCodes.length + lastCodes.length === 0) return [];
  // uv: each unit's value of each code over the window (added across periods, or the last one's).
  const r = await sql<StatsRow>`
    WITH uv AS (
      SELECT r.unit_id AS unit_id, v.field_key AS code, SUM(v.int_value) AS val, COUNT(v.int_value) AS n, COUNT(*) - COUNT(v.int_value) AS other
      FROM reports r JOIN report_values v ON v.report_id = r.id
      WHERE r.period_id IN (${intList(db, ids)}) AND ${counted}
        AND (v.field_key IN (${textList(db, windowCodes)})
          OR (r.period_id = ${lastId} AND v.field_key IN (${textList(db, lastCodes)})))
      GROUP BY r.unit_id, v.field_key
    )
    SELECT u.kind AS kind, uv.code AS code, CASE WHEN uv.unit_id IN (${intList(db, outsiders)}) THEN 0 ELSE 1 END AS expected,
      CAST(SUM(uv.val) AS TEXT) AS total, COUNT(CASE WHEN uv.n > 0 THEN 1 END) AS n,
      COUNT(CASE WHEN uv.val = 1 THEN 1 END) AS yes, COUNT(CASE WHEN uv.val > 0 THEN 1 END) AS positive,
      COUNT(CASE WHEN uv.other > 0 THEN 1 END) AS other
    FROM uv JOIN units u ON u.id = uv.unit_id
    GROUP BY u.kind, uv.code, 3`.execute(db);
  return r.rows;
}

interface ValueRow {
  period_id: number;
  unit_id: number;
  code: string;
  value: string;
}

/** The counted reports' texts of these codes. */
async function textRows(db: Executor, ids: number[], codes: string[], counted: Counted): Promise<ValueRow[]> {
  if (codes.length === 0) return [];
  const r = await sql<ValueRow>`
    SELECT r.period_id AS period_id, r.unit_id AS unit_id, v.field_key AS code, v.text_value AS value
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id IN (${intList(db, ids)}) AND ${counted}
      AND v.field_key IN (${textList(db, codes)}) AND v.text_value IS NOT NULL`.execute(db);
  return r.rows;
}

/**
 * The counted reports of the window with their numeric values (all, or only these codes), one
 * row per report: the values come as one JSON object of canonical texts, far cheaper than a
 * row per value. `every`: the last period's reports whatever their status (the breach check
 * judges begun ones too), the counted ones picked here by id; they are returned apart.
 */
async function reportsWithValues(
  db: Executor,
  periods: AggPeriodInfo[],
  codes: string[] | 'all',
  counted: Counted,
  every: { countedIds: Set<number> } | null = null,
): Promise<{ periods: AggPeriod[]; every: Map<number, ValueMap> | null }> {
  const ids = periods.map((p) => p.id);
  // "a number" said by the numbers' columns (a value has exactly one), so the index of migration 0150 covers the read
  const numbers = sql`(v.int_value IS NOT NULL OR v.dec_value IS NOT NULL)`;
  const which = codes === 'all' ? numbers : sql`v.field_key IN (${textList(db, codes)}) AND ${numbers}`;
  const r = await sql<{ id: number; period_id: number; unit_id: number; vals: string }>`
    SELECT MIN(r.id) AS id, r.period_id AS period_id, r.unit_id AS unit_id, ${engineOf(db).objectAgg(sql`v.field_key`, sql`COALESCE(CAST(v.int_value AS TEXT), v.dec_value)`)} AS vals
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id IN (${intList(db, ids)}) AND ${every ? sql`1 = 1` : counted} AND ${which}
    GROUP BY r.period_id, r.unit_id`.execute(db);
  const byPeriod = new Map<number, AggReport[]>(periods.map((p) => [p.id, []]));
  const all = every ? new Map<number, ValueMap>() : null;
  for (const row of r.rows) {
    const values = JSON.parse(row.vals) as ValueMap;
    all?.set(row.unit_id, values);
    if (every && !every.countedIds.has(Number(row.id))) continue;
    byPeriod
      .get(row.period_id)!
      .push({ unitId: row.unit_id, status: COUNTED_STATUSES[0]!, receivedDate: null, values });
  }
  return { periods: periods.map((p) => ({ ...p, reports: byPeriod.get(p.id)! })), every: all };
}

interface ReportRow {
  id: number;
  period_id: number;
  unit_id: number;
  status: string;
  received_date: string | null;
}

/**
 * The reports of these periods; as of an earlier day also their status events, in the order they
 * were recorded, read in the same statement (a report's rows repeat once per event).
 */
async function reportsOf(
  db: Executor,
  periodIds: number[],
  withEvents: boolean,
): Promise<{ rows: ReportRow[]; events: Map<number, StatusEventFact[]> }> {
  const events = new Map<number, StatusEventFact[]>();
  if (!withEvents) {
    const r = await sql<ReportRow>`
      SELECT id, period_id, unit_id, status, received_date FROM reports WHERE period_id IN (${intList(db, periodIds)})`.execute(
      db,
    );
    return { rows: r.rows, events };
  }
  const r = await sql<ReportRow & { to_status: string | null; on_date: string | null }>`
    SELECT r.id AS id, r.period_id AS period_id, r.unit_id AS unit_id, r.status AS status, r.received_date AS received_date,
      e.to_status AS to_status, COALESCE(d.on_date, substr(e.at, 1, 10)) AS on_date
    FROM reports r LEFT JOIN report_events e ON e.report_id = r.id LEFT JOIN report_event_dates d ON d.event_id = e.id
    WHERE r.period_id IN (${intList(db, periodIds)}) ORDER BY r.id, e.id`.execute(db);
  const rows: ReportRow[] = [];
  for (const e of r.rows) {
    if (rows.at(-1)?.id !== e.id) rows.push(e);
    if (e.to_status === null) continue;
    const list = events.get(e.id) ?? [];
    list.push({ to: e.to_status as ReportStatus, onDate: e.on_date! });
    events.set(e.id, list);
  }
  return { rows, events };
}

/**
 * Adds up a window of periods (sorted or not; they must not overlap) from the database.
 * `expectedUnits`: the last period's expected units in the register's order (as resolved for
 * its expectedUnitIds). `detail`: also each unit's values (the by-unit view and annexes);
 * without it the unit lines carry the reporting status only.
 */
export async function aggregateWindow(
  db: Executor,
  periodsIn: AggPeriodInfo[],
  expectedUnits: AggUnit[],
  today: string,
  opts: { detail: boolean; lastValues?: boolean },
): Promise<WindowAggregation> {
  if (periodsIn.length === 0) throw new Error('aggregateWindow: no period');
  const periods = [...periodsIn].sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const last = periods[periods.length - 1]!;
  const ids = periods.map((p) => p.id);
  const indicators = windowIndicators(periods);
  const inLast = new Set(last.indicators.map((i) => i.code));
  const expected = new Set(last.expectedUnitIds);

  // Who reported, with what status: one row per report of the window — as of `today` (the as-of
  // day: a report received after it had not arrived; its values, when counted, are the latest).
  const past = today < todayIso();
  const { rows: reportRows, events } = await reportsOf(db, ids, past);
  const countedIds: number[] = [];
  // As of an earlier day, the counted reports are often those counted now: then the plain status test serves.
  let countedAsNow = true;
  const reporting = new Map<number, UnitReporting>();
  const periodsWithReports = new Set<number>();
  for (const row of reportRows) {
    const u = reporting.get(row.unit_id) ?? {
      status: 'chua_nop' as ReportStatus,
      receivedDate: null,
      periodsCounted: 0,
    };
    const then = past
      ? statusAsOf(
          { status: row.status as ReportStatus, receivedDate: row.received_date, events: events.get(row.id) ?? [] },
          today,
        )
      : { status: row.status as ReportStatus, receivedDate: row.received_date };
    if (COUNTED_STATUSES.includes(then.status) !== COUNTED_STATUSES.includes(row.status as ReportStatus))
      countedAsNow = false;
    if (COUNTED_STATUSES.includes(then.status)) {
      u.periodsCounted++;
      periodsWithReports.add(row.period_id);
      countedIds.push(Number(row.id));
    }
    if (row.period_id === last.id) {
      u.status = then.status;
      u.receivedDate = then.receivedDate;
    }
    reporting.set(row.unit_id, u);
  }
  const counted: Counted = past && !countedAsNow ? sql`r.id IN (${intList(db, countedIds)})` : countedNow;
  // The expected units come in the register's order; units that reported without being
  // expected (rare) are placed among them by the same order.
  let units: AggUnit[] = expectedUnits.filter((u) => expected.has(u.id));
  if ([...reporting.keys()].some((id) => !expected.has(id)) || units.length !== expected.size) {
    const unitRows = await sql<{ id: number; code: string; name: string; kind: string }>`
      SELECT id, code, name, kind FROM units WHERE id IN (${intList(db, [...new Set([...expected, ...reporting.keys()])])})
      ORDER BY sort_order, code`.execute(db);
    units = unitRows.rows.map((u): AggUnit => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind }));
  }
  units = presentUnits(units, expected, reporting);
  const outsiders = units.filter((u) => !expected.has(u.id)).map((u) => u.id);

  const sources = indicators.map((i) => ({ ind: i, source: valueSource(i, inLast.has(i.code)) }));
  const rateCodes = new Set(indicators.filter((i) => i.rule === 'RATE').map((i) => i.code));
  const rateOfRates = indicators.some(
    (i) =>
      i.rule === 'RATE' &&
      ((i.numerator && rateCodes.has(i.numerator)) || (i.denominator && rateCodes.has(i.denominator))),
  );
  const stats: WindowStats = new Map();
  const textCodes = indicators.filter((i) => i.type === 'text').map((i) => i.code);
  let values: UnitValues | null = null;
  let lastValues: Map<number, ValueMap> | null = null;
  if (ids.length === 1) {
    // One period: every counted report's numbers in one read (a JSON row per report) through the
    // exact code of shared/aggregate.ts: cheaper than a GROUP BY sorting every value, and the
    // by-unit view and the breach check (opts.lastValues) use the same read.
    const read = await reportsWithValues(
      db,
      periods,
      'all',
      counted,
      opts.lastValues ? { countedIds: new Set(countedIds) } : null,
    );
    const added = sources.filter((s) => s.source !== null).map((s) => s.ind.code);
    // one period: a unit's value of an added-up code is its report's (unitValues only for a by-unit view or rates of rates)
    const all = opts.detail || rateOfRates ? unitValues(read.periods, indicators, units) : null;
    const byUnit = all ?? new Map(read.periods[0]!.reports.map((r) => [r.unitId, r.values]));
    statsFromValues(units, byUnit, expected, rateOfRates ? [...added, ...rateCodes] : added, stats);
    if (opts.detail) values = all;
    lastValues = read.every;
  } else {
    // Several periods: SQL adds up the integers over the window. Decimals (and codes stored both
    // ways across template versions, or rates of rates) go through the exact decimal code.
    const integer = sources.filter((s) => s.source !== null && storedAsInteger(s.ind));
    const inTs = new Set(sources.filter((s) => s.source !== null && !storedAsInteger(s.ind)).map((s) => s.ind.code));
    try {
      const rows = await integerStats(
        db,
        ids,
        last.id,
        integer.filter((s) => s.source === 'window').map((s) => s.ind.code),
        integer.filter((s) => s.source === 'last').map((s) => s.ind.code),
        outsiders,
        counted,
      );
      const asked = new Set(integer.map((s) => s.ind.code));
      for (const row of rows) if (row.other > 0 && asked.has(row.code)) inTs.add(row.code);
      for (const row of rows) {
        if (!asked.has(row.code) || inTs.has(row.code) || row.n === 0) continue;
        let groups = stats.get(row.code);
        if (!groups) stats.set(row.code, (groups = []));
        groups.push({
          kind: row.kind as UnitKind,
          expected: row.expected === 1,
          sum: row.total,
          n: row.n,
          yes: row.yes,
          positive: row.positive,
        });
      }
    } catch (err) {
      // A sum beyond 64-bit integers: SQLite refuses it; the exact decimal code does not.
      if (!(err instanceof Error && /integer overflow/i.test(err.message))) throw err;
      stats.clear();
      for (const s of integer) inTs.add(s.ind.code);
    }
    // Each unit's values: all of them for a by-unit view, otherwise only those SQL did not add up.
    const needAll = opts.detail || rateOfRates;
    if (inTs.size || needAll) {
      const all = unitValues(
        (await reportsWithValues(db, periods, needAll ? 'all' : [...inTs], counted)).periods,
        indicators,
        units,
      );
      statsFromValues(units, all, expected, rateOfRates ? [...inTs, ...rateCodes] : inTs, stats);
      if (opts.detail) values = all;
    }
  }

  const texts = new Map<string, string>();
  for (const row of await textRows(db, ids, textCodes, counted))
    texts.set(`${row.period_id}:${row.unit_id}:${row.code}`, row.value);
  return {
    aggregation: buildAggregation(
      {
        periods,
        units,
        reporting,
        periodsWithReports,
        stats,
        texts: gatherTexts(periods, units, texts.size ? textCodes : [], (p, u, code) => texts.get(`${p}:${u}:${code}`)),
        values,
      },
      today,
    ),
    stats,
    lastValues,
  };
}
