// A reorganisation of the unit register as one act (issue 20): old units → new units on one date.
import type { UnitKind } from './unit';

/** How an old unit went into a new one. `continue`: the old unit itself goes on (possibly renamed). */
export const REORG_CHANGES = ['merge', 'split', 'rename', 'abolish', 'continue'] as const;
export type ReorgChange = (typeof REORG_CHANGES)[number];

export const REORG_CHANGE_LABELS: Record<ReorgChange, string> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  abolish: 'Giải thể',
  continue: 'Giữ nguyên đơn vị',
};

/** One row of the decision annex, as understood. */
export interface ReorgRow {
  row: number;
  oldCode: string;
  oldName: string;
  /** '' for an abolished unit. */
  newCode: string;
  newName: string;
  change: ReorgChange;
  /** A split's share (0 < share ≤ 1), null when not given. */
  share: number | null;
}

/** A unit after the act: made by it, already in the register, or an old unit that goes on. */
export interface ReorgTarget {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string;
  action: 'create' | 'existing' | 'continue';
  fromCodes: string[];
}

export interface ReorgProblem {
  message: string;
  row?: number;
  column?: string;
}

export interface ReorgPreview {
  fileName: string;
  /** null when neither the command nor the file gives one. */
  effectiveDate: string | null;
  rows: ReorgRow[];
  targets: ReorgTarget[];
  errors: ReorgProblem[];
  warnings: ReorgProblem[];
  counts: {
    oldUnits: number;
    created: number;
    closed: number;
    merges: number;
    splits: number;
    renames: number;
    abolished: number;
  };
}

export interface Reorganisation {
  id: number;
  effectiveDate: string;
  fileName: string;
  summary: string;
  createdAt: string;
  undoneAt: string | null;
}

export interface LineageUnit {
  id: number;
  code: string;
  name: string;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface LineageLink {
  change: ReorgChange;
  share: number | null;
  effectiveDate: string;
  reorganisationId: number;
  /** The other end; null for an abolition. */
  unit: LineageUnit | null;
}

export interface UnitLineage {
  unit: LineageUnit;
  /** The units it was formed from. */
  formedFrom: LineageLink[];
  /** The units it went into. */
  wentInto: LineageLink[];
}
