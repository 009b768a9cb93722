// Several people may edit the same report (a shared PostgreSQL server, or two windows): a save
// names the revision it was made on, and the report's revision moves on only from that one. The
// claim is one conditional UPDATE before anything else is written, so of two saves racing on the
// server the second waits for the first's row lock, finds the revision moved, and is refused with
// who saved and when, instead of silently overwriting their change.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { formatChangedAt } from '../../../shared/format';

/**
 * Why a change made on `seen` cannot be written. `seen` 0 with a report there now: two first
 * saves raced (two people opened the same empty report), and the other one made it.
 */
export async function conflict(trx: Transaction<DB>, reportId: number, seen = -1): Promise<AppError> {
  const last = await trx
    .selectFrom('report_revisions')
    .select(['actor', 'at', 'number'])
    .where('report_id', '=', reportId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  if (seen === 0) {
    const names = await trx
      .selectFrom('reports')
      .innerJoin('units', 'units.id', 'reports.unit_id')
      .innerJoin('periods', 'periods.id', 'reports.period_id')
      .select(['units.name as unit', 'periods.name as period', 'reports.created_at as created'])
      .where('reports.id', '=', reportId)
      .executeTakeFirstOrThrow();
    const when = new Date(last?.at ?? names.created);
    return new AppError(
      'EDIT_CONFLICT',
      `Báo cáo của đơn vị ${names.unit} kỳ ${names.period} vừa được ${last?.actor || 'người khác'} tạo ${formatChangedAt(when)}; mở lại để xem. Số liệu anh/chị vừa nhập chưa được lưu.`,
    );
  }
  if (!last)
    return new AppError('EDIT_CONFLICT', 'Báo cáo vừa được người khác thay đổi. Hãy mở lại báo cáo rồi nhập lại.');
  const when = new Date(last.at);
  return new AppError(
    'EDIT_CONFLICT',
    `Báo cáo này đã được ${last.actor || 'người khác'} sửa ${formatChangedAt(when)} (lần sửa thứ ${last.number}) sau khi anh/chị mở. Số liệu anh/chị vừa nhập chưa được lưu: hãy xem thay đổi của họ trong Lịch sử rồi nhập lại.`,
  );
}

/**
 * Moves the report from revision `seen` (read in this transaction) to the next, or refuses when
 * the editor showed another revision (`expected`) or someone else moved it meanwhile.
 */
export async function claimRevision(
  trx: Transaction<DB>,
  reportId: number,
  seen: number,
  expected: number | null,
): Promise<number> {
  if (expected !== null && expected !== seen) throw await conflict(trx, reportId);
  const r = await trx
    .updateTable('reports')
    .set({ revision: seen + 1 })
    .where('id', '=', reportId)
    .where('revision', '=', seen)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw await conflict(trx, reportId, seen);
  return seen + 1;
}
