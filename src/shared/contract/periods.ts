import { z } from 'zod';
import { method } from './define';
import { emptyInput, expectedUpdatedAt, id, isoDate, requiredText, text } from './schemas';
import {
  MAX_HOLIDAYS,
  PERIOD_TYPES,
  type ExpectedDiff,
  type ExpectedUnit,
  type Holiday,
  type Period,
  type PeriodListItem,
  type PeriodPreview,
} from '../model/period';
import { UNIT_KINDS } from '../model/unit';

export const expectedUnitsInput = z
  .object({
    mode: z.enum(['kinds', 'list']),
    kinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
    unitIds: z.array(id).max(5000).default([]),
  })
  .strict()
  .refine((e) => (e.mode === 'kinds' ? e.kinds.length > 0 : e.unitIds.length > 0), {
    message: 'Chọn ít nhất một loại đơn vị hoặc một đơn vị phải báo cáo.',
    path: ['expected'],
  });

const optionalDate = z.union([isoDate, z.null()]).default(null);

export const periodInput = z
  .object({
    type: z.enum(PERIOD_TYPES, { error: 'Loại kỳ báo cáo không hợp lệ.' }),
    year: z.number({ error: 'Năm không hợp lệ.' }).int().min(2000, 'Năm phải từ 2000.').max(2100, 'Năm phải đến 2100.'),
    /** Month 1–12, quarter 1–4, half 1–2 (đầu năm / cuối năm); null for the other types. */
    index: z.union([z.number().int().min(1).max(12), z.null()]).default(null),
    name: text(200).default(''),
    /** Null: the window of Nghị định 09/2019 (required for ad hoc periods). */
    windowStart: optionalDate,
    windowEnd: optionalDate,
    /** Null: the plan's deadline, else one working day after the cut-off. */
    deadline: optionalDate,
    templateId: id,
    planId: z.union([id, z.null()]).default(null),
    expected: expectedUnitsInput,
    note: text(2000).default(''),
  })
  .strict();

export type PeriodInput = z.input<typeof periodInput>;

export const holidaysInput = z
  .object({
    holidays: z
      .array(z.object({ date: isoDate, name: text(100).default('') }).strict())
      .max(MAX_HOLIDAYS, `Chỉ lưu được tối đa ${MAX_HOLIDAYS} ngày nghỉ lễ.`),
  })
  .strict();

/** Applies (part of) the difference shown by periods.expectedDiff to a frozen list, with the reason. */
export const updateExpectedInput = z
  .object({
    id,
    add: z.array(id).max(5000).default([]),
    remove: z.array(id).max(5000).default([]),
    reason: requiredText('Lý do cập nhật danh sách', 2000),
    actor: text(100)
      .transform((v) => v || 'Người dùng')
      .default('Người dùng'),
  })
  .strict();

export const periodsContract = {
  'periods.preview': method(periodInput).returns<PeriodPreview>(),
  'periods.create': method(periodInput).returns<Period>(),
  'periods.update': method(z.object({ id, period: periodInput, expectedUpdatedAt }).strict()).returns<Period>(),
  'periods.list': method(emptyInput).returns<PeriodListItem[]>(),
  'periods.get': method(z.object({ id }).strict()).returns<Period>(),
  'periods.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** The expected units: those valid on the cut-off, or the stored list once the window has closed. */
  'periods.expectedUnits': method(z.object({ id }).strict()).returns<ExpectedUnit[]>(),
  /** The stored list against what the register says today (shown before "cập nhật danh sách…"). */
  'periods.expectedDiff': method(z.object({ id }).strict()).returns<ExpectedDiff>(),
  /** Cập nhật danh sách đơn vị phải báo cáo: explicit, with a reason, in the period's history and the audit log. */
  'periods.updateExpected': method(updateExpectedInput).returns<ExpectedDiff>(),
  /** Holidays that move every year (Tết, Giỗ Tổ…), skipped when counting working days. */
  'periods.holidays': method(emptyInput).returns<Holiday[]>(),
  'periods.saveHolidays': method(holidaysInput).returns<Holiday[]>(),
};
