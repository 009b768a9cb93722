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
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/main/db/schema';
import { openCore } from '../src/main/app';
import { folderPlatform } from '../src/main/platform/platform';
import { compileWindow, getCompileSettings } from '../src/main/features/compile/compile';
import { exportExcel, exportWord } from '../src/main/features/compile/compile-export';
import { getDraft } from '../src/main/features/compile/compile-draft';
import { getAgency } from '../src/main/features/agency/agency';
import { buildReportModel } from '../src/main/features/compile/report-document';
import { parseDocumentModel, type DocumentModel } from '../src/main/documents/model';
import { renderDocx } from '../src/main/documents/docx-writer';
import { writeSummaryWorkbook } from '../src/main/features/compile/summary-book';
import { exportReportInput, windowInput } from '../src/shared/contract/compile';
import type { Aggregation } from '../src/shared/model/compile';
import { KINDS, PERIODS, seed } from './lib/seed';

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

// ——— Raw SQL: the same totals, by hand, for this data set (expected = every unit of the three kinds) ———

interface RawGroup {
  kind: string;
  code: string;
  expected: number;
  total: string | null;
  n: number;
  yes: number;
}

async function rawTotals(db: Kysely<DB>, periodId: number) {
  const kinds = sql.join(KINDS);
  const groups = await sql<RawGroup>`
    SELECT u.kind AS kind, v.field_key AS code, u.kind IN (${kinds}) AS expected, CAST(SUM(v.int_value) AS TEXT) AS total,
      COUNT(v.int_value) AS n, COUNT(CASE WHEN v.int_value = 1 THEN 1 END) AS yes, COUNT(CASE WHEN v.int_value > 0 THEN 1 END) AS positive
    FROM reports r JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
    WHERE r.period_id = ${periodId} AND r.status IN ('da_nop', 'da_duyet')
    GROUP BY 1, 2, 3`.execute(db);
  const units = await sql<{
    id: number;
    code: string;
    name: string;
    kind: string;
    status: string | null;
    received_date: string | null;
  }>`
    SELECT u.id, u.code, u.name, u.kind, r.status, r.received_date FROM units u LEFT JOIN reports r ON r.unit_id = u.id AND r.period_id = ${periodId}
    WHERE u.kind IN (${kinds}) ORDER BY u.sort_order, u.code`.execute(db);
  return { groups: groups.rows, units: units.rows };
}

/** Each unit's values of a period, one row per unit. */
async function rawUnitValues(db: Kysely<DB>, periodId: number) {
  const r = await sql<{ unit_id: number; vals: string }>`
    SELECT r.unit_id, json_group_object(v.field_key, COALESCE(v.int_value, v.dec_value)) AS vals FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id = ${periodId} AND r.status IN ('da_nop', 'da_duyet') AND v.text_value IS NULL GROUP BY r.unit_id`.execute(
    db,
  );
  return r.rows.map((row) => ({
    unitId: row.unit_id,
    values: JSON.parse(row.vals) as Record<string, number | string>,
  }));
}

/** The raw totals must be the app's: SUM, SHARE and RATE parts, reporting counts. */
function checkSame(app: Aggregation, raw: Awaited<ReturnType<typeof rawTotals>>): void {
  const sum = (code: string, expectedOnly = false, f: (g: RawGroup) => number | bigint = (g) => BigInt(g.total ?? 0)) =>
    raw.groups.filter((g) => g.code === code && (!expectedOnly || g.expected)).reduce((a, g) => a + BigInt(f(g)), 0n);
  for (const i of app.indicators) {
    const fail = (what: string, a: unknown, b: unknown) => {
      throw new Error(`raw SQL ≠ app: ${i.code} ${what}: ${String(a)} vs ${String(b)}`);
    };
    if (i.rule === 'SUM' && i.value !== null && String(sum(i.code)) !== i.value) fail('SUM', sum(i.code), i.value);
    if (i.rule === 'SHARE' && String(sum(i.code, true, (g) => g.yes)) !== i.numerator)
      fail(
        'SHARE yes',
        sum(i.code, true, (g) => g.yes),
        i.numerator,
      );
    if (
      i.rule === 'RATE' &&
      (String(sum(i.numeratorCode!)) !== i.numerator || String(sum(i.denominatorCode!)) !== i.denominator)
    )
      fail('RATE parts', sum(i.numeratorCode!), i.numerator);
  }
  const reported = raw.units.filter((u) => u.status === 'da_nop' || u.status === 'da_duyet').length;
  if (reported !== app.status.reported || raw.units.length !== app.status.expected)
    throw new Error(
      `raw SQL ≠ app: reporting ${reported}/${raw.units.length} vs ${app.status.reported}/${app.status.expected}`,
    );
}

// ——— Raw docx: the model's paragraphs and tables, packed with no layout of the app's ———

const A4 = { width: 11906, height: 16838 };
const MARGINS = { left: 1701, right: 1134, top: 1134, bottom: 1134 };

