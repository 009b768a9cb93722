// The status board of a period and the trend of reporting rates. Rates as DHIS2 defines them:
// reporting rate = reports received / reports expected; on-time rate = received by the deadline /
// expected. A returned report is not counted as received until it is sent again.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { ratePercent } from '../../../shared/domain/decimal';
import { daysBetween } from '../../../shared/domain/periods';
import { todayIso } from '../../../shared/format';
import type { Board, BoardRow, Channel, ReportStatus, TrendPoint } from '../../../shared/model/report';
import type { UnitKind } from '../../../shared/model/unit';
import { getPeriod, resolveExpectedUnits } from '../periods/periods';
import { getTemplate } from '../templates/templates';
import { checkRules } from './reports';
import { stateOf } from '../../../shared/domain/aggregate';

export async function periodBoard(db: Kysely<DB>, periodId: number, today = todayIso()): Promise<Board> {
  const period = await getPeriod(db, periodId);
  const template = await getTemplate(db, period.templateId);
  const expected = await resolveExpectedUnits(db, period.expected, period.windowEnd);
  const reports = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'r.status', 'r.received_date', 'r.channel', 'u.code', 'u.name', 'u.kind'])
    .where('r.period_id', '=', periodId)
    .execute();
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  const values = new Map<number, Record<string, string>>();
  if (reports.length) {
    const rows = await db
      .selectFrom('report_values')
      .selectAll()
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
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

  const rows: BoardRow[] = units.map((u) => {
    const r = byUnit.get(u.id);
    const status = (r?.status ?? 'chua_nop') as ReportStatus;
    const receivedDate = r?.received_date ?? null;
    const submitted = status === 'da_nop' || status === 'da_duyet';
    const onTime = submitted && receivedDate ? receivedDate <= period.deadline : null;
    const checks = r ? checkRules(template, values.get(r.id) ?? {}) : [];
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      unitKind: u.kind,
      expected: u.expected,
      status,
      state: stateOf(status, receivedDate, period.deadline, today),
      receivedDate,
      onTime,
      daysLate:
        submitted && receivedDate && receivedDate > period.deadline ? daysBetween(period.deadline, receivedDate) : null,
      channel: (r?.channel ?? null) as Channel | null,
      breachCount: checks.filter((c) => c.holds === false).length,
    };
  });
  const counted = rows.filter((r) => r.expected);
  const actual = counted.filter((r) => r.status === 'da_nop' || r.status === 'da_duyet').length;
  const onTime = counted.filter((r) => r.onTime === true).length;
  const n = counted.length;
  return {
    period,
    today,
    rows,
    expected: n,
    actual,
    onTime,
    late: actual - onTime,
    missing: counted.filter((r) => r.status === 'chua_nop' || r.status === 'dang_nhap').length,
    returned: counted.filter((r) => r.status === 'tra_lai').length,
    approved: counted.filter((r) => r.status === 'da_duyet').length,
    inProgress: counted.filter((r) => r.status === 'dang_nhap').length,
    reportingRate: n ? ratePercent(String(actual), String(n), 1) : null,
    onTimeRate: n ? ratePercent(String(onTime), String(n), 1) : null,
    daysLeft: daysBetween(today, period.deadline),
  };
}

/** Reporting rates of the last `limit` periods (by deadline), oldest first, for the chart. */
export async function reportingTrend(db: Kysely<DB>, limit: number, today = todayIso()): Promise<TrendPoint[]> {
  const ids = await db
    .selectFrom('periods')
    .select('id')
    .orderBy('deadline', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const out: TrendPoint[] = [];
  for (const { id } of ids.reverse()) {
    const b = await periodBoard(db, id, today);
    out.push({
      periodId: id,
      name: b.period.name,
      deadline: b.period.deadline,
      expected: b.expected,
      actual: b.actual,
      onTime: b.onTime,
      reportingRate: b.reportingRate,
      onTimeRate: b.onTimeRate,
    });
  }
  return out;
}
