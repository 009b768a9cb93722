// Long tables render only the rows near the screen: a spacer row above and one below keep the
// scroll height, so a board of 1,000 units costs what one of 30 does. The table stays a <table>
// (header, columns, screen readers); rows may differ in height (measured as they show).
// Paged tables (hooks/usePagedRows) pass holes for rows not loaded yet: each shows as a grey
// "Đang tải…" row, and `onRange` tells which rows are on screen so their window is asked for.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRowKeys } from './useRowKeys';

const NO_KEYS = { current: null };

/** Whether two rows arrays give every place the same key (holes at the same places). */
function sameKeys<T>(
  a: readonly (T | undefined)[],
  b: readonly (T | undefined)[],
  rowKey: (item: T) => string | number,
) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) {
      if (x !== y) return false;
    } else if (x !== y && rowKey(x) !== rowKey(y)) return false;
  }
  return true;
}

export function VirtualTbody<T>({
  items,
  rowKey,
  renderRow,
  colSpan,
  estimate = 34,
  overscan = 10,
  empty,
  after,
  scroller: scrollSelector = '.content',
  onRange,
  rowKeys = false,
}: {
  /** Holes (undefined) are rows not loaded yet. */
  items: readonly (T | undefined)[];
  rowKey: (item: T) => string | number;
  /** One <tr>; it must pass on `props` (its index, the row number after the header, the measuring ref). */
  renderRow: (
    item: T,
    props: { 'data-index': number; 'aria-rowindex': number; ref: (el: Element | null) => void },
  ) => ReactNode;
  colSpan: number;
  /** A row's height before it is measured: the real one spares a second drawing when rows are measured. */
  estimate?: number;
  /** Rows drawn beyond each edge of the screen. */
  overscan?: number;
  /** Shown as the only row when there are no items. */
  empty?: ReactNode;
  /** Rows after the list (a total), always shown. */
  after?: ReactNode;
  /** The element that scrolls the table (closest match): the page's content area unless it has its own box. */
  scroller?: string;
  /** Called with the first and last index shown (with the overscan) whenever they change. */
  onRange?: (first: number, last: number) => void;
  /** One Tab stop for the table, arrows between rows (useRowKeys); each row handles its own Enter. */
  rowKeys?: boolean;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const tbody = body.current;
    const s = tbody?.closest<HTMLElement>(scrollSelector) ?? null;
    setScroller(s);
    if (tbody && s) setMargin(tbody.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop);
  }, [items.length, scrollSelector]);
  // Kept while the rows' keys are: a new key function makes the virtualiser lay out every row again
  // (all 1,000, not the 30 drawn) on each of its own renders (a row measured, a scroll), and new rows
  // with the same keys (another period's lines of the same units, a window loaded) need no new layout.
  // Compared in place (no key made for a row not loaded): a switch costs a walk, not 1,000 strings.
  const keyed = useRef<{
    items: readonly (T | undefined)[];
    rowKey: (item: T) => string | number;
    get: (i: number) => string | number;
  } | null>(null);
  const getItemKey = useMemo(() => {
    const kept = keyed.current;
    if (kept && kept.rowKey === rowKey && sameKeys(kept.items, items, rowKey)) return kept.get;
    const get = (i: number) => (items[i] === undefined ? `hole ${i}` : rowKey(items[i]));
    keyed.current = { items, rowKey, get };
    return get;
  }, [items, rowKey]);
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller,
    estimateSize: () => estimate,
    getItemKey,
    scrollMargin: margin,
    overscan,
    // before the scroller is known (first paint): a screenful
    initialRect: { width: 1000, height: 900 },
  });
  useRowKeys(rowKeys ? body : NO_KEYS, items.length, (i) => v.scrollToIndex(i, { align: 'auto' }));
  const shown = v.getVirtualItems();
  const first = shown[0]?.index ?? 0;
  const last = shown.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onRange && last >= first) onRange(first, last);
  }, [onRange, first, last]);
  const top = shown.length ? shown[0]!.start - margin : 0;
  const bottom = shown.length ? v.getTotalSize() - (shown.at(-1)!.end - margin) : 0;
  return (
    <tbody ref={body}>
      {top > 0 ? (
        <tr aria-hidden="true" className="v-spacer">
          <td colSpan={colSpan} style={{ height: top, padding: 0, border: 0 }} />
        </tr>
      ) : null}
      {shown.map((vi) => {
        const item = items[vi.index];
        const props = { 'data-index': vi.index, 'aria-rowindex': vi.index + 2, ref: v.measureElement };
        return item === undefined ? (
          <tr key={`hole ${vi.index}`} {...props} className="v-loading">
            <td colSpan={colSpan} className="muted">
              Đang tải…
            </td>
          </tr>
        ) : (
          renderRow(item, props)
        );
      })}
      {bottom > 0 ? (
        <tr aria-hidden="true" className="v-spacer">
          <td colSpan={colSpan} style={{ height: bottom, padding: 0, border: 0 }} />
        </tr>
      ) : null}
      {items.length === 0 && empty ? (
        <tr>
          <td colSpan={colSpan} className="muted">
            {empty}
          </td>
        </tr>
      ) : null}
      {after}
    </tbody>
  );
}
