// The job centre: every long job (exports, imports, mail merge, backups) runs here, in the main
// process, under an id the caller chose. Its progress outlives the screen that started it: the
// sidebar follows `jobs.list`, `jobs.cancel` stops a job between two items (what was finished
// stays), and `jobs.openResult` opens what it wrote. Services call step() per item.
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { JobInfo, JobKind, JobProgress } from '../../shared/model/job';
import type { Platform } from '../platform/platform';

/** Finished jobs kept for the sidebar's notices (the newest). */
const KEEP_FINISHED = 20;

export interface Job {
  /** One more item done; `current` names the next (or the one just finished). Throws once cancelled. */
  step(current?: string): void;
  setTotal(total: number): void;
  /** What "Mở" opens at the end, even after a cancel: a folder (or file) opened, or a file shown in its folder. */
  setResult(target: string, how?: 'open' | 'reveal'): void;
  /** Aborted when the user asks to stop: for work that waits on something other than step(). */
  readonly signal: AbortSignal;
  /** Between two items: lets polls and other calls run (and a test hold the job where it wants). */
  pause(): Promise<void>;
  finish(): void;
}

/** A job that reports nowhere (tests of a service alone). */
export const NO_JOB: Job = {
  step() {},
  setTotal() {},
  setResult() {},
  signal: new AbortController().signal,
  pause: () => yieldToEventLoop(),
  finish() {},
};

export interface JobSpec<T> {
  kind: JobKind;
  label: string;
  total?: number;
  /** Stops between items when asked (jobs whose every step can be the last). */
  cancellable?: boolean;
  /**
   * What the finished job says and opens; null when nothing happened (the user closed the dialog):
   * the job is then forgotten. Without it the job says "Đã xong".
   */
  outcome?: (result: T) => { summary: string; open?: string | null; reveal?: string | null } | null;
}

interface Entry {
  info: JobInfo;
  controller: AbortController;
  target: string | null;
}

export const CANCELLED = 'CANCELLED';
const cancelledError = () => new AppError(CANCELLED, 'Đã dừng theo yêu cầu của người dùng.');

export class Jobs {
  readonly #jobs = new Map<string, Entry>();
  readonly #listeners = new Set<(job: JobInfo) => void>();
  #auto = 0;
  #gate: ((job: JobInfo) => Promise<void>) | null = null;

  /** Tests only: every job awaits `gate` between items, so that a test sees a job mid-way on any machine. */
  setGate(gate: ((job: JobInfo) => Promise<void>) | null): void {
    this.#gate = gate;
  }