function rawDocx(model: DocumentModel): Promise<Buffer> {
  const text = (v: unknown): string =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map((r: { text: string }) => r.text).join('') : String(v);
  const cellText = (c: unknown): string =>
    typeof c === 'object' && c !== null ? String((c as { text: unknown }).text) : String(c);
  const span = (c: unknown): number =>
    typeof c === 'object' && c !== null ? ((c as { colSpan?: number }).colSpan ?? 1) : 1;
  const blocks = (body: DocumentModel['body'], width: number): (Paragraph | Table)[] =>
    body.flatMap((b): (Paragraph | Table)[] => {
      switch (b.kind) {
        case 'heading':
          return [new Paragraph({ children: [new TextRun({ text: `${b.number}. ${b.title}`, bold: true })] })];
        case 'paragraph':
        case 'basis':
          return [new Paragraph(text(b.text))];
        case 'list':
          return b.items.map((item) => new Paragraph(`- ${text(item)}`));
        case 'part':
          return [new Paragraph(`${b.label} ${b.title}`)];
        case 'pageBreak':
          return [];
        case 'table': {
          const rel = b.widths ?? (b.header[0] ?? b.rows[0] ?? []).map(() => 1);
          const total = rel.reduce((a, x) => a + x, 0);
          const widths = rel.map((w) => Math.floor((w / total) * width));
          const row = (cells: unknown[], header: boolean) => {
            let col = 0;
            return new TableRow({
              tableHeader: header || undefined,
              children: cells.map((c) => {
                const n = span(c);
                const w = widths.slice(col, col + n).reduce((a, x) => a + x, 0);
                col += n;
                return new TableCell({
                  width: { size: w, type: WidthType.DXA },
                  columnSpan: n > 1 ? n : undefined,
                  children: [new Paragraph(cellText(c))],
                });
              }),
            });
          };
          return [
            ...(b.title ? [new Paragraph(b.title)] : []),
            new Table({
              columnWidths: widths,
              rows: [...b.header.map((r) => row(r, true)), ...b.rows.map((r) => row(r, false))],
            }),
            new Paragraph(b.note ?? ''),
          ];
        }
      }
    });
  const portrait = A4.width - MARGINS.left - MARGINS.right;
  const landscape = A4.height - MARGINS.left - MARGINS.right;
  const h = model.header;
  const first = [
    h.parentAgency,
    h.agency,
    `Số: /${h.symbol}`,
    `${h.place}, ngày ${h.date}`,
    model.type.toUpperCase(),
    model.summary,
    `Kính gửi: ${model.to.join('; ')}`,
  ].map((t) => new Paragraph(t));
  const last = [model.signature.title, model.signature.fullName, 'Nơi nhận:', ...model.recipients.entries].map(
    (t) => new Paragraph(t),
  );
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: A4, margin: MARGINS } },
        children: [...first, ...blocks(model.body, portrait), ...last],
      },
      ...(model.annexes ?? []).map((a) => {
        const wide = a.orientation === 'landscape';
        return {
          properties: {
            page: {
              size: { ...A4, orientation: wide ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
              margin: MARGINS,
            },
          },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: `Phụ lục ${a.number}`, bold: true })],
            }),
            new Paragraph(a.title),
            ...blocks(a.body, wide ? landscape : portrait),
          ],
        };
      }),
    ],
  });
  return Packer.toBuffer(doc);
}

// ——— Raw exceljs: the app's workbook read back once (untimed) into plain cells, then written ———

interface SheetCopy {
  name: string;
  cells: { r: number; c: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[];
  merges: string[];
  widths: (number | undefined)[];
  heights: [number, number][];
  views: Partial<ExcelJS.WorksheetView>[];
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}

async function snapshot(bytes: Uint8Array): Promise<SheetCopy[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return wb.worksheets.map((ws) => {
    const cells: SheetCopy['cells'] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const key = JSON.stringify(cell.style);
        if (!styles.has(key)) styles.set(key, JSON.parse(key) as Partial<ExcelJS.Style>);
        cells.push({ r, c, value: cell.value, style: styles.get(key)! });
      }),
    );
    const heights: [number, number][] = [];
    ws.eachRow((row, r) => row.height && heights.push([r, row.height]));
    return {
      name: ws.name,
      cells,
      merges: (ws.model as { merges: string[] }).merges,
      widths: Array.from({ length: ws.columnCount }, (_, k) => ws.getColumn(k + 1).width),
      heights,
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
    };
  });
}

async function rawXlsx(sheets: SheetCopy[]): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: s.views, pageSetup: s.pageSetup, headerFooter: s.headerFooter });
    for (const m of s.merges) ws.mergeCells(m);
    for (const x of s.cells) {
      const cell = ws.getRow(x.r).getCell(x.c);
      cell.value = x.value;
      cell.style = x.style;
    }
    s.widths.forEach((w, k) => w && (ws.getColumn(k + 1).width = w));
    for (const [r, h] of s.heights) ws.getRow(r).height = h;
  }
  return wb.xlsx.writeBuffer();
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
  const args = windowInput.parse({ periodIds: [last], today: '2026-01-01' });
  const wordArgs = exportReportInput.parse({ periodIds: [last], today: '2026-01-01', takeNumber: false });

  // Consolidate: totals only, then with each unit's values (the by-unit view).
  const [totals, rawTot] = await timePair(
    () => compileWindow(core.db, args, { detail: false }),
    async () => [await rawTotals(core.db, last), await rawTotals(core.db, lastYear)] as const,
    9,
  );
  checkSame(totals.value.current, rawTot.value[0]);
  checkSame(totals.value.previous!, rawTot.value[1]);
  const [detail, rawDetail] = await timePair(
    () => compileWindow(core.db, args),
    async () =>
      [await rawTotals(core.db, last), await rawTotals(core.db, lastYear), await rawUnitValues(core.db, last)] as const,
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
      await rawTotals(core.db, last);
      await rawTotals(core.db, lastYear);
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
      await rawTotals(core.db, last);
      await rawTotals(core.db, lastYear);
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
  await core.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
