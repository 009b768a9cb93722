// units.page: one window of the register as units.list lists it, for the Đơn vị screen. The register
// in tree order is kept until the data change (core/read-cache.ts); a search is answered by the search
// index (db/search.ts: FTS5 on SQLite) and cut from it, so a question costs a window, not the register.
import type { z } from 'zod';
import type { Executor } from '../../db/executor';
import { searchUnitIds } from '../../db/search';
import type { unitPageQuery } from '../../../shared/contract/units';
import type { UnitListItem, UnitPage } from '../../../shared/model/unit';
import { unitsUnder } from './units';

/** What every question asks of a kept register, worked out once per register (it is a new array after a change). */
interface RegisterIndex {
  /** A unit's place in the register (tree order). */
  at: Map<number, number>;
  active: number;
  /** The units a question without a search keeps (by kind and closed or not), worked out once each. */
  kept: Map<string, UnitListItem[]>;
}
const indexes = new WeakMap<readonly UnitListItem[], RegisterIndex>();

function indexOf(register: readonly UnitListItem[]): RegisterIndex {
  let index = indexes.get(register);
  if (!index) {
    index = { at: new Map(register.map((u, i) => [u.id, i])), active: 0, kept: new Map() };
    for (const u of register) if (u.isActive) index.active++;
    indexes.set(register, index);
  }
  return index;
}

export async function unitPage(
  db: Executor,
  /** Every unit, closed ones too, in tree order (listUnits with includeClosed). */
  register: readonly UnitListItem[],
  query: z.output<typeof unitPageQuery>,
): Promise<UnitPage> {
  const index = indexOf(register);
  const found = query.search ? await searchUnitIds(db, query.search) : null;
  let under: UnitListItem[];
  if (found === null) {
    // no search (the screen opened, a kind chosen): the register's units under the question, kept with it,
    // so a window costs the window and not a walk of the whole register
    const key = `${query.kind ?? ''} ${query.includeClosed ? 'closed too' : 'active'}`;
    under = index.kept.get(key) ?? unitsUnder(register, null, query);
    index.kept.set(key, under);
  } else {
    // a search's matches taken from the register by their places, in its order (what unitsUnder keeps of
    // the whole register, without walking it: the matches' cost, not the register's)
    const matched = found
      .map((id) => index.at.get(id))
      .filter((i) => i !== undefined)
      .sort((a, b) => a - b)
      .map((i) => register[i]!);
    under = unitsUnder(matched, null, query);
  }
  return {
    total: under.length,
    offset: query.offset,
    rows: under.slice(query.offset, query.offset + query.limit),
    active: index.active,
    closed: register.length - index.active,
  };
}
