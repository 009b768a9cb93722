import { z } from 'zod';
import { method } from './define';
import { emptyInput } from './schemas';
import type { JobInfo, JobProgress } from '../model/job';

/** A job id made up by the caller (letters, digits, "-" and "_"); passed to a long method as `jobId`. */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Mã công việc không hợp lệ.');

const oneJob = z.object({ jobId }).strict();

export const jobsContract = {
  /** Progress of a running (or just finished) job; null when no job has that id (not started yet). */
  'jobs.progress': method(oneJob).returns<JobProgress | null>(),
  /** The job centre: running jobs first, then the recently ended ones, newest first. */
  'jobs.list': method(emptyInput).returns<JobInfo[]>(),
  /** Asks a running job to stop after its current item (what it finished stays). */
  'jobs.cancel': method(oneJob).returns<{ cancelled: boolean }>(),
  /** Opens what an ended job wrote (its folder, or its file shown in the folder). */
  'jobs.openResult': method(oneJob).returns<{ opened: string }>(),
  /** Closes an ended job's notice. */
  'jobs.dismiss': method(oneJob).returns<{ dismissed: boolean }>(),
};
