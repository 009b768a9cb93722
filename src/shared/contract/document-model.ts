// The document model: everything an official document (Nghị định 30/2020) holds, as data.
// Services build it, the .docx writer lays it out; its JSON Schema is published in
// resources/schemas/document-model.schema.json so a model can also be written by hand.
import { z } from 'zod';
import { cleanText } from '../text';
import { isoDate } from './schemas';
import { AUTHORITY_PREFIXES } from '../model/agency';
import { DOCUMENT_TYPE_NAMES } from '../model/document';

// C0 and C1 control characters (tab and line breaks included): a Word paragraph is one line of
// data here, and a stray control character makes an invalid XML file.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

function controlMessage(label: string, value: string): string {
  const ch = CONTROL.exec(value)?.[0] ?? '';
  const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const kind =
    ch === '\n' || ch === '\r'
      ? 'dấu xuống dòng (hãy tách thành đoạn riêng)'
      : ch === '\t'
        ? 'dấu tab'
        : `ký tự điều khiển U+${code}`;
  return `${label} chứa ${kind}, không đưa được vào văn bản.`;
}

/** A text of the document: no control characters, NFC, trimmed. */
function docText(label: string, max: number, required = false, trim = true) {
  return z
    .string({ error: `Thiếu ${label.toLowerCase()}.` })
    .max(max * 4, `${label} dài quá ${max} ký tự.`)
    .refine((v) => !CONTROL.test(v), { error: (iss) => controlMessage(label, String(iss.input)) })
    .transform(trim ? cleanText : keepEdges)
    .pipe(
      required
        ? z.string().min(1, `${label} không được để trống.`).max(max, `${label} dài quá ${max} ký tự.`)
        : z.string().max(max, `${label} dài quá ${max} ký tự.`),
    );
}

/** cleanText without the trim: the runs of a paragraph keep the spaces between them. */
function keepEdges(v: string): string {
  // found by index, not by a regular expression: a lazy middle before "\s*$" is quadratic on long blank runs
  let a = 0;
  let b = v.length;
  while (a < b && /\s/.test(v[a]!)) a++;
  while (b > a && /\s/.test(v[b - 1]!)) b--;
  return v.slice(0, a) + cleanText(v.slice(a, b)) + v.slice(b);
}

const upper = (label: string, max: number, required = false) =>
  docText(label, max, required).refine((v) => v === v.toLocaleUpperCase('vi'), `${label} phải viết IN HOA.`);

export const run = z
  .object({
    text: docText('Nội dung đoạn chữ', 20_000, false, false),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
    footnote: docText('Chú thích cuối trang', 4_000)
      .optional()
      .meta({ description: 'Chú thích cuối trang gắn sau đoạn chữ này.' }),
  })
  .strict();

/** Text of a paragraph: plain, or runs with their own bold/italic and footnotes. */
export const inline = z.union([docText('Nội dung đoạn văn', 20_000), z.array(run).max(200)]);

const align = z.enum(['left', 'center', 'right', 'justify']);

export const cell = z.union([
  docText('Nội dung ô bảng', 2_000),
  z.number().finite(),
  z
    .object({
      text: z.union([docText('Nội dung ô bảng', 2_000), z.number().finite()]),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      align: align.optional(),
      colSpan: z.number().int().min(1).max(60).optional(),
    })
    .strict(),
]);

const cellSpan = (c: z.output<typeof cell>): number => (typeof c === 'object' ? (c.colSpan ?? 1) : 1);

