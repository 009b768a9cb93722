// Several people may edit the same record (a shared PostgreSQL server, or the app and the command
// line on one file). A form sends the moment of the record it showed (`expectedUpdatedAt`); the
// save goes on only if the record is still as it was then, so a second person never overwrites
// the first one's change without a word. Reports have their own row version (reports/row-version).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { engineOf } from '../db/database';
import { AppError } from '../../shared/errors';
import { formatChangedAt } from '../../shared/format';
import { auditUser } from '../../shared/model/audit-labels';

type Edited = 'units' | 'plans' | 'periods' | 'agency' | 'templates' | 'scoring_sets';

/**
 * Refuses the edit when the record changed after `expected` (its updated_at as the form read it).
 * The two edits of one record go one after the other (a lock on the server; SQLite has one writer),
 * so of two saves racing the second sees the first's moment and is refused. `what`: "Đơn vị này".
 */
export async function assertUnchanged(
  trx: Transaction<DB>,
  table: Edited,
  id: number,
  expected: string | null | undefined,
  what: string,
): Promise<void> {
  if (expected === undefined) return; // the command line and imports edit on what is there now
  await engineOf(trx).serialize(trx, `edit:${table}:${id}`);
  const row = await trx.selectFrom(table).select('updated_at').where('id', '=', id).executeTakeFirst();
  if (!row || (row.updated_at ?? null) === expected) return;
  const last = await trx
    .selectFrom('audit_log')
    .select(['user', 'at'])
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // the person named in Cài đặt, else the computer's account
  const who = last ? auditUser(last.user).name || auditUser(last.user).account : '';
  throw new AppError(
    'EDIT_CONFLICT',
    `${what} đã được ${who || 'người khác'} sửa ${formatChangedAt(last?.at ?? row.updated_at ?? '') || 'sau đó'} sau khi anh/chị mở. Thay đổi anh/chị vừa nhập chưa được lưu: hãy mở lại để xem thay đổi của họ rồi sửa lại.`,
  );
}
