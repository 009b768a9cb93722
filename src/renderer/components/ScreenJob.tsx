// The job a screen started, shown on that screen too (the sidebar shows every job): its bar and
// "Dừng" while it runs, then what it did and "Mở thư mục" — also after the user left and came back.
import { EndedJob, RunningJob } from './JobCentre';
import type { JobInfo, JobProgress } from '../../shared/model/job';
import '../styles/job-centre.css';

export function ScreenJob({
  info,
  progress,
  label,
  oneStep,
}: {
  info: JobInfo | undefined;
  progress: JobProgress | null;
  /** What the screen calls the job before the job centre has answered. */
  label: string;
  /** Why a job without "Dừng" has none, when it runs. */
  oneStep?: string;
}) {
  if (!info && !progress) return null;
  return (
    <section className="job-panel" aria-label="Công việc của màn hình này">
      {info && info.state !== 'running' ? (
        info.dismissed ? null : (
          <EndedJob job={info} />
        )
      ) : (
        <>
          <RunningJob job={info ?? starting(progress!, label)} />
          {info && !info.cancellable && oneStep ? <div className="small muted">{oneStep}</div> : null}
        </>
      )}
    </section>
  );
}

/** A job the window started, before the first answer of the job centre. */
const starting = (p: JobProgress, label: string): JobInfo => ({
  ...p,
  label: p.label || label,
  kind: 'backup',
  state: 'running',
  startedAt: '',
  finishedAt: null,
  cancellable: false,
  cancelRequested: false,
  summary: '',
  resultName: null,
  revealsFile: false,
  dismissed: false,
});
