// `npm test`: every step runs even when an earlier one fails (a unit-suite failure must not hide
// the e2e results); at the end each step's outcome is listed and the exit code is non-zero if any
// step failed. Steps are npm scripts of package.json, run one after another (two cores here).
import { spawnSync } from 'node:child_process';

const STEPS = ['typecheck', 'lint', 'test:unit', 'test:integration', 'test:e2e'];
const only = process.argv.slice(2);
const steps = only.length ? STEPS.filter((s) => only.includes(s)) : STEPS;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = [];
for (const step of steps) {
  console.log(`\n== npm run ${step}`);
  const t0 = Date.now();
  const r = spawnSync(npm, ['run', step], { stdio: 'inherit' });
  const status = r.error ? `không chạy được (${r.error.message})` : r.status === 0 ? 'đạt' : 'LỖI';
  results.push({ step, ok: !r.error && r.status === 0, status, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n== Kết quả');
for (const r of results)
  console.log(`${r.ok ? '✓' : '✗'} ${r.step.padEnd(18)} ${r.status} (${r.seconds.toFixed(0)} s)`);
const failed = results.filter((r) => !r.ok);
console.log(failed.length ? `${failed.length}/${results.length} bước lỗi.` : `Cả ${results.length} bước đều đạt.`);
process.exit(failed.length ? 1 : 0);
