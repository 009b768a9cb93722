// When the screens' kept reads are taken again after a change (read-cache.ts, refreshKept): once the
// app has been idle for a moment — no call running, none for IDLE_MS — so the work never delays
// what the user is doing, and the next look at Tổng quan or Tổng hợp finds its read ready. Used by
// the app's window and the test bridge; the command line and the tests' own dispatches go without it.
import type { Core } from './core';
import type { Dispatch } from './handlers';
import { refreshKept } from './read-cache';

/** Idle time after the last call before the reads are taken again. */
export const IDLE_MS = 400;

export interface WarmDispatch {
  dispatch: Dispatch;
  /** Resolves when no refresh is waiting or running (tests and the bench wait on it). */
  settled(): Promise<void>;
  /** No more refreshes; resolves when one running has ended (before the database is closed). */
  stop(): Promise<void>;
}

export function warmAfterChanges(core: Core, inner: Dispatch, idleMs = IDLE_MS): WarmDispatch {
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let refreshing: Promise<unknown> | null = null;
  let waiters: (() => void)[] = [];
  let stopped = false;
  const wake = () => {
    if (timer || refreshing || running) return;
    for (const w of waiters) w();
    waiters = [];
  };
  const refresh = () => {
    timer = null;
    if (running) return;
    // the reads go through core.db as it is now (a restored backup swaps it in place)
    refreshing = refreshKept(core.db)
      .catch(() => 0)
      .finally(() => {
        refreshing = null;
        wake();
      });
  };
  const schedule = () => {
    if (stopped) return wake();
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, idleMs);
    // a timer alone does not keep the process alive (the bridge, a closing app)
    timer.unref?.();
  };
  const dispatch: Dispatch = async (method, args) => {
    running++;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    try {
      return await inner(method, args);
    } finally {
      running--;
      if (!running) schedule();
    }
  };
  return {
    dispatch,
    settled: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        wake();
      }),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await refreshing;
      wake();
    },
  };
}
