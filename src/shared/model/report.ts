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

/** A received report against its deadline. */
export const TIMELINESS = ['dung_han', 'muon'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/**
 * Where one unit stands for a period on a given day: the one status model of the board, Tổng hợp,
 * the reminder letter and the exports (shared/domain/report-status.ts makes it). Breaches are a
 * flag on a report, never a reason to call it "not received".
 */
export interface Standing {
  status: ReportStatus;
  /** The received date of the submission that counts (received reports only). */
  receivedDate: string | null;
  timeliness: Timeliness | null;
  daysLate: number | null;
  /** Not received (chưa nộp, đang nhập, trả lại) and the deadline has passed. */
  overdue: boolean;
  /** Rules the stored values break: a flag on the report. */
  breachCount: number;
  /** The standing in words: "Đã nộp muộn", "Chưa nộp, quá hạn", "Đã duyệt, nộp đúng hạn"… */
  label: string;
}

/** The board's filters; each one's count is in StatusCounts, over the expected units. */
export const BOARD_FILTERS = [
  'all',
  'chua_nop',
  'dang_nhap',
  'da_nop',
  'tra_lai',
  'da_duyet',
  'dung_han',
  'muon',
  'qua_han',
  'vi_pham',
] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

export const BOARD_FILTER_LABELS: Record<BoardFilter, string> = {
  all: 'Tất cả',
  chua_nop: 'Chưa nộp',
  dang_nhap: 'Đang nhập',
  da_nop: 'Đã nộp, chờ duyệt',
  tra_lai: 'Trả lại',
  da_duyet: 'Đã duyệt',
  dung_han: 'Nộp đúng hạn',
  muon: 'Nộp muộn',
  qua_han: 'Quá hạn, chưa nhận',
  vi_pham: 'Có vi phạm quy tắc',
};

/** The counts of a period's expected units: cards, filters, text and JSON all read these. */
export interface StatusCounts {
  expected: number;
  /** By status (as of the date). */
  chua_nop: number;
  dang_nhap: number;
  da_nop: number;
  tra_lai: number;
  da_duyet: number;
  /** Received = đã nộp + đã duyệt; not received = chưa nộp + đang nhập + trả lại. */
  received: number;
  notReceived: number;
  /** Received reports by their received date against the deadline (onTime + late = received). */
  onTime: number;
  late: number;
  /** Not received and past the deadline. */
  overdue: number;
  /** Reports (received or not) whose values break a rule; null where breaches are not checked. */
  withBreaches: number | null;
  /** Percent strings (canonical), null when nothing is expected. */
  reportingRate: string | null;
  onTimeRate: string | null;
}

export interface BoardRow extends Standing {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  /** In the period's list of expected units (a report from outside the list is still shown). */
  expected: boolean;
  channel: Channel | null;
}

export interface Board {
  period: Period;
  /** The day the board answers for: reports received after it are not received yet. */
  asOf: string;
  rows: BoardRow[];
  counts: StatusCounts;
  /** Days from the as-of date to the deadline (negative: past it). */
  daysLeft: number;
}

/** The board's chips: every filter of the one status model, plus the reports from outside the list. */
export const BOARD_CHIPS = [...BOARD_FILTERS, 'ngoai_danh_sach'] as const;
export type BoardChip = (typeof BOARD_CHIPS)[number];

/**
 * One window of the board's rows under a chip, with the board's counts: the screen asks for the rows
 * it shows, so its cost does not grow with the register (dashboard.page).
 */
export interface BoardPage extends Omit<Board, 'rows'> {
  filter: BoardChip;
  /** Rows under the chip (exactly what its count counts); `rows` is the window from `offset`. */
  total: number;
  offset: number;
  rows: BoardRow[];
  /** Reports from units outside the list (shown, not counted). */
  outside: number;
}

/** A unit of a period's board as Báo cáo đơn vị's picker lists it: who, and where its report stands. */
export interface UnitChoice {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** The standing in words (Standing.label). */
  label: string;
}

/** One window of the board's units matching what was typed (reports.unitChoices). */
export interface UnitChoicePage {
  /** Units matching (all of the board's when nothing was typed). */
  total: number;
  offset: number;
  rows: UnitChoice[];
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
