// Báo cáo đơn vị's unit picker: the units of a period's board matching what was typed, one window at
// a time. The board is kept until the data change (core/read-cache.ts) and the search is answered by
// the register's search index (db/search.ts), so a question costs a window, not the register.
import type { Executor } from '../../db/executor';
import { searchUnitIds } from '../../db/search';
import type { Board, UnitChoicePage } from '../../../shared/model/report';

export async function unitChoices(
  db: Executor,
  board: Board,
  search: string | undefined,
  offset: number,
  limit: number,
): Promise<UnitChoicePage> {
  const found = search ? await searchUnitIds(db, search) : null;
  const ids = found === null ? null : new Set(found);
  const under = ids === null ? board.rows : board.rows.filter((r) => ids.has(r.unitId));
  return {
    total: under.length,
    offset,
    rows: under
      .slice(offset, offset + limit)
      .map((r) => ({ unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName, label: r.label })),
  };
}
