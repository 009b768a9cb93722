// Rule breaches in Tổng hợp. The board flags every report whose values break a rule of its
// template; Tổng hợp shows the same count (status.counts.withBreaches) and, because the figures
// add received reports as the units sent them, a note naming those whose breaches have no reason
// (explained ones are footnoted in Phụ lục II) — a 500% "tỷ lệ giải quyết" must not pass unremarked.
import { sql } from 'kysely';
import { engineOf } from '../../db/database';
import { isReceived } from '../../../shared/domain/report-status';
import type { UnitLine } from '../../../shared/model/compile';
import type { Period } from '../../../shared/model/period';
import type { ValueMap } from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';
import type { Executor } from '../../db/executor';
import { breachCounter, checkRules } from '../reports/reports';
import { reasonKey } from '../../../shared/model/report';

/** Units named in the note before "và N đơn vị khác". */
const NAMED = 10;

/**
 * Only the values the rules read (numbers: templates refuse rules on other codes), one JSON row
 * per unit grouped in the index's order.
 */
async function ruledValues(db: Executor, periodId: number, codes: string[]): Promise<Map<number, ValueMap>> {
  const rows = await sql<{ unit_id: number; vals: string }>`
    SELECT r.unit_id AS unit_id, ${engineOf(db).objectAgg(sql`v.field_key`, sql`COALESCE(CAST(v.int_value AS TEXT), v.dec_value)`)} AS vals
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id = ${periodId} AND v.field_key IN (${sql.join(codes)})
      AND (v.int_value IS NOT NULL OR v.dec_value IS NOT NULL)
    GROUP BY r.unit_id`.execute(db);
  return new Map(rows.rows.map((v) => [v.unit_id, JSON.parse(v.vals) as ValueMap]));
}

/** The same taken from every number of the reports: a report holding none of the rules' values is left out, as above. */
function onlyRuled(read: Map<number, ValueMap>, codes: string[]): Map<number, ValueMap> {
  const out = new Map<number, ValueMap>();
  for (const [unitId, all] of read) {
    let map: ValueMap | null = null;
    for (const c of codes) {
      const v = all[c];
      if (v !== undefined) (map ??= {})[c] = v;
    }
    if (map) out.set(unitId, map);
  }
  return out;
}

export interface WindowBreaches {
  /** Expected units of the last period whose report (begun by the as-of day) breaks a rule: the board's count. */
  withBreaches: number;
  note: string | null;
}

/**
 * The breaches of the last period's reports, judged on the units' standing as of the compile's day.
 * `read`: the numbers of each of the period's reports by unit (every status), when the totals read
 * them already (aggregate-sql.ts, a one-period window); otherwise they are read here.
 */
export async function windowBreaches(
  db: Executor,
  last: { period: Period; template: Template },
  lines: UnitLine[],
  read: Map<number, ValueMap> | null = null,
): Promise<WindowBreaches> {
  const counter = breachCounter(last.template);
  // no rule that parses: none can break (checkRules judges such a rule as unknown)
  if (counter.codes.length === 0) return { withBreaches: 0, note: null };
  const values = read ? onlyRuled(read, counter.codes) : await ruledValues(db, last.period.id, counter.codes);
  // The reasons apart (rare rows): by a join, not a list.
  const reasons = last.template.rules.map((r) => reasonKey(r.expression));
  const given = await sql<{ unit_id: number; field_key: string; text_value: string | null }>`
    SELECT r.unit_id AS unit_id, v.field_key AS field_key, v.text_value AS text_value
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id = ${last.period.id} AND v.field_key IN (${sql.join(reasons)})`.execute(db);
  for (const g of given.rows) {
    const map = values.get(g.unit_id);
    if (map && g.text_value !== null) values.set(g.unit_id, { ...map, [g.field_key]: g.text_value });
  }
  let withBreaches = 0;
  const unexplained: string[] = [];
  for (const line of lines) {
    // a unit without a report is "chưa nộp"; one whose report holds none of the rules' values breaks none
    const unitValues = values.get(line.unitId);
    if (unitValues === undefined || line.status === 'chua_nop') continue;
    // the rules parsed once count the breaches; only a report that breaks one is worded
    if (counter.count(unitValues) === 0) continue;
    const broken = checkRules(last.template, unitValues).filter((c) => c.holds === false);
    if (broken.length === 0) continue;
    if (line.expected) withBreaches++;
    const silent = broken.filter((c) => !c.reason.trim());
    if (isReceived(line.status) && silent.length)
      unexplained.push(`${line.name}: ${silent.map((c) => c.detail).join('; ')}`);
  }
  if (unexplained.length === 0) return { withBreaches, note: null };
  const shown = unexplained.slice(0, NAMED).join(', ');
  const more = unexplained.length > NAMED ? ` và ${unexplained.length - NAMED} đơn vị khác` : '';
  return {
    withBreaches,
    note: `${unexplained.length} báo cáo đã nhận có quy tắc kiểm tra chưa đạt mà chưa ghi lý do (${shown}${more}): số liệu của các báo cáo này được cộng như đơn vị gửi; hãy kiểm tra, trả lại hoặc ghi lý do trước khi dùng.`,
  };
}
