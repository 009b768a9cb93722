// Keys for the rows of a virtualised list that reuse the rows already drawn when the question
// changes (a search typed, a kind chosen): the first rows of the new answer take the keys of the
// rows drawn at the same places, so React updates their text instead of removing a screenful of
// rows and creating another (creating and laying out the new rows' elements was most of a search's
// time on a large register; the answer is the same rows, drawn the same). Within one question a
// row keeps its key, so a row moved by a reload (↑/↓) stays the same element and keeps the focus.
import { useRef } from 'react';

/**
 * `question`: what the rows answer (changes when the list is asked anew, not when a window is added or
 * the same question is asked again). Returns the key of the row of `id` drawn at `index`.
 */
export function useRecycledKeys(question: unknown): (id: number, index: number) => string {
  const kept = useRef<{ question: unknown; byId: Map<number, string>; taken: Set<string> }>({
    question,
    byId: new Map(),
    taken: new Set(),
  });
  if (kept.current.question !== question) kept.current = { question, byId: new Map(), taken: new Set() };
  const { byId, taken } = kept.current;
  return (id, index) => {
    let key = byId.get(id);
    if (key === undefined) {
      // the place's key when no row of this question holds it yet (a place drawn before keeps its element)
      key = taken.has(`at ${index}`) ? `id ${id}` : `at ${index}`;
      byId.set(id, key);
      taken.add(key);
    }
    return key;
  };
}
