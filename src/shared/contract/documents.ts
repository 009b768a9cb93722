// Official documents and the outgoing-document register (sổ văn bản đi).
import { z } from 'zod';
import { method } from './define';
import { isoDate } from './schemas';
import { documentModel, documentSettings } from './document-model';
import { emptyInput } from './schemas';
import { DOCUMENT_FORMATS, DOCUMENT_TYPE_NAMES, SAMPLE_KINDS, type RegisterEntry } from '../model/document';

const documentType = z.enum(DOCUMENT_TYPE_NAMES, { error: 'Loại văn bản không hợp lệ.' });
/** Word (the default) or PDF ready for ký số. */
export const documentFormat = z
  .enum(DOCUMENT_FORMATS, { error: 'Định dạng văn bản phải là docx (Word) hoặc pdf.' })
  .default('docx');
/** Word or PDF, and the signature and seal images placed (a copy not signed digitally) or not. */
export const documentOutput = {
  format: documentFormat,
  images: z.boolean({ error: 'Tùy chọn chèn ảnh chữ ký, con dấu phải là true/false.' }).default(false),
};
const year = z.number({ error: 'Năm phải là số.' }).int().min(1900, 'Năm không hợp lệ.').max(2999, 'Năm không hợp lệ.');

export interface SavedDocument {
  saved: boolean;
  path: string | null;
  /** The register line, when the document was entered in the register. */
  entry: RegisterEntry | null;
}

export const documentsContract = {
  'register.list': method(z.object({ year: year.optional(), documentType: documentType.optional() }).strict()).returns<
    RegisterEntry[]
  >(),
  'register.next': method(z.object({ documentType, year }).strict()).returns<{ number: number }>(),
  /** Writes a document and enters it in the register; `takeNumber` gives it the next number of its type and year. */
  'documents.export': method(
    z.object({ model: documentModel, takeNumber: z.boolean(), ...documentOutput }).strict(),
  ).returns<SavedDocument>(),
  /** Writes one sample document (not registered) with the user's agency, to check the layout. */
  'documents.settings': method(emptyInput).returns<z.output<typeof documentSettings>>(),
  'documents.saveSettings': method(documentSettings).returns<z.output<typeof documentSettings>>(),
  'documents.sample': method(
    z
      .object({
        kind: z.enum(SAMPLE_KINDS, { error: 'Loại văn bản mẫu không hợp lệ.' }),
        date: isoDate.optional(),
        ...documentOutput,
      })
      .strict(),
  ).returns<SavedDocument>(),
};
