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
  /** Month 1–12 or quarter 1–4; null for other types. */
  index: number | null;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  templateId: number;
  templateName: string;
  templateVersion: number;
  planId: number | null;
  expected: ExpectedUnits;
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

export interface PeriodPreview {
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  /** Where the deadline came from: the plan, the rule of one working day after the cut-off, or typed. */
  deadlineSource: 'plan' | 'default' | 'typed';
  expectedUnits: ExpectedUnit[];
  /** Problems that would refuse creation (Vietnamese). */
  problems: string[];
}

/** A holiday on a date that moves every year (Tết, Giỗ Tổ…), kept in the settings. */
export interface Holiday {
  date: string;
  name: string;
}

export const MAX_HOLIDAYS = 100;
