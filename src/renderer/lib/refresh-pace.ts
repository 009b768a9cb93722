// When a shown screen looks at the database's change marker again (hooks/useDataRefresh.ts).
// Changes come in bursts (someone is entering a period's reports, importing, reorganising): after a
// change was seen the screen looks again soon; with nothing seen for a while it looks seldom; while
// the window is hidden it does not look at all, and it looks at once when the window is shown or
// focused again. A look is one tiny query; only a look that sees the marker move reads data again.
// Kept apart from React and the DOM so that the pace is tested with a fake clock.

export interface Pace {
  /** Wait after a change was seen recently (ms). */
  quick: number;
  /** Wait while the screen is in use but nothing changed lately. */
  normal: number;
  /** Wait once nothing has changed for `idleAfter`. */
  idle: number;
  /** How long after a seen change the quick wait holds. */
  quickFor: number;
  /** How long without a change (or since the screen was opened, shown or focused) before the idle wait. */
  idleAfter: number;
}

export const PACE: Pace = { quick: 2000, normal: 5000, idle: 20_000, quickFor: 30_000, idleAfter: 180_000 };

/** The same wait whatever happened (the e2e tests' shortened interval). */
export const steadyPace = (ms: number): Pace => ({ quick: ms, normal: ms, idle: ms, quickFor: 0, idleAfter: Infinity });

/**
 * The wait before the next look, given when a change was last seen and when the person last came to
 * the screen (opened it, showed or focused the window).
 */
export function nextLookIn(pace: Pace, now: number, cameAt: number, changedAt: number | null): number {
  if (changedAt !== null && now - changedAt < pace.quickFor) return pace.quick;
  return now - Math.max(cameAt, changedAt ?? cameAt) < pace.idleAfter ? pace.normal : pace.idle;
}

export interface RefreshLoop {
  /** Look at once (the window was focused or shown again); the next look is then planned afresh. */
  poke(): void;
  stop(): void;
}

export interface LoopParts {
  /** One look: true when the marker moved (the screen then read its data again). May throw: tried again later. */
  look: () => Promise<boolean>;
  hidden: () => boolean;
  pace: Pace;
  now?: () => number;
}

/** Looks once now, then at the pace; while hidden, nothing until poked. */
export function startRefreshLoop({ look, hidden, pace, now = Date.now }: LoopParts): RefreshLoop {
  let cameAt = now();
  let changedAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;
  let stopped = false;
  const plan = () => {
    if (stopped || hidden()) return;
    timer = setTimeout(() => void once(), nextLookIn(pace, now(), cameAt, changedAt));
  };
  const once = async () => {
    timer = null;
    if (stopped || asking || hidden()) return;
    asking = true;
    try {
      if (await look()) changedAt = now();
    } catch {
      // A failed look is tried again at the next one; the screen keeps what it shows.
    } finally {
      asking = false;
    }
    plan();
  };
  void once();
  return {
    poke() {
      if (stopped) return;
      cameAt = now();
      if (asking) return; // the look under way plans the next one
      if (timer !== null) clearTimeout(timer);
      void once();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