  /** Called on every change (the CLI prints progress with it); returns the unsubscribe. */
  onChange(listener: (job: JobInfo) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(e: Entry): void {
    for (const l of this.#listeners) l({ ...e.info });
  }

  #sweep(): void {
    const ended = [...this.#jobs.values()].filter((e) => e.info.state !== 'running');
    for (const e of ended.slice(0, Math.max(0, ended.length - KEEP_FINISHED))) this.#jobs.delete(e.info.jobId);
  }

  /** Starts tracking a job; without an id the job still shows in the centre under one of its own. */
  start<T>(jobId: string | null | undefined, spec: JobSpec<T>): Job & { entry: Entry } {
    this.#sweep();
    const id = jobId || `job-auto-${++this.#auto}`;
    const old = this.#jobs.get(id);
    if (old?.info.state === 'running')
      throw new AppError('JOB_RUNNING', `Công việc “${old.info.label}” đang chạy: hãy chờ nó xong hoặc dừng nó.`);
    const controller = new AbortController();
    const entry: Entry = {
      controller,
      target: null,
      info: {
        jobId: id,
        kind: spec.kind,
        label: spec.label,
        done: 0,
        total: spec.total ?? 0,
        current: '',
        finished: false,
        state: 'running',
        startedAt: new Date().toISOString(),
        finishedAt: null,
        cancellable: spec.cancellable ?? false,
        cancelRequested: false,
        summary: '',
        resultName: null,
        revealsFile: false,
        dismissed: false,
      },
    };
    this.#jobs.delete(id);
    this.#jobs.set(id, entry);
    this.#changed(entry);
    const changed = () => this.#changed(entry);
    const gate = () => this.#gate;
    const s = entry.info;
    return {
      entry,
      signal: controller.signal,
      step(current = '') {
        s.done = s.total ? Math.min(s.total, s.done + 1) : s.done + 1;
        s.current = current;
        changed();
        if (controller.signal.aborted) throw cancelledError();
      },
      async pause() {
        await yieldToEventLoop();
        const g = gate();
        if (g) await g({ ...s });
      },
      setTotal(total) {
        s.total = total;
        changed();
      },
      setResult(target, how = 'open') {
        entry.target = target;
        s.revealsFile = how === 'reveal';
        s.resultName = path.basename(target);
      },
      finish() {
        if (s.state === 'running') s.state = 'done';
        s.finished = true;
        s.current = '';
        s.finishedAt = new Date().toISOString();
        changed();
      },
    };
  }

  /** Runs `work` as a job: its end (done, failed, stopped) is recorded whatever happens. */
  async run<T>(
    jobId: string | null | undefined,
    spec: JobSpec<NoInfer<T>>,
    work: (job: Job) => Promise<T>,
  ): Promise<T> {
    const job = this.start(jobId, spec);
    const s = job.entry.info;
    try {
      const result = await work(job);
      const outcome = spec.outcome ? spec.outcome(result) : { summary: `Đã xong: ${spec.label}.` };
      if (outcome === null) {
        this.#jobs.delete(s.jobId);
        return result;
      }
      s.summary = outcome.summary;
      if (outcome.open) job.setResult(outcome.open);
      else if (outcome.reveal) job.setResult(outcome.reveal, 'reveal');
      return result;
    } catch (err) {
      if (job.signal.aborted || (err instanceof AppError && err.code === CANCELLED)) {
        s.state = 'cancelled';
        s.summary = `Đã dừng: ${spec.label}${s.total ? ` (xong ${s.done}/${s.total})` : ''}.`;
        throw err instanceof AppError && err.code === CANCELLED ? err : cancelledError();
      }
      s.state = 'failed';
      s.summary = `Không hoàn thành: ${spec.label}. ${err instanceof Error ? err.message : String(err)}`;
      throw err;
    } finally {
      job.finish();
    }
  }

  progress(jobId: string): JobProgress | null {
    const j = this.#jobs.get(jobId)?.info;
    if (!j) return null;
    return { jobId: j.jobId, label: j.label, done: j.done, total: j.total, current: j.current, finished: j.finished };
  }

  /** Running jobs first, then the ended ones, newest first. */
  list(): JobInfo[] {
    const all = [...this.#jobs.values()].map((e) => ({ ...e.info })).reverse();
    return [...all.filter((j) => j.state === 'running'), ...all.filter((j) => j.state !== 'running')];
  }

  /** Asks a running job to stop after its current item; false when it is not running or cannot stop. */
  cancel(jobId: string): boolean {
    const e = this.#jobs.get(jobId);
    if (!e || e.info.state !== 'running' || !e.info.cancellable) return false;
    e.info.cancelRequested = true;
    e.controller.abort();
    this.#changed(e);
    return true;
  }

  /** Stops every running job that can stop (the CLI on Ctrl+C). */
  cancelAll(): number {
    return [...this.#jobs.keys()].filter((id) => this.cancel(id)).length;
  }

  /** Opens what an ended job wrote: a folder opened, a file shown in its folder. */
  async openResult(jobId: string, platform: Platform): Promise<{ opened: string }> {
    const e = this.#jobs.get(jobId);
    if (!e) throw new AppError('NOT_FOUND', 'Không còn công việc này trong danh sách.');
    if (!e.target) throw new AppError('NO_RESULT', `Công việc “${e.info.label}” không ghi tệp nào để mở.`);
    if (!e.info.revealsFile) await platform.openPath(e.target);
    else if (platform.revealPath) await platform.revealPath(e.target);
    else await platform.openPath(path.dirname(e.target));
    return { opened: e.target };
  }

  /** Closes an ended job's notice. */
  dismiss(jobId: string): boolean {
    const e = this.#jobs.get(jobId);
    if (!e || e.info.state === 'running') return false;
    e.info.dismissed = true;
    return true;
  }
}

/** Lets polls and other calls run between items of a long loop. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
