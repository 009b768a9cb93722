// Search over the unit register, on whichever engine holds the data (see Engine['unitSearch']).
import type { Executor } from './executor';
import { engineOf } from './database';
import { foldDiacritics } from '../../shared/text';

export interface UnitSearchFields {
  code: string;
  name: string;
  short_name: string;
  email: string;
  contact_person: string;
}

export async function indexUnit(db: Executor, id: number, u: UnitSearchFields): Promise<void> {
  const folded = foldDiacritics([u.code, u.name, u.short_name, u.email, u.contact_person].join(' '));
  await engineOf(db).unitSearch.index(db, id, folded);
}

/** Ids of the units matching every word typed (as prefixes, diacritics ignored); null when nothing was typed. */
export function searchUnitIds(db: Executor, input: string): Promise<number[] | null> {
  return engineOf(db).unitSearch.find(db, input);
}

export async function unindexUnit(db: Executor, id: number): Promise<void> {
  await engineOf(db).unitSearch.remove(db, id);
}
