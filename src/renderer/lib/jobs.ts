// The window's view of the job centre (main process): one poll of `jobs.list` for the whole app,
// faster while something runs. A screen starts its long call through useJob(key): the call's
// promise is kept here, not in the screen, so leaving the screen loses neither the progress (the
// sidebar shows it, the screen shows it again on return) nor the result (picked up on return).
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { ApiError, call } from './api';
import type { JobInfo, JobProgress } from '../../shared/model/job';

const FAST_MS = 250;
const IDLE_MS = 2000;

interface Started {
  jobId: string;
  promise: Promise<unknown>;
  settled: boolean;
  /** A screen has taken the result (or the error): it is not handed out again. */
  taken: boolean;
}

let jobs: JobInfo[] = [];
/** What components read: a new object whenever the list or the window's own calls change. */
let snapshot = { jobs };
const listeners = new Set<() => void>();
/** Long calls started from this window, by the key of the screen's action ("collect.export"). */
const started = new Map<string, Started>();
let timer: number | null = null;
let polling = false;

const emit = () => {
  snapshot = { jobs };
  listeners.forEach((l) => l());
};
const busy = () => jobs.some((j) => j.state === 'running') || [...started.values()].some((s) => !s.settled);

async function poll(): Promise<void> {
  if (polling) return;
  polling = true;
  try {
    jobs = await call('jobs.list');
    emit();
  } catch {
    // The next poll tries again; the job's own call reports its errors.
  } finally {
    polling = false;
    schedule(busy() ? FAST_MS : IDLE_MS);
  }
}

function schedule(ms: number): void {
  if (timer !== null) window.clearTimeout(timer);
  timer = listeners.size ? window.setTimeout(() => void poll(), ms) : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) void poll();
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer !== null) window.clearTimeout(timer);
  };
}

/** Every job the main process knows (running first), kept fresh while anything shows them. */
export function useJobList(): JobInfo[] {
  return useSyncExternalStore(subscribe, () => snapshot).jobs;
}

/** Looks again now (after a cancel or a dismiss). */
export const refreshJobs = (): void => void poll();

export const newJobId = () => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * A screen's long action under `key`: `run` starts it with a fresh job id; `progress` is non-null
 * while it runs (also after the screen was left and opened again); `resume` hands a result that
 * arrived while the screen was closed to the screen once it is back.
 */
export function useJob(key: string) {
  const list = useJobList();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const mine = started.get(key);
  const info = mine ? list.find((j) => j.jobId === mine.jobId) : undefined;
  const progress: JobProgress | null =
    mine && !mine.settled
      ? (info ?? { jobId: mine.jobId, label: '', done: 0, total: 0, current: '', finished: false })
      : null;

  const run = useCallback(
    async <T>(work: (jobId: string) => Promise<T>): Promise<T> => {
      const jobId = newJobId();
      const entry: Started = { jobId, promise: work(jobId), settled: false, taken: false };
      started.set(key, entry);
      emit();
      schedule(FAST_MS);
      try {
        return (await entry.promise) as T;
      } finally {
        entry.settled = true;
        if (mounted.current) entry.taken = true;
        emit();
        void poll();
      }
    },
    [key],
  );

  const resume = useCallback(
    <T>(onResult: (result: T) => void, onError?: (err: unknown) => void) => {
      const entry = started.get(key);
      if (!entry || entry.taken) return;
      const deliver = (fn: () => void) => {
        if (!mounted.current || entry.taken) return;
        entry.taken = true;
        fn();
      };
      entry.promise.then(
        (r) => deliver(() => onResult(r as T)),
        (err: unknown) => deliver(() => onError?.(err)),
      );
    },
    [key],
  );

  return { progress, run, resume, jobId: mine?.jobId ?? null, info };
}

/** A job the user stopped: the sidebar says so; the screen shows no error for it. */
export const isCancelled = (err: unknown): boolean => err instanceof ApiError && err.data.code === 'CANCELLED';
