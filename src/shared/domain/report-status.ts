// The one status model of a unit's report (DOMAIN.md: chưa nộp, đang nhập, đã nộp, trả lại, đã
// duyệt), used by the board, Tổng hợp, the reminder letter, the exports and the CLI:
//   - the transitions a status may take (approval as in DHIS2: accept locks, return and reopen
//     need a reason);
//   - the status on a given day, replayed from the report's events (a report received after D is
//     not received as of D);
//   - where a unit stands against the deadline, and the counts every view prints.
// Rule breaches are a flag on a report, never a reason to call it "not received".
import { ratePercent } from './decimal';
import { daysBetween } from './periods';
import {
  REPORT_STATUS_LABELS,
  type BoardFilter,
  type ReportStatus,
  type Standing,
  type StatusCounts,
} from '../model/report';

/** The only ways a status may change. */
export const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  chua_nop: ['dang_nhap'],
  dang_nhap: ['da_nop'],
  da_nop: ['tra_lai', 'da_duyet'],
  tra_lai: ['dang_nhap', 'da_nop'],
  // Mở lại: back to "đã nộp", from where it can be returned or accepted again.
  da_duyet: ['da_nop'],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Values may be changed (typed or imported) only in these statuses; đã nộp must be returned first. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['chua_nop', 'dang_nhap', 'tra_lai'];

export const isEditableStatus = (status: ReportStatus): boolean => EDITABLE_STATUSES.includes(status);

/** Received: the report counts in totals and rates. */
export const RECEIVED_STATUSES: readonly ReportStatus[] = ['da_nop', 'da_duyet'];
export const isReceived = (s: ReportStatus): boolean => RECEIVED_STATUSES.includes(s);

/** One recorded change of status, with the day it counts from (the received date of a submission). */
export interface StatusEventFact {
  to: ReportStatus;
  onDate: string;
}

/** A report as stored now: its status and the received date of its current submission. */
export interface ReportFact {
  status: ReportStatus;
  receivedDate: string | null;
  /** In the order they were recorded. */
  events: StatusEventFact[];
}

/**
 * The status and received date of a report as of `asOf`: the last recorded event that counts by
 * then. A report without events (older data) is judged on its row: received only if by `asOf`.
 */
export function statusAsOf(r: ReportFact, asOf: string): { status: ReportStatus; receivedDate: string | null } {
  if (r.events.length === 0) {
    if (isReceived(r.status))
      return r.receivedDate !== null && r.receivedDate <= asOf
        ? { status: r.status, receivedDate: r.receivedDate }
        : { status: 'chua_nop', receivedDate: null };
    return { status: r.status, receivedDate: null };
  }
  let status: ReportStatus = 'chua_nop';
  let receivedDate: string | null = null;
  let prev: ReportStatus = 'chua_nop';
  for (const e of r.events) {
    // A move to "đã nộp" from a status not received is a submission: its day is the received date
    // (from "đã duyệt" it is a reopening, which keeps the received date).
    const submission = e.to === 'da_nop' && !isReceived(prev);
    prev = e.to;
    if (e.onDate > asOf) continue;
    status = e.to;
    if (submission) receivedDate = e.onDate;
  }
  if (!isReceived(status)) return { status, receivedDate: null };
  return {
    status,
    receivedDate: receivedDate ?? (r.receivedDate !== null && r.receivedDate <= asOf ? r.receivedDate : asOf),
  };
}

/** Where a report stands against the deadline on `asOf`. */
export function standingOf(
  status: ReportStatus,
  receivedDate: string | null,
  deadline: string,
  asOf: string,
  breachCount = 0,
): Standing {
  const received = isReceived(status) && receivedDate !== null;
  const late = received && receivedDate > deadline;
  const s: Omit<Standing, 'label'> = {
    status,
    receivedDate: received ? receivedDate : null,
    timeliness: received ? (late ? 'muon' : 'dung_han') : null,
    daysLate: late ? daysBetween(deadline, receivedDate) : null,
    overdue: !isReceived(status) && asOf > deadline,
    breachCount,
  };
  return { ...s, label: standingLabel(s) };
}

