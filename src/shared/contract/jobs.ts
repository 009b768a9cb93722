import { z } from 'zod';
import { method } from './define';
import type { JobProgress } from '../model/job';

/** A job id made up by the caller (letters, digits, "-" and "_"); passed to a long method as `jobId`. */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Mã công việc không hợp lệ.');

export const jobsContract = {
  /** Progress of a running (or just finished) job; null when no job has that id (not started yet). */
  'jobs.progress': method(z.object({ jobId }).strict()).returns<JobProgress | null>(),
};
