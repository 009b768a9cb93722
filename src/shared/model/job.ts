// Long jobs (exporting a thousand workbooks, reading two hundred, a mail merge, a backup) run in the
// main process's job centre: the renderer makes up a job id, passes it with the call, and the
// sidebar follows every job through `jobs.list` — on any screen, with a cancel button while it
// runs and a notice that opens the result when it ends.

export type JobKind = 'export' | 'import' | 'mail-merge' | 'backup';

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  export: 'Xuất tệp',
  import: 'Nhập dữ liệu',
  'mail-merge': 'Gửi từng đơn vị',
  backup: 'Sao lưu, khôi phục',
};

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  /** What the job does, in Vietnamese ("Xuất biểu nhập liệu"). */
  label: string;
  done: number;
  total: number;
  /** The item being worked on (a file name), "" when none. */
  current: string;
  finished: boolean;
}

/** A job as the job centre shows it. */
export interface JobInfo extends JobProgress {
  kind: JobKind;
  state: JobState;
  /** ISO date-times. */
  startedAt: string;
  finishedAt: string | null;
  /** Whether "Dừng" is offered: the job stops between items, keeping what it finished. */
  cancellable: boolean;
  cancelRequested: boolean;
  /** Once ended: what was done, or why it stopped, in Vietnamese. */
  summary: string;
  /** The name of what "Mở" opens (a folder or a file), null when there is nothing to open. */
  resultName: string | null;
  /** "Mở" shows that file in its folder (a backup, a package) rather than opening a folder. */
  revealsFile: boolean;
  /** Whether the user has closed its notice. */
  dismissed: boolean;
}