/** The standing in words, the same on every screen, in every table and document ("Đã nộp muộn"). */
export function standingLabel(s: Omit<Standing, 'label' | 'breachCount'>): string {
  const overdue = s.overdue ? ', quá hạn' : '';
  const timing = s.timeliness === 'muon' ? 'muộn' : 'đúng hạn';
  switch (s.status) {
    case 'chua_nop':
      return `Chưa nộp${overdue}`;
    case 'dang_nhap':
      return `Đang nhập${overdue}`;
    case 'tra_lai':
      return `Trả lại${overdue}`;
    case 'da_nop':
      return `Đã nộp ${timing}`;
    case 'da_duyet':
      return `Đã duyệt, nộp ${timing}`;
  }
}

/** Short label of a status alone ("Đã nộp"), for badges. */
export const statusLabel = (s: ReportStatus): string => REPORT_STATUS_LABELS[s];

/** Whether a standing is shown under a filter of the board. */
export function matchesFilter(
  s: Omit<Standing, 'label' | 'breachCount'> & { breachCount?: number },
  f: BoardFilter,
): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'dung_han':
    case 'muon':
      return s.timeliness === f;
    case 'qua_han':
      return s.overdue;
    case 'vi_pham':
      return (s.breachCount ?? 0) > 0;
    default:
      return s.status === f;
  }
}

/** A standing as counted: its rule breaches may be left out (undefined: not checked). */
type Counted = Omit<Standing, 'label' | 'breachCount'> & { breachCount?: number };

/** The counts of the expected units' standings: every view prints these, and only these. */
export function countStandings(rows: Counted[]): StatusCounts {
  return countStandingGroups(rows.map((standing) => ({ standing, n: 1 })));
}

/** The same counts of `n` units sharing each standing (the board counted by the database, a group each). */
export function countStandingGroups(groups: readonly { standing: Counted; n: number }[]): StatusCounts {
  const sum = (test: (s: Counted) => boolean) => groups.reduce((t, g) => (test(g.standing) ? t + g.n : t), 0);
  const n = (f: BoardFilter) => sum((s) => matchesFilter(s, f));
  const received = sum((s) => isReceived(s.status));
  const onTime = n('dung_han');
  const expected = sum(() => true);
  return {
    expected,
    chua_nop: n('chua_nop'),
    dang_nhap: n('dang_nhap'),
    da_nop: n('da_nop'),
    tra_lai: n('tra_lai'),
    da_duyet: n('da_duyet'),
    received,
    notReceived: expected - received,
    onTime,
    late: n('muon'),
    overdue: n('qua_han'),
    withBreaches: groups.every((g) => g.standing.breachCount !== undefined) ? n('vi_pham') : null,
    reportingRate: expected ? ratePercent(String(received), String(expected), 1) : null,
    onTimeRate: expected ? ratePercent(String(onTime), String(expected), 1) : null,
  };
}

/** The count of a filter, from the counts (the chips of the board read these). */
export function filterCount(c: StatusCounts, f: BoardFilter): number {
  switch (f) {
    case 'all':
      return c.expected;
    case 'dung_han':
      return c.onTime;
    case 'muon':
      return c.late;
    case 'qua_han':
      return c.overdue;
    case 'vi_pham':
      return c.withBreaches ?? 0;
    default:
      return c[f];
  }
}

/** "Phải báo cáo 30 · đã nhận 25 (đúng hạn 20, muộn 5) · chưa nhận 5 (chưa nộp 2, đang nhập 1, trả lại 2)…" */
export function countsSentence(c: StatusCounts): string {
  return [
    `Phải báo cáo ${c.expected}`,
    `đã nhận ${c.received} (đúng hạn ${c.onTime}, muộn ${c.late}; chờ duyệt ${c.da_nop}, đã duyệt ${c.da_duyet})`,
    `chưa nhận ${c.notReceived} (chưa nộp ${c.chua_nop}, đang nhập ${c.dang_nhap}, trả lại ${c.tra_lai}${c.overdue ? `; quá hạn ${c.overdue}` : ''})`,
    ...(c.withBreaches !== null && c.withBreaches > 0 ? [`có vi phạm quy tắc ${c.withBreaches}`] : []),
  ].join(' · ');
}
