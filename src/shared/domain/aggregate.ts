// The one owner of the aggregation rules (DOMAIN.md, "Aggregation rules that are easy to get
// wrong"). Pure and exact: values are canonical decimal strings, never floats.
//   SUM    the units' values added up.
//   RATE   recomputed from the summed numerator and the summed denominator — never an average of
//          the units' rates; a zero or empty denominator gives no value ("—").
//   SHARE  units answering yes over the units EXPECTED to report; those that did not answer are
//          counted in the denominator and stated.
//   NONE   not added up; TEXT gathered with the unit's name in front, in the units' order.
// Over a window of several periods: per-period indicators are added across the periods;
// cumulative indicators (since the start of the year) and yes/no answers are taken from the LAST
// period of the window, never added across periods.
import {
  COUNTED_STATUSES,
  type Aggregation,
  type IndicatorTotal,
  type ReportingStatus,
  type TextAnswer,
  type UnitLine,
} from '../model/compile';
import type { ReportStatus, Standing } from '../model/report';
import { countStandings, standingOf } from './report-status';
import { UNIT_KINDS, type UnitKind } from '../model/unit';
import type { AggPeriod, AggUnit, UnitValues, WindowStats } from './aggregate-figures';
import { counted, figureFromStats, statsFromValues, unitValues, windowIndicators } from './aggregate-figures';

/** A period of a window without its reports (the SQL path loads only what it needs). */
export type AggPeriodInfo = Omit<AggPeriod, 'reports'>;

/** Where a unit stands in a window: its report of the last period, how many periods counted. */
export interface UnitReporting {
  status: ReportStatus;
  receivedDate: string | null;
  periodsCounted: number;
}

/**
 * Everything a window's aggregation is made of, however it was loaded: the periods (sorted by
 * their end), the units (expected or reporting, in the user's order), each unit's reporting,
 * the stats of every added-up code, the text answers and — when a by-unit view needs them —
 * each unit's values.
 */
export interface WindowFacts {
  periods: AggPeriodInfo[];
  units: AggUnit[];
  reporting: Map<number, UnitReporting>;
  /** Periods with at least one counted report. */
  periodsWithReports: Set<number>;
  stats: WindowStats;
  /** Text indicator code → the answers, period by period, unit by unit in the units' order. */
  texts: Map<string, TextAnswer[]>;
  /** Each unit's values; null when no by-unit view is needed (the lines then carry no values). */
  values: UnitValues | null;
}

/** The units of a window: expected at its end or with a report in one of its periods. */
export function presentUnits(units: AggUnit[], expected: Set<number>, reporting: Map<number, unknown>): AggUnit[] {
  return units.filter((u) => expected.has(u.id) || reporting.has(u.id));
}

/** Text answers of counted reports, period by period, unit by unit in the units' order. */
export function gatherTexts(
  periods: AggPeriodInfo[],
  units: AggUnit[],
  codes: string[],
  textOf: (periodId: number, unitId: number, code: string) => string | undefined,
): Map<string, TextAnswer[]> {
  const out = new Map<string, TextAnswer[]>();
  for (const code of codes) {
    out.set(
      code,
      periods.flatMap((p) =>
        units.flatMap((u) => {
          const t = textOf(p.id, u.id, code);
          return t ? [{ unitId: u.id, unitName: u.name, periodName: p.name, text: t }] : [];
        }),
      ),
    );
  }
  return out;
}

/**
 * Adds up a window of periods (one or several, in any order; they must not overlap).
 * `units` are every unit that was expected or reported, in the order the user chose.
 * The pure path: every report's values in memory (the rules' tests run on it).
 */
export function aggregate(periodsIn: AggPeriod[], units: AggUnit[], today: string): Aggregation {
  if (periodsIn.length === 0) throw new Error('aggregate: no period');
  const periods = [...periodsIn].sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const last = periods[periods.length - 1]!;
  const indicators = windowIndicators(periods);
  const expected = new Set(last.expectedUnitIds);
  const reporting = new Map<number, UnitReporting>();
  for (const p of periods) {
    for (const r of p.reports) {
      const u = reporting.get(r.unitId) ?? { status: 'chua_nop', receivedDate: null, periodsCounted: 0 };
      if (counted(r)) u.periodsCounted++;
      if (p === last) {
        u.status = r.status;
        u.receivedDate = r.receivedDate;
      }
      reporting.set(r.unitId, u);
    }
  }
  const present = presentUnits(units, expected, reporting);
  const values = unitValues(periods, indicators, present);
  const byPeriod = new Map(periods.map((p) => [p.id, new Map(p.reports.filter(counted).map((r) => [r.unitId, r]))]));
  const textCodes = indicators.filter((i) => i.type === 'text').map((i) => i.code);
  return buildAggregation(
    {
      periods,
      units: present,
      reporting,
      periodsWithReports: new Set(periods.filter((p) => p.reports.some(counted)).map((p) => p.id)),
      stats: statsFromValues(
        present,
        values,
        expected,
        indicators.map((i) => i.code),
      ),
      texts: gatherTexts(
        periods,
        present,
        textCodes,
        (periodId, unitId, code) => byPeriod.get(periodId)?.get(unitId)?.values[code],
      ),
      values,
    },
    today,
  );
}

