// Units' reports: values typed, imported or copied from paper; statuses that move only along the
// allowed transitions; and an append-only history of every value (who, when, old → new).
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { claimRevision } from './row-version';
import { AppError } from '../../../shared/errors';
import type { saveValuesInput } from '../../../shared/contract/reports';
import { TRANSITIONS, canTransition, isEditableStatus } from '../../../shared/domain/report-status';
import { parseIndicatorInput, storedText, type Stored } from '../../../shared/domain/report-values';
import { computeRate } from '../../../shared/domain/rules';
import { breachCounter, checkRules } from './rule-checks';
import { keptStanding } from './standings-kept';
import { cleanText } from '../../../shared/text';
import { todayIso } from '../../../shared/format';
import {
  reasonKey,
  REPORT_STATUS_LABELS,
  SECTION_KEY_PREFIX,
  sectionKey,
  type Channel,
  type ReportForm,
  type ReportHistory,
  type ReportStatus,
  type ReportSummary,
  type ValueMap,
} from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';
import type { Period } from '../../../shared/model/period';
import { getTemplate } from '../templates/templates';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { getUnit } from '../units/units';
import type { Executor } from '../../db/executor';

export type SaveValuesData = z.output<typeof saveValuesInput>;
export { TRANSITIONS, canTransition };
export { breachCounter, checkRules } from './rule-checks';

async function loadValues(db: Executor, reportId: number | null): Promise<ValueMap> {
  if (reportId === null) return {};
  const rows = await db.selectFrom('report_values').selectAll().where('report_id', '=', reportId).execute();
  const out: ValueMap = {};
  for (const r of rows)
    out[r.field_key] = r.int_value !== null ? String(r.int_value) : (r.dec_value ?? r.text_value ?? '');
  return out;
}

/** Rates computed from the values; null when the denominator is empty or zero. */
export function computeRates(template: Template, values: ValueMap): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const ind of template.indicators) if (ind.rule === 'RATE') out[ind.code] = computeRate(ind, values);
  return out;
}

async function reportRow(db: Executor, periodId: number, unitId: number) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** A unit may have a report in a period when it is expected, or already has one. */
async function assertMayReport(db: Executor, period: Period, unitId: number): Promise<void> {
  if (await reportRow(db, period.id, unitId)) return;
  const expected = await expectedUnitsOf(db, period);
  if (!expected.some((u) => u.id === unitId)) {
    const unit = await getUnit(db, unitId);
    throw new AppError(
      'NOT_EXPECTED',
      `Đơn vị “${unit.name}” không thuộc danh sách phải báo cáo của kỳ “${period.name}”.`,
    );
  }
}

