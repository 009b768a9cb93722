// Mẫu Word của cơ quan: the office's own .docx templates with {tags}, the typed catalogue of the
// fields they may use, the linter's findings, stored versions, filling and per-unit mail merge.
import { z } from 'zod';
import { method } from './define';
import { emptyInput, fileBytes, id, isoDate, requiredText } from './schemas';
import { DOC_USAGES, DOC_USAGE_LABELS, type DocUsage } from '../model/doc-template';

export const FIELD_KINDS = ['text', 'number', 'date', 'multiline', 'boolean', 'image', 'list', 'object'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Where a field's value comes from; a template's use decides which sources it gets. */
export const FIELD_SOURCES = ['common', 'period', 'unit', 'scoring'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

export const FIELD_SOURCE_LABELS: Record<FieldSource, string> = {
  common: 'Cơ quan, người ký, số và ngày văn bản',
  period: 'Kỳ báo cáo: số liệu tổng hợp, tình hình gửi báo cáo',
  unit: 'Đơn vị nhận (gửi từng đơn vị)',
  scoring: 'Đợt chấm điểm, xếp loại',
};

/** What a stored template is used for (its home is the model: Nhật ký names it too). */
export { DOC_USAGES, DOC_USAGE_LABELS, type DocUsage };

export const USAGE_SOURCES: Record<DocUsage, FieldSource[]> = {
  report: ['common', 'period'],
  reminder: ['common', 'period', 'unit'],
  scoring: ['common', 'scoring'],
  unit_letter: ['common', 'period', 'unit'],
};

export interface FieldInfo {
  /** The name inside its scope: "agency" at the top, "name" inside agency ({agency.name}). */
  name: string;
  kind: FieldKind;
  /** What it holds, in Vietnamese. */
  label: string;
  /** A value as it would be written into the document. */
  example: string;
  source: FieldSource;
  /** Fields of an object, or of each item of a list. */
  fields?: FieldInfo[];
  /** An object keyed by data (indicator codes): {indicator.DT01.total}; the label of the key. */
  dynamicKey?: string;
}

export interface FieldCatalogue {
  fields: FieldInfo[];
  sources: { source: FieldSource; label: string }[];
  usages: { usage: DocUsage; label: string; sources: FieldSource[] }[];
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface LintFinding {
  /** Stable code ("UNKNOWN_FIELD", "ND30_MARGIN", …) for tests and filters. */
  code: string;
  severity: Severity;
  /** Vietnamese, complete: what is wrong and what to do. */
  message: string;
  /** Vietnamese place: "đoạn 12", "bảng 1, hàng 2, ô 3", "Đầu trang 1, đoạn 1"; "" for the whole file. */
  where: string;
  /** The paragraph's or cell's text, shortened. */
  text: string;
}

export interface LintReport {
  fileName: string;
  /** True when no finding is an error: the template can be filled. */
  ok: boolean;
  findings: LintFinding[];
  /** Field names the template uses (full dotted names, loops included). */
  fields: string[];
  counts: { errors: number; warnings: number; infos: number; tags: number };
}

export interface DocTemplateVersion {
  version: number;
  fileName: string;
  size: number;
  sha256: string;
  createdAt: string;
  errors: number;
  warnings: number;
}

export interface DocTemplate {
  id: number;
  name: string;
  usage: DocUsage;
  /** The report template (mẫu báo cáo) it belongs to, for usage "report"; null: any. */
  reportTemplateId: number | null;
  reportTemplateName: string | null;
  note: string;
  versions: DocTemplateVersion[];
  /** The newest version's findings. */
  lint: LintReport;
  createdAt: string;
  updatedAt: string;
}

export type DocTemplateListItem = Omit<DocTemplate, 'versions' | 'lint'> & {
  version: number;
  errors: number;
  warnings: number;
};

export interface FilledFile {
  saved: boolean;
  path: string | null;
  /** What the document could not say (fields left empty), in Vietnamese. */
  warnings: string[];
}

export interface MailMergeResult {
  saved: boolean;
  folder: string | null;
  files: { unitId: number; unitName: string; path: string; warnings: string[] }[];
}

export const IMAGE_KEYS = ['signature', 'seal'] as const;
export type ImageKey = (typeof IMAGE_KEYS)[number];

export interface StoredImageInfo {
  key: ImageKey;
  fileName: string;
  widthPx: number;
  heightPx: number;
  widthMm: number;
  heightMm: number;
  updatedAt: string;
}

const usage = z.enum(DOC_USAGES, { error: 'Công dụng của mẫu không hợp lệ (report, reminder, scoring, unit_letter).' });

/** What to fill a template with: the period, the scoring round, the unit, the date. */
export const fillSourceInput = z
  .object({
    periodId: z.union([id, z.null()]).default(null),
    roundId: z.union([id, z.null()]).default(null),
    unitId: z.union([id, z.null()]).default(null),
    /** The document's date; null: today. */
    date: z.union([isoDate, z.null()]).default(null),
    /** New deadline of a reminder ({reminder.newDeadline}). */
    newDeadline: z.union([isoDate, z.null()]).default(null),
    /** Take the next number of the register for the document. */
    takeNumber: z.boolean().default(false),
  })
  .strict();

export const lintInput = fileBytes.extend({ usage: z.union([usage, z.null()]).default(null) }).strict();

export const uploadInput = fileBytes
  .extend({
    /** null: a new template; otherwise a new version of that one. */
    id: z.union([id, z.null()]).default(null),
    name: requiredText('Tên mẫu', 200),
    usage,
    reportTemplateId: z.union([id, z.null()]).default(null),
  })
  .strict();

export const updateInput = z
  .object({
    id,
    name: requiredText('Tên mẫu', 200),
    usage,
    reportTemplateId: z.union([id, z.null()]).default(null),
    note: z.string().max(2000).default(''),
  })
  .strict();

export const fillInput = fillSourceInput
  .extend({ id, version: z.union([z.number().int().positive(), z.null()]).default(null) })
  .strict();
export const fillFileInput = fillSourceInput
  .extend({ fileName: fileBytes.shape.fileName, data: fileBytes.shape.data })
  .strict();

export const mailMergeInput = fillSourceInput
  .extend({
    id,
    periodId: id,
    unitIds: z.array(id).min(1, 'Chọn ít nhất một đơn vị để gửi.').max(5000),
    jobId: z.string().max(80).default(''),
  })
  .strict();

export const docTemplatesContract = {
  /** The typed catalogue of every field a template may use. */
  'docTemplates.fields': method(emptyInput).returns<FieldCatalogue>(),
  /** Checks a .docx without storing it. */
  'docTemplates.lint': method(lintInput).returns<LintReport>(),
  'docTemplates.list': method(emptyInput).returns<DocTemplateListItem[]>(),
  'docTemplates.get': method(z.object({ id }).strict()).returns<DocTemplate>(),
  /** Stores a template (or a new version when the file changed), with its findings. */
  'docTemplates.upload': method(uploadInput).returns<{ template: DocTemplate; newVersion: boolean }>(),
  'docTemplates.update': method(updateInput).returns<DocTemplate>(),
  'docTemplates.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** Saves a stored version's original file where the user chooses. */
  'docTemplates.download': method(
    z.object({ id, version: z.union([z.number().int().positive(), z.null()]).default(null) }).strict(),
  ).returns<{ saved: boolean; path: string | null }>(),
  'docTemplates.fill': method(fillInput).returns<FilledFile>(),
  /** Fills a template file that is not stored (the CLI's docs fill). */
  'docTemplates.fillFile': method(fillFileInput).returns<FilledFile>(),
  /** Gửi từng đơn vị: one document per unit into a folder the user picks, with progress. */
  'docTemplates.mailMerge': method(mailMergeInput).returns<MailMergeResult>(),
  'docTemplates.images': method(emptyInput).returns<StoredImageInfo[]>(),
  'docTemplates.saveImage': method(
    fileBytes.extend({ key: z.enum(IMAGE_KEYS, { error: 'Loại ảnh không hợp lệ (signature, seal).' }) }).strict(),
  ).returns<StoredImageInfo>(),
  'docTemplates.deleteImage': method(z.object({ key: z.enum(IMAGE_KEYS) }).strict()).returns<{ deleted: true }>(),
};
