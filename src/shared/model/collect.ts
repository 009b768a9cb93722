// Collecting reports by Excel (thu biểu Excel): the workbooks sent out and the review of those
// that come back, before anything is stored.
import type { ErrorLocation } from '../errors';
import type { ReportStatus } from './report';

export interface CollectExportFile {
  unitId: number;
  unitCode: string;
  unitName: string;
  fileName: string;
}

export interface CollectExportResult {
  /** False when the user cancelled the folder dialog. */
  saved: boolean;
  folder: string | null;
  files: CollectExportFile[];
}

export const REVIEW_STATUSES = ['new', 'changed', 'identical', 'problem'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  new: 'Mới',
  changed: 'Có thay đổi',
  identical: 'Không đổi',
  problem: 'Có lỗi',
};

export interface ReviewChange {
  key: string;
  /** "DT01 — Hội nghị đối thoại…" or "Mục II.1. Tiếp công dân, đối thoại". */
  label: string;
  oldValue: string | null;
  newValue: string | null;
  /** As shown: Vietnamese numbers, Có/Không, text cut to 300 characters; "" when empty. */
  oldText: string;
  newText: string;
}

export interface ReviewMessage {
  message: string;
  where?: ErrorLocation;
}

export interface ReviewItem {
  /** Position in the batch (0-based), the id used to accept it. */
  index: number;
  fileName: string;
  sha256: string;
  size: number;
  unit: { id: number; code: string; name: string } | null;
  /** The period the workbook was made for (may differ from the one being collected). */
  sourcePeriod: { id: number; name: string } | null;
  status: ReviewStatus;
  changedCount: number;
  changes: ReviewChange[];
  problems: ReviewMessage[];
  /** Does not stop the import: moved rows, formulas whose cached value was taken. */
  notes: ReviewMessage[];
  /**
   * Must be seen before ticking the file, which is then never ticked by default (never a
   * refusal): a book without this data's seal (made by an older version, elsewhere, or with remade
   * metadata); implausible content — a value far outside the unit's own history or its peers of
   * the same kind, a mostly empty workbook, a formula without its calculated value.
   */
  warnings: ReviewMessage[];
  /** Rules the new values break (imported anyway, flagged as in the entry form). */
  breaches: { detail: string; message: string }[];
  reportStatus: ReportStatus | null;
  /** A workbook of another period or template version whose indicators are the same: may be mapped. */
  mappable: boolean;
  /** Set when other files of the batch are for the same unit: accept at most one of the group. */
  conflictGroup: string | null;
  /** Index of an earlier file of the batch with the same content. */
  duplicateOf: number | null;
  previouslyImported: { at: string; fileName: string } | null;
  /** May be ticked (with `map` for a mappable workbook). */
  acceptable: boolean;
  /** Ticked when the review opens. */
  suggested: boolean;
  /** Accepting also records the report as received ("Đã nộp"; breaches stay flagged on it). */
  willSubmit: boolean;
}

export interface CollectReview {
  batchId: string;
  periodId: number;
  periodName: string;
  items: ReviewItem[];
  counts: Record<ReviewStatus, number>;
}

export interface CollectCommitResult {
  saved: {
    index: number;
    fileName: string;
    unitCode: string;
    unitName: string;
    revision: number;
    status: ReportStatus;
    receivedDate: string | null;
    changedCount: number;
    breachCount: number;
  }[];
}
