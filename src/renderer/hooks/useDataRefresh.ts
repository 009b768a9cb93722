// Refresh when others change data (issue 19: several people on one PostgreSQL server, or the
// command line beside the app). Polling, chosen over LISTEN/NOTIFY (docs/POSTGRES.md): while a
// screen is shown it asks for the database's change marker now and then (lib/refresh-pace.ts: soon
// after a change was seen, seldom when nothing changes, never while the window is hidden), and at
// once when the window is shown or focused again; only when the marker moved does it re-read its
// data. The marker is one tiny query (SQLite's data_version, the server's snapshot), so an idle
// screen costs next to nothing.
import { useEffect, useRef } from 'react';
import { call } from '../lib/api';
import { PACE, startRefreshLoop, steadyPace } from '../lib/refresh-pace';

export function useDataRefresh(reload: () => unknown): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    let seen: string | null = null;
    let shown = true;
    // Tests may fix the wait through window.__BCNV_REFRESH_MS.
    const fixed = (window as { __BCNV_REFRESH_MS?: number }).__BCNV_REFRESH_MS;
    const loop = startRefreshLoop({
      pace: fixed ? steadyPace(fixed) : PACE,
      hidden: () => document.visibilityState === 'hidden',
      look: async () => {
        const { marker } = await call('database.marker');
        const moved = shown && seen !== null && marker !== seen;
        if (moved) await latest.current();
        seen = marker;
        return moved;
      },
    });
    const onShown = () => loop.poke();
    window.addEventListener('focus', onShown);
    document.addEventListener('visibilitychange', onShown);
    return () => {
      shown = false;
      loop.stop();
      window.removeEventListener('focus', onShown);
      document.removeEventListener('visibilitychange', onShown);
    };
  }, []);
}