export const tableBlock = z
  .object({
    kind: z.literal('table'),
    title: docText('Tên bảng', 500).optional(),
    /** Header rows, repeated on every page. */
    header: z.array(z.array(cell).max(60)).max(5).default([]),
    rows: z.array(z.array(cell).max(60)).max(100_000),
    /** Relative column widths; their count is the number of columns. */
    widths: z.array(z.number().positive().max(1000)).min(1).max(60).optional(),
    align: z.array(align).max(60).optional(),
    note: docText('Ghi chú dưới bảng', 2_000).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const first = t.header[0] ?? t.rows[0];
    const columns = t.widths?.length ?? (first ? first.reduce<number>((n, c) => n + cellSpan(c), 0) : 0);
    if (columns === 0)
      ctx.addIssue({
        code: 'custom',
        message: 'Bảng không có cột nào (cần ít nhất một dòng tiêu đề hoặc dòng dữ liệu).',
        path: ['rows'],
      });
    const check = (rows: z.output<typeof cell>[][], key: 'header' | 'rows', label: string) =>
      rows.forEach((r, i) => {
        const n = r.reduce<number>((s, c) => s + cellSpan(c), 0);
        if (n !== columns)
          ctx.addIssue({
            code: 'custom',
            message: `${label} ${i + 1} của bảng có ${n} ô, bảng có ${columns} cột.`,
            path: [key, i],
          });
      });
    check(t.header, 'header', 'Dòng tiêu đề');
    check(t.rows, 'rows', 'Dòng');
  });

export const block = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('basis'), text: inline })
    .strict()
    .meta({ description: 'Căn cứ ban hành: in nghiêng, mỗi căn cứ kết thúc bằng “;”, căn cứ cuối bằng “.”.' }),
  z
    .object({
      kind: z.literal('part'),
      label: docText('Nhãn phần (Phần I)', 40, true),
      title: docText('Tên phần', 500),
    })
    .strict()
    .meta({ description: 'Phần I, Phần II …: in đậm, căn giữa; tên phần IN HOA.' }),
  z
    .object({
      kind: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      number: docText('Số thứ tự đề mục', 12),
      title: docText('Tên đề mục', 2_000),
    })
    .strict()
    .meta({ description: 'Đề mục: cấp 1 “I. TÊN” (IN HOA, đậm), cấp 2 “1. Tên” (đậm), cấp 3 “a) Tên” (đứng).' }),
  z
    .object({ kind: z.literal('paragraph'), text: inline, align: align.optional(), indent: z.boolean().optional() })
    .strict()
    .meta({ description: 'Đoạn văn: căn đều hai bên, thụt đầu dòng 1 cm.' }),
  z
    .object({ kind: z.literal('list'), items: z.array(inline).min(1).max(10_000) })
    .strict()
    .meta({ description: 'Các ý gạch đầu dòng “- ”.' }),
  tableBlock,
  z.object({ kind: z.literal('pageBreak') }).strict(),
]);

const pngBase64 = (label: string) =>
  z
    .string()
    .max(8_000_000, `${label} quá lớn (tối đa khoảng 6 MB).`)
    .refine(
      (v) => /^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/.test(v),
      `${label} phải là ảnh PNG (nền trong suốt) mã hóa base64.`,
    )
    .meta({ description: 'Ảnh PNG nền trong suốt, mã hóa base64.' });

export const annex = z
  .object({
    /** "I", "II" …; by default numbered in Roman numerals when there are two or more. */
    number: docText('Số phụ lục', 12).optional(),
    title: docText('Tên phụ lục', 1_000, true),
    /** The italic line under the title; by default "(Kèm theo <Loại> số …/… ngày … của …)". */
    note: docText('Dòng ghi chú của phụ lục', 1_000).optional(),
    orientation: z.enum(['auto', 'portrait', 'landscape']).default('auto'),
    body: z.array(block).max(10_000),
  })
  .strict();

export const margins = z
  .object({
    top: z.number().min(20, 'Lề trên phải từ 20 đến 25 mm.').max(25, 'Lề trên phải từ 20 đến 25 mm.'),
    bottom: z.number().min(20, 'Lề dưới phải từ 20 đến 25 mm.').max(25, 'Lề dưới phải từ 20 đến 25 mm.'),
    left: z.number().min(30, 'Lề trái phải từ 30 đến 35 mm.').max(35, 'Lề trái phải từ 30 đến 35 mm.'),
    right: z.number().min(15, 'Lề phải phải từ 15 đến 20 mm.').max(20, 'Lề phải phải từ 15 đến 20 mm.'),
  })
  .strict();

