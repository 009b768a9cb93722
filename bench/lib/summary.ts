// The goals of issue 17 in one table: each benchmark records its ratios (and the few absolute
// goals) here; `npm run bench` (bench/run.ts) prints them together at the end, with the load
// average each was measured under. Run alone, a benchmark records nothing (no BENCH_SUMMARY).
import fs from 'node:fs';
import os from 'node:os';

export interface GoalRow {
  bench: string;
  measure: string;
  /** What was measured, as printed ("1.18×", "3.4 s"). */
  value: string;
  goal: string;
  /** null: shown, no goal to meet. */
  met: boolean | null;
  /** A lower bound only (the baseline was stopped before it finished). */
  note?: string;
  load: number;
  /** When it was measured (UTC, minutes). */
  at?: string;
}

/** Records one goal of this run (appended to the file bench/run.ts names). */
export function recordGoal(
  bench: string,
  measure: string,
  value: string,
  goal: string,
  met: boolean | null,
  note = '',
): void {
  const file = process.env.BENCH_SUMMARY;
  if (!file) return;
  const at = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const row: GoalRow = { bench, measure, value, goal, met, note: note || undefined, load: os.loadavg()[0]!, at };
  fs.appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** The table `npm run bench` ends with. */
export function summaryTable(file: string): string {
  const rows = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as GoalRow)
    : [];
  if (rows.length === 0) return 'No goal was recorded.';
  const lines = [
    '| bench | measure | measured | goal | met | measured at | load |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.bench} | ${r.measure} | ${r.value}${r.note ? ` (${r.note})` : ''} | ${r.goal} | ${r.met === null ? '—' : r.met ? 'met' : 'NOT met'} | ${r.at ?? ''} | ${r.load.toFixed(1)} |`,
    ),
  ];
  const met = rows.filter((r) => r.met).length;
  const goals = rows.filter((r) => r.met !== null).length;
  return `${lines.join('\n')}\n\n${met} of ${goals} goals met (load average on ${os.cpus().length} cores in the last column).`;
}
