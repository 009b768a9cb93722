// Progress of long jobs, kept by the open Core under the id the caller chose. Any long service
// takes a Job (or an id to start one), calls step() per item, and the renderer polls `jobs.progress`.
import type { JobProgress } from '../../shared/model/job';

const KEEP_FINISHED_MS = 10 * 60 * 1000;

export interface Job {
  /** One more item done; `current` names the next (or the one just finished). */
  step(current?: string): void;
  setTotal(total: number): void;
  finish(): void;
}

/** A job that reports nowhere: what a service gets when nobody watches. */
export const NO_JOB: Job = { step() {}, setTotal() {}, finish() {} };

export class Jobs {
  readonly #jobs = new Map<string, JobProgress & { finishedAt: number | null }>();

  #sweep(now: number): void {
    for (const [id, j] of this.#jobs)
      if (j.finishedAt !== null && now - j.finishedAt > KEEP_FINISHED_MS) this.#jobs.delete(id);
  }

  /** Starts tracking a job; without an id, a job that reports nowhere. */
  start(jobId: string | null | undefined, label: string, total: number): Job {
    if (!jobId) return NO_JOB;
    this.#sweep(Date.now());
    const state = { jobId, label, done: 0, total, current: '', finished: false, finishedAt: null as number | null };
    this.#jobs.set(jobId, state);
    return {
      step(current = '') {
        state.done = Math.min(state.total, state.done + 1);
        state.current = current;
      },
      setTotal(total) {
        state.total = total;
      },
      finish() {
        state.finished = true;
        state.current = '';
        state.finishedAt = Date.now();
      },
    };
  }

  /** Runs `work` as a job, marking it finished whatever happens. */
  async run<T>(
    jobId: string | null | undefined,
    label: string,
    total: number,
    work: (job: Job) => Promise<T>,
  ): Promise<T> {
    const job = this.start(jobId, label, total);
    try {
      return await work(job);
    } finally {
      job.finish();
    }
  }

  progress(jobId: string): JobProgress | null {
    const j = this.#jobs.get(jobId);
    if (!j) return null;
    return { jobId: j.jobId, label: j.label, done: j.done, total: j.total, current: j.current, finished: j.finished };
  }
}

/** Lets polls and other calls run between items of a long loop. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
