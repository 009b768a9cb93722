// A long table of rows (Tổng quan's board, Đơn vị) is one Tab stop, as a listbox is (useListKeys):
// a roving tabindex after WAI-ARIA's grid practice. The focused row has tabIndex 0, every other row
// and every button inside a row -1; ↑/↓/Home/End/PageUp/PageDown move between rows, → / ← move
// among the focused row's buttons (← from the first goes back to the row), Enter is the screen's own
// (the row's main action), and Tab leaves the table. Rows are virtualised: a row moved to off screen
// is scrolled to first, and focus follows it when it is drawn; a row drawn again (a hole filled in, a
// page reloaded) gets the focus back, so the keys never drop the user on the page's body.
import { useEffect, useRef, type RefObject } from 'react';
import { stepTo } from './useListKeys';

const ROW = '[data-index]';
const ACTION = 'button:not([disabled])';

/**
 * `ref`: the element holding the rows (each marks its place with `data-index`); `count`: the rows in
 * the list (drawn or not); `scrollTo`: brings a row that is not drawn on screen (the virtualiser's).
 */
export function useRowKeys(ref: RefObject<HTMLElement | null>, count: number, scrollTo: (index: number) => void): void {
  const state = useRef({ at: 0, count, scrollTo, inside: false });
  state.current.count = count;
  state.current.scrollTo = scrollTo;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const s = state.current;
    const rows = () => [...root.querySelectorAll<HTMLElement>(ROW)];
    const rowAt = (i: number) => root.querySelector<HTMLElement>(`[data-index="${i}"]`);
    const show = (row: HTMLElement) => {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
      // rows just drawn are measured on the next frames and may shift: keep the focused one in view
      const again = (n: number) =>
        requestAnimationFrame(() => {
          if (document.activeElement !== row) return;
          row.scrollIntoView({ block: 'nearest' });
          if (n > 1) again(n - 1);
        });
      again(3);
    };
    /** Gives the Tab stop to the current row (or the first one drawn), takes it from the rest. */
    const settle = () => {
      s.at = Math.max(0, Math.min(s.at, s.count - 1));
      const all = rows();
      const stop = all.find((r) => Number(r.dataset.index) === s.at) ?? all[0];
      // only what differs is written: rows drawn again keep their attributes, and each write is a
      // mutation (and a style invalidation) for every row of a screenful
      for (const r of all) {
        const tab = r === stop ? '0' : '-1';
        if (r.getAttribute('tabindex') !== tab) r.setAttribute('tabindex', tab);
        for (const b of r.querySelectorAll<HTMLElement>(ACTION))
          if (b.getAttribute('tabindex') !== '-1') b.setAttribute('tabindex', '-1');
      }
      // the focused row was drawn again (or the row moved to has just been drawn): focus it
      const lost = !document.activeElement || document.activeElement === document.body;
      if (s.inside && lost && stop && Number(stop.dataset.index) === s.at) show(stop);
    };
    const go = (to: number) => {
      s.at = to;
      const row = rowAt(to);
      if (row) {
        settle();
        show(row);
      } else {
        // not drawn: scroll there; `settle` focuses it once it is
        (document.activeElement as HTMLElement | null)?.blur();
        s.scrollTo(to);
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target as HTMLElement;
      const row = target.closest<HTMLElement>(ROW);
      if (!row || !root.contains(row)) return;
      const at = Number(row.dataset.index);
      const to = stepTo(e.key, at, s.count - 1);
      if (to !== null) {
        e.preventDefault();
        if (to !== at || target !== row) go(to);
        return;
      }
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const actions = [...row.querySelectorAll<HTMLElement>(ACTION)];
      if (!actions.length) return;
      e.preventDefault();
      const i = actions.indexOf(target);
      const next = e.key === 'ArrowRight' ? Math.min(i + 1, actions.length - 1) : i - 1;
      (next < 0 ? row : actions[next]!).focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      s.inside = true;
      const row = (e.target as HTMLElement).closest<HTMLElement>(ROW);
      if (row && Number(row.dataset.index) !== s.at) {
        s.at = Number(row.dataset.index);
        settle();
      }
    };
    // focus left for something else (a Tab out, a dialog): drawing rows no longer takes it back
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !root.contains(e.relatedTarget)) s.inside = false;
    };
    const onPointer = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !root.contains(e.target)) s.inside = false;
    };
    settle();
    const watch = new MutationObserver(settle);
    watch.observe(root, { childList: true, subtree: true });
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      watch.disconnect();
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [ref]);
}
