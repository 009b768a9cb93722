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

/** What names a unit and may be re-pointed to its successors after a reorganisation. */
export const REPOINT_AREAS = ['plan_task', 'period_list', 'period_expected', 'scoring_round'] as const;
export type RepointArea = (typeof REPOINT_AREAS)[number];

export const REPOINT_AREA_LABELS: Record<RepointArea, string> = {
  plan_task: 'Nhiệm vụ của văn bản chỉ đạo',
  period_list: 'Danh sách đơn vị của kỳ báo cáo',
  period_expected: 'Danh sách đơn vị phải báo cáo đã chốt',
  scoring_round: 'Đợt chấm điểm',
};

export interface RepointUnit {
  id: number;
  code: string;
  name: string;
}

/** One place that still names an old unit, with the units proposed in its stead. */
export interface RepointProposal {
  /** "area:owner:old unit", what the user confirms. */
  key: string;
  area: RepointArea;
  ownerId: number;
  /** The plan and task, the period or the round, in Vietnamese. */
  owner: string;
  oldUnit: RepointUnit;
  /** The units that took the old one over (empty: abolished, it is only taken off). */
  successors: RepointUnit[];
  /** '' when it can be applied; otherwise why not (Vietnamese). */
  blocked: string;
}

export interface RepointList {
  reorganisationId: number;
  effectiveDate: string;
  proposals: RepointProposal[];
  /** Periods whose data window ended before the date: they keep their old units. */
  closedPeriodsKept: number;
}
