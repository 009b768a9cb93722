// One document model, two files: Word (.docx) or PDF ready for ký số. Every export that offers a
// .docx offers a PDF through here: the writer, the save dialog's filter and the file's extension.
import type { DocumentModel } from '../../shared/contract/document-model';
import type { DocumentFormat } from '../../shared/model/document';
import type { FileFilter } from '../platform/platform';
import { writeFileAtomic } from '../platform/files';
import { parseDocumentModel } from './model';
import { renderDocx } from './docx-writer';
import { renderPdf } from './pdf-writer';

export const FORMAT_FILTERS: Record<DocumentFormat, FileFilter[]> = {
  docx: [{ name: 'Văn bản Word', extensions: ['docx'] }],
  pdf: [{ name: 'Văn bản PDF (để ký số)', extensions: ['pdf'] }],
};

export function renderDocument(model: DocumentModel, format: DocumentFormat): Promise<Uint8Array> {
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}

/** "05-BC-SNV-2025-06-05.docx" → "05-BC-SNV-2025-06-05.pdf" for a PDF. */
export function withExtension(fileName: string, format: DocumentFormat): string {
  return fileName.replace(/\.(docx|pdf)$/i, '') + `.${format}`;
}

/** The format a file name asks for: ".pdf" → PDF, ".docx" → Word, anything else → null. */
export function formatOfFile(file: string): DocumentFormat | null {
  const m = /\.(docx|pdf)$/i.exec(file);
  return m ? (m[1]!.toLowerCase() as DocumentFormat) : null;
}

/** Validates a raw model and writes it atomically; a model that breaks the schema writes nothing. */
export async function writeDocument(raw: unknown, target: string, format: DocumentFormat): Promise<DocumentModel> {
  const model = parseDocumentModel(raw);
  writeFileAtomic(target, await renderDocument(model, format));
  return model;
}
