// Collecting reports by Excel, out: one data-entry workbook per expected unit, stamped with the
// stored values and written atomically into a folder, a few files in flight while the next are stamped.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Core } from '../../core/core';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { type ValueMap } from '../../../shared/model/report';
import type { CollectExportFile, CollectExportResult } from '../../../shared/model/collect';
import { writeFileAtomicAsync } from '../../platform/files';
import { NO_JOB, type Job } from '../../core/jobs';
import { collectFileName } from './collect-book';
import { collectStamper } from './collect-stamp';
import { getAgency } from '../agency/agency';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { getTemplate } from '../templates/templates';
import { getUnit, toUnit } from '../units/units';
import { bookSecret } from '../safety/settings';

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
        `Đơn vị “${unit.name}” không thuộc danh sách phải báo cáo của kỳ “${period.name}” nên không xuất biểu cho đơn vị này.`,
      );
    }
    unitIds = [unit.id];
  }
  if (unitIds.length === 0) throw new AppError('NO_UNITS', `Kỳ “${period.name}” không có đơn vị nào phải báo cáo.`);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new AppError(
      'NO_FOLDER',
      `Không tạo được thư mục “${folder}”: ${err instanceof Error ? err.message : String(err)}`,
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

export async function reportValues(db: Kysely<DB>, reportId: number): Promise<ValueMap> {
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
