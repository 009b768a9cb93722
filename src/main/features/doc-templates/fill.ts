// Filling a Word template: one document, or one per unit ("gửi từng đơn vị") with progress.
// A template with errors is never filled; a value the data lacks leaves an empty place and a
// warning; a register number, when asked for, is taken before and written into the document.
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import { formatNumber, todayIso } from '../../../shared/format';
import type { DocumentTypeName } from '../../../shared/model/document';
import type {
  DocUsage,
  FilledFile,
  MailMergeResult,
  fillFileInput,
  fillInput,
  fillSourceInput,
  mailMergeInput,
} from '../../../shared/contract/doc-templates';
import { writeFileAtomic } from '../../platform/files';
import type { Jobs } from '../../core/jobs';
import { registerDocument } from '../documents/register';
import { getAgency } from '../agency/agency';
import { openDocx } from './package';
import { lintPackage } from './lint';
import {
  prepareTemplate,
  renderTemplate,
  type PreparedTemplate,
  type TemplateData,
  type TemplateValue,
} from './engine';
import { buildValues } from './values';
import { imageValues } from './images';
import { describeEmpty } from './field-labels';
import { versionFile } from './store';

const WORD_FILTER = [{ name: 'Văn bản Word', extensions: ['docx'] }];

const DOCUMENT_TYPE: Record<DocUsage, DocumentTypeName> = {
  report: 'Báo cáo',
  reminder: 'Công văn',
  scoring: 'Báo cáo',
  unit_letter: 'Công văn',
};

/** The template checked and prepared; refused with the linter's errors when it has any. */
async function preparedOf(data: Uint8Array, fileName: string, usage: DocUsage | null): Promise<PreparedTemplate> {
  const pkg = await openDocx(data, fileName);
  const lint = lintPackage(pkg, fileName, { usage, installedFonts: null });
  if (!lint.ok) {
    const errors = lint.findings.filter((f) => f.severity === 'error');
    throw new AppError(
      'TEMPLATE_HAS_ERRORS',
      `Mẫu “${fileName}” có ${errors.length} lỗi nên chưa điền được: ${errors[0]!.message}${errors[0]!.where ? ` (${errors[0]!.where})` : ''}`,
      { file: fileName },
      errors.map((e) => ({ message: `${e.where ? `${e.where}: ` : ''}${e.message}` })),
    );
  }
  return prepareTemplate(await openDocx(data, fileName));
}

/** Usage of a file that is not stored: guessed from what is given. */
const usageOf = (s: z.output<typeof fillSourceInput>): DocUsage =>
  s.roundId !== null && s.periodId === null ? 'scoring' : s.unitId !== null ? 'unit_letter' : 'report';

/**
 * Writes the document(s), with a register number when asked: the number is taken, written into
 * the values and the files written in one transaction, so a failed write gives the number back.
 */
async function issued<T>(
  db: Kysely<DB>,
  usage: DocUsage,
  summary: string,
  s: z.output<typeof fillSourceInput>,
  values: TemplateData,
  filePath: string,
  write: (values: TemplateData) => Promise<T>,
  now: Date,
): Promise<T> {
  if (!s.takeNumber) return write(values);
  const doc = values.document as Record<string, TemplateValue>;
  const symbol = typeof doc.symbol === 'string' ? doc.symbol : '';
  const agency = await getAgency(db);
  const signer = agency.signers.find((x) => x.isDefault) ?? agency.signers[0];
  return db.transaction().execute(async (trx) => {
    const date = s.date ?? todayIso(now);
    const entry = await registerDocument(
      trx,
      { documentType: DOCUMENT_TYPE[usage], symbol, date, summary, signerName: signer?.fullName ?? '', filePath },
      true,
      now,
    );
    const number = String(entry.number).padStart(2, '0');
    return write({ ...values, document: { ...doc, number, numberLine: symbol ? `Số: ${number}/${symbol}` : null } });
  });
}

function warningsOf(empty: Set<string>): string[] {
  return [...empty].sort().map(describeEmpty);
}

