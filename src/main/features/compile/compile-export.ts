// Tổng hợp's exports: the report through the Word writer (a numbered one kept exactly as registered),
// the summary workbook, an email draft carrying both, and opening the folder of the last export.
import type { DocumentOutput } from '../../../shared/model/document';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { todayIso } from '../../../shared/format';
import type { DraftView, EmailDraft, exportReportInput, SavedFile } from '../../../shared/contract/compile';
import { getAgency } from '../agency/agency';
import { exportDocument, type DocumentFileTitle } from '../documents/documents';
import { documentRef, exportFileName } from '../../platform/export-names';
import { saveExport } from '../../platform/exports';
import { parseDocumentModel } from '../../documents/model';
import { agencyInSentence, buildReportModel } from './report-document';
import { writeSummaryWorkbook } from './summary-book';
import { buildEml, DOCX_TYPE, XLSX_TYPE } from './eml';
import { writeFileAtomic } from '../../platform/files';
import { assertMayNumber, citeRegistration, keepRegistered, registeredBytes, registrationOf } from './registered';
import type { RegisterEntry } from '../../../shared/model/document';
import type { Executor } from '../../db/executor';
import { getCompileSettings, type WindowArgs } from './compile';
import { getDraft, windowKey } from './compile-draft';

export type ExportReportArgs = z.output<typeof exportReportInput>;
// ——— Exports ———

async function reportModel(db: Kysely<DB>, args: ExportReportArgs, number: number | null) {
  const v = await getDraft(db, args);
  const agency = await getAgency(db);
  const settings = await getCompileSettings(db);
  const model = parseDocumentModel(buildReportModel(v, agency, settings, { date: args.date ?? todayIso(), number }));
  const title: DocumentFileTitle = { type: 'report', parts: [periodNames(v)] };
  return { v, agency, settings, model, title };
}

/** "6 tháng đầu năm 2025" (the names of the window's periods), for file names. */
function periodNames(v: DraftView): string {
  return v.compile.current.periods.map((p) => p.name).join(', ');
}

/** "Bieu-tong-hop_6-thang-dau-nam-2025.xlsx" (export-names.ts: safe on every file system). */
export function summaryFileName(periodNames: string): string {
  return exportFileName('summaryBook', [periodNames], 'xlsx');
}

/**
 * The Word report where the user chooses. With a number: entered in the register, and the exact
 * file kept in the data folder (the one every later email attaches); a second number asks first.
 */
export async function exportWord(
  db: Kysely<DB>,
  platform: Platform,
  dataDir: string,
  args: ExportReportArgs,
  now = new Date(),
  output: DocumentOutput = { format: 'docx', images: false },
): Promise<SavedFile> {
  const key = windowKey(args.periodIds);
  if (args.takeNumber) await assertMayNumber(db, key, args.renumber);
  const { model, title } = await reportModel(db, args, null);
  // The registered copy that emails attach is the Word file; a PDF is for signing and is not kept.
  const keep = output.format === 'docx' ? keeper(dataDir, key, args.takeNumber, now) : undefined;
  const r = await exportDocument(db, platform, model, args.takeNumber, now, keep, output, title);
  return { saved: r.saved, path: r.path, number: r.entry?.number ?? null };
}

/** Keeps a numbered report's exact file, in the register's transaction. */
function keeper(dataDir: string, key: string, numbered: boolean, now: Date) {
  if (!numbered) return undefined;
  return async (trx: Executor, entry: RegisterEntry, target: string) => {
    await keepRegistered(
      trx,
      dataDir,
      {
        windowKey: key,
        registerId: entry.id,
        number: entry.number!,
        symbol: entry.symbol,
        date: entry.date,
        sourcePath: target,
      },
      now,
    );
  };
}

async function summaryBytes(
  db: Kysely<DB>,
  args: WindowArgs,
): Promise<{ bytes: Uint8Array; name: string; v: DraftView }> {
  const v = await getDraft(db, args);
  const agency = await getAgency(db);
  const bytes = await writeSummaryWorkbook({ agency, title: v.rendered.title, compile: v.compile });
  return { bytes, name: summaryFileName(periodNames(v)), v };
}

export async function exportExcel(db: Kysely<DB>, platform: Platform, args: WindowArgs): Promise<SavedFile> {
  const { bytes, name } = await summaryBytes(db, args);
  const r = await saveExport(platform, name, [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }], bytes);
  return r;
}

/**
 * Word and Excel files and an unsent .eml with both attached, in a folder the user picks; then
 * the .eml is opened with the system mail app. Without a mail app the files and the text to
 * paste are still there.
 */
