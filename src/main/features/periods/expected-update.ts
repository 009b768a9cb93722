// "Cập nhật danh sách đơn vị phải báo cáo": a frozen list is compared with what the register says
// on the cut-off, and changed only by applying (part of) that difference, with a reason, recorded
// in the period's history and, through the triggers, in the audit log.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { ExpectedDiff, ExpectedUnit } from '../../../shared/model/period';
import type { Executor } from '../../db/executor';
import { getPeriod } from './periods';
import { frozenUnits, storeExpected, validUnitsOn } from './expected';

/** The list in force against the register's list on the cut-off (by the period's selection). */
export async function expectedDiff(db: Executor, id: number): Promise<ExpectedDiff> {
  const p = await getPeriod(db, id);
  const current =
    p.expectedFrozenAt !== null ? await frozenUnits(db, id) : await validUnitsOn(db, p.expected, p.windowEnd);
  const proposed = await validUnitsOn(db, p.expected, p.windowEnd);
  const inCurrent = new Set(current.map((u) => u.id));
  const inProposed = new Set(proposed.map((u) => u.id));
  const removed = current.filter((u) => !inProposed.has(u.id));
  const withReports = removed.length
    ? (
        await db
          .selectFrom('reports')
          .select('unit_id')
          .where('period_id', '=', id)
          .where(
            'unit_id',
            'in',
            removed.map((u) => u.id),
          )
          .execute()
      ).map((r) => r.unit_id)
    : [];
  const history = await db
    .selectFrom('period_events')
    .select(['kind', 'actor', 'at', 'note'])
    .where('period_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    periodId: id,
    periodName: p.name,
    frozenAt: p.expectedFrozenAt,
    current,
    proposed,
    added: proposed.filter((u) => !inCurrent.has(u.id)),
    removed,
    removedWithReports: withReports,
    history,
  };
}

/**
 * Cập nhật danh sách đơn vị phải báo cáo: applies the chosen part of the difference the user was
 * shown (units added must be in the register's list, units removed must be in the list in force),
 * stores the list (freezing it) and records who, when, why and what in the period's history.
 */
export async function updateExpected(
  db: Kysely<DB>,
  input: { id: number; add: number[]; remove: number[]; reason: string; actor: string },
  now = new Date(),
): Promise<ExpectedDiff> {
  return db.transaction().execute(async (trx) => {
    const diff = await expectedDiff(trx, input.id);
    const addable = new Map(diff.added.map((u) => [u.id, u]));
    const removable = new Map(diff.removed.map((u) => [u.id, u]));
    const bad = [
      ...input.add.filter((i) => !addable.has(i)).map((i) => `thêm đơn vị mã số ${i}`),
      ...input.remove.filter((i) => !removable.has(i)).map((i) => `bỏ đơn vị mã số ${i}`),
    ];
    if (bad.length)
      throw new AppError(
        'STALE_DIFF',
        `Danh sách đã khác với chênh lệch vừa xem (${bad.slice(0, 3).join('; ')} không còn trong chênh lệch). Hãy xem lại chênh lệch rồi cập nhật. Chưa thay đổi gì.`,
      );
    if (input.add.length + input.remove.length === 0)
      throw new AppError('NOTHING_TO_DO', 'Chưa chọn thay đổi nào của danh sách đơn vị phải báo cáo.');
    const drop = new Set(input.remove);
    const units = [...diff.current.filter((u) => !drop.has(u.id)), ...input.add.map((i) => addable.get(i)!)];
    const names = (ids: number[], m: Map<number, ExpectedUnit>) => ids.map((i) => m.get(i)!.name).join(', ');
    const note = [
      `Cập nhật danh sách đơn vị phải báo cáo: ${diff.current.length} → ${units.length} đơn vị.`,
      input.add.length ? `Thêm ${input.add.length}: ${names(input.add, addable)}.` : '',
      input.remove.length ? `Bỏ ${input.remove.length}: ${names(input.remove, removable)}.` : '',
      `Lý do: ${input.reason}`,
    ]
      .filter(Boolean)
      .join(' ');
    await storeExpected(trx, input.id, units, now.toISOString(), 'expected_updated', input.actor, note);
    return expectedDiff(trx, input.id);
  });
}
