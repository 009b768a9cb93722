// Reading a plan from its text (Nhập văn bản): parse → a proposal the user corrects → save.
import { z } from 'zod';
import { method } from './define';
import { fileBytes, id, isoDate, requiredText, text } from './schemas';
import { planRecordFields, planTargetInput } from './plans';
import type { Plan } from '../model/plan';
import { PERIOD_TYPES, type Period } from '../model/period';
import { UNIT_KINDS, type Unit } from '../model/unit';
import type { PlanProposal } from '../model/plan-import';
import { documentOutput, type SavedDocument } from './documents';

/** Pasted text: up to about 6 million characters (a 5 MB plan is far beyond any real one). */
export const MAX_PASTE_CHARS = 6_000_000;

export const planImportParseInput = z
  .object({
    text: z.string().max(MAX_PASTE_CHARS, 'Văn bản dán vào quá dài (tối đa khoảng 6 triệu ký tự).').optional(),
    file: fileBytes.strict().optional(),
  })
  .strict()
  .refine((a) => (a.text === undefined) !== (a.file === undefined), {
    message: 'Hãy dán văn bản hoặc chọn một tệp (chỉ một trong hai).',
    path: ['text'],
  });

const optionalDate = z.union([isoDate, z.null()]).default(null);

export const importUnitInput = z
  .object({
    name: requiredText('Tên đơn vị', 250),
    role: z.enum(['lead', 'support']).default('lead'),
    unitId: z.union([id, z.null()]).default(null),
    /** For a name not in the register: create it with this kind (chosen by the user, never by default); null leaves it unlinked. */
    createKind: z.union([z.enum(UNIT_KINDS), z.null()]).default(null),
    /** A group phrase ("UBND các xã, phường"): the kinds of unit it stands for; its periods expect those units. */
    kinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
  })
  .strict();

export const importTaskInput = z
  .object({
    text: requiredText('Nội dung nhiệm vụ', 4000),
    units: z.array(importUnitInput).max(100).default([]),
    deadline: optionalDate,
  })
  .strict();

export const importPeriodInput = z
  .object({
    type: z.enum(PERIOD_TYPES, { error: 'Loại kỳ báo cáo không hợp lệ.' }),
    year: z.number().int().min(2000, 'Năm phải từ 2000.').max(2100, 'Năm phải đến 2100.'),
    index: z.union([z.number().int().min(1).max(12), z.null()]).default(null),
    name: text(200).default(''),
    windowStart: isoDate,
    windowEnd: isoDate,
    deadline: isoDate,
  })
  .strict();

export const planImportSaveInput = z
  .object({
    ...planRecordFields,
    tasks: z.array(importTaskInput).max(500).default([]),
    targets: z.array(planTargetInput).max(200).default([]),
    periods: z.array(importPeriodInput).max(20).default([]),
    /** The report template of the periods; null: the first template of the register. */
    templateId: z.union([id, z.null()]).default(null),
    /** Save even when a plan with the same number, symbol, date and issuer exists (the user confirmed). */
    allowDuplicate: z.boolean().default(false),
  })
  .strict()
  .refine((p) => new Set(p.periods.map((d) => `${d.type}-${d.year}-${d.index ?? ''}`)).size === p.periods.length, {
    message: 'Có hai kỳ báo cáo trùng loại và năm.',
    path: ['periods'],
  });

export type PlanImportSaveInput = z.input<typeof planImportSaveInput>;

export interface PlanExportResult extends SavedDocument {
  warnings: string[];
}

export interface PlanImportResult {
  plan: Plan;
  /** The periods created for the plan. */
  periods: Period[];
  /** Periods the plan asks for that already existed (same kind, time and template): not made again. */
  existingPeriods: Period[];
  createdUnits: Unit[];
}

export const planImportContract = {
  /** Reads pasted text or a .txt/.docx file and proposes the plan's fields; stores nothing. */
  'planImport.parse': method(planImportParseInput).returns<PlanProposal>(),
  /** Creates the plan, its tasks and targets, new units and the periods, all or nothing. */
  'planImport.save': method(planImportSaveInput).returns<PlanImportResult>(),
  /**
   * Writes a saved plan again as a .docx or PDF, word for word, in its own format (state: Nghị
   * định 30/2020; Party: Hướng dẫn 36-HD/VPTW); the warnings say what is left empty.
   */
  'planImport.exportDocx': method(z.object({ planId: id, ...documentOutput }).strict()).returns<PlanExportResult>(),
};
