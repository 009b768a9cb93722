// Rule breaches in Tổng hợp. The board flags every report whose values break a rule of its
// template; Tổng hợp shows the same count (status.counts.withBreaches) and, because the figures
// add received reports as the units sent them, a note naming those whose breaches have no reason
// (explained ones are footnoted in Phụ lục II) — a 500% "tỷ lệ giải quyết" must not pass unremarked.
import { isReceived } from '../../../shared/domain/report-status';
import type { UnitLine } from '../../../shared/model/compile';
import type { Period } from '../../../shared/model/period';
import type { ValueMap } from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';
import type { Executor } from '../../db/executor';
import { checkRules } from '../reports/reports';

/** Units named in the note before "và N đơn vị khác". */
const NAMED = 10;

export interface WindowBreaches {
  /** Expected units of the last period whose report (begun by the as-of day) breaks a rule: the board's count. */
  withBreaches: number;
  note: string | null;
}

/** The breaches of the last period's reports, judged on the units' standing as of the compile's day. */
export async function windowBreaches(
  db: Executor,
  last: { period: Period; template: Template },
  lines: UnitLine[],
): Promise<WindowBreaches> {
  if (last.template.rules.length === 0) return { withBreaches: 0, note: null };
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'unit_id'])
    .where('period_id', '=', last.period.id)
    .execute();
  const values = new Map<number, ValueMap>();
  if (reports.length) {
    const rows = await db
      .selectFrom('report_values')
      .select(['report_id', 'field_key', 'int_value', 'dec_value', 'text_value'])
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
  const reportOf = new Map(reports.map((r) => [r.unit_id, r.id]));
  let withBreaches = 0;
  const unexplained: string[] = [];
  for (const line of lines) {
    const id = reportOf.get(line.unitId);
    if (id === undefined || line.status === 'chua_nop') continue;
    const broken = checkRules(last.template, values.get(id) ?? {}).filter((c) => c.holds === false);
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
