// The job centre on the command line: a long command shows its progress on a terminal (never in a
// pipe, where scripts read the output), and Ctrl+C stops its jobs between two items as "Dừng" does
// in the app — what was finished stays; a second Ctrl+C ends the process at once.
import { formatNumber } from '../../shared/format';
import type { Jobs } from '../core/jobs';

export function followJobs(jobs: Jobs, err: (s: string) => void, terminal = Boolean(process.stderr.isTTY)): () => void {
  let last = 0;
  const unsubscribe = jobs.onChange((j) => {
    if (!terminal) return;
    const now = Date.now();
    if (j.state === 'running' && now - last < 1000) return;
    last = now;
    const count = j.total ? ` ${formatNumber(j.done)}/${formatNumber(j.total)}` : '';
    err(j.state === 'running' ? `${j.label}:${count}` : j.summary || `${j.label}: xong.`);
  });
  const onSigint = () => {
    if (jobs.cancelAll() > 0) err('Đang dừng sau mục hiện tại… (Ctrl+C lần nữa để thoát ngay)');
    else process.exit(130);
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  return () => {
    unsubscribe();
    process.removeListener('SIGINT', onSigint);
  };
}
