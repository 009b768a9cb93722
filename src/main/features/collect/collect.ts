// Collecting reports by Excel. Out: one data-entry workbook per expected unit, written atomically
// into a folder. In: returned workbooks are read and compared with what is stored, and shown for
// review; only the files the user accepts are stored, all in one transaction, each as a report
// revision noting the file's name and SHA-256, with a copy of the file kept under the data folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Core } from '../../core/core';
import type { DB } from '../../db/schema';
import { AppError, type ErrorLocation } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import { formatDateShort, formatNumber, todayIso } from '../../../shared/format';
import {
  REPORT_STATUS_LABELS,
  SECTION_KEY_PREFIX,
  type ReportStatus,
  type ValueMap,
} from '../../../shared/model/report';
import type { Template, TemplateIndicator } from '../../../shared/model/template';
import type { Period } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import type {
  CollectCommitResult,
  CollectExportFile,
  CollectExportResult,
  CollectReview,
  ReviewChange,
  ReviewItem,
  ReviewMessage,
  ReviewStatus,
} from '../../../shared/model/collect';
import { writeFileAtomic, writeFileAtomicAsync } from '../../platform/files';
import { SOURCES_DIR } from '../../platform/kept-files';
import { noteWrites } from '../../core/intents';
import { NO_JOB, type Job } from '../../core/jobs';
import { sessionSlot } from '../../core/session';
import { collectFileName, type CollectLayout, type LayoutCell } from './collect-book';
import { collectStamper } from './collect-stamp';
import { fileSlug } from '../../workbooks/cell-text';
import { readCollectWorkbook, type CellContent, type ReadBook } from './collect-reader';
import { getAgency } from '../agency/agency';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { loadReference, plausibilityWarnings, type Reference } from './plausibility';
import { checkRules, saveReportValuesIn } from '../reports/reports';
import { transitionReportIn } from '../reports/approval';
import { parseIndicatorInput, valueKeyLabel, valueText } from '../../../shared/domain/report-values';
import { isEditableStatus } from '../../../shared/domain/report-status';
import { getTemplate } from '../templates/templates';
import { getUnit, toUnit } from '../units/units';
import { bookSecret } from '../safety/settings';

/** Where kept copies of accepted files go, under the app's data folder. */
export { SOURCES_DIR } from '../../platform/kept-files';
export const EXCEL_ACTOR = 'Nhập biểu Excel';

// ---------------------------------------------------------------- export

export interface ExportOptions {
  periodId: number;
  unitId: number | null;
  jobId?: string | null;
}

