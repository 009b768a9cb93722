// Collecting reports by Excel: only the files the user accepts from a reviewed batch are stored, all in
// one transaction, each as a report revision noting the file's name and SHA-256, with a copy of the file
// kept under the data folder. Out: collect-export.ts; the review: collect-review.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core/core';
import { AppError } from '../../../shared/errors';
import { formatDateShort, todayIso } from '../../../shared/format';
import type { CollectCommitResult } from '../../../shared/model/collect';
import { writeFileAtomic } from '../../platform/files';
import { SOURCES_DIR } from '../../platform/kept-files';
import { noteWrites } from '../../core/intents';
import { fileSlug } from '../../workbooks/cell-text';
import { saveReportValuesIn } from '../reports/reports';
import { transitionReportIn } from '../reports/approval';
import { BATCHES, type StagedItem } from './collect-review';
import type { ParsedValue } from './collect-values';

/** Where kept copies of accepted files go, under the app's data folder. */
export { SOURCES_DIR } from '../../platform/kept-files';
export const EXCEL_ACTOR = 'Nhập biểu Excel';

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
        `Ngày nhận tệp “${r.fileName}” (${formatDateShort(received)}) sau hôm nay: chỉ ghi nhận tệp đã đến. Chưa nhập gì.`,
        { file: r.fileName, field: 'receivedDate' },
      );
    receivedOf.set(s, received);
    if (!r.acceptable) {
      throw new AppError(
        'NOT_ACCEPTABLE',
        `Không nhập được tệp “${r.fileName}”: ${r.problems[0]?.message ?? 'tệp không có gì để nhập'}`,
        { file: r.fileName },
      );
    }
    if (r.mappable && !a.map) {
      throw new AppError(
        'NEEDS_MAPPING',
        `Tệp “${r.fileName}” là biểu của kỳ “${r.sourcePeriod?.name ?? ''}” hoặc mẫu khác: hãy đánh dấu “Gán vào kỳ này” nếu muốn nhập.`,
        { file: r.fileName },
      );
    }
    if (r.conflictGroup) {
      const other = groups.get(r.conflictGroup);
      if (other) {
        throw new AppError(
          'CONFLICT',
          `Đơn vị ${r.unit?.name ?? ''} có hai tệp khác nhau trong lần này (“${other.review.fileName}” và “${r.fileName}”): chỉ chọn một tệp.`,
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
            `Báo cáo của ${r.unit!.name} vừa được sửa sau khi đọc tệp “${r.fileName}”. Hãy đọc lại các tệp rồi xem lại trước khi nhập.`,
            { file: r.fileName },
          );
        }
        const note = `Nhập từ tệp Excel “${r.fileName}” (SHA-256 ${r.sha256.slice(0, 16)}…)`;
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
            // The revision the review was made on: a change since (by anyone) refuses the batch.
            expectedRevision: s.reportRevision,
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
