import { z } from 'zod';
import { method } from './define';
import { id, isoDate, requiredText, text } from './schemas';
import { documentFormat, type SavedDocument } from './documents';
import {
  CHANNELS,
  REPORT_STATUSES,
  type Board,
  type ReportForm,
  type ReportHistory,
  type TrendPoint,
  type ValueMap,
} from '../model/report';

const reportRef = { periodId: id, unitId: id };
const actor = text(100)
  .transform((v) => v || 'Người dùng')
  .default('Người dùng');

export const valueInput = z
  .object({
    /** An indicator code ("DT01") or a section key ("muc:II.1"). */
    key: requiredText('Mã trường', 40),
    /** As typed (Vietnamese number, "có"/"không", text), a JSON number or boolean, or null to clear. */
    input: z.union([z.string().max(200_000), z.number(), z.boolean(), z.null()]),
  })
  .strict();

export const reasonInput = z.object({ expression: requiredText('Quy tắc', 300), reason: text(2000) }).strict();

export const saveValuesInput = z
  .object({
    ...reportRef,
    values: z.array(valueInput).max(2000),
    reasons: z.array(reasonInput).max(300).default([]),
    actor,
    note: text(500).default(''),
  })
  .strict();

export const transitionInput = z
  .object({
    ...reportRef,
    to: z.enum(REPORT_STATUSES, { error: 'Trạng thái không hợp lệ.' }),
    receivedDate: z.union([isoDate, z.null()]).default(null),
    channel: z.union([z.enum(CHANNELS), z.null()]).default(null),
    note: text(2000).default(''),
    actor,
  })
  .strict();

export type SaveValuesInput = z.input<typeof saveValuesInput>;

export const reportsContract = {
  'reports.form': method(z.object(reportRef).strict()).returns<ReportForm>(),
  'reports.save': method(saveValuesInput).returns<ReportForm>(),
  'reports.transition': method(transitionInput).returns<ReportForm>(),
  'reports.history': method(z.object(reportRef).strict()).returns<ReportHistory>(),
  /** All values as they stood right after revision `revision` (0: before any). */
  'reports.snapshot': method(
    z.object({ ...reportRef, revision: z.number().int().min(0) }).strict(),
  ).returns<ValueMap>(),
  'dashboard.board': method(
    z.object({ periodId: id, today: z.union([isoDate, z.null()]).default(null) }).strict(),
  ).returns<Board>(),
  /** Công văn đôn đốc to the chosen units, written by the documents writer and entered in the register. */
  'reports.reminder': method(
    z
      .object({
        periodId: id,
        unitIds: z.array(id).min(1, 'Chọn ít nhất một đơn vị cần đôn đốc.').max(5000),
        newDeadline: isoDate,
        date: z.union([isoDate, z.null()]).default(null),
        takeNumber: z.boolean().default(true),
        format: documentFormat,
      })
      .strict(),
  ).returns<SavedDocument>(),
  'dashboard.trend': method(
    z
      .object({ limit: z.number().int().min(1).max(24).default(8), today: z.union([isoDate, z.null()]).default(null) })
      .strict(),
  ).returns<TrendPoint[]>(),
};
