// Refresh when others change data (issue 19: several people on one PostgreSQL server, or the
// command line beside the app). Polling, chosen over LISTEN/NOTIFY (docs/POSTGRES.md): while a
// screen is shown it asks for the database's change marker every few seconds, and at once when the
// window regains focus; only when the marker moved does it re-read its data. The marker is one
// tiny query (SQLite's data_version, the server's newest audit row), so an idle screen costs nothing.
import { useEffect, useRef } from 'react';
import { call } from '../lib/api';

/** How often a shown screen looks (milliseconds); tests may shorten it through window.__BCNV_REFRESH_MS. */
export const REFRESH_MS = 5000;

export function useDataRefresh(reload: () => unknown): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    let seen: string | null = null;
    let stopped = false;
    let asking = false;
    const look = async () => {
      if (stopped || asking || document.visibilityState === 'hidden') return;
      asking = true;
      try {
        const { marker } = await call('database.marker');
        if (!stopped && seen !== null && marker !== seen) await latest.current();
        seen = marker;
      } catch {
        // A failed look is tried again at the next tick; the screen keeps what it shows.
      } finally {
        asking = false;
      }
    };
    void look();
    const every = (window as { __BCNV_REFRESH_MS?: number }).__BCNV_REFRESH_MS ?? REFRESH_MS;
    const timer = window.setInterval(() => void look(), every);
    const onFocus = () => void look();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, []);
}
