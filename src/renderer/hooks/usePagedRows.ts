// Rows of a long table asked from the server a window at a time: the first window when the
// question changes, the next ones as the table scrolls to them. The cost of opening a screen or
// switching a filter is then one window, not the whole register. Until the new question's first
// window arrives the old rows stay shown (no flicker); an answer to an older question is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';

/** A screenful and its overscan: the first answer stays small. */
export const PAGE = 60;

export interface RowsPage<T> {
  total: number;
  offset: number;
  rows: T[];
}

interface Loaded<P> {
  /** The question these rows answer. */
  load: unknown;
  /** The last answer (with whatever else the server sends beside the rows: counts, a period). */
  head: P;
  rows: (P extends RowsPage<infer T> ? T : never)[];
}

/**
 * `load` (a stable callback per question, null: nothing to ask) fetches one window; the hook returns the
 * last answer, the rows so far (holes where not loaded yet, length = total), `want(from, to)`, which
 * the table calls with the indexes it shows, and `loading` while those rows answer an older question.
 */
export function usePagedRows<P extends RowsPage<unknown>>(
  load: ((offset: number, limit: number) => Promise<P>) | null,
  onError: (err: unknown) => void,
  /** Rows a window: a table whose screenful is known to be smaller asks for less (its rows are heavy). */
  pageSize = PAGE,
  /**
   * `load`'s first window (offset 0, `pageSize` rows), already at hand: it came in the answer that
   * made the question (Tổng hợp's compile). Shown in the same render as that answer and not asked
   * again; used once (the same question asked again later, the window is fetched as usual).
   */
  firstWindow: P | null = null,
) {
  type Row = P extends RowsPage<infer T> ? T : never;
  const [state, setState] = useState<Loaded<P> | null>(null);
  const current = useRef(load);
  const size = useRef(pageSize);
  size.current = pageSize;
  const asked = useRef(new Set<number>());
  const errors = useRef(onError);
  errors.current = onError;
  /** The `firstWindow` already shown, and the question it was shown for (its effect then asks nothing). */
  const [usedFirst, setUsedFirst] = useState<P | null>(null);
  const seededFor = useRef<unknown>(null);
  if (load && firstWindow && firstWindow !== usedFirst && state?.load !== load) {
    // set while rendering (React renders again at once, before any child): no frame shows the old rows
    setUsedFirst(firstWindow);
    // the question is current from this render on: the table asks for the windows it shows (its
    // effects run before this hook's) and they must not be dropped as answers to an older question
    seededFor.current = load;
    current.current = load;
    asked.current = new Set([0]);
    const rows = new Array<Row>(firstWindow.total);
    firstWindow.rows.forEach((r, i) => (rows[firstWindow.offset + i] = r as Row));
    setState({ load, head: firstWindow, rows } as Loaded<P>);
  }

  const fetchPage = useCallback((q: typeof load, page: number, first: boolean) => {
    if (!q) return;
    asked.current.add(page);
    q(page * size.current, size.current).then(
      (answer) => {
        if (current.current !== q) return;
        setState((s) => {
          // a first window, or the total moved under us (another window wrote): start again from this one
          const fresh = first || !s || s.load !== q || s.rows.length !== answer.total;
          const rows: Row[] = fresh ? new Array<Row>(answer.total) : s.rows.slice();
          answer.rows.forEach((r, i) => (rows[answer.offset + i] = r as Row));
          return { load: q, head: answer, rows } as Loaded<P>;
        });
      },
      (err: unknown) => {
        asked.current.delete(page);
        if (current.current === q) errors.current(err);
      },
    );
  }, []);

  useEffect(() => {
    // seeded from `firstWindow` while rendering: already current, its first window not asked again
    if (load && seededFor.current === load) return;
    seededFor.current = null;
    current.current = load;
    asked.current = new Set();
    fetchPage(load, 0, true);
  }, [load, fetchPage]);

  const want = useCallback(
    (from: number, to: number) => {
      const q = current.current;
      if (!q || !state || state.load !== q) return;
      const n = size.current;
      for (let p = Math.floor(from / n); p <= Math.floor(to / n); p++)
        if (p * n < state.rows.length && !asked.current.has(p)) fetchPage(q, p, false);
    },
    [state, fetchPage],
  );

  /**
   * The same question asked again (the data changed): the windows loaded so far, replaced together once
   * all have answered, so nothing flickers. Resolves when the new rows are set (a notice can then follow).
   */
  const refresh = useCallback(async () => {
    const q = current.current;
    if (!q) return;
    const pages = [...asked.current].sort((a, b) => a - b);
    const n = size.current;
    const answers = await Promise.all((pages.length ? pages : [0]).map((p) => q(p * n, n))).catch((err: unknown) => {
      if (current.current === q) errors.current(err);
      return null;
    });
    if (!answers || current.current !== q) return;
    const last = answers.at(-1)!;
    const rows = new Array<Row>(last.total);
    asked.current = new Set();
    for (const [i, a] of answers.entries()) {
      // a window past the new end (rows were removed) is not kept: it is asked again if shown
      if (a.total !== last.total) continue;
      asked.current.add(pages[i] ?? 0);
      a.rows.forEach((r, j) => (rows[a.offset + j] = r as Row));
    }
    setState({ load: q, head: last, rows } as Loaded<P>);
  }, []);

  return {
    head: state?.head ?? null,
    rows: (state?.rows ?? []) as (Row | undefined)[],
    /** The question the rows shown answer (the `load` they came from; the same after a refresh). */
    question: state?.load ?? null,
    want,
    refresh,
    /** The rows shown do not answer the current question yet (none yet, or the previous question's). */
    loading: load !== null && state?.load !== load,
  };
}
