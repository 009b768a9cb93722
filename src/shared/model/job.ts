// Progress of a long job (exporting a thousand workbooks, reading two hundred): the renderer
// makes up a job id, passes it with the call, and polls `jobs.progress` while the call runs.

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
