// Ordering the register by hand: a unit moves one place among its siblings (sort order renumbered).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { UnitListItem } from '../../../shared/model/unit';
import { getUnit, listUnits, orderAsTree, toUnit } from './units';

/** Moves a unit one place up or down among its siblings. */
export async function moveUnit(
  db: Kysely<DB>,
  id: number,
  direction: 'up' | 'down',
  now = new Date(),
): Promise<UnitListItem[]> {
  await db.transaction().execute(async (trx) => {
    const u = await getUnit(trx, id);
    const q = trx.selectFrom('units').selectAll();
    const siblings = orderAsTree(
      (
        await (u.parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', u.parentId)).execute()
      ).map(toUnit),
    ).filter((s) => s.depth === 0);
    const i = siblings.findIndex((s) => s.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
    const at = now.toISOString();
    for (let k = 0; k < siblings.length; k++) {
      const s = siblings[k]!;
      if (s.sortOrder !== (k + 1) * 10)
        await trx
          .updateTable('units')
          .set({ sort_order: (k + 1) * 10, updated_at: at })
          .where('id', '=', s.id)
          .execute();
    }
  });
  return listUnits(db, { includeClosed: true });
}
