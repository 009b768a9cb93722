// One unit's report for one period, its values and its history.
import type { Period } from './period';
import type { Template } from './template';
import type { UnitKind } from './unit';

export const REPORT_STATUSES = ['chua_nop', 'dang_nhap', 'da_nop', 'tra_lai', 'da_duyet'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  chua_nop: 'Chưa nộp',
  dang_nhap: 'Đang nhập',
  da_nop: 'Đã nộp',
  tra_lai: 'Trả lại',
  da_duyet: 'Đã duyệt',
};

export const CHANNELS = ['typed', 'imported', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  typed: 'Nhập trên máy',
  imported: 'Nhập từ tệp',
  paper: 'Bản giấy',
};

/** Narrative sections are stored as values under this prefix + section number ("muc:II.1"). */
export const SECTION_KEY_PREFIX = 'muc:';
export const sectionKey = (number: string): string => `${SECTION_KEY_PREFIX}${number}`;

/** The reason typed for a rule that does not hold is stored under this prefix + the rule ("lydo:A2 <= A1"). */
export const REASON_KEY_PREFIX = 'lydo:';
export const reasonKey = (expression: string): string => `${REASON_KEY_PREFIX}${expression}`;

/** One stored value: canonical decimal for numbers, "1"/"0" for yes/no, the text for text. */
export type ValueMap = Record<string, string>;

export interface RuleCheck {
  expression: string;
  /** The expression with ≤ ≥ and Vietnamese numbers: "DT03 (12) ≤ DT02 (10)". */
  detail: string;
  codes: string[];
  /** True: holds; false: breached; null: not all values entered yet. */
  holds: boolean | null;
  message: string;
  reason: string;
}

export interface ReportSummary {
  id: number | null;
  periodId: number;
  unitId: number;
  status: ReportStatus;
  receivedDate: string | null;
  channel: Channel | null;
  revision: number;
  updatedAt: string | null;
}

export interface ReportForm {
  period: Period;
  template: Template;
  unit: { id: number; code: string; name: string; kind: UnitKind };
  report: ReportSummary;
  values: ValueMap;
  /** Computed RATE indicators: canonical percent or null (shown as "—"). */
  computed: Record<string, string | null>;
  checks: RuleCheck[];
  allowed: ReportStatus[];
}

export interface ValueChange {
  key: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface Revision {
  number: number;
  actor: string;
  at: string;
  note: string;
  changes: ValueChange[];
}

export interface StatusEvent {
  from: ReportStatus;
  to: ReportStatus;
  actor: string;
  at: string;
  note: string;
}

export interface ReportHistory {
  revisions: Revision[];
  events: StatusEvent[];
}

/** The board state of one expected unit. */
export const BOARD_STATES = ['dung_han', 'muon', 'chua_nop', 'qua_han', 'tra_lai', 'da_duyet', 'dang_nhap'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const BOARD_STATE_LABELS: Record<BoardState, string> = {
  dung_han: 'Đúng hạn',
  muon: 'Nộp muộn',
  chua_nop: 'Chưa nộp',
  qua_han: 'Quá hạn, chưa nộp',
  tra_lai: 'Trả lại',
  da_duyet: 'Đã duyệt',
  dang_nhap: 'Đang nhập',
};

export interface BoardRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  expected: boolean;
  status: ReportStatus;
  state: BoardState;
  receivedDate: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  channel: Channel | null;
  breachCount: number;
}

export interface Board {
  period: Period;
  today: string;
  rows: BoardRow[];
  expected: number;
  actual: number;
  onTime: number;
  late: number;
  missing: number;
  returned: number;
  approved: number;
  inProgress: number;
  /** Percent strings (canonical), null when nothing is expected. */
  reportingRate: string | null;
  onTimeRate: string | null;
  daysLeft: number;
}

export interface TrendPoint {
  periodId: number;
  name: string;
  deadline: string;
  expected: number;
  actual: number;
  onTime: number;
  reportingRate: string | null;
  onTimeRate: string | null;
}
