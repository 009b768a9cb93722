// Tổng hợp at province scale: 1,000 units, 10 periods, the default template. Prints a table of
// times and ratios to hand-written baselines that do the SAME work without the app's layer:
//   consolidate  the same totals (every rule, by unit kind, expected or not, this period and the
//                same period last year, each unit's reporting status) in hand-written SQL; the
//                bench checks that they equal the app's figures;
//   Word         the docx library packing the same paragraphs and tables (same rows, columns,
//                widths, repeated header rows, landscape annex) as the app's document model;
//   Excel        exceljs writing the same sheets, cells, formulas, number formats, fonts,
//                borders, merges, widths, frozen panes and page setup as the app's workbook.
// Compiling (SQL, draft, model) and writing are timed apart so that each ratio compares like
// with like; the end-to-end rows add the raw SQL to the raw writer.
// BENCH_UNITS=n for a smaller data set; BENCH_DB=file keeps the seeded data between runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { openCore } from '../src/main/app';
import { folderPlatform } from '../src/main/platform/platform';
import { compileWindow, getCompileSettings } from '../src/main/features/compile/compile';
import { exportExcel, exportWord } from '../src/main/features/compile/compile-export';
import { getDraft } from '../src/main/features/compile/compile-draft';
import { getAgency } from '../src/main/features/agency/agency';
import { buildReportModel } from '../src/main/features/compile/report-document';
import { parseDocumentModel } from '../src/main/documents/model';
import { renderDocx } from '../src/main/documents/docx-writer';
import { writeSummaryWorkbook } from '../src/main/features/compile/summary-book';
import { exportReportInput, windowInput } from '../src/shared/contract/compile';
import { PERIODS, seed } from './lib/seed';
import { recordGoal } from './lib/summary';
import { checkCompile, rawCompile, rawDocx, rawUnitValues, rawXlsx, snapshot } from './lib/baselines';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);

async function time<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

