// Saving as the user types: every keystroke lands in local drafts first; the changed fields are
// sent shortly after typing stops, at once on flush() (leaving a field, switching record, Ctrl+S,
// hiding or closing the window). A field that does not parse stays as typed and is not sent;
// nothing typed is dropped, and an edit made while a save is in flight is sent by the next one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../lib/api';
import { formatTime } from '../../shared/format';

export interface SaveState {
  kind: 'idle' | 'saving' | 'saved' | 'error';
  text: string;
}

interface Options {
  /** Sends the changed fields (key → text as typed); throws when they could not be saved. */
  save: (changed: { key: string; text: string }[]) => Promise<void>;
  /** Whether the record takes changes now (a submitted report does not). */
  canSave: () => boolean;
  /** Keys whose text does not parse: kept as typed, not sent. */
  isInvalid: (key: string) => boolean;
  delayMs?: number;
}

export function useAutosave(options: Options) {
  const latest = useRef(options);
  latest.current = options;
  const delay = options.delayMs ?? 600;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle', text: '' });

  // An edit counter per field and the counter last saved: a field is pending while edits > saved.
  const draftsRef = useRef(drafts);
  const edits = useRef<Record<string, number>>({});
  const saved = useRef<Record<string, number>>({});
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const isPending = useCallback((key: string) => (edits.current[key] ?? 0) > (saved.current[key] ?? 0), []);
  const pendingKeys = useCallback(() => Object.keys(edits.current).filter(isPending), [isPending]);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    if (!latest.current.canSave()) return;
    const keys = pendingKeys().filter((k) => !latest.current.isInvalid(k));
    if (keys.length === 0) return;
    const sent = keys.map((k) => ({ key: k, text: draftsRef.current[k] ?? '', version: edits.current[k] ?? 0 }));
    setSaveState({ kind: 'saving', text: 'Đang lưu…' });
    const job = (async () => {
      try {
        await latest.current.save(sent.map(({ key, text }) => ({ key, text })));
        for (const s of sent) saved.current[s.key] = Math.max(saved.current[s.key] ?? 0, s.version);
        setSaveState({ kind: 'saved', text: `Đã lưu lúc ${formatTime()}` });
      } catch (err) {
        setSaveState({ kind: 'error', text: `Chưa lưu được: ${errorMessage(err)}` });
      }
    })();
    inflight.current = job;
    await job;
    inflight.current = null;
  }, [pendingKeys]);

  // Save what is pending when the window is hidden or closed, on Ctrl+S, and when the screen goes away.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    // Closing the window: the save request leaves synchronously when nothing else is in flight.
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
      void flush();
    };
  }, [flush]);

  /** A keystroke: kept at once, sent after the pause. */
  const edit = (key: string, text: string) => {
    const next = { ...draftsRef.current, [key]: text };
    draftsRef.current = next;
    edits.current[key] = (edits.current[key] ?? 0) + 1;
    setDrafts(next);
    setSaveState({ kind: 'idle', text: 'Có thay đổi chưa lưu…' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), delay);
  };

  /** Rewrites a field's text without counting it as an edit (e.g. "1234" shown as "1.234"). */
  const tidy = (key: string, text: string) => {
    if (draftsRef.current[key] === text) return;
    draftsRef.current = { ...draftsRef.current, [key]: text };
    setDrafts(draftsRef.current);
  };

  /** A freshly loaded record: its stored values, nothing pending. */
  const reset = useCallback((next: Record<string, string>, text: string) => {
    edits.current = {};
    saved.current = {};
    draftsRef.current = next;
    setDrafts(next);
    setSaveState({ kind: 'idle', text });
  }, []);

  return { drafts, draftsRef, saveState, edit, tidy, reset, flush, isPending, pendingKeys };
}
