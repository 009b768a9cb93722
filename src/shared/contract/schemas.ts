// Building blocks for argument schemas: every text is cleaned (NFC, no invisible marks).
import { z } from 'zod';
import { cleanText } from '../text';
import { parseIsoDate } from '../format';

const tooLong = (max: number, label?: string) => `${label ?? 'Nội dung'} dài quá ${max.toLocaleString('vi-VN')} ký tự.`;

// The raw text is held to four times the cap before cleaning (which only shortens it), so that a
// ten-megabyte value is refused at once, with the message of its length, not of something else.
export const text = (max = 500) =>
  z
    .string({ error: 'Cần nhập văn bản.' })
    .max(max * 4, tooLong(max))
    .transform(cleanText)
    .pipe(z.string().max(max, tooLong(max)));

export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `Thiếu ${label}.` })
    .max(max * 4, tooLong(max, label))
    .transform(cleanText)
    .pipe(z.string().min(1, `${label} không được để trống.`).max(max, tooLong(max, label)));

/** Line breaks of every kind (CR, LF, vertical tab, form feed, Unicode line and paragraph separators). */
const LINE_BREAK = /[\r\n\v\f\u2028\u2029]/;

/** A field printed on one line (a name in a document header): a line break is refused at once, not at export. */
export const oneLine = <T extends z.ZodType<string, unknown>>(schema: T, label: string) =>
  schema.refine((v) => !LINE_BREAK.test(v), `${label} phải viết trên một dòng (không có dấu xuống dòng).`);

export const upperText = (label: string, max = 300) =>
  requiredText(label, max).refine((v) => v === v.toLocaleUpperCase('vi'), `${label} phải viết IN HOA.`);

export const optionalUpperText = (label: string, max = 300) =>
  text(max).refine((v) => v === v.toLocaleUpperCase('vi'), `${label} phải viết IN HOA.`);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((v) => parseIsoDate(v) !== null, 'Ngày không có thật trên lịch.');

export const id = z.number().int().positive();

/**
 * The moment of the record as the form read it (its `updatedAt`): the save is refused when someone
 * else changed the record since (core/stale-edit.ts). Left out by the command line and imports.
 */
export const expectedUpdatedAt = z.union([z.string().max(40), z.null()]).optional();

export const emptyInput = z.object({}).strict().optional();

export const fileBytes = z.object({
  fileName: text(255).pipe(z.string().min(1, 'Thiếu tên tệp.')),
  data: z.instanceof(Uint8Array, { message: 'Nội dung tệp không hợp lệ.' }),
});
