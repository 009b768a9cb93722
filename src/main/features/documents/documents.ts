// Issuing official documents: number from the register, .docx or PDF from the one plan, atomic write.
// Services hand the writer a model; they never lay anything out themselves.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import type { DocumentModel } from '../../../shared/contract/document-model';
import type { SavedDocument } from '../../../shared/contract/documents';
import type { RegisterEntry } from '../../../shared/model/document';
import type { Executor } from '../../db/executor';
import {
  documentTypeAbbreviation,
  type DocumentFormat,
  type DocumentOutput,
  type SampleKind,
} from '../../../shared/model/document';
import { withSignatureImages } from '../agency/signatures';
import { todayIso } from '../../../shared/format';
import { writeFileAtomic } from '../../platform/files';
import { documentRef, exportFileName, type ExportType } from '../../platform/export-names';
import { parseDocumentModel } from '../../documents/model';
import { FORMAT_FILTERS, renderDocument, withExtension } from '../../documents/render';
import { SAMPLE_AGENCY, SAMPLE_FILE_NAMES, sampleModel } from './samples';
import { getAgency } from '../agency/agency';
import { getDocumentSettings } from './document-settings';
import { peekNextNumber, registerDocument } from './register';

const WORD: DocumentOutput = { format: 'docx', images: false };

/** The model as this output shows it: with the signature and seal images when asked for. */
export function forOutput(db: Kysely<DB>, model: DocumentModel, output: DocumentOutput): Promise<DocumentModel> {
  return output.images ? withSignatureImages(db, model) : Promise.resolve(model);
}

/** What a document's default file name says before its number: its type and what it is about. */
export interface DocumentFileTitle {
  type: ExportType;
  parts: string[];
}

/**
 * "Bao-cao-tong-hop_6-thang-dau-nam-2025_So-05-BC-SNV.docx" when the caller says what the document
 * is; otherwise "05-BC-SNV-2025-06-05.docx" (or .pdf), "BC-SNV-2025-06-05.docx" for a blank number.
 */
export function documentFileName(
  model: DocumentModel,
  format: DocumentFormat = 'docx',
  title?: DocumentFileTitle,
): string {
  const h = model.header;
  const type = documentTypeAbbreviation(model.type) || 'CV';
  const symbol = h.symbol.startsWith(type) || model.type === 'Công văn' ? h.symbol : `${type}-${h.symbol}`;
  if (title) return exportFileName(title.type, [...title.parts, documentRef(h.number, symbol)], format);
  const num = h.number === null ? '' : `${String(h.number).padStart(2, '0')}-`;
  return `${num}${symbol}-${h.date}.${format}`.replace(/[\\/:*?"<>|\s]+/g, '-');
}

/**
 * Writes a document where the user chooses and enters it in the register, all or nothing:
 * if the file cannot be written, the register line and its number are given back.
 */
export async function exportDocument(
  db: Kysely<DB>,
  platform: Platform,
  given: DocumentModel,
  takeNumber: boolean,
  now = new Date(),
  /** Runs in the register's transaction once the file is written: a failure gives the number back. */
  afterWrite?: (trx: Executor, entry: RegisterEntry, target: string) => Promise<void>,
  output: DocumentOutput = WORD,
  /** Names the file by what it is (Bao-cao-tong-hop_…); without it, by number and date. */
  title?: DocumentFileTitle,
): Promise<SavedDocument> {
  const format = output.format;
  // The page settings chosen in Cài đặt → Thể thức văn bản apply to every document.
  const model = await forOutput(db, { ...given, settings: await getDocumentSettings(db) }, output);
  const next = takeNumber
    ? await peekNextNumber(db, model.type, Number(model.header.date.slice(0, 4)))
    : model.header.number;
  const target = await platform.chooseSavePath(
    documentFileName({ ...model, header: { ...model.header, number: next } }, format, title),
    FORMAT_FILTERS[format],
  );
  if (!target) return { saved: false, path: null, entry: null };
  return db.transaction().execute(async (trx) => {
    const entry = await registerDocument(
      trx,
      {
        documentType: model.type,
        symbol: model.header.symbol,
        date: model.header.date,
        summary: model.summary,
        signerName: model.signature.fullName,
        filePath: target,
        number: model.header.number,
      },
      takeNumber,
      now,
    );
    const numbered: DocumentModel = takeNumber
      ? { ...model, header: { ...model.header, number: entry.number } }
      : model;
    writeFileAtomic(target, await renderDocument(numbered, format));
    await afterWrite?.(trx, entry, target);
    return { saved: true, path: target, entry };
  });
}

/** Writes one sample document with the user's agency (the built-in one when none is set up). */
export async function saveSample(
  db: Kysely<DB>,
  platform: Platform,
  kind: SampleKind,
  date = todayIso(),
  output: DocumentOutput = WORD,
): Promise<SavedDocument> {
  const format = output.format;
  const agency = await getAgency(db);
  const model = await forOutput(
    db,
    {
      ...parseDocumentModel(
        sampleModel(
          kind,
          agency.name
            ? { ...agency, signers: agency.signers.length ? agency.signers : SAMPLE_AGENCY.signers }
            : SAMPLE_AGENCY,
          date,
        ),
      ),
      settings: await getDocumentSettings(db),
    },
    output,
  );
  const target = await platform.chooseSavePath(withExtension(SAMPLE_FILE_NAMES[kind], format), FORMAT_FILTERS[format]);
  if (!target) return { saved: false, path: null, entry: null };
  writeFileAtomic(target, await renderDocument(model, format));
  return { saved: true, path: target, entry: null };
}
