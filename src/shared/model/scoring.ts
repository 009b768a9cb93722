// Chấm điểm, xếp loại: criteria sets (versioned data), scoring rounds, each unit's self-score and
// the department's appraisal. Points are plain numbers with at most two decimals on the wire;
// every sum is done in whole hundredths (see shared/scoring.ts) so 89,99 never becomes 89,9899….

export interface SubCriterion {
  title: string;
  /** Points of this part, or null when the part is guidance only. */
  maxPoints: number | null;
}

export interface Criterion {
  /** Unique in the set ("1.1", "TC01"). */
  code: string;
  title: string;
  maxPoints: number;
  guidance: string;
  /** The evidence the unit must attach (tài liệu kiểm chứng). */
  evidence: string;
  subCriteria: SubCriterion[];
}

export interface CriteriaGroup {
  code: string;
  title: string;
  maxPoints: number;
  criteria: Criterion[];
}

/** A bonus or deduction item: points up to maxPoints, added (bonus) or taken off (deduction). */
export interface AdjustmentItem {
  code: string;
  title: string;
  maxPoints: number;
  guidance: string;
}

/**
 * A class: totals from `from` (inclusive) up to `to` (exclusive; null = no upper bound).
 * The classes together must cover [0, ∞) without gap or overlap.
 */
export interface ScoreClass {
  code: string;
  label: string;
  from: number;
  to: number | null;
}

export interface CriteriaSetContent {
  /** Stable code across versions ("dvcq-quang-nam"). */
  code: string;
  name: string;
  /** Whose rule it is (province, or "Mặc định"). */
  province: string;
  year: number;
  description: string;
  /** The scale (thang điểm): the group maximums add up to it. */
  totalPoints: number;
  groups: CriteriaGroup[];
  bonus: { cap: number; items: AdjustmentItem[] };
  deductions: { cap: number | null; items: AdjustmentItem[] };
  classes: ScoreClass[];
}

export interface CriteriaSet extends CriteriaSetContent {
  id: number;
  version: number;
  basedOnId: number | null;
  /** Used by a scoring round: read-only, edits make a new version. */
  frozen: boolean;
  createdAt: string;
  /** Last save: sent back as `expectedUpdatedAt` so a save over someone else's is refused. */
  updatedAt: string | null;
}

export interface CriteriaSetListItem {
  id: number;
  code: string;
  name: string;
  province: string;
  year: number;
  version: number;
  totalPoints: number;
  frozen: boolean;
  rounds: number;
}

/** The file format of an exported set. */
export interface CriteriaSetFile extends CriteriaSetContent {
  format: 'bao-cao-noi-vu/bo-tieu-chi';
  formatVersion: 1;
  version?: number;
}

export const SCORE_ITEM_KINDS = ['criterion', 'bonus', 'deduction'] as const;
export type ScoreItemKind = (typeof SCORE_ITEM_KINDS)[number];

/** One line that takes a score: a criterion, a bonus item or a deduction item. */
export interface ScoreItem {
  code: string;
  kind: ScoreItemKind;
  title: string;
  maxPoints: number;
  groupCode: string | null;
}

export interface ScoringRound {
  id: number;
  name: string;
  year: number;
  setId: number;
  setName: string;
  setVersion: number;
  selfDeadline: string | null;
  appraisalDeadline: string | null;
  note: string;
  createdAt: string;
  units: RoundUnitStatus[];
}

export interface ScoringRoundListItem {
  id: number;
  name: string;
  year: number;
  setId: number;
  setName: string;
  setVersion: number;
  selfDeadline: string | null;
  appraisalDeadline: string | null;
  unitCount: number;
  approvedCount: number;
}

export const SCORING_STAGES = ['chua_cham', 'tu_cham', 'tham_dinh', 'da_duyet'] as const;
export type ScoringStage = (typeof SCORING_STAGES)[number];
export const SCORING_STAGE_LABELS: Record<ScoringStage, string> = {
  chua_cham: 'Chưa chấm',
  tu_cham: 'Đang tự chấm',
  tham_dinh: 'Đang thẩm định',
  da_duyet: 'Đã duyệt',
};

