// A list of items to pick from (role="listbox", each item a role="option" button) is one Tab stop,
// as a row of tabs is (docs/SCREENS.md): Tab reaches the selected item, ↑/↓/Home/End/PageUp/
// PageDown move to another and pick it (focus follows), and the next Tab leaves the list. With a
// thousand units in a scoring round, Tab no longer walks through all of them to reach the sheet.
import { useEffect, type RefObject } from 'react';

const ITEM = '[role=option]:not([disabled])';
const PAGE = 10;

/** Where ↑/↓/Home/End/PageUp/PageDown go from `at` in a list whose last index is `last`; null for other keys.
 * Shared by the listboxes here and the tables of `useRowKeys`. */
export function stepTo(key: string, at: number, last: number): number | null {
  return key === 'ArrowDown'
    ? Math.min(at + 1, last)
    : key === 'ArrowUp'
      ? Math.max(at - 1, 0)
      : key === 'Home'
        ? 0
        : key === 'End'
          ? last
          : key === 'PageDown'
            ? Math.min(at + PAGE, last)
            : key === 'PageUp'
              ? Math.max(at - PAGE, 0)
              : null;
}

/**
 * Makes the listbox at `ref` one Tab stop with arrow keys. Runs after every render: the items
 * change, and the list may appear after the first render (once its data is in).
 */
export function useListKeys(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const items = [...root.querySelectorAll<HTMLElement>(ITEM)];
    const current = items.find((i) => i.getAttribute('aria-selected') === 'true') ?? items[0];
    for (const item of items) item.tabIndex = item === current ? 0 : -1;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const items = [...root.querySelectorAll<HTMLElement>(ITEM)];
      const at = items.findIndex((i) => i === e.target);
      if (at < 0) return;
      const to = stepTo(e.key, at, items.length - 1);
      if (to === null) return;
      e.preventDefault();
      if (to === at) return;
      for (const item of items) item.tabIndex = item === items[to] ? 0 : -1;
      items[to]!.focus();
      items[to]!.click();
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  });
}
