// Approval of units' reports, as DHIS2's data approval: a report is submitted with the day it was
// received, then accepted (locked), returned with a reason (the unit's next file or edit becomes a
// new revision), or reopened with a reason. Every move is a status event in the report's history
// (and, through the triggers, in the audit log).
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { transitionInput } from '../../../shared/contract/reports';
import { TRANSITIONS, canTransition } from '../../../shared/domain/report-status';
import { formatDateShort, todayIso } from '../../../shared/format';
import { REPORT_STATUS_LABELS, reasonKey, type ReportForm, type ReportStatus } from '../../../shared/model/report';
import { addEvent, ensureReport, getReportForm } from './reports';
import { conflict } from './row-version';
import { keptStanding } from './standings-kept';

export type TransitionData = z.output<typeof transitionInput> & {
  /** Record a submission whose breaches have no reason (an Excel file received as it is): flagged, not refused. */
  acceptBreaches?: boolean;
};

/** Moves a report along one allowed transition, with what each one needs. */
export async function transitionReport(db: Kysely<DB>, data: TransitionData, now = new Date()): Promise<ReportForm> {
  return db.transaction().execute((trx) => transitionReportIn(trx, data, now));
}

/**
 * The same inside the caller's transaction (an Excel import submits many reports at once). What
 * each move needs: a submission its received date (not before the window, not after today) and a
 * reason for every breach unless recorded as received anyway (flagged); a return or a reopening
 * (đã duyệt → đã nộp) its reason. The event counts from the received date for a submission, from
 * today otherwise.
 */
export async function transitionReportIn(
  trx: Transaction<DB>,
  data: TransitionData,
  now = new Date(),
): Promise<ReportForm> {
  const form = await getReportForm(trx, data.periodId, data.unitId);
  const from = form.report.status;
  const to = data.to;
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from].map((s) => `“${REPORT_STATUS_LABELS[s]}”`).join(', ');
    throw new AppError(
      'BAD_TRANSITION',
      `Không chuyển được báo cáo của ${form.unit.name} từ “${REPORT_STATUS_LABELS[from]}” sang “${REPORT_STATUS_LABELS[to]}”${allowed ? `; chỉ có thể chuyển sang ${allowed}` : ''}.`,
    );
  }
  const at = now.toISOString();
  const today = todayIso(now);
  const report = await ensureReport(trx, data.periodId, data.unitId, at);
  const patch: { status: ReportStatus; updated_at: string; received_date?: string | null; channel?: string | null } = {
    status: to,
    updated_at: at,
  };
  const reopening = from === 'da_duyet' && to === 'da_nop';
  let onDate = today;
  let note = data.note;
  if (to === 'da_nop' && !reopening) {
    const unexplained = form.checks.filter((c) => c.holds === false && !c.reason.trim());
    if (unexplained.length && !data.acceptBreaches) {
      throw new AppError(
        'BREACH_UNEXPLAINED',
        `Chưa ghi nhận đã nộp được: số liệu vi phạm ${unexplained.length} quy tắc mà chưa ghi lý do (${unexplained.map((c) => c.detail).join('; ')}). Hãy sửa số liệu, ghi lý do bên cạnh, hoặc chọn “vẫn ghi nhận đã nhận” (vi phạm được đánh dấu).`,
        { field: reasonKey(unexplained[0]!.expression) },
        unexplained.map((c) => ({
          message: `Vi phạm: ${c.detail}${c.message ? ` — ${c.message}` : ''}`,
          where: { field: reasonKey(c.expression) },
        })),
      );
    }
    const received = data.receivedDate ?? today;
    if (received < form.period.windowStart) {
      throw new AppError(
        'BAD_DATE',
        `Ngày nhận ${formatDateShort(received)} trước khi kỳ “${form.period.name}” bắt đầu (${formatDateShort(form.period.windowStart)}).`,
        { field: 'receivedDate' },
      );
    }
    if (received > today) {
      throw new AppError(
        'BAD_DATE',
        `Ngày nhận ${formatDateShort(received)} sau hôm nay (${formatDateShort(today)}): chỉ ghi nhận báo cáo đã đến.`,
        { field: 'receivedDate' },
      );
    }
    patch.received_date = received;
    patch.channel = data.channel ?? form.report.channel ?? 'typed';
    onDate = received;
    const flagged = unexplained.length ? `vi phạm ${unexplained.length} quy tắc chưa có lý do` : '';
    note = [`Ngày nhận ${formatDateShort(received)}`, flagged, data.note].filter(Boolean).join(' · ');
  }
  if ((to === 'tra_lai' || reopening) && !data.note.trim()) {
    throw new AppError(
      'NOTE_REQUIRED',
      reopening
        ? 'Mở lại báo cáo đã duyệt thì phải ghi lý do.'
        : 'Trả lại báo cáo thì phải ghi lý do trả lại để đơn vị biết cần sửa gì.',
      { field: 'note' },
    );
  }
  if (reopening) note = `Mở lại: ${data.note}`;
  // The event first, so the row is written once with the standing it makes (standings-kept.ts);
  // a refused move below takes the event back with the transaction.
  await addEvent(trx, report.id, from, to, data.actor, at, note, onDate);
  const receivedDate = patch.received_date !== undefined ? patch.received_date : report.received_date;
  // Only from the status read above: a move or a first save by someone else meanwhile refuses this one.
  const moved = await trx
    .updateTable('reports')
    .set({ ...patch, ...(await keptStanding(trx, report.id, to, receivedDate)) })
    .where('id', '=', report.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw await conflict(trx, report.id, form.report.id === null ? 0 : -1);
  return getReportForm(trx, data.periodId, data.unitId);
}

