// Several people may edit the same report (a shared PostgreSQL server, or two windows): a save
// names the revision it was made on, and the report's revision moves on only from that one. The
// claim is one conditional UPDATE before anything else is written, so of two saves racing on the
// server the second waits for the first's row lock, finds the revision moved, and is refused with
// who saved and when, instead of silently overwriting their change.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { formatDateShort } from '../../../shared/format';

async function conflict(trx: Transaction<DB>, reportId: number): Promise<AppError> {
  const last = await trx
    .selectFrom('report_revisions')
    .select(['actor', 'at', 'number'])
    .where('report_id', '=', reportId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  if (!last)
    return new AppError('EDIT_CONFLICT', 'Báo cáo vừa được người khác thay đổi. Hãy mở lại báo cáo rồi nhập lại.');
  const when = new Date(last.at);
  const hhmm = `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  const day = formatDateShort(
    `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`,
  );
  return new AppError(
    'EDIT_CONFLICT',
    `Báo cáo này đã được ${last.actor || 'người khác'} sửa lúc ${hhmm} ngày ${day} (lần sửa thứ ${last.number}) sau khi anh/chị mở. Số liệu anh/chị vừa nhập chưa được lưu: hãy xem thay đổi của họ trong Lịch sử rồi nhập lại.`,
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
  if (Number(r.numUpdatedRows) !== 1) throw await conflict(trx, reportId);
  return seen + 1;
}
