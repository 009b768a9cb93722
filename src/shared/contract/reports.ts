import { z } from 'zod';
import { method } from './define';
import type { SetupProgress } from '../model/setup';
import { emptyInput, id, isoDate, requiredText, text } from './schemas';
import { documentOutput, type SavedDocument } from './documents';
import {
  CHANNELS,
  REPORT_STATUSES,
  type Board,
  type BoardPage,
  BOARD_CHIPS,
  type ReportForm,
  type ReportHistory,
  type TrendPoint,
  type UnitChoicePage,
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
    /**
     * The report's revision the editor was showing (optimistic concurrency): when someone else
     * saved meanwhile, the save is refused, naming who and when, instead of overwriting. Null: no check.
     */
    expectedRevision: z.number().int().min(0).nullable().default(null),
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

const asOf = z.union([isoDate, z.null()]).default(null);

/** Đã nộp: the day the report arrived (null: today; never after today), how it came. */
export const submitInput = z
  .object({
    ...reportRef,
    receivedDate: z.union([isoDate, z.null()]).default(null),
    channel: z.union([z.enum(CHANNELS), z.null()]).default(null),
    /** Breaches without a reason refuse the submission unless the report is recorded as received anyway (flagged). */
    acceptBreaches: z.boolean().default(false),
    note: text(2000).default(''),
    actor,
  })
  .strict();

/** Duyệt: locks the report (no value changes until it is reopened). */
export const acceptInput = z.object({ ...reportRef, note: text(2000).default(''), actor }).strict();

/** Trả lại / Mở lại: always with the reason, kept in the history. */
export const reasonedInput = z.object({ ...reportRef, reason: requiredText('Lý do', 2000), actor }).strict();

export type SubmitData = z.output<typeof submitInput>;

export const reportsContract = {
  'reports.form': method(z.object(reportRef).strict()).returns<ReportForm>(),
  'reports.save': method(saveValuesInput).returns<ReportForm>(),
  /** Any allowed transition (the specific methods below say what each one needs). */
  'reports.transition': method(transitionInput).returns<ReportForm>(),
  /** Ghi nhận đã nộp, with the received date. */
  'reports.submit': method(submitInput).returns<ReportForm>(),
  /** Duyệt (đã nộp → đã duyệt): the values are locked. */
  'reports.accept': method(acceptInput).returns<ReportForm>(),
  /** Trả lại (đã nộp → trả lại) with a reason: the unit's next file or edit is a new revision. */
  'reports.return': method(reasonedInput).returns<ReportForm>(),
  /** Mở lại (đã duyệt → đã nộp) with a reason: unlocked, to be returned or accepted again. */
  'reports.reopen': method(reasonedInput).returns<ReportForm>(),
  'reports.history': method(z.object(reportRef).strict()).returns<ReportHistory>(),
  /** All values as they stood right after revision `revision` (0: before any). */
  'reports.snapshot': method(
    z.object({ ...reportRef, revision: z.number().int().min(0) }).strict(),
  ).returns<ValueMap>(),
  /** The board as of a day (null: today): a report received after it is not received yet. */
  'dashboard.board': method(
    z.object({ periodId: id, asOf, /** Older name of asOf. */ today: asOf }).strict(),
  ).returns<Board>(),
  /** The board's counts and one window of its rows under a chip (the Tổng quan screen pages its table). */
  'dashboard.page': method(
    z
      .object({
        periodId: id,
        asOf,
        filter: z.enum(BOARD_CHIPS).default('all'),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<BoardPage>(),
  /**
   * The board's units (today, in its order: the expected list, then reports from outside it) matching
   * what was typed, a window at a time: Báo cáo đơn vị's unit picker. The search is the register's
   * (words as prefixes of code, name, short name, email, contact; accents and case ignored).
   */
  'reports.unitChoices': method(
    z
      .object({
        periodId: id,
        search: text(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<UnitChoicePage>(),
  /** Công văn đôn đốc to the chosen units, written by the documents writer and entered in the register. */
  'reports.reminder': method(
    z
      .object({
        periodId: id,
        unitIds: z.array(id).min(1, 'Chọn ít nhất một đơn vị cần đôn đốc.').max(5000),
        newDeadline: isoDate,
        /** The letter's date, also the day the units' standing is judged on (null: today). */
        date: z.union([isoDate, z.null()]).default(null),
        takeNumber: z.boolean().default(true),
        ...documentOutput,
      })
      .strict(),
  ).returns<SavedDocument>(),
  /** The first-start checklist: which of the five steps the data shows done. */
  'dashboard.setup': method(emptyInput).returns<SetupProgress>(),
  'dashboard.trend': method(
    z.object({ limit: z.number().int().min(1).max(24).default(8), asOf, today: asOf }).strict(),
  ).returns<TrendPoint[]>(),
};