type Ref = { periodId: number; unitId: number; actor: string };

/** Ghi nhận đã nộp (from đang nhập or trả lại). */
export const submitReport = (
  db: Kysely<DB>,
  a: Ref & { receivedDate: string | null; channel: TransitionData['channel']; acceptBreaches: boolean; note: string },
  now = new Date(),
) => moveReport(db, { ...a, to: 'da_nop' }, ['dang_nhap', 'tra_lai'], 'ghi nhận đã nộp', now);

/** Duyệt: locks the values. */
export const acceptReport = (db: Kysely<DB>, a: Ref & { note: string }, now = new Date()) =>
  moveReport(db, { ...a, to: 'da_duyet', receivedDate: null, channel: null }, ['da_nop'], 'duyệt', now);

/** Trả lại with the reason. */
export const returnReport = (db: Kysely<DB>, a: Ref & { reason: string }, now = new Date()) =>
  moveReport(
    db,
    { ...a, to: 'tra_lai', note: a.reason, receivedDate: null, channel: null },
    ['da_nop'],
    'trả lại',
    now,
  );

/** Mở lại an approved report with the reason: back to "đã nộp". */
export const reopenReport = (db: Kysely<DB>, a: Ref & { reason: string }, now = new Date()) =>
  moveReport(
    db,
    { ...a, to: 'da_nop', note: a.reason, receivedDate: null, channel: null },
    ['da_duyet'],
    'mở lại',
    now,
  );

/** One named move: refused with its own words when the report is not in a status it starts from. */
async function moveReport(
  db: Kysely<DB>,
  data: TransitionData,
  from: ReportStatus[],
  verb: string,
  now: Date,
): Promise<ReportForm> {
  return db.transaction().execute(async (trx) => {
    const form = await getReportForm(trx, data.periodId, data.unitId);
    if (!from.includes(form.report.status))
      throw new AppError(
        'BAD_TRANSITION',
        `Không ${verb} được báo cáo của ${form.unit.name}: báo cáo đang “${REPORT_STATUS_LABELS[form.report.status]}”, chỉ ${verb} được khi báo cáo ${from.map((s) => `“${REPORT_STATUS_LABELS[s]}”`).join(' hoặc ')}.`,
      );
    return transitionReportIn(trx, data, now);
  });
}
