// units.page: one window of the register as units.list lists it, for the Đơn vị screen. The register
// in tree order is kept until the data change (core/read-cache.ts); a search is answered by the search
// index (db/search.ts: FTS5 on SQLite) and cut from it, so a question costs a window, not the register.
import type { z } from 'zod';
import type { Executor } from '../../db/executor';
import { searchUnitIds } from '../../db/search';
import type { unitPageQuery } from '../../../shared/contract/units';
import type { UnitListItem, UnitPage } from '../../../shared/model/unit';
import { unitsUnder } from './units';

export async function unitPage(
  db: Executor,
  /** Every unit, closed ones too, in tree order (listUnits with includeClosed). */
  register: readonly UnitListItem[],
  query: z.output<typeof unitPageQuery>,
): Promise<UnitPage> {
  const under = unitsUnder(register, query.search ? await searchUnitIds(db, query.search) : null, query);
  const active = register.reduce((n, u) => n + (u.isActive ? 1 : 0), 0);
  return {
    total: under.length,
    offset: query.offset,
    rows: under.slice(query.offset, query.offset + query.limit),
    active,
    closed: register.length - active,
  };
}