async function fillOne(
  db: Kysely<DB>,
  platform: Platform,
  data: Uint8Array,
  fileName: string,
  usage: DocUsage,
  s: z.output<typeof fillSourceInput>,
  outName: string,
  now: Date,
): Promise<FilledFile> {
  const prepared = await preparedOf(data, fileName, usage);
  const target = await platform.chooseSavePath(outName, WORD_FILTER);
  if (!target) return { saved: false, path: null, warnings: [] };
  const { data: values, period } = await buildValues(db, {
    usage,
    periodId: s.periodId,
    roundId: s.roundId,
    date: s.date,
    newDeadline: s.newDeadline,
    number: null,
    images: await imageValues(db),
  });
  if (s.unitId !== null) {
    if (!period)
      throw new AppError('NEED_PERIOD', 'Cần chọn kỳ báo cáo để điền văn bản gửi đơn vị.', { field: 'periodId' });
    values.unit = await period.unitData(s.unitId);
  }
  // A dry run first: a template the data cannot fill takes no number.
  renderTemplate(prepared, values);
  const out = await issued(
    db,
    usage,
    outName.replace(/\.docx$/i, ''),
    s,
    values,
    target,
    async (v) => {
      const r = renderTemplate(prepared, v);
      writeFileAtomic(target, r.bytes);
      return r;
    },
    now,
  );
  return { saved: true, path: target, warnings: warningsOf(out.notes.empty) };
}

const safeName = (s: string) =>
  s
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120) || 'van-ban';

export async function fillStored(
  db: Kysely<DB>,
  platform: Platform,
  a: z.output<typeof fillInput>,
  now = new Date(),
): Promise<FilledFile> {
  const f = await versionFile(db, a.id, a.version);
  return fillOne(db, platform, f.data, f.fileName, f.usage, a, `${safeName(f.name)} - ${todayIso(now)}.docx`, now);
}

export async function fillFile(
  db: Kysely<DB>,
  platform: Platform,
  a: z.output<typeof fillFileInput>,
  now = new Date(),
): Promise<FilledFile> {
  return fillOne(
    db,
    platform,
    a.data,
    a.fileName,
    usageOf(a),
    a,
    safeName(a.fileName.replace(/\.docx$/i, '')) + ' - đã điền.docx',
    now,
  );
}

/** Gửi từng đơn vị: one document per chosen unit, in a folder the user picks, with progress. */
export async function mailMerge(
  db: Kysely<DB>,
  platform: Platform,
  jobs: Jobs,
  a: z.output<typeof mailMergeInput>,
  now = new Date(),
): Promise<MailMergeResult> {
  const f = await versionFile(db, a.id, null);
  const usage: DocUsage = f.usage === 'scoring' || f.usage === 'report' ? 'unit_letter' : f.usage;
  const prepared = await preparedOf(f.data, f.fileName, usage);
  const folder = await platform.chooseFolder();
  if (!folder) return { saved: false, folder: null, files: [] };
  const { data: values, period } = await buildValues(db, {
    usage,
    periodId: a.periodId,
    roundId: null,
    date: a.date,
    newDeadline: a.newDeadline,
    number: null,
    images: await imageValues(db),
  });
  // Every letter's unit first (reads), then one numbered run of renders and writes.
  const units: { unitId: number; unit: TemplateValue }[] = [];
  for (const unitId of a.unitIds) units.push({ unitId, unit: await period!.unitData(unitId) });
  const files: MailMergeResult['files'] = [];
  const used = new Set<string>();
  fs.mkdirSync(folder, { recursive: true });
  const merging = {
    kind: 'mail-merge' as const,
    label: `Gửi từng đơn vị: ${f.name}`,
    total: units.length,
    cancellable: true,
    outcome: () => ({ summary: `Đã soạn ${formatNumber(files.length)} văn bản gửi từng đơn vị.`, open: folder }),
  };
  await jobs.run(a.jobId || null, merging, (job) =>
    issued(
      db,
      usage,
      `${f.name} (gửi từng đơn vị)`,
      a,
      values,
      folder,
      async (base) => {
        for (const { unitId, unit } of units) {
          const name = (unit as { name: string | null }).name ?? `Đơn vị ${unitId}`;
          const out = renderTemplate(prepared, { ...base, unit });
          let file = `${safeName(name)}.docx`;
          for (let k = 2; used.has(file.toLowerCase()); k++) file = `${safeName(name)} (${k}).docx`;
          used.add(file.toLowerCase());
          const target = path.join(folder, file);
          writeFileAtomic(target, out.bytes);
          files.push({ unitId, unitName: name, path: target, warnings: warningsOf(out.notes.empty) });
          job.step(name);
          await job.pause();
        }
      },
      now,
    ),
  );
  return { saved: true, folder, files };
}