export interface RoundUnitStatus {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  stage: ScoringStage;
  selfTotal: number | null;
  finalTotal: number | null;
  classLabel: string | null;
}

/** A unit that can be added to a round. */
export interface RoundCandidate {
  unitId: number;
  code: string;
  name: string;
  kind: string;
}

export interface ScoreLine {
  code: string;
  selfScore: number | null;
  selfNote: string;
  appraisedScore: number | null;
  reason: string;
}

export interface Evidence {
  id: number;
  itemCode: string;
  fileName: string;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface ScoringEvent {
  id: number;
  kind: 'self_saved' | 'appraisal_saved' | 'imported' | 'approved' | 'reopened' | 'evidence_added' | 'evidence_removed';
  actor: string;
  at: string;
  note: string;
}

/** What happened to a unit's scoring, as its history and Nhật ký say it. */
export const SCORING_EVENT_LABELS: Record<ScoringEvent['kind'], string> = {
  self_saved: 'Tự chấm',
  appraisal_saved: 'Thẩm định',
  imported: 'Nhập phiếu Excel',
  approved: 'Duyệt',
  reopened: 'Mở lại',
  evidence_added: 'Thêm minh chứng',
  evidence_removed: 'Bỏ minh chứng',
};

export interface Totals {
  base: number;
  bonus: number;
  /** Bonus before the cap, to show that the cap applied. */
  bonusUncapped: number;
  deductions: number;
  deductionsUncapped: number;
  total: number;
  classCode: string;
  classLabel: string;
  /** Items with no score yet. */
  missing: number;
}

export interface UnitScoring {
  roundId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  stage: ScoringStage;
  locked: boolean;
  set: CriteriaSet;
  lines: ScoreLine[];
  evidence: Evidence[];
  events: ScoringEvent[];
  self: Totals;
  /** Appraised score where given, self-score otherwise: the score that counts. */
  final: Totals;
}

export interface RankingRow {
  rank: number;
  /** "2" or "2 (đồng hạng)" */
  rankLabel: string;
  tied: boolean;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  stage: ScoringStage;
  base: number;
  bonus: number;
  deductions: number;
  total: number;
  selfTotal: number;
  classCode: string;
  classLabel: string;
  /** Per criterion: the final score, in the order of the set. */
  scores: Record<string, number | null>;
}

/** A unit of this round against last year's round (issue 20: through the lineage; shared/domain/restate-scores.ts). */
export interface PreviousScore {
  unitId: number;
  /** Last year's total; null when there is none or it is not comparable (see note). */
  total: number | null;
  rankLabel: string | null;
  /** This year's total − last year's, in points. */
  change: number | null;
  /** The units scored last year whose score this unit's is compared with or stands beside. */
  sources: { unitId: number; code: string; name: string; weight: number | null; total: number }[];
  note: string;
}

/** Last year's round of the same criteria set, read onto this round's units. */
export interface PreviousRound {
  round: { id: number; name: string; year: number; setName: string; setVersion: number };
  /** One per unit of this round's ranking, in its order. */
  rows: PreviousScore[];
  /** '' when no reorganisation lies between the two rounds; otherwise how scores were read (Vietnamese). */
  footnote: string;
}

export interface RoundResults {
  round: ScoringRoundListItem;
  set: CriteriaSet;
  /** Units with a score (tự chấm or later), ranked; units not scored yet are outside it. */
  ranking: RankingRow[];
  /** Chưa chấm: outside the ranking and the class counts. */
  unscored: { unitId: number; unitCode: string; unitName: string; unitKind: string }[];
  /** Scored, but criteria still without points: no class can be stated, so outside both as well. */
  incomplete: { unitId: number; unitCode: string; unitName: string; unitKind: string; missing: number }[];
  tieRule: string;
  ties: string[];
  /** Count per class by unit kind: classCode → kind → count. */
  byKind: { kind: string; kindLabel: string; counts: Record<string, number>; total: number }[];
  classCounts: Record<string, number>;
  /** Scored units whose points are not approved yet (provisional); the unscored are apart. */
  notApproved: number;
  /** Last year's round of the same criteria set (any version); null when there is none. */
  previous: PreviousRound | null;
}
