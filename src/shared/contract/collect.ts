import { z } from 'zod';
import { method } from './define';
import { fileBytes, id, isoDate, text } from './schemas';
import { jobId } from './jobs';
import type { CollectCommitResult, CollectExportResult, CollectReview } from '../model/collect';

/** At most this many workbooks in one import (a province has a few hundred units). */
export const MAX_COLLECT_FILES = 2000;

export const collectExportInput = z
  .object({
    periodId: id,
    /** One unit only; null: every expected unit of the period. */
    unitId: z.union([id, z.null()]).default(null),
    jobId: z.union([jobId, z.null()]).default(null),
  })
  .strict();

export const collectAnalyzeInput = z
  .object({
    periodId: id,
    files: z
      .array(fileBytes)
      .min(1, 'Chưa chọn tệp nào.')
      .max(MAX_COLLECT_FILES, `Mỗi lần nhập tối đa ${MAX_COLLECT_FILES} tệp.`),
    jobId: z.union([jobId, z.null()]).default(null),
  })
  .strict();

export const collectCommitInput = z
  .object({
    batchId: z.string().uuid('Mã lần đọc không hợp lệ.'),
    accept: z
      .array(
        z
          .object({
            index: z.number().int().min(0),
            map: z.boolean().default(false),
            /** This file's received date, when it differs from the batch's. */
            receivedDate: z.union([isoDate, z.null()]).default(null),
          })
          .strict(),
      )
      .max(MAX_COLLECT_FILES),
    /** The day the files arrived (null: today); never after today. */
    receivedDate: z.union([isoDate, z.null()]).default(null),
    actor: text(100)
      .transform((v) => v || 'Nhập biểu Excel')
      .default('Nhập biểu Excel'),
  })
  .strict();

export const collectContract = {
  /** Asks for a folder, then writes one data-entry workbook per expected unit (or the one chosen). */
  'collect.export': method(collectExportInput).returns<CollectExportResult>(),
  /** Reads returned workbooks (bytes, never paths) and reviews them; stores nothing. */
  'collect.analyze': method(collectAnalyzeInput).returns<CollectReview>(),
  /** Stores the accepted files of a review, all or nothing. */
  'collect.commit': method(collectCommitInput).returns<CollectCommitResult>(),
};