export async function getReportForm(db: Executor, periodId: number, unitId: number): Promise<ReportForm> {
  const period = await getPeriod(db, periodId);
  const unit = await getUnit(db, unitId);
  await assertMayReport(db, period, unitId);
  const template = await getTemplate(db, period.templateId);
  const row = await reportRow(db, periodId, unitId);
  const values = await loadValues(db, row?.id ?? null);
  const status = (row?.status ?? 'chua_nop') as ReportStatus;
  const report: ReportSummary = {
    id: row?.id ?? null,
    periodId,
    unitId,
    status,
    receivedDate: row?.received_date ?? null,
    channel: (row?.channel ?? null) as Channel | null,
    revision: row?.revision ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
  return {
    period,
    template,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    report,
    values,
    computed: computeRates(template, values),
    checks: checkRules(template, values),
    allowed: [...TRANSITIONS[status]],
  };
}

/**
 * The report's row, made when it has none. Two first saves racing on a server both find none:
 * the insert does nothing when the other's row is there (after waiting for its commit), and that
 * row is read back (READ COMMITTED sees it); the caller, whose changes were made on no report, is
 * then refused by the row-version claim (`claimRevision` with revision 0) instead of a raw
 * unique-key error or a silent overwrite.
 */
export async function ensureReport(db: Executor, periodId: number, unitId: number, at: string) {
  const existing = await reportRow(db, periodId, unitId);
  if (existing) return existing;
  const made = await db
    .insertInto('reports')
    .values({
      period_id: periodId,
      unit_id: unitId,
      status: 'chua_nop',
      received_date: null,
      channel: null,
      revision: 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return made ?? (await reportRow(db, periodId, unitId))!;
}

export async function addEvent(
  db: Executor,
  reportId: number,
  from: ReportStatus,
  to: ReportStatus,
  actor: string,
  at: string,
  note: string,
  onDate: string,
): Promise<void> {
  const e = await db
    .insertInto('report_events')
    .values({ report_id: reportId, from_status: from, to_status: to, actor, at, note })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('report_event_dates').values({ event_id: e.id, on_date: onDate }).execute();
}

/**
 * Saves values (and breach reasons) as one revision: all parsed first, nothing written if any is
 * wrong. Rule breaches do not block saving; they block submitting until each has a reason.
 */
export async function saveReportValues(db: Kysely<DB>, data: SaveValuesData, now = new Date()): Promise<ReportForm> {
  return db.transaction().execute((trx) => saveReportValuesIn(trx, data, now));
}

/** The same inside the caller's transaction (an Excel import saves many reports as one batch). */
export async function saveReportValuesIn(
  trx: Transaction<DB>,
  data: SaveValuesData,
  now = new Date(),
): Promise<ReportForm> {
  const period = await getPeriod(trx, data.periodId);
  await getUnit(trx, data.unitId);
  await assertMayReport(trx, period, data.unitId);
  const template = await getTemplate(trx, period.templateId);
  const existing = await reportRow(trx, data.periodId, data.unitId);
  const status = (existing?.status ?? 'chua_nop') as ReportStatus;
  if (!isEditableStatus(status)) {
    throw new AppError(
      'NOT_EDITABLE',
      `Báo cáo đang ở trạng thái “${REPORT_STATUS_LABELS[status]}” nên không sửa được số liệu. Muốn sửa, hãy trả lại báo cáo trước.`,
    );
  }
  const indicators = new Map(template.indicators.map((i) => [i.code, i]));
  const sections = new Set(template.sections.filter((s) => s.hasText).map((s) => sectionKey(s.number)));
  const ruleExprs = new Set(template.rules.map((r) => r.expression));
  const next = new Map<string, Stored | null>();
  const errors: { message: string; where: { field: string } }[] = [];
  for (const v of data.values) {
    const key = v.key.startsWith(SECTION_KEY_PREFIX) ? v.key : v.key.toUpperCase();
    if (next.has(key)) {
      errors.push({ message: `Trường ${key} được gửi hai lần.`, where: { field: key } });
      continue;
    }
    if (sections.has(key)) {
      if (v.input !== null && typeof v.input !== 'string')
        errors.push({
          message: `Mục ${key.slice(SECTION_KEY_PREFIX.length)} cần nhập văn bản.`,
          where: { field: key },
        });
      else {
        const t = cleanText(v.input ?? '');
        next.set(key, t ? { text: t } : null);
      }
      continue;
    }
    const ind = indicators.get(key);
    if (!ind) {
      errors.push({ message: `Mẫu “${template.name}” không có chỉ số hay mục “${v.key}”.`, where: { field: v.key } });
      continue;
    }
    const parsed = parseIndicatorInput(ind, v.input);
    if (typeof parsed === 'string') errors.push({ message: parsed, where: { field: key } });
    else next.set(key, parsed);
  }
  for (const r of data.reasons) {
    if (!ruleExprs.has(r.expression)) {
      errors.push({
        message: `Mẫu báo cáo không có quy tắc “${r.expression}”.`,
        where: { field: reasonKey(r.expression) },
      });
      continue;
    }
    next.set(reasonKey(r.expression), r.reason ? { text: r.reason } : null);
  }
  if (errors.length) {
    throw new AppError(
      'BAD_VALUES',
      errors.length === 1
        ? errors[0]!.message
        : `${errors[0]!.message} (và ${errors.length - 1} lỗi khác). Chưa lưu gì.`,
      errors[0]!.where,
      errors,
    );
  }

  const at = now.toISOString();
  const current = await loadValues(trx, existing?.id ?? null);
  const changes = [...next.entries()]
    .map(([key, s]) => ({
      key,
      oldValue: current[key] ?? null,
      newValue: s === null ? null : storedText(s),
      stored: s,
    }))
    .filter((c) => c.oldValue !== c.newValue);
  if (changes.length === 0) return getReportForm(trx, data.periodId, data.unitId);

  const report = await ensureReport(trx, data.periodId, data.unitId, at);
  // The changes were made on the revision read above (0: no report yet), not on one made since.
  const number = await claimRevision(trx, report.id, existing?.revision ?? 0, data.expectedRevision ?? null);
  const rev = await trx
    .insertInto('report_revisions')
    .values({ report_id: report.id, number, actor: data.actor, at, note: data.note })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of changes) {
    await trx
      .insertInto('report_value_changes')
      .values({ revision_id: rev.id, field_key: c.key, old_value: c.oldValue, new_value: c.newValue })
      .execute();
    await trx.deleteFrom('report_values').where('report_id', '=', report.id).where('field_key', '=', c.key).execute();
    if (c.stored !== null) {
      const s = c.stored;
      await trx
        .insertInto('report_values')
        .values({
          report_id: report.id,
          field_key: c.key,
          int_value: 'int' in s ? s.int : null,
          dec_value: 'dec' in s ? s.dec : null,
          text_value: 'text' in s ? s.text : null,
        })
        .execute();
    }
  }
  let newStatus = report.status as ReportStatus;
  if (newStatus === 'chua_nop' || newStatus === 'tra_lai') {
    await addEvent(
      trx,
      report.id,
      newStatus,
      'dang_nhap',
      data.actor,
      at,
      newStatus === 'tra_lai' ? 'Sửa số liệu sau khi trả lại' : 'Bắt đầu nhập',
      todayIso(now),
    );
    newStatus = 'dang_nhap';
  }
  // The rules the new values break, kept with the revision they were counted on (the board's count).
  const after: ValueMap = { ...current };
  for (const c of changes)
    if (c.newValue === null) delete after[c.key];
    else after[c.key] = c.newValue;
  await trx
    .updateTable('reports')
    .set({
      revision: number,
      status: newStatus,
      updated_at: at,
      breach_count: breachCounter(template).count(after),
      breach_revision: number,
      ...(await keptStanding(trx, report.id, newStatus, report.received_date)),
    })
    .where('id', '=', report.id)
    .execute();
  return getReportForm(trx, data.periodId, data.unitId);
}

export async function reportHistory(db: Executor, periodId: number, unitId: number): Promise<ReportHistory> {
  const row = await reportRow(db, periodId, unitId);
  if (!row) return { revisions: [], events: [] };
  const revs = await db
    .selectFrom('report_revisions')
    .selectAll()
    .where('report_id', '=', row.id)
    .orderBy('number')
    .execute();
  const changes = revs.length
    ? await db
        .selectFrom('report_value_changes')
        .selectAll()
        .where(
          'revision_id',
          'in',
          revs.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const events = await db
    .selectFrom('report_events')
    .selectAll()
    .where('report_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    revisions: revs.map((r) => ({
      number: r.number,
      actor: r.actor,
      at: r.at,
      note: r.note,
      changes: changes
        .filter((c) => c.revision_id === r.id)
        .map((c) => ({ key: c.field_key, oldValue: c.old_value, newValue: c.new_value })),
    })),
    events: events.map((e) => ({
      from: e.from_status as ReportStatus,
      to: e.to_status as ReportStatus,
      actor: e.actor,
      at: e.at,
      note: e.note,
    })),
  };
}

/** The values as they stood right after revision `revision`, rebuilt from the history alone. */
export async function reportSnapshot(
  db: Executor,
  periodId: number,
  unitId: number,
  revision: number,
): Promise<ValueMap> {
  const h = await reportHistory(db, periodId, unitId);
  const last = h.revisions.at(-1)?.number ?? 0;
  if (revision > last) throw new AppError('NOT_FOUND', `Báo cáo chưa có lần sửa thứ ${revision} (mới có ${last} lần).`);
  const out: ValueMap = {};
  for (const r of h.revisions) {
    if (r.number > revision) break;
    for (const c of r.changes) {
      if (c.newValue === null) delete out[c.key];
      else out[c.key] = c.newValue;
    }
  }
  return out;
}