export async function emailDraft(
  db: Kysely<DB>,
  platform: Platform,
  dataDir: string,
  args: ExportReportArgs,
  now = new Date(),
): Promise<EmailDraft> {
  const settings = await getCompileSettings(db);
  const key = windowKey(args.periodIds);
  if (args.takeNumber) await assertMayNumber(db, key, args.renumber);
  const folder = await platform.chooseFolder();
  const empty: EmailDraft = {
    saved: false,
    folder: null,
    emlPath: null,
    docxPath: null,
    xlsxPath: null,
    opened: false,
    openError: '',
    to: settings.emailTo,
    cc: settings.emailCc,
    subject: '',
    body: '',
  };
  if (!folder) return empty;
  const { model, agency, title } = await reportModel(db, args, null);
  const inFolder: Platform = { ...platform, chooseSavePath: async (name) => path.join(folder, name) };
  // The Word file attached: the registered one byte for byte when the report has a number,
  // otherwise a copy without a number (and the letter says so).
  let registration = args.takeNumber ? null : await registrationOf(db, key);
  let docxPath: string;
  let docx: Uint8Array;
  if (registration) {
    docx = registeredBytes(dataDir, registration);
    docxPath = path.join(
      folder,
      exportFileName('report', [...title.parts, documentRef(registration.number, registration.symbol)], 'docx'),
    );
    writeFileAtomic(docxPath, docx);
  } else {
    const word = await exportDocument(
      db,
      inFolder,
      model,
      args.takeNumber,
      now,
      keeper(dataDir, key, args.takeNumber, now),
      undefined,
      title,
    );
    docxPath = word.path!;
    registration = args.takeNumber ? await registrationOf(db, key) : null;
    docx = registration ? registeredBytes(dataDir, registration) : new Uint8Array(fs.readFileSync(docxPath));
  }
  const { bytes: xlsx, name: xlsxName, v } = await summaryBytes(db, args);
  const xlsxPath = path.join(folder, xlsxName);
  writeFileAtomic(xlsxPath, xlsx);

  const issuer = agencyInSentence(agency.name);
  const ref = registration ? citeRegistration(registration) : '(bản chưa có số, ngày tháng)';
  const periods = v.compile.current.periods.map((p) => p.name).join(', ');
  const about = v.rendered.title.replace(/^\p{L}/u, (c) => c.toLocaleLowerCase('vi'));
  const subject = registration
    ? `${issuer} gửi Báo cáo ${citeRegistration(registration)} về ${about}`
    : `${issuer} gửi Báo cáo ${about}`;
  const st = v.compile.current.status;
  const body = [
    settings.to.length ? `Kính gửi: ${settings.to.join('; ')}.` : 'Kính gửi: Quý cơ quan.',
    '',
    `${issuer} gửi kèm theo thư này Báo cáo ${ref} về ${about} (tệp Word${registration ? ' đúng như văn bản đã vào sổ' : ''}) và biểu tổng hợp số liệu ${periods} (tệp Excel).`,
    `Số cơ quan, đơn vị đã gửi báo cáo: ${st.reported}/${st.expected}${st.missing ? `; chưa gửi: ${st.missing}` : ''}.`,
    '',
    'Trân trọng./.',
    '',
    `${issuer}`,
  ].join('\n');
  const eml = await buildEml({
    to: settings.emailTo,
    cc: settings.emailCc,
    subject,
    text: body,
    date: now,
    attachments: [
      { filename: path.basename(docxPath), content: docx, contentType: DOCX_TYPE },
      { filename: xlsxName, content: xlsx, contentType: XLSX_TYPE },
    ],
  });
  const emlPath = path.join(folder, exportFileName('reportMail', [periods], 'eml'));
  writeFileAtomic(emlPath, eml);
  let opened = false;
  let openError = '';
  try {
    await platform.openPath(emlPath);
    opened = true;
  } catch (err) {
    openError = `${err instanceof Error ? err.message : String(err)} Các tệp vẫn ở thư mục ${folder}; có thể dán nội dung thư dưới đây vào phần mềm thư.`;
  }
  return {
    saved: true,
    folder,
    emlPath,
    docxPath,
    xlsxPath,
    opened,
    openError,
    to: settings.emailTo,
    cc: settings.emailCc,
    subject,
    body,
  };
}

/** Opens the folder of the last export (held by the caller's session: see handlers.ts). */
export async function openExportFolder(
  platform: Platform,
  folder: string | null,
): Promise<{ opened: boolean; error: string }> {
  if (!folder) return { opened: false, error: 'Chưa xuất tệp nào trong lần làm việc này.' };
  try {
    await platform.openPath(folder);
    return { opened: true, error: '' };
  } catch (err) {
    return { opened: false, error: err instanceof Error ? err.message : String(err) };
  }
}
