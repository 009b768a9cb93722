// Tổng hợp at province scale: 1,000 units, 10 periods, the default template. Prints a table of
// times and ratios to hand-written baselines (goals from the Tổng hợp issue).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { openCore } from '../src/main/core';
import { folderPlatform } from '../src/main/platform';
import { insertUnit } from '../src/main/services/units';
import { listTemplates } from '../src/main/services/templates';
import { createPeriod } from '../src/main/services/periods';
import { saveReportValuesIn, transitionReportIn } from '../src/main/services/reports';
import { compileWindow, exportExcel, exportWord } from '../src/main/services/compile';
import { saveAgency } from '../src/main/services/agency';
import { agencyInput } from '../src/shared/contract/agency';
import { periodInput } from '../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../src/shared/contract/reports';
import { exportReportInput, windowInput } from '../src/shared/contract/compile';
import { sql } from 'kysely';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const PERIODS = 10;
const COUNTS = ['LD01', 'LD02', 'LD03', 'TD01', 'TD02', 'DT01', 'DT02', 'DT03', 'DN01', 'DN02', 'DN03', 'DN04', 'HC01', 'HC02', 'HC03', 'DV01', 'DV02'];

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

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-compile-'));
  const t0 = performance.now();
  const open = await time(async () => {
    const c = await openCore({ dbPath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-open-')), 'x.db'), platform: folderPlatform(dir) });
    await c.close();
  });
  const core = await openCore({ dbPath: path.join(dir, 'bench.db'), platform: folderPlatform(path.join(dir, 'out')) });
  await saveAgency(core.db, agencyInput.parse({ parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM', name: 'SỞ NỘI VỤ', abbreviation: 'SNV', place: 'Quảng Nam', draftingUnit: 'XDCQ', signers: [{ fullName: 'Nguyễn Văn Ánh', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true }] }));
  const unitIds: number[] = [];
  await core.db.transaction().execute(async (trx) => {
    for (let i = 0; i < UNITS; i++) {
      const kind = i % 3 === 0 ? 'so_nganh' : i % 3 === 1 ? 'ubnd_xa' : 'ubnd_phuong';
      unitIds.push((await insertUnit(trx, { code: `U${i}`, name: `Đơn vị số ${i}`, shortName: '', kind, parentId: null, email: '', contactPerson: '', phone: '', activeFrom: null, activeTo: null }, new Date(), true)).id);
    }
  });
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  const periodIds: number[] = [];
  for (let p = 0; p < PERIODS; p++) {
    const period = await createPeriod(core.db, periodInput.parse({ type: 'year', year: 2016 + p, templateId, expected: { mode: 'kinds', kinds: ['so_nganh', 'ubnd_xa', 'ubnd_phuong'] } }));
    periodIds.push(period.id);
    await core.db.transaction().execute(async (trx) => {
      for (const [k, unitId] of unitIds.entries()) {
        if ((k + p) % 17 === 0) continue; // some units never report
        const values = COUNTS.map((code, j) => ({ key: code, input: String(((k * 7 + j * 13 + p) % 50) + (code === 'DT03' || code === 'DN04' || code === 'HC03' || code === 'DV02' ? 0 : 50)) }));
        values.push({ key: 'DV04', input: k % 4 === 0 ? 'Không' : 'Có' });
        await saveReportValuesIn(trx, saveValuesInput.parse({ periodId: period.id, unitId, actor: 'bench', values }));
        await transitionReportIn(trx, transitionInput.parse({ periodId: period.id, unitId, to: 'da_nop', receivedDate: `${2016 + p}-12-10`, channel: 'typed', actor: 'bench' }));
      }
    });
  }
  const seedMs = performance.now() - t0;
  const last = periodIds.at(-1)!;
  const args = windowInput.parse({ periodIds: [last], today: '2026-01-01' });

  const consolidate = await time(() => compileWindow(core.db, args), 5);
  const rawSql = await time(
    () =>
      sql`SELECT v.field_key, SUM(v.int_value) AS total, COUNT(*) AS n FROM report_values v JOIN reports r ON r.id = v.report_id
          WHERE r.period_id = ${last} AND r.status IN ('da_nop', 'da_duyet') AND v.int_value IS NOT NULL GROUP BY v.field_key`.execute(core.db),
    5,
  );

  const word = await time(() => exportWord(core.db, core.platform, exportReportInput.parse({ periodIds: [last], today: '2026-01-01', takeNumber: false })), 2);
  const rawWord = await time(async () => {
    const rows = Array.from({ length: UNITS + 1 }, (_, r) => new TableRow({ tableHeader: r === 0, children: Array.from({ length: 10 }, (_, c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(r === 0 ? `Cột ${c}` : String(r * c))] })] })) }));
    const doc = new Document({ sections: [{ children: [...Array.from({ length: 60 }, (_, i) => new Paragraph(`Đoạn văn ${i} của báo cáo tổng hợp.`)), new Table({ rows })] }] });
    return Packer.toBuffer(doc);
  }, 2);

  const excel = await time(() => exportExcel(core.db, core.platform, args), 2);
  const rawExcel = await time(async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['Tổng hợp', 'Theo đơn vị', 'Tình hình báo cáo', 'So sánh']) {
      const ws = wb.addWorksheet(name);
      for (let r = 0; r < (name === 'Theo đơn vị' ? UNITS : 40); r++) ws.addRow(Array.from({ length: name === 'Theo đơn vị' ? 32 : 8 }, (_, c) => (c === 0 ? `Dòng ${r}` : r * c)));
    }
    return wb.xlsx.writeBuffer();
  }, 2);

  const assets = path.resolve('out/renderer/assets');
  const bundleGz = fs.existsSync(assets)
    ? fs.readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css')).reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0)
    : NaN;

  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const rows: [string, string, string, string][] = [
    ['data set (1,000 units × 10 periods)', f(seedMs), '', 'setup, not a goal'],
    ['consolidate one period', f(consolidate.ms), `${(consolidate.ms / rawSql.ms).toFixed(2)}× raw SQL (${f(rawSql.ms)})`, 'goal ≤ 50 ms, ≤ 1.2×'],
    ['Word export with the by-unit annex', f(word.ms), `${(word.ms / rawWord.ms).toFixed(2)}× raw docx (${f(rawWord.ms)})`, 'goal ≤ 1.5×'],
    ['Excel export', f(excel.ms), `${(excel.ms / rawExcel.ms).toFixed(2)}× raw exceljs (${f(rawExcel.ms)})`, 'goal ≤ 1.2×'],
    ['database open + migrate (new file)', f(open.ms), '', 'goal ≤ 100 ms'],
    ['renderer bundle, gzipped', Number.isNaN(bundleGz) ? 'not built' : `${(bundleGz / 1048576).toFixed(2)} MB`, '', 'goal ≤ 1.5 MB'],
  ];
  console.log('\n| measure | time | ratio | goal |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  await core.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
