// The job centre in the sidebar: every long job of the app, on whatever screen the user is — a bar
// and "Dừng" while it runs, then a notice that says what was done and opens what it wrote.
import { useState } from 'react';
import { call, errorMessage } from '../lib/api';
import { refreshJobs, useJobList } from '../lib/jobs';
import { formatNumber } from '../../shared/format';
import '../styles/job-centre.css';
import type { JobInfo } from '../../shared/model/job';

/** Ended jobs shown at once (the newest); older ones stay closed. */
const SHOWN_ENDED = 3;

export function JobCentre() {
  const jobs = useJobList();
  const running = jobs.filter((j) => j.state === 'running');
  const ended = jobs.filter((j) => j.state !== 'running' && !j.dismissed).slice(0, SHOWN_ENDED);
  if (!running.length && !ended.length) return null;
  return (
    <section className="job-centre" aria-label="Công việc đang chạy">
      <div className="job-centre-title">Công việc</div>
      {running.map((j) => (
        <RunningJob key={j.jobId} job={j} />
      ))}
      {ended.map((j) => (
        <EndedJob key={j.jobId} job={j} />
      ))}
    </section>
  );
}

export function RunningJob({ job }: { job: JobInfo }) {
  const pct = job.total ? Math.round((job.done / job.total) * 100) : null;
  return (
    <div className="job" data-job={job.jobId} data-state="running">
      <div className="job-label">{job.label}</div>
      <div
        className="job-bar"
        role="progressbar"
        aria-label={job.label}
        aria-valuemin={0}
        aria-valuemax={job.total || 1}
        aria-valuenow={job.done}
      >
        <div className={`job-fill${pct === null ? ' job-fill-unknown' : ''}`} style={{ width: `${pct ?? 100}%` }} />
      </div>
      <div className="job-meta">
        <span>{job.total ? `${formatNumber(job.done)} / ${formatNumber(job.total)}` : 'Đang thực hiện…'}</span>
        {job.cancellable ? (
          <button
            type="button"
            className="job-button"
            disabled={job.cancelRequested}
            onClick={() => void call('jobs.cancel', { jobId: job.jobId }).finally(refreshJobs)}
          >
            {job.cancelRequested ? 'Đang dừng…' : 'Dừng'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function EndedJob({ job }: { job: JobInfo }) {
  const [error, setError] = useState('');
  const mark = job.state === 'done' ? '✓' : job.state === 'cancelled' ? '■' : '!';
  return (
    <div className={`job job-${job.state}`} data-job={job.jobId} data-state={job.state} role="status">
      <div className="job-summary">
        <span className="job-mark" aria-hidden="true">
          {mark}
        </span>
        <span>{job.summary}</span>
      </div>
      {error ? <div className="job-error">{error}</div> : null}
      <div className="job-actions">
        {job.resultName ? (
          <button
            type="button"
            className="job-button"
            title={job.resultName}
            onClick={() =>
              void call('jobs.openResult', { jobId: job.jobId }).then(
                () => setError(''),
                (err: unknown) => setError(errorMessage(err)),
              )
            }
          >
            {job.revealsFile ? 'Mở thư mục chứa tệp' : 'Mở thư mục'}
          </button>
        ) : null}
        <button
          type="button"
          className="job-button"
          aria-label={`Đóng thông báo: ${job.label}`}
          onClick={() => void call('jobs.dismiss', { jobId: job.jobId }).finally(refreshJobs)}
        >
          Đóng
        </button>
      </div>
    </div>
  );
}
