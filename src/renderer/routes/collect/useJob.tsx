// Long steps (exporting or reading many workbooks) run in the job centre (lib/jobs.ts); this draws
// one job's bar on the screen that started it.
import { formatNumber } from '../../../shared/format';
import type { JobProgress } from '../../../shared/model/job';
import './collect.css';

export { useJob } from '../../lib/jobs';

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