/** The app and its baseline run alternately (a busy machine slows both alike); best of `runs` each. */
async function timePair<A, B>(
  app: () => Promise<A>,
  raw: () => Promise<B>,
  runs: number,
): Promise<[{ ms: number; value: A }, { ms: number; value: B }]> {
  const a = { ms: Infinity, value: undefined as A };
  const b = { ms: Infinity, value: undefined as B };
  for (let i = 0; i < runs; i++) {
    const r1 = await time(app, 1);
    const r2 = await time(raw, 1);
    if (r1.ms < a.ms) Object.assign(a, r1);
    if (r2.ms < b.ms) Object.assign(b, r2);
  }
  return [a, b];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-compile-'));
  const t0 = performance.now();
  const open = await time(async () => {
    const c = await openCore({
      dbPath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-open-')), 'x.db'),
      platform: folderPlatform(dir),
    });
    await c.close();
  });
  const keep = process.env.BENCH_DB;
  const reuse = keep !== undefined && fs.existsSync(keep);
  if (reuse) fs.copyFileSync(keep, path.join(dir, 'bench.db'));
  const core = await openCore({ dbPath: path.join(dir, 'bench.db'), platform: folderPlatform(path.join(dir, 'out')) });
  const unitIds: number[] = [];
  const periodIds: number[] = [];
  if (reuse) {
    periodIds.push(...(await core.db.selectFrom('periods').select('id').orderBy('year').execute()).map((p) => p.id));
  } else {
    await seed(core.db, UNITS, unitIds, periodIds);
    if (keep) await sql`VACUUM INTO ${keep}`.execute(core.db);
  }
  const seedMs = reuse ? NaN : performance.now() - t0;
  const last = periodIds.at(-1)!;
  const lastYear = periodIds.at(-2)!;
  const asOf = '2026-01-01';
  const args = windowInput.parse({ periodIds: [last], today: asOf });
  const wordArgs = exportReportInput.parse({ periodIds: [last], today: asOf, takeNumber: false });

  // Consolidate: totals only, then with each unit's values (the by-unit view).
  const [totals, rawTot] = await timePair(
    () => compileWindow(core.db, args, { detail: false }),
    () => rawCompile(core.db, last, lastYear, asOf),
    9,
  );
  checkCompile(totals.value, rawTot.value);
  const [detail, rawDetail] = await timePair(
    () => compileWindow(core.db, args),
    async () => [await rawCompile(core.db, last, lastYear, asOf), await rawUnitValues(core.db, last)] as const,
    9,
  );

  // Word: compile + draft + model, the writer alone, and the whole export.
  const agency = await getAgency(core.db);
  const settings = await getCompileSettings(core.db);
  const model = await time(
    async () =>
      parseDocumentModel(
        buildReportModel(await getDraft(core.db, args), agency, settings, { date: '2026-01-01', number: null }),
      ),
    5,
  );
  const [writer, rawWord] = await timePair(
    () => renderDocx(model.value),
    () => rawDocx(model.value),
    5,
  );
  // End to end, a file on disk on both sides.
  const rawFile = path.join(dir, 'raw-out');
  const [word, rawWordE2e] = await timePair(
    () => exportWord(core.db, core.platform, core.dataDir, wordArgs),
    async () => {
      await rawCompile(core.db, last, lastYear, asOf);
      await rawUnitValues(core.db, last);
      fs.writeFileSync(`${rawFile}.docx`, await rawDocx(model.value));
    },
    5,
  );

  // Excel: the workbook writer alone, and the whole export.
  const view = await getDraft(core.db, args);
  const book = await writeSummaryWorkbook({ agency, title: view.rendered.title, compile: view.compile });
  const copy = await snapshot(book);
  const [writeBook, rawExcel] = await timePair(
    () => writeSummaryWorkbook({ agency, title: view.rendered.title, compile: view.compile }),
    () => rawXlsx(copy),
    4,
  );
  const [excel, rawExcelE2e] = await timePair(
    () => exportExcel(core.db, core.platform, args),
    async () => {
      await rawCompile(core.db, last, lastYear, asOf);
      await rawUnitValues(core.db, last);
      fs.writeFileSync(`${rawFile}.xlsx`, new Uint8Array(await rawXlsx(copy)));
    },
    4,
  );

  const assets = path.resolve('out/renderer/assets');
  const bundleGz = fs.existsSync(assets)
    ? fs
        .readdirSync(assets)
        .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
        .reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0)
    : NaN;

  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const n = UNITS.toLocaleString('en');
  const rows: string[][] = [
    [
      `data set (${n} units × ${PERIODS} periods)`,
      Number.isNaN(seedMs) ? 'reused (BENCH_DB)' : f(seedMs),
      '',
      '',
      'setup, not a goal',
    ],
    [
      'consolidate one period: totals (every rule, by kind, last year, targets, status)',
      f(totals.ms),
      `hand-written SQL, same totals (checked equal), both periods: ${f(rawTot.ms)}`,
      x(totals.ms, rawTot.ms),
      'goal ≤ 50 ms, ≤ 1.2×',
    ],
    [
      'consolidate one period with each unit’s values (Tổng hợp screen, compile show)',
      f(detail.ms),
      `same SQL + each unit’s values: ${f(rawDetail.ms)}`,
      x(detail.ms, rawDetail.ms),
      '',
    ],
    ['Word: compile + draft + document model', f(model.ms), '', '', ''],
    [
      'Word: writing the .docx (official format)',
      f(writer.ms),
      `docx packing the same paragraphs and tables: ${f(rawWord.ms)}`,
      x(writer.ms, rawWord.ms),
      '',
    ],
    [
      'Word export with the by-unit annex (end to end, file written)',
      f(word.ms),
      `raw SQL + raw docx + file: ${f(rawWordE2e.ms)}`,
      x(word.ms, rawWordE2e.ms),
      'goal ≤ 1.5×',
    ],
    [
      'Excel: writing the workbook',
      f(writeBook.ms),
      `exceljs writing the same cells, formulas, styles: ${f(rawExcel.ms)}`,
      x(writeBook.ms, rawExcel.ms),
      '',
    ],
    [
      'Excel export (end to end, file written)',
      f(excel.ms),
      `raw SQL + raw exceljs + file: ${f(rawExcelE2e.ms)}`,
      x(excel.ms, rawExcelE2e.ms),
      'goal ≤ 1.2×',
    ],
    ['database open + migrate (new file)', f(open.ms), '', '', 'goal ≤ 100 ms'],
    [
      'renderer bundle, gzipped',
      Number.isNaN(bundleGz) ? 'not built' : `${(bundleGz / 1048576).toFixed(2)} MB`,
      '',
      '',
      'goal ≤ 1.5 MB',
    ],
  ];
  console.log('\n| measure | app | baseline (same work, no app layer) | ratio | goal |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const goal = (measure: string, a: number, b: number, max: number) =>
    recordGoal('compile', measure, x(a, b), `≤ ${max}×`, a / b <= max);
  goal(`Tổng hợp (totals, ${n} units) against hand-written SQL`, totals.ms, rawTot.ms, 1.2);
  recordGoal('compile', `Tổng hợp (totals, ${n} units)`, f(totals.ms), '≤ 50 ms', totals.ms <= 50);
  goal('Word export end to end against raw SQL + docx', word.ms, rawWordE2e.ms, 1.5);
  goal('Excel export end to end against raw SQL + exceljs', excel.ms, rawExcelE2e.ms, 1.2);
  recordGoal('compile', 'database open + migrate (new file)', f(open.ms), '≤ 100 ms', open.ms <= 100);
  if (!Number.isNaN(bundleGz))
    recordGoal(
      'compile',
      'renderer bundle, gzipped',
      `${(bundleGz / 1048576).toFixed(2)} MB`,
      '≤ 1.5 MB',
      bundleGz <= 1.5 * 1048576,
    );
  await core.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