/** The aggregation of a window from its facts: totals by rule, by unit kind, by unit, reporting status, notes. */
export function buildAggregation(facts: WindowFacts, today: string): Aggregation {
  const { periods, units: present, stats, values } = facts;
  const last = periods[periods.length - 1]!;
  const indicators = windowIndicators(periods);
  const expected = new Set(last.expectedUnitIds);
  const notes: string[] = [];
  // one pass over the units: the kinds present, the expected units of each kind and in all
  const expectedOfKind = new Map<UnitKind, number>();
  const presentIds = new Set<number>();
  let expectedCount = 0;
  for (const u of present) {
    presentIds.add(u.id);
    const isExpected = expected.has(u.id);
    expectedOfKind.set(u.kind, (expectedOfKind.get(u.kind) ?? 0) + (isExpected ? 1 : 0));
    if (isExpected) expectedCount++;
  }
  const kinds = UNIT_KINDS.filter((k) => expectedOfKind.has(k));

  const totals: IndicatorTotal[] = indicators.map((ind) => {
    const fig = figureFromStats(ind, stats, () => true, expectedCount);
    const texts = ind.type === 'text' ? (facts.texts.get(ind.code) ?? []) : [];
    if (ind.type === 'text') {
      const answered = new Set(texts.map((t) => t.unitId));
      fig.reported = answered.size;
      // the expected units that gave no answer, counted from the (few) answers
      let answeredExpected = 0;
      for (const id of answered) if (expected.has(id) && presentIds.has(id)) answeredExpected++;
      fig.missing = expectedCount - answeredExpected;
    }
    return {
      ...fig,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      type: ind.type,
      rule: ind.rule,
      accumulation: ind.accumulation,
      group: ind.group,
      numeratorCode: ind.numerator,
      denominatorCode: ind.denominator,
      byKind: kinds.map((kind) => ({
        kind,
        figure: figureFromStats(ind, stats, (k) => k === kind, expectedOfKind.get(kind)!),
      })),
      texts,
    };
  });

  // The one status model (the board's): breaches are not checked here, hence left out. Units
  // share a few standings (a status and a received day): each is worked out once.
  const standings = new Map<string, Omit<Standing, 'breachCount'>>();
  const standingFor = (status: ReportStatus, receivedDate: string | null) => {
    const key = `${status}|${receivedDate ?? ''}`;
    let s = standings.get(key);
    if (!s) {
      const { breachCount: _unchecked, ...standing } = standingOf(status, receivedDate, last.deadline, today);
      standings.set(key, (s = standing));
    }
    return s;
  };
  const lines: UnitLine[] = present.map((u) => {
    const r = facts.reporting.get(u.id);
    const m = values?.get(u.id);
    const standing = standingFor(r?.status ?? 'chua_nop', r?.receivedDate ?? null);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      expected: expected.has(u.id),
      ...standing,
      periodsCounted: r?.periodsCounted ?? 0,
      values: m ?? {},
    };
  });

  const exp = lines.filter((l) => l.expected);
  const reported = exp.filter((l) => COUNTED_STATUSES.includes(l.status));
  const late = reported.filter((l) => l.timeliness === 'muon');
  const counts = countStandings(exp);
  const status: ReportingStatus = {
    counts,
    expected: counts.expected,
    reported: counts.received,
    onTime: counts.onTime,
    late: counts.late,
    missing: counts.notReceived,
    lateUnits: late.map((l) => l.name),
    missingUnits: exp.filter((l) => !COUNTED_STATUSES.includes(l.status)).map((l) => l.name),
  };

  for (const p of periods) {
    if (!facts.periodsWithReports.has(p.id))
      notes.push(`Kỳ “${p.name}” chưa có báo cáo nào đã nộp: số liệu của kỳ này đều trống.`);
  }
  const labels = [...new Set(periods.map((p) => p.templateLabel))];
  if (labels.length > 1) {
    notes.push(
      `Các kỳ đã chọn dùng ${labels.length} mẫu báo cáo khác nhau (${labels.join('; ')}): số liệu được ghép theo mã chỉ số; chỉ số không có trong mẫu của một kỳ thì kỳ đó để trống.`,
    );
  }
  const outsiders = outsidersNote(lines);
  if (outsiders) notes.push(outsiders);
  return {
    periods: periods.map((p) => ({
      id: p.id,
      name: p.name,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      deadline: p.deadline,
    })),
    indicators: totals,
    units: lines,
    status,
    notes,
  };
}

/** The note naming the units that reported without being on the list at the window's end; null: none. */
export function outsidersNote(lines: UnitLine[]): string | null {
  const outsiders = lines.filter((l) => !l.expected && l.periodsCounted > 0);
  return outsiders.length
    ? `${outsiders.length} đơn vị không thuộc danh sách phải báo cáo vào ngày chốt số liệu nhưng đã nộp báo cáo (${outsiders.map((l) => l.name).join(', ')}): số liệu của họ vẫn được cộng; tỷ lệ đơn vị chỉ tính trên đơn vị phải báo cáo.`
    : null;
}

/** Refuses windows whose periods overlap (the same days would be added twice). */
export function overlappingPeriods(periods: Pick<AggPeriod, 'name' | 'windowStart' | 'windowEnd'>[]): string | null {
  const s = [...periods].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  for (let i = 1; i < s.length; i++) {
    if (s[i]!.windowStart <= s[i - 1]!.windowEnd)
      return `Kỳ “${s[i - 1]!.name}” và kỳ “${s[i]!.name}” trùng thời gian số liệu: cộng chung sẽ tính hai lần. Hãy chọn các kỳ không chồng lên nhau.`;
  }
  return null;
}
