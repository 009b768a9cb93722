// Tổng hợp's unit lines (the “Theo đơn vị” and “Tình hình báo cáo” tabs): asked a window at a time,
// only while such a tab is open; a compile made with the tab open brings the first window in its
// answer. Their wire form (shared/contract/compile-lines.ts) is decoded here, the one place the
// screen reads them.
import { useCallback, useMemo } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { usePagedRows } from '../../hooks/usePagedRows';
import { decodeUnitLines } from '../../../shared/contract/compile-lines';
import type { DraftScreen, DraftWithLines } from '../../../shared/contract/compile';

/**
 * Unit lines a window: what the tab draws on a 1920×1080 screen (27 lines of 29 px and the overscan);
 * each line carries every indicator's value, so the first answer stays half the hook's usual one.
 */
export const LINES_PAGE = 30;

/** The window a view was compiled for (compile.units is asked with the same arguments). */
export interface ViewArgs {
  periodIds: number[];
  compareIds: number[] | null;
}

export function useUnitLines(view: DraftScreen | DraftWithLines | null, viewArgs: ViewArgs | null, open: boolean) {
  const notice = useNotice();
  const unitsOf = useCallback(
    async (offset: number, limit: number) =>
      decodeUnitLines(await call('compile.units', { ...viewArgs!, offset, limit })),
    // a new view (compiled, saved, refreshed) asks again
    [view, viewArgs],
  );
  const firstLines = useMemo(
    () => (view && 'lines' in view && view.lines ? decodeUnitLines(view.lines) : null),
    [view],
  );
  return usePagedRows(
    viewArgs && open ? unitsOf : null,
    (err) => notice('error', errorMessage(err)),
    LINES_PAGE,
    firstLines,
  );
}