export const DEFAULT_DOCUMENT_SETTINGS = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  bodySize: 14 as 13 | 14,
  lineSpacing: 1.15,
  tableSize: 12,
};

export const documentSettings = z
  .object({
    margins: margins.default(DEFAULT_DOCUMENT_SETTINGS.margins),
    bodySize: z.literal([13, 14], { error: 'Cỡ chữ nội dung phải là 13 hoặc 14.' }).default(14),
    lineSpacing: z
      .number()
      .min(1, 'Giãn dòng phải từ 1 (đơn) đến 1,5 dòng.')
      .max(1.5, 'Giãn dòng phải từ 1 (đơn) đến 1,5 dòng.')
      .default(1.15),
    tableSize: z
      .number()
      .int()
      .min(10, 'Cỡ chữ trong bảng phải từ 10 đến 14.')
      .max(14, 'Cỡ chữ trong bảng phải từ 10 đến 14.')
      .default(12),
  })
  .strict();

export const documentHeader = z
  .object(
    {
      parentAgency: upper('Cơ quan chủ quản', 200).default(''),
      agency: upper('Tên cơ quan ban hành', 200, true),
      /** Short name used in the annex note ("của Sở Nội vụ"); defaults to the agency name. */
      issuerName: docText('Tên cơ quan trong câu (ví dụ: Sở Nội vụ)', 200).optional(),
      number: z
        .number({ error: 'Số văn bản phải là số nguyên dương hoặc null (để trống cho văn thư ghi tay).' })
        .int('Số văn bản phải là số nguyên.')
        .min(1, 'Số văn bản phải từ 1 trở lên.')
        .max(999_999)
        .nullable()
        .default(null),
      symbol: docText('Ký hiệu văn bản', 40).refine(
        // a Party symbol has one "/" before the issuer ("CT/TU", "KH/HU"): checked against the system below
        (v) => v === '' || /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*(\/[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*)?$/u.test(v),
        'Ký hiệu văn bản chỉ gồm chữ và số, các nhóm nối bằng “-” không có dấu cách (ví dụ: BC-SNV).',
      ),
      place: docText('Địa danh', 80, true),
      date: isoDate,
    },
    { error: 'Thiếu phần đầu văn bản (header: cơ quan, số, ký hiệu, địa danh, ngày).' },
  )
  .strict()
  .superRefine((h, ctx) => {
    if (h.symbol === '')
      ctx.addIssue({
        code: 'custom',
        path: ['symbol'],
        message:
          h.number !== null
            ? `Văn bản có số ${h.number} nhưng thiếu ký hiệu (ví dụ: BC-SNV).`
            : 'Thiếu ký hiệu văn bản (ví dụ: BC-SNV).',
      });
  });

export const signature = z
  .object(
    {
      authorityPrefix: z
        .enum(AUTHORITY_PREFIXES, {
          error: 'Tiền tố thẩm quyền phải là một trong: TM., KT., Q., TL., TUQ. hoặc để trống.',
        })
        .default(''),
      authorityLine: upper('Dòng thẩm quyền', 200).default(''),
      title: upper('Chức vụ người ký', 200),
      fullName: docText('Họ và tên người ký', 100),
      /**
       * The lines above the name exactly as the source prints them ("TM. ỦY BAN NHÂN DÂN",
       * "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"): printed instead of prefix, authority line and title. With
       * them the name may be empty: its place is left blank for signing by hand.
       */
      lines: z
        .array(upper('Dòng thẩm quyền, chức vụ', 200, true))
        .max(6)
        .optional(),
      signatureImage: pngBase64('Ảnh chữ ký').optional(),
      sealImage: pngBase64('Ảnh con dấu').optional(),
    },
    { error: 'Thiếu khối chữ ký (người ký văn bản).' },
  )
  .strict()
  .superRefine((s, ctx) => {
    if (s.lines) return;
    if (s.fullName === '')
      ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'Họ và tên người ký không được để trống.' });
    if (s.authorityPrefix !== '' && s.authorityLine === '')
      ctx.addIssue({
        code: 'custom',
        path: ['authorityLine'],
        message: `Có tiền tố “${s.authorityPrefix}” thì phải ghi dòng thẩm quyền (ví dụ: “GIÁM ĐỐC”).`,
      });
    if (s.title === '' && !(s.authorityPrefix === 'Q.' && s.authorityLine !== ''))
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Chức vụ người ký không được để trống.' });
  });

