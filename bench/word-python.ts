// What users compare: the consolidated report of 1,000 units (its by-unit annex included) written
// by the app and by Debian's python-docx writing the same report (goal: the app ≥ 3× faster).
// python-docx is handed the app's own layout plan (planDocument: every paragraph, run, table,
// span, width and the page setup) and writes it with the same formatting (bench/python_docx_report.py);
// then python-docx reads both files back and the bench checks they hold the same text in the same
// paragraphs, tables, rows and cells, with the same alignment and bold, italic, underlined runs
// (the ratio counts only then). Both sides are timed inside their process, best of RUNS, with their CPU time
// (Python's interpreter start and imports are not counted). python-docx is stopped after
// BENCH_PY_TIMEOUT seconds (900 unless set, a safety): the ratio printed is then a lower bound.
// BENCH_UNITS=n runs both on a smaller register; BENCH_KEEP=folder keeps the files to look at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../src/main/app';
import { folderPlatform } from '../src/main/platform/platform';
import { getCompileSettings } from '../src/main/features/compile/compile';
import { getDraft } from '../src/main/features/compile/compile-draft';
import { getAgency } from '../src/main/features/agency/agency';
import { buildReportModel } from '../src/main/features/compile/report-document';
import { parseDocumentModel } from '../src/main/documents/model';
import { renderDocx } from '../src/main/documents/docx-writer';
import { A4, FONT, HEADER_DISTANCE, planDocument } from '../src/main/documents/nd30/layout';
import { windowInput } from '../src/shared/contract/compile';
import { seededCopy } from './lib/seed';
import { recordGoal } from './lib/summary';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const GOAL = 3;
const RUNS = 3;
/** python-docx is stopped after this (BENCH_PY_TIMEOUT seconds): a safety, far above its time. */
const TIMEOUT = Number(process.env.BENCH_PY_TIMEOUT ?? 900) * 1000;
const SCRIPT = path.resolve('bench/python_docx_report.py');

interface Check {
  read: number;
  paragraphs: number;
  tables: number;
  rows: number;
  cells: number;
  sections: number;
  oursSections: number;
  chars: number;
  difference: string | null;
}

function python(args: string[]): { out?: unknown; stopped?: number; error?: string } {
  const started = performance.now();
  const py = spawnSync('/usr/bin/python3', [SCRIPT, ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 20,
  });
  if (py.error || py.signal) return { stopped: performance.now() - started };
  if (py.status !== 0) return { error: py.stderr.trim().split('\n').pop() ?? `exit ${py.status}` };
  return { out: JSON.parse(py.stdout) };
}

async function main(): Promise<void> {
  const dbPath = await seededCopy(UNITS);
  const dir = path.dirname(dbPath);
  const core = await openCore({ dbPath, platform: folderPlatform(dir) });
  const n = UNITS.toLocaleString('en');
  const measure = `the report (${n} units) against python-docx`;
  try {
    const last = (await core.db.selectFrom('periods').select('id').orderBy('year', 'desc').executeTakeFirstOrThrow())
      .id;
    const args = windowInput.parse({ periodIds: [last], today: '2026-01-01' });
    const model = parseDocumentModel(
      buildReportModel(await getDraft(core.db, args), await getAgency(core.db), await getCompileSettings(core.db), {
        date: '2026-01-01',
        number: null,
      }),
    );
    let appMs = Infinity;
    let appCpu = 0;
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < RUNS; i++) {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      bytes = await renderDocx(model);
      if (performance.now() - t0 < appMs) {
        appMs = performance.now() - t0;
        const c = process.cpuUsage(c0);
        appCpu = (c.user + c.system) / 1000;
      }
    }
    const exported = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(exported, bytes);
    // The plan as JSON (images have no place in the bench's report: no signature is configured).
    const plan = { ...planDocument(model), a4: A4, headerDistance: HEADER_DISTANCE, font: FONT };
    const planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(
      planFile,
      JSON.stringify(plan, (_k, v: unknown) => (v instanceof Uint8Array ? null : v)),
    );
    const ours = path.join(dir, 'python.docx');

    console.log(`\n| measure (${n} units) | time | ratio | goal |\n|---|---|---|---|`);
    console.log(
      `| the app writing the report (.docx, by-unit annex), best of ${RUNS} | ${appMs.toFixed(1)} ms (CPU ${appCpu.toFixed(0)} ms) |  |  |`,
    );
    const w = python(['write', planFile, ours, String(RUNS)]);
    if (w.stopped !== undefined) {
      // less the interpreter's start and python-docx's import, which the script does not time
      const t0 = performance.now();
      spawnSync('/usr/bin/python3', ['-c', 'import docx'], { encoding: 'utf8' });
      const ranMs = w.stopped - (performance.now() - t0);
      const bound = ranMs / appMs;
      console.log(
        `| python-docx writing the same report | stopped after ${(ranMs / 1000).toFixed(0)} s | app > ${bound.toFixed(1)}× faster | ≥ ${GOAL}× ${bound >= GOAL ? 'met' : 'not known'} |`,
      );
      recordGoal(
        'word-python',
        measure,
        `> ${bound.toFixed(1)}× faster`,
        `≥ ${GOAL}×`,
        bound >= GOAL ? true : null,
        'python-docx stopped',
      );
      return;
    }
    if (w.error !== undefined) {
      console.log(`python-docx baseline failed: ${w.error}`);
      process.exitCode = 1;
      return;
    }
    const { write, cpu } = w.out as { write: number; cpu: number };
    const ratio = write / appMs;
    const c = python(['read', exported, ours]);
    const check = c.out as Check | undefined;
    const same = check !== undefined && check.difference === null && check.sections === check.oursSections;
    console.log(
      `| python-docx writing the same report, best of ${RUNS} | ${write.toFixed(1)} ms (CPU ${cpu.toFixed(0)} ms) | python-docx / app = ${ratio.toFixed(2)}× (CPU ${(cpu / appCpu).toFixed(2)}×) | ≥ ${GOAL}× ${ratio >= GOAL ? 'met' : 'NOT met'} |`,
    );
    if (check)
      console.log(
        `| python-docx reading the app's file (${check.chars.toLocaleString('en')} characters) | ${check.read.toFixed(1)} ms | ${(check.read / appMs).toFixed(2)}× the app's writing |  |`,
      );
    console.log(
      check === undefined
        ? `\nThe two files could not be compared: ${c.error ?? 'python-docx stopped'}`
        : same
          ? `\nSame document: ${check.sections} sections, ${check.paragraphs} paragraphs, ${check.tables} tables, ${check.rows.toLocaleString('en')} rows, ${check.cells.toLocaleString('en')} cells, the same text in each (python-docx read both).`
          : `\nNOT the same document: ${check.difference ?? `${check.sections} sections against ${check.oursSections}`}`,
    );
    if (!same) process.exitCode = 1;
    recordGoal(
      'word-python',
      measure,
      `${ratio.toFixed(2)}× (app ${(appMs / 1000).toFixed(2)} s, python-docx ${(write / 1000).toFixed(2)} s; CPU ${(cpu / appCpu).toFixed(2)}×)`,
      `≥ ${GOAL}×`,
      same ? ratio >= GOAL : null,
      same ? '' : 'the two documents differ',
    );
  } finally {
    await core.close();
    const keep = process.env.BENCH_KEEP;
    if (keep) fs.cpSync(dir, keep, { recursive: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
