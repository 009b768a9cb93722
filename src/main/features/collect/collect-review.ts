// Collecting reports by Excel, in: returned workbooks are read and compared with what is stored,
// and shown for review; nothing is stored here. The reviewed batch waits in the session for the
// user's choice (collect.ts stores it).
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Core } from '../../core/core';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { REPORT_STATUS_LABELS, type ReportStatus, type ValueMap } from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';
import type { Period } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import type { CollectReview, ReviewChange, ReviewItem, ReviewStatus } from '../../../shared/model/collect';
import { type Job } from '../../core/jobs';
import { sessionSlot } from '../../core/session';
import { readCollectWorkbook, type ReadBook } from './collect-reader';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { loadReference, plausibilityWarnings, type Reference } from './plausibility';
import { checkRules } from '../reports/reports';
import { valueKeyLabel } from '../../../shared/domain/report-values';
import { isEditableStatus } from '../../../shared/domain/report-status';
import { getTemplate } from '../templates/templates';
import { bookSecret } from '../safety/settings';
import {
  displayValue,
  emptyItem,
  layoutSignature,
  parseValues,
  sha256,
  signature,
  type ParsedValue,
} from './collect-values';
import { reportValues } from './collect-export';

// ---------------------------------------------------------------- import: review

export interface StagedItem {
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
export const BATCHES = sessionSlot('collect.batches', () => new Map<string, Batch>());

export interface AnalyzeFile {
  fileName: string;
  data: Uint8Array;
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
        message: `Tệp “${file.fileName}” không đọc được (${(err instanceof Error ? err.message : String(err)).slice(0, 200)}). Các tệp khác vẫn được đọc bình thường.`,
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
      message: `Tệp “${file.fileName}” được tạo cho đơn vị “${layout.unitName}” (mã ${layout.unitCode}) nhưng đơn vị này không có trong danh sách đơn vị của phần mềm${unit ? ` (mã số ${layout.unitId} hiện là đơn vị ${unit.code})` : ''}. Có thể tệp được tạo từ máy khác.`,
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
      message: `Tệp “${file.fileName}” là biểu của kỳ “${layout.periodName}”, không phải kỳ “${period.name}” đang nhập.${sameShape ? ' Các chỉ tiêu giống hệt nhau: có thể gán số liệu vào kỳ đang nhập nếu đúng là đơn vị gửi nhầm biểu.' : ' Các chỉ tiêu khác nhau nên không gán được.'}`,
      where: { file: file.fileName },
    });
    item.mappable = sameShape;
  } else if (layout.templateId !== template.id || layout.templateVersion !== template.version) {
    item.problems.push({
      message: `Tệp “${file.fileName}” theo mẫu “${layout.templateCode}” phiên bản ${layout.templateVersion}, còn kỳ “${period.name}” dùng phiên bản ${template.version}.${sameShape ? ' Các chỉ tiêu giống hệt nhau: có thể gán số liệu.' : ' Các chỉ tiêu khác nhau nên không nhập được; hãy gửi đơn vị biểu mới.'}`,
      where: { file: file.fileName },
    });
    item.mappable = sameShape;
  } else if (!sameShape) {
    item.problems.push({
      message: `Tệp “${file.fileName}”: danh sách chỉ tiêu trong tệp không khớp mẫu báo cáo của kỳ.`,
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
      message: `Tệp “${file.fileName}”: đơn vị “${unit.name}” không thuộc danh sách phải báo cáo của kỳ “${period.name}”.`,
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
      message: `Báo cáo của ${unit.name} đang ở trạng thái “${REPORT_STATUS_LABELS[form.status]}” nên không nhập được ${changes.length} giá trị mới từ tệp “${file.fileName}”. Muốn nhận bản này, hãy trả lại báo cáo trước.`,
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
          message: `Tệp “${f.fileName}” trùng nội dung với tệp “${original.fileName}” đã chọn trong lần này; chỉ nhập một lần.`,
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
      const others = group.filter((o) => o !== s).map((o) => `“${o.review.fileName}”`);
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
