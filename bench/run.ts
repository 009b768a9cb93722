// `npm run bench`: runs every benchmark file in this folder, one process each, and prints
// their reports, then one table of every goal of issue 17 against what was measured
// (bench/lib/summary.ts). Benchmarks live here and never in timed tests.
// `npm run bench -- screens` runs the files whose name contains "screens".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summaryTable } from './lib/summary';

const dir = path.resolve('bench');
const only = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-')), 'goals.jsonl');
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_SUMMARY: summary },
  });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} failed: its goals are missing below)`);
  }
}
console.log(`\n=== goals of issue 17\n\n${summaryTable(summary)}`);
fs.rmSync(path.dirname(summary), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
