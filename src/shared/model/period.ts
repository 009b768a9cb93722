// Reporting periods (kỳ báo cáo).
import type { UnitKind } from './unit';

export const PERIOD_TYPES = ['month', 'quarter', 'half', 'nine_months', 'year', 'ad_hoc'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
  ad_hoc: 'Đột xuất',
};

export interface ExpectedUnits {
  mode: 'kinds' | 'list';
  kinds: UnitKind[];
  unitIds: number[];
}

export interface Period {
  id: number;
  name: string;
  type: PeriodType;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; null for other types. */
  index: number | null;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  templateId: number;
  templateName: string;
  templateVersion: number;
  planId: number | null;
  expected: ExpectedUnits;
  /** When the expected list was stored (the window had closed); null: still follows the register. */
  expectedFrozenAt: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface PeriodListItem extends Period {
  expectedCount: number;
  submittedCount: number;
  reportCount: number;
}

export interface ExpectedUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
}

/** A frozen list of expected units against what the register gives today. */
export interface ExpectedDiff {
  periodId: number;
  periodName: string;
  frozenAt: string | null;
  /** The list in force (stored, or the register's when not frozen). */
  current: ExpectedUnit[];
  /** The register's list on the cut-off, by the period's selection. */
  proposed: ExpectedUnit[];
  added: ExpectedUnit[];
  removed: ExpectedUnit[];
  /** Units removed from the list that already have a report in the period (kept on the board as outsiders). */
  removedWithReports: number[];
  history: PeriodEvent[];
}

export interface PeriodEvent {
  kind: 'frozen' | 'expected_updated';
  actor: string;
  at: string;
  note: string;
}

export interface PeriodPreview {
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  /** Where the deadline came from: the plan, the rule of one working day after the cut-off, or typed. */
  deadlineSource: 'plan' | 'default' | 'typed';
  expectedUnits: ExpectedUnit[];
  /** Units of the selection left out because they start after the cut-off or stopped before it. */
  notValidOnCutoff: { id: number; code: string; name: string; reason: string }[];
  /** True when the window has closed: the list is stored at creation and frozen. */
  freezesOnCreate: boolean;
  /** Problems that would refuse creation (Vietnamese). */
  problems: string[];
}

/** A holiday on a date that moves every year (Tết, Giỗ Tổ…), kept in the settings. */
export interface Holiday {
  date: string;
  name: string;
}

export const MAX_HOLIDAYS = 100;