export const recipients = z
  .object({
    entries: z
      .array(docText('Nơi nhận', 300, true))
      .max(200)
      .default([]),
    /** "Lưu: VT, <drafting unit>." */
    draftingUnit: docText('Đơn vị soạn thảo', 60).default(''),
    /**
     * The archive entry exactly as the source wrote it ("Lưu: VT, NC", "Lưu Văn phòng Tỉnh ủy"):
     * printed instead of the one made from the drafting unit; "" prints none.
     */
    archive: docText('Dòng lưu văn bản', 300).optional(),
    copies: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

/** State documents (Nghị định 30/2020) or Party documents (Hướng dẫn 36-HD/VPTW, docs/PARTY-FORMAT.md). */
export const DOCUMENT_SYSTEMS = ['state', 'party'] as const;

export const documentModel = z
  .object({
    /** The format: the state's Quốc hiệu, or the Party's heading, star, "Số 09-CT/TU", T/M and K/T. */
    system: z
      .enum(DOCUMENT_SYSTEMS, { error: 'Thể thức phải là “state” (Nhà nước) hoặc “party” (Đảng).' })
      .default('state'),
    settings: documentSettings.default(DEFAULT_DOCUMENT_SETTINGS),
    header: documentHeader,
    type: z.enum(DOCUMENT_TYPE_NAMES, { error: 'Loại văn bản không hợp lệ (ví dụ: Báo cáo, Kế hoạch, Công văn).' }),
    summary: docText('Trích yếu nội dung', 1_000),
    /** The line under a Party type name that names its author ("CỦA BAN THƯỜNG VỤ TỈNH ỦY"). */
    authorLine: upper('Dòng tác giả dưới tên loại', 200).optional(),
    /** Kính gửi: one recipient on the line, several one per line. */
    to: z
      .array(docText('Kính gửi', 300, true))
      .max(100)
      .default([]),
    body: z.array(block, { error: 'Thiếu nội dung văn bản (body: danh sách các đoạn).' }).max(100_000),
    signature,
    recipients: recipients.default({ entries: [], draftingUnit: '' }),
    annexes: z.array(annex).max(30).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.system === 'state' && m.header.symbol.includes('/'))
      ctx.addIssue({
        code: 'custom',
        path: ['header', 'symbol'],
        message:
          'Ký hiệu văn bản Nhà nước không có dấu “/” (ví dụ: KH-UBND); ký hiệu có “/” là của văn bản Đảng (system: “party”).',
      });
    if (m.type === 'Công văn' && m.summary === '')
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'Công văn phải có trích yếu “V/v …”.' });
  })
  .meta({ title: 'Mô hình văn bản hành chính (Nghị định 30/2020/NĐ-CP; văn bản Đảng: Hướng dẫn 36-HD/VPTW)' });

export type DocumentModelInput = z.input<typeof documentModel>;
export type DocumentModel = z.output<typeof documentModel>;
export type DocBlock = z.output<typeof block>;
export type DocInline = z.output<typeof inline>;
export type DocRun = z.output<typeof run>;
export type DocCell = z.output<typeof cell>;
export type DocTable = z.output<typeof tableBlock>;
export type DocAnnex = z.output<typeof annex>;
export type DocSettings = z.output<typeof documentSettings>;
