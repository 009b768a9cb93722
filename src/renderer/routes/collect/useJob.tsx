// Long steps (exporting or reading many workbooks) report progress under a job id; this follows one
// job and draws its bar.
import { useCallback, useState } from 'react';
import { call } from '../../lib/api';
import { formatNumber } from '../../../shared/format';
import type { JobProgress } from '../../../shared/model/job';
import './collect.css';

const newJobId = () => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Polls `jobs.progress` while `work` runs. */
export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const run = useCallback(async <T,>(work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId();
    setProgress({ jobId, label: '', done: 0, total: 0, current: '', finished: false });
    let live = true;
    const timer = window.setInterval(() => {
      void call('jobs.progress', { jobId })
        .then((p) => live && p && setProgress(p))
        .catch(() => undefined);
    }, 150);
    try {
      return await work(jobId);
    } finally {
      // A poll answered after the job ended must not bring the bar back.
      live = false;
      window.clearInterval(timer);
      setProgress(null);
    }
  }, []);
  return { progress, run };
}

export function ProgressBar({ progress, label }: { progress: JobProgress; label: string }) {
  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div
      className="cx-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={progress.total || 1}
      aria-valuenow={progress.done}
    >
      <div className="cx-progress-bar">
        <div className="cx-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="small muted">
        {label}: {formatNumber(progress.done)} / {formatNumber(progress.total)}
        {progress.current ? ` — ${progress.current}` : ''}
      </div>
    </div>
  );
}
