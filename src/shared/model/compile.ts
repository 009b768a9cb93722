// The consolidated report (tổng hợp) of one or several periods: totals by rule, by unit kind and
// by unit, the comparison with the same period last year, the plan's targets, and the draft.
import type { AggregationRule, Accumulation, IndicatorType } from './template';
import type { ReportStatus, Standing, StatusCounts } from './report';
import type { UnitKind } from './unit';
import type { Comparator, TargetScope } from './plan';

/** Reports that count in a total: sent (đã nộp) or approved (đã duyệt). */
export const COUNTED_STATUSES: readonly ReportStatus[] = ['da_nop', 'da_duyet'];

/**
 * One figure and what it was made of. Values are canonical decimals (see shared/decimal.ts);
 * RATE and SHARE values are percents with two decimals; null when there is no value ("—").
 */
export interface Figure {
  value: string | null;
  /** RATE: the summed numerator; SHARE: units answering yes. */
  numerator: string | null;
  /** RATE: the summed denominator; SHARE: units expected. */
  denominator: string | null;
  /** Units whose answer counted. */
  reported: number;
  /** Units expected to report (at the end of the window). */
  expected: number;
  /** Expected units without an answer (did not report, or left it blank). */
  missing: number;
}

export interface TextAnswer {
  unitId: number;
  unitName: string;
  periodName: string;
  text: string;
}

export interface IndicatorTotal extends Figure {
  code: string;
  name: string;
  unit: string;
  type: IndicatorType;
  rule: AggregationRule;
  accumulation: Accumulation;
  group: string;
  numeratorCode: string | null;
  denominatorCode: string | null;
  byKind: { kind: UnitKind; figure: Figure }[];
  /** TEXT (and text NONE) answers, unit by unit in the user's order. */
  texts: TextAnswer[];
}

/** A unit of the window: its standing in the last period (the one status model; breaches are not checked here). */
export interface UnitLine extends Omit<Standing, 'status' | 'receivedDate' | 'breachCount'> {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  /** Expected at the end of the window. */
  expected: boolean;
  /** Status in the last period of the window. */
  status: ReportStatus;
  receivedDate: string | null;
  /** Periods of the window this unit's report counted in. */
  periodsCounted: number;
  /** Per-unit value of each indicator over the window (RATE/SHARE as the unit's own percent / "1" "0"). */
  values: Record<string, string | null>;
}

export interface ReportingStatus {
  /** The same counts the board prints for the last period (withBreaches checked in features/compile/breaches.ts). */
  counts: StatusCounts;
  expected: number;
  /** Expected units whose report counted (sent or approved) in the last period. */
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  lateUnits: string[];
  missingUnits: string[];
}

export interface Aggregation {
  periods: { id: number; name: string; windowStart: string; windowEnd: string; deadline: string }[];
  indicators: IndicatorTotal[];
  units: UnitLine[];
  status: ReportingStatus;
  /** Things the user should know (Vietnamese): template mix, no reports, … */
  notes: string[];
}

export interface ComparisonRow {
  code: string;
  current: string | null;
  previous: string | null;
  /** current − previous (percentage points for RATE and SHARE); null when either is missing. */
  delta: string | null;
  /** Why there is no comparison, when there is none. */
  note: string;
}

export interface TargetResult {
  text: string;
  indicatorCode: string;
  comparator: Comparator;
  target: string;
  targetUnit: string;
  scope: TargetScope;
  /** Each-unit targets: how many units meet it, over how many expected units, and those that miss. */
  units: { met: number; judged: number; missing: { unitId: number; name: string; value: string | null }[] } | null;
  /** The value measured against the target (percent when the target is in %). */
  actual: string | null;
  /** How the actual value was measured, in Vietnamese. */
  measure: string;
  met: boolean | null;
  /** actual − target; null when not measurable. */
  gap: string | null;
  problem: string;
}

/** A unit of today whose same-period figures were read from the old units it took over (issue 20). */
export interface RestatedUnit {
  unitId: number;
  code: string;
  name: string;
  /** The old units it took over, with the share it took (null: a split without shares). */
  sources: { unitId: number; code: string; name: string; weight: number | null }[];
  /** Its restated values; null where no true figure can be given (see note). */
  values: Record<string, string | null>;
  /** '' when every value could be restated; otherwise why some could not (Vietnamese). */
  note: string;
}

/** Last year's figures read onto today's units through the reorganisations between the two windows. */
export interface Restatement {
  /** "Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới …", printed under every comparison. */
  footnote: string;
  acts: { id: number; effectiveDate: string }[];
  /** The units of today formed from other units (a unit that simply goes on is not listed). */
  units: RestatedUnit[];
  /** Old units abolished without a successor: their figures are left out of the comparison. */
  dropped: { unitId: number; code: string; name: string }[];
  /** Indicator code → why its restated total is not given. */
  notComparable: Record<string, string>;
}

export interface CompileResult {
  current: Aggregation;
  /** The same window last year; restated onto today's units when `restatement` is set. */
  previous: Aggregation | null;
  restatement: Restatement | null;
  /**
   * A window that spans a reorganisation: the old units' reports of the window folded into the
   * units that took them over (the same shape; `units[].values` = what each took over).
   */
  folding: Restatement | null;
  comparison: ComparisonRow[];
  targets: TargetResult[];
  planReference: string;
  /** Every placeholder the draft may use, already rendered ("DT01" → "125"). */
  placeholders: Record<string, string>;
}

// ——— The draft of the consolidated report ———

export interface DraftSection {
  /** "" for the opening paragraph; otherwise the template's number ("I", "II.1"). */
  number: string;
  title: string;
  level: number;
  hasText: boolean;
  /** What the user sees and edits: text with {{PLACEHOLDERS}}; one paragraph a line, "- " for list items. */
  text: string;
  /** What the app generated last time: a section whose text equals it has not been edited. */
  generated: string;
  /** Paragraphs that the last refresh added to an edited section or could not remove from it. */
  refreshNote: string;
  /**
   * Lines the user may add but the app does not write itself: the units' proposals addressed to
   * the compiling agency (they are for it to act on, not to forward upward).
   */
  suggestions?: string[];
}

export interface Draft {
  periodIds: number[];
  compareIds: number[];
  title: string;
  sections: DraftSection[];
  updatedAt: string | null;
}

export interface CompileSettings {
  /** Kính gửi: the superior agencies. */
  to: string[];
  /** Nơi nhận (besides "Như trên" and "Lưu"). */
  recipients: string[];
  /** Email addresses of the superior agencies. */
  emailTo: string[];
  emailCc: string[];
  symbol: string;
  /** At most this many grouped points of the units' words per section of the body (1–20). */
  maxPoints: number;
  /** Each unit's full words in an annex ("Phụ lục IV: Ý kiến của các cơ quan, đơn vị"), or left out. */
  unitTextAnnex: boolean;
}