/** Writes the workbooks of a period (every expected unit, or one) into `folder`. */
export async function exportCollectBooks(
  db: Kysely<DB>,
  folder: string,
  opts: ExportOptions,
  now = new Date(),
  job: Job = NO_JOB,
): Promise<CollectExportFile[]> {
  const period = await getPeriod(db, opts.periodId);
  const template = await getTemplate(db, period.templateId);
  const agency = await getAgency(db);
  const expected = await expectedUnitsOf(db, period);
  let unitIds = expected.map((u) => u.id);
  if (opts.unitId !== null) {
    const unit = await getUnit(db, opts.unitId);
    const hasReport = await db
      .selectFrom('reports')
      .select('id')
      .where('period_id', '=', period.id)
      .where('unit_id', '=', unit.id)
      .executeTakeFirst();
    if (!unitIds.includes(unit.id) && !hasReport) {
      throw new AppError(
        'NOT_EXPECTED',
        `Đơn vị "${unit.name}" không thuộc danh sách phải báo cáo của kỳ "${period.name}" nên không xuất biểu cho đơn vị này.`,
      );
    }
    unitIds = [unit.id];
  }
  if (unitIds.length === 0) throw new AppError('NO_UNITS', `Kỳ "${period.name}" không có đơn vị nào phải báo cáo.`);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new AppError(
      'NO_FOLDER',
      `Không tạo được thư mục "${folder}": ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const generatedAt = now.toISOString();
  const secret = await bookSecret(db);
  job.setTotal(unitIds.length);
  // Built once for the period, stamped per unit (collect-stamp.ts); units and values read in bulk.
  const stamper = await collectStamper({ agency, period, template, generatedAt, secret });
  const files: CollectExportFile[] = [];
  const writing = new Set<Promise<void>>();
  for (let i = 0; i < unitIds.length; i += EXPORT_BATCH) {
    const ids = unitIds.slice(i, i + EXPORT_BATCH);
    const units = new Map(
      (await db.selectFrom('units').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, toUnit(r)]),
    );
    const values = await periodValues(db, period.id, ids);
    for (const unitId of ids) {
      const unit = units.get(unitId) ?? (await getUnit(db, unitId));
      const fileName = collectFileName(period, unit);
      const bytes = await stamper.book(unit, values.get(unitId) ?? {});
      const write = writeFileAtomicAsync(path.join(folder, fileName), bytes).then(() => job.step(fileName));
      writing.add(write);
      void write.then(
        () => writing.delete(write),
        () => undefined,
      );
      files.push({ unitId: unit.id, unitCode: unit.code, unitName: unit.name, fileName });
      if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
      await job.pause();
    }
  }
  await Promise.all(writing);
  return files;
}

const EXPORT_BATCH = 500;
/** Files being written (fsync on the thread pool) while the next books are stamped. */
const WRITES_IN_FLIGHT = 8;

/** The stored values of a period's reports, by unit. */
async function periodValues(db: Kysely<DB>, periodId: number, unitIds: number[]): Promise<Map<number, ValueMap>> {
  const rows = await db
    .selectFrom('report_values')
    .innerJoin('reports', 'reports.id', 'report_values.report_id')
    .select([
      'reports.unit_id',
      'report_values.field_key',
      'report_values.int_value',
      'report_values.dec_value',
      'report_values.text_value',
    ])
    .where('reports.period_id', '=', periodId)
    .where('reports.unit_id', 'in', unitIds)
    .execute();
  const out = new Map<number, ValueMap>();
  for (const r of rows) {
    let m = out.get(r.unit_id);
    if (!m) out.set(r.unit_id, (m = {}));
    m[r.field_key] = r.int_value !== null ? String(r.int_value) : (r.dec_value ?? r.text_value ?? '');
  }
  return out;
}

async function reportValues(db: Kysely<DB>, reportId: number): Promise<ValueMap> {
  const rows = await db.selectFrom('report_values').selectAll().where('report_id', '=', reportId).execute();
  const out: ValueMap = {};
  for (const r of rows)
    out[r.field_key] = r.int_value !== null ? String(r.int_value) : (r.dec_value ?? r.text_value ?? '');
  return out;
}

/** The contract method: asks the platform for a folder, then exports. */
export async function exportCollect(core: Core, opts: ExportOptions): Promise<CollectExportResult> {
  await getPeriod(core.db, opts.periodId); // a wrong id fails before any dialog opens
  const folder = await core.platform.chooseFolder();
  if (!folder) return { saved: false, folder: null, files: [] };
  const files = await core.jobs.run(
    opts.jobId,
    {
      kind: 'export',
      label: 'Xuất biểu nhập liệu',
      cancellable: true,
      outcome: (done) => ({ summary: `Đã xuất ${formatNumber(done.length)} biểu nhập liệu.`, open: folder }),
    },
    (job: Job) => (job.setResult(folder), exportCollectBooks(core.db, folder, opts, new Date(), job)),
  );
  return { saved: true, folder, files };
}

// ---------------------------------------------------------------- import: review

interface ParsedValue {
  key: string;
  type: LayoutCell['type'];
  /** Canonical stored text, or null for an empty cell. */
  value: string | null;
}

interface StagedItem {
  review: ReviewItem;
  data: Uint8Array;
  targetUnitId: number | null;
  values: ParsedValue[];
  /** The report's revision when reviewed: a report changed since is not overwritten blindly. */
  reportRevision: number;
}

interface Batch {
  id: string;
  periodId: number;
  items: StagedItem[];
  createdAt: number;
}

const MAX_BATCHES = 4;
/** Reviewed batches waiting for the user's "commit", by batch id. */
const BATCHES = sessionSlot('collect.batches', () => new Map<string, Batch>());

export interface AnalyzeFile {
  fileName: string;
  data: Uint8Array;
}

const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

/** The list of values a template expects from a workbook: narrative sections and typed indicators. */
function signature(template: Template): string {
  const parts = [
    ...template.sections.filter((s) => s.hasText).map((s) => `${SECTION_KEY_PREFIX}${s.number}:section`),
    ...template.indicators.map((i) => `${i.code}:${i.type}:${i.rule === 'RATE' ? 'computed' : 'input'}`),
  ];
  return parts.sort().join('|');
}

function layoutSignature(layout: CollectLayout): string {
  return layout.cells
    .map((c) => (c.kind === 'section' ? `${c.key}:section` : `${c.key}:${c.type}:${c.computed ? 'computed' : 'input'}`))
    .sort()
    .join('|');
}

/** As the form shows it, long texts cut for the review list. */
function displayValue(ind: TemplateIndicator | null, value: string | null): string {
  const shown = valueText(ind, value);
  return shown.length > 300 ? `${shown.slice(0, 300)}…` : shown;
}

/** Excel keeps 15 significant digits: 0.1 + 0.2 comes back as 0.30000000000000004, read as 0.3. */
const excelNumber = (n: number): number => Number(n.toPrecision(15));

/** One cell's content as the input the report service parses. */
function cellInput(
  cell: LayoutCell,
  ind: TemplateIndicator | null,
  content: CellContent,
): string | number | boolean | null | { error: string } {
  switch (content.kind) {
    case 'empty':
      return null;
    case 'number': {
      const n = excelNumber(content.value);
      if (!ind || ind.type === 'text') return String(n).replace('.', ',');
      if (ind.type === 'yesno') return n === 1 ? true : n === 0 ? false : String(n);
      return n;
    }
    case 'text':
      return content.value;
    case 'bool':
      return ind && ind.type !== 'yesno' && ind.type !== 'text'
        ? { error: `ô chứa giá trị ${content.value ? 'TRUE' : 'FALSE'}, không phải số` }
        : ind?.type === 'text' || !ind
          ? content.value
            ? 'TRUE'
            : 'FALSE'
          : content.value;
    case 'date':
      return cell.kind === 'section' || ind?.type === 'text'
        ? content.value
        : {
            error: `ô chứa ngày tháng (${content.value}), không phải ${ind?.type === 'yesno' ? '"Có"/"Không"' : 'số'}`,
          };
    case 'error':
      return { error: `ô có lỗi công thức ${content.value}` };
  }
}

function canonicalOf(parsed: { int: number } | { dec: string } | { text: string }): string {
  return 'int' in parsed ? String(parsed.int) : 'dec' in parsed ? parsed.dec : parsed.text;
}

/** Parses every input cell against the target template; problems name file, sheet and cell. */
function parseValues(
  book: ReadBook,
  template: Template,
  fileName: string,
): { values: ParsedValue[]; problems: ReviewMessage[] } {
  const indicators = new Map(template.indicators.map((i) => [i.code, i]));
  const values: ParsedValue[] = [];
  const problems: ReviewMessage[] = [];
  for (const rc of book.cells) {
    const where: ErrorLocation = { file: fileName, sheet: book.sheet, cell: rc.address };
    const prefix = `Tệp "${fileName}", trang "${book.sheet}", ô ${rc.address}`;
    const ind = rc.cell.kind === 'indicator' ? (indicators.get(rc.cell.key) ?? null) : null;
    const input = cellInput(rc.cell, ind, rc.content);
    if (input !== null && typeof input === 'object') {
      problems.push({ message: `${prefix} (${rc.cell.label}): ${input.error}.`, where });
      continue;
    }
    if (rc.cell.kind === 'section') {
      const text = input === null ? '' : cleanText(String(input));
      values.push({ key: rc.cell.key, type: 'section', value: text || null });
      continue;
    }
    if (!ind) continue; // guarded by the signature check
    const parsed = parseIndicatorInput(ind, input);
    if (typeof parsed === 'string') {
      problems.push({ message: `${prefix}: ${parsed}`, where });
      continue;
    }
    values.push({ key: ind.code, type: ind.type, value: parsed === null ? null : canonicalOf(parsed) });
  }
  return { values, problems };
}

function emptyItem(index: number, fileName: string, data: Uint8Array, hash: string): ReviewItem {
  return {
    index,
    fileName,
    sha256: hash,
    size: data.length,
    unit: null,
    sourcePeriod: null,
    status: 'problem',
    changedCount: 0,
    changes: [],
    problems: [],
    notes: [],
    warnings: [],
    breaches: [],
    reportStatus: null,
    mappable: false,
    conflictGroup: null,
    duplicateOf: null,
    previouslyImported: null,
    acceptable: false,
    suggested: false,
    willSubmit: false,
  };
}

async function reviewOne(
  db: Kysely<DB>,
  secret: string,
  period: Period,
  template: Template,
  expected: Set<number>,
  file: AnalyzeFile,
  index: number,
  hash: string,
  reference: Reference,
): Promise<StagedItem> {
  const item = emptyItem(index, file.fileName, file.data, hash);
  const staged: StagedItem = { review: item, data: file.data, targetUnitId: null, values: [], reportRevision: 0 };
  let book: ReadBook;
  try {
    book = await readCollectWorkbook(file.fileName, file.data, secret);
  } catch (err) {
    // One bad file never stops the batch: whatever went wrong is this file's problem, by name.
    if (err instanceof AppError) {
      item.problems.push({ message: err.message, where: { file: file.fileName, ...err.where } });
      for (const d of err.details?.slice(1, 20) ?? []) item.problems.push(d);
    } else
      item.problems.push({
        message: `Tệp "${file.fileName}" không đọc được (${(err instanceof Error ? err.message : String(err)).slice(0, 200)}). Các tệp khác vẫn được đọc bình thường.`,
        where: { file: file.fileName },
      });
    return staged;
  }
  const layout = book.layout;
  item.notes.push(...book.notes);
  item.warnings.push(...book.warnings);
  item.sourcePeriod = { id: layout.periodId, name: layout.periodName };

  // Which unit: the one the book was made for, as long as this database knows it by that code.
  const unit = await db.selectFrom('units').selectAll().where('id', '=', layout.unitId).executeTakeFirst();
  if (!unit || unit.code !== layout.unitCode) {
    item.problems.push({
      message: `Tệp "${file.fileName}" được tạo cho đơn vị "${layout.unitName}" (mã ${layout.unitCode}) nhưng đơn vị này không có trong danh sách đơn vị của phần mềm${unit ? ` (mã số ${layout.unitId} hiện là đơn vị ${unit.code})` : ''}. Có thể tệp được tạo từ máy khác.`,
      where: { file: file.fileName },
    });
    return staged;
  }
  item.unit = { id: unit.id, code: unit.code, name: unit.name };
  staged.targetUnitId = unit.id;

  // Which period and template version; another one may be mapped when the indicators are the same.
  const sameShape = layoutSignature(layout) === signature(template);
  if (layout.periodId !== period.id) {
    item.problems.push({
      message: `Tệp "${file.fileName}" là biểu của kỳ "${layout.periodName}", không phải kỳ "${period.name}" đang nhập.${sameShape ? ' Các chỉ tiêu giống hệt nhau: có thể gán số liệu vào kỳ đang nhập nếu đúng là đơn vị gửi nhầm biểu.' : ' Các chỉ tiêu khác nhau nên không gán được.'}`,
      where: { file: file.fileName },
    });
    item.mappable = sameShape;
  } else if (layout.templateId !== template.id || layout.templateVersion !== template.version) {
    item.problems.push({
      message: `Tệp "${file.fileName}" theo mẫu "${layout.templateCode}" phiên bản ${layout.templateVersion}, còn kỳ "${period.name}" dùng phiên bản ${template.version}.${sameShape ? ' Các chỉ tiêu giống hệt nhau: có thể gán số liệu.' : ' Các chỉ tiêu khác nhau nên không nhập được; hãy gửi đơn vị biểu mới.'}`,
      where: { file: file.fileName },
    });
    item.mappable = sameShape;
  } else if (!sameShape) {
    item.problems.push({
      message: `Tệp "${file.fileName}": danh sách chỉ tiêu trong tệp không khớp mẫu báo cáo của kỳ.`,
      where: { file: file.fileName },
    });
  }
  if (item.problems.length && !item.mappable) return staged;

  // The unit must report in this period (or already have a report).
  const report = await db
    .selectFrom('reports')
    .select(['id', 'status', 'revision'])
    .where('period_id', '=', period.id)
    .where('unit_id', '=', unit.id)
    .executeTakeFirst();
  if (!report && !expected.has(unit.id)) {
    item.problems.push({
      message: `Tệp "${file.fileName}": đơn vị "${unit.name}" không thuộc danh sách phải báo cáo của kỳ "${period.name}".`,
      where: { file: file.fileName },
    });
    item.mappable = false;
    return staged;
  }
  const form = {
    values: report ? await reportValues(db, report.id) : {},
    status: (report?.status ?? 'chua_nop') as ReportStatus,
  };
  item.reportStatus = form.status;
  staged.reportRevision = report?.revision ?? 0;

  const parsed = parseValues(book, template, file.fileName);
  if (parsed.problems.length) {
    item.problems.push(...parsed.problems);
    item.mappable = false;
    return staged;
  }
  staged.values = parsed.values;

  const indicators = new Map(template.indicators.map((i) => [i.code, i]));
  const changes: ReviewChange[] = [];
  const merged: ValueMap = { ...form.values };
  for (const v of parsed.values) {
    const old = form.values[v.key] ?? null;
    if (v.value === null) delete merged[v.key];
    else merged[v.key] = v.value;
    if (old === v.value) continue;
    const ind = indicators.get(v.key) ?? null;
    changes.push({
      key: v.key,
      label: valueKeyLabel(template, v.key),
      oldValue: old,
      newValue: v.value,
      oldText: displayValue(ind, old),
      newText: displayValue(ind, v.value),
    });
  }
  item.changes = changes;
  item.changedCount = changes.length;
  const checks = checkRules(template, merged);
  item.breaches = checks.filter((c) => c.holds === false).map((c) => ({ detail: c.detail, message: c.message }));
  const hasAnyValue = parsed.values.some((v) => v.value !== null);
  const editable = isEditableStatus(form.status);
  item.warnings.push(
    ...plausibilityWarnings(
      file.fileName,
      book,
      template,
      { id: unit.id, kind: unit.kind as UnitKind },
      parsed.values,
      reference,
    ),
  );
  // A formula without its value is told once, as a warning to confirm.
  const uncached = new Set(
    book.cells.filter((c) => c.formula !== null && c.content.kind === 'empty').map((c) => c.address),
  );
  item.notes = item.notes.filter((n) => !(n.where?.cell && uncached.has(n.where.cell)));

  const previous = await db
    .selectFrom('collect_sources')
    .select(['imported_at', 'file_name'])
    .where('sha256', '=', hash)
    .where('unit_id', '=', unit.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (previous) item.previouslyImported = { at: previous.imported_at, fileName: previous.file_name };

  if (item.problems.length) {
    // Mappable: the diff is shown against this period; accepting needs the explicit "map" choice.
    item.acceptable = editable && (changes.length > 0 || hasAnyValue);
    item.willSubmit = item.acceptable;
    return staged;
  }
  if (changes.length > 0 && !editable) {
    item.status = 'problem';
    item.problems.push({
      message: `Báo cáo của ${unit.name} đang ở trạng thái "${REPORT_STATUS_LABELS[form.status]}" nên không nhập được ${changes.length} giá trị mới từ tệp "${file.fileName}". Muốn nhận bản này, hãy trả lại báo cáo trước.`,
      where: { file: file.fileName },
    });
    return staged;
  }
  const hadValues = Object.keys(form.values).some((k) => parsed.values.some((v) => v.key === k));
  item.status = changes.length === 0 ? 'identical' : hadValues ? 'changed' : 'new';
  // An unchanged book still counts as the unit's submission while the report is being entered.
  item.acceptable = editable && hasAnyValue && (changes.length > 0 || form.status !== 'chua_nop');
  // Warnings to confirm: the file is not ticked for the user.
  item.suggested = item.acceptable && changes.length > 0 && item.warnings.length === 0;
  // A received file is a received report: its breaches stay flagged on it.
  item.willSubmit = item.acceptable;
  return staged;
}

/** Reads every file and builds the review; nothing is stored. */
export async function analyzeCollect(
  core: Pick<Core, 'db' | 'jobs' | 'session'>,
  periodId: number,
  files: AnalyzeFile[],
  jobId?: string | null,
): Promise<CollectReview> {
  const period = await getPeriod(core.db, periodId);
  const template = await getTemplate(core.db, period.templateId);
  const expected = new Set((await expectedUnitsOf(core.db, period)).map((u) => u.id));
  const secret = await bookSecret(core.db);
  const reference = await loadReference(core.db, period.id, template);
  const reading = {
    kind: 'import' as const,
    label: 'Đọc biểu đã nộp',
    total: files.length,
    cancellable: true,
    outcome: (read: StagedItem[]) => ({
      summary: `Đã đọc ${formatNumber(read.length)} tệp: mở Thu biểu Excel để duyệt và ghi nhận.`,
    }),
  };
  const items = await core.jobs.run(jobId, reading, async (job: Job) => {
    const out: StagedItem[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const hash = sha256(f.data);
      const first = seen.get(hash);
      if (first !== undefined) {
        const dup = emptyItem(i, f.fileName, f.data, hash);
        const original = out[first]!.review;
        dup.duplicateOf = first;
        dup.unit = original.unit;
        dup.sourcePeriod = original.sourcePeriod;
        dup.problems.push({
          message: `Tệp "${f.fileName}" trùng nội dung với tệp "${original.fileName}" đã chọn trong lần này; chỉ nhập một lần.`,
          where: { file: f.fileName },
        });
        out.push({ review: dup, data: f.data, targetUnitId: null, values: [], reportRevision: 0 });
      } else {
        seen.set(hash, i);
        out.push(await reviewOne(core.db, secret, period, template, expected, f, i, hash, reference));
      }
      job.step(f.fileName);
      await job.pause();
    }
    return out;
  });

  // Two different files for the same unit: the user chooses one.
  const byUnit = new Map<number, StagedItem[]>();
  for (const s of items) {
    if (s.targetUnitId === null || !s.review.acceptable || s.review.duplicateOf !== null) continue;
    byUnit.set(s.targetUnitId, [...(byUnit.get(s.targetUnitId) ?? []), s]);
  }
  for (const [unitId, group] of byUnit) {
    if (group.length < 2) continue;
    for (const s of group) {
      s.review.conflictGroup = `unit-${unitId}`;
      s.review.suggested = false;
      const others = group.filter((o) => o !== s).map((o) => `"${o.review.fileName}"`);
      s.review.notes.push({
        message: `Đơn vị ${s.review.unit?.name ?? ''} còn gửi tệp ${others.join(', ')} khác nội dung trong lần này: hãy chọn một tệp.`,
        where: { file: s.review.fileName },
      });
    }
  }

  const store = core.session.get(BATCHES);
  const batch: Batch = { id: crypto.randomUUID(), periodId, items, createdAt: Date.now() };
  store.set(batch.id, batch);
  while (store.size > MAX_BATCHES) store.delete(store.keys().next().value!);
  const counts: Record<ReviewStatus, number> = { new: 0, changed: 0, identical: 0, problem: 0 };
  for (const s of items) counts[s.review.status]++;
  return { batchId: batch.id, periodId, periodName: period.name, items: items.map((s) => s.review), counts };
}

// ---------------------------------------------------------------- import: commit

export interface AcceptChoice {
  index: number;
  /** Required to store a workbook of another period or template version into this period. */
  map: boolean;
  /** The day this file arrived, when not the batch's. */
  receivedDate?: string | null;
}

function sourcePath(
  dataDir: string,
  periodId: number,
  unitCode: string,
  hash: string,
  fileName: string,
  now: Date,
): { abs: string; rel: string } {
  const base = fileSlug(fileName.replace(/\.xlsx$/i, ''), 60);
  const rel = path.join(
    SOURCES_DIR,
    String(periodId),
    fileSlug(unitCode, 30),
    `${todayIso(now)}-${hash.slice(0, 12)}-${base}.xlsx`,
  );
  return { abs: path.join(dataDir, rel), rel: rel.split(path.sep).join('/') };
}

/** Stores the accepted files of a reviewed batch: all of them or, on any failure, none. */
export async function commitCollect(
  core: Pick<Core, 'db' | 'dataDir' | 'session'>,
  batchId: string,
  accept: AcceptChoice[],
  actor = EXCEL_ACTOR,
  now = new Date(),
  /** The day the files arrived (null: today). */
  receivedDate: string | null = null,
): Promise<CollectCommitResult> {
  const store = core.session.get(BATCHES);
  const today = todayIso(now);
  const batch = store.get(batchId);
  if (!batch)
    throw new AppError(
      'BATCH_EXPIRED',
      'Phiên xem lại các tệp đã hết hạn (phần mềm đã mở lại hoặc đã đọc nhiều lần khác). Hãy chọn lại các tệp để đọc lại.',
    );
  const chosen: StagedItem[] = [];
  const receivedOf = new Map<StagedItem, string>();
  const groups = new Map<string, StagedItem>();
  for (const a of accept) {
    const s = batch.items[a.index];
    if (!s) throw new AppError('BAD_CHOICE', `Không có tệp thứ ${a.index + 1} trong lần đọc này.`);
    const r = s.review;
    if (chosen.includes(s)) continue;
    const received = a.receivedDate ?? receivedDate ?? today;
    if (received > today)
      throw new AppError(
        'BAD_DATE',
        `Ngày nhận tệp "${r.fileName}" (${formatDateShort(received)}) sau hôm nay: chỉ ghi nhận tệp đã đến. Chưa nhập gì.`,
        { file: r.fileName, field: 'receivedDate' },
      );
    receivedOf.set(s, received);
    if (!r.acceptable) {
      throw new AppError(
        'NOT_ACCEPTABLE',
        `Không nhập được tệp "${r.fileName}": ${r.problems[0]?.message ?? 'tệp không có gì để nhập'}`,
        { file: r.fileName },
      );
    }
    if (r.mappable && !a.map) {
      throw new AppError(
        'NEEDS_MAPPING',
        `Tệp "${r.fileName}" là biểu của kỳ "${r.sourcePeriod?.name ?? ''}" hoặc mẫu khác: hãy đánh dấu "Gán vào kỳ này" nếu muốn nhập.`,
        { file: r.fileName },
      );
    }
    if (r.conflictGroup) {
      const other = groups.get(r.conflictGroup);
      if (other) {
        throw new AppError(
          'CONFLICT',
          `Đơn vị ${r.unit?.name ?? ''} có hai tệp khác nhau trong lần này ("${other.review.fileName}" và "${r.fileName}"): chỉ chọn một tệp.`,
          { file: r.fileName },
        );
      }
      groups.set(r.conflictGroup, s);
    }
    chosen.push(s);
  }
  if (chosen.length === 0) return { saved: [] };

  // Copies first (content-addressed, so a leftover after a failure is harmless), then one transaction.
  // The copies about to be made are noted first: a kill in between leaves them to the next start.
  const written: string[] = [];
  const paths = new Map<StagedItem, string>();
  const planned = chosen.map((s) =>
    sourcePath(core.dataDir, batch.periodId, s.review.unit!.code, s.review.sha256, s.review.fileName, now),
  );
  const done = noteWrites(
    core.dataDir,
    planned.filter((p) => !fs.existsSync(p.abs)).map((p) => p.rel),
  );
  try {
    for (const [i, s] of chosen.entries()) {
      const p = planned[i]!;
      if (!fs.existsSync(p.abs)) {
        fs.mkdirSync(path.dirname(p.abs), { recursive: true });
        writeFileAtomic(p.abs, s.data);
        written.push(p.abs);
      }
      paths.set(s, p.rel);
    }
    const saved = await core.db.transaction().execute(async (trx) => {
      const out: CollectCommitResult['saved'] = [];
      for (const s of chosen) {
        const r = s.review;
        const unitId = s.targetUnitId!;
        const current = await trx
          .selectFrom('reports')
          .select(['revision'])
          .where('period_id', '=', batch.periodId)
          .where('unit_id', '=', unitId)
          .executeTakeFirst();
        if ((current?.revision ?? 0) !== s.reportRevision) {
          throw new AppError(
            'STALE',
            `Báo cáo của ${r.unit!.name} vừa được sửa sau khi đọc tệp "${r.fileName}". Hãy đọc lại các tệp rồi xem lại trước khi nhập.`,
            { file: r.fileName },
          );
        }
        const note = `Nhập từ tệp Excel "${r.fileName}" (SHA-256 ${r.sha256.slice(0, 16)}…)`;
        let form = await saveReportValuesIn(
          trx,
          {
            periodId: batch.periodId,
            unitId,
            values: s.values.map((v) => ({
              key: v.key,
              input: v.value === null ? null : toInput({ ...v, value: v.value }),
            })),
            reasons: [],
            actor,
            note,
          },
          now,
        );
        // The file arrived: the report is received on its day, breaches flagged on it (never "not received").
        if (form.report.status === 'dang_nhap') {
          form = await transitionReportIn(
            trx,
            {
              periodId: batch.periodId,
              unitId,
              to: 'da_nop',
              receivedDate: receivedOf.get(s)!,
              channel: 'imported',
              acceptBreaches: true,
              note,
              actor,
            },
            now,
          );
        }
        const report = await trx
          .selectFrom('reports')
          .select(['id', 'revision'])
          .where('period_id', '=', batch.periodId)
          .where('unit_id', '=', unitId)
          .executeTakeFirstOrThrow();
        const breachCount = form.checks.filter((c) => c.holds === false).length;
        await trx
          .insertInto('collect_sources')
          .values({
            period_id: batch.periodId,
            unit_id: unitId,
            report_id: report.id,
            revision: report.revision,
            channel: 'excel',
            file_name: r.fileName,
            sha256: r.sha256,
            size: r.size,
            stored_path: paths.get(s)!,
            changed_count: r.changedCount,
            breach_count: breachCount,
            actor,
            imported_at: now.toISOString(),
          })
          .execute();
        out.push({
          index: r.index,
          fileName: r.fileName,
          unitCode: r.unit!.code,
          unitName: r.unit!.name,
          revision: report.revision,
          status: form.report.status,
          receivedDate: form.report.receivedDate,
          changedCount: r.changedCount,
          breachCount,
        });
      }
      return out;
    });
    store.delete(batchId);
    done();
    return { saved };
  } catch (err) {
    for (const p of written) fs.rmSync(p, { force: true });
    done();
    throw err;
  }
}

/** A canonical stored value as the report service reads typed input (decimal comma; "1"/"0" for Có/Không). */
function toInput(v: ParsedValue & { value: string }): string {
  const numeric = v.type === 'count' || v.type === 'amount' || v.type === 'percent';
  return numeric ? v.value.replace('.', ',') : v.value;
}
