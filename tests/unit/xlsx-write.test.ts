// The fast workbook writer (workbooks/xlsx-write.ts) against exceljs's own `writeBuffer` on the same
// workbook: every part of the package byte for byte, and both packages read back by exceljs cell by
// cell (values, formulas, number formats, fonts, borders, fills, alignment, merges, widths, heights,
// frozen panes, page setup, print titles). The corpus: the Tổng hợp summary of the compile fixture,
// the same with XML-special and control characters, lone surrogates and risky texts everywhere a
// text goes, 1,000 units, no units, a reorganisation footnote; and a book exercising what the row
// writer writes and what it leaves to exceljs.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { getDraft } from '../../src/main/features/compile/compile-draft';
import { getAgency } from '../../src/main/features/agency/agency';
import { buildSummaryWorkbook, type SummaryInput } from '../../src/main/features/compile/summary-book';
import { writeWorkbook, writesRows } from '../../src/main/workbooks/xlsx-write';
import { windowInput } from '../../src/shared/contract/compile';
import { seedCompile } from './compile-fixture';
import { manyUnits, NASTY, nasty } from './summary-book-cases';
import { freshCore, tempDir } from './helpers';

let core: Core;
let dir: string;
let base: SummaryInput;

beforeAll(async () => {
  dir = tempDir('bcnv-xlsx-write-');
  core = await freshCore(dir);
  const fx = await seedCompile(core);
  const view = await getDraft(core.db, windowInput.parse({ periodIds: [fx.period2025], today: '2025-07-01' }));
  base = { agency: await getAgency(core.db), title: view.rendered.title, compile: view.compile };
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = new Date('2025-07-01T08:30:00Z');

/** The package's parts by name, as bytes (folders as empty entries). */
async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) out.set(f.name, f.dir ? new Uint8Array() : await f.async('uint8array'));
  return out;
}

/** Both writers on two builds of the same book (exceljs's writer changes nothing we read, but to be sure). */
async function bothWays(build: () => ExcelJS.Workbook): Promise<[Uint8Array, Uint8Array]> {
  const fix = (wb: ExcelJS.Workbook) => {
    wb.created = AT;
    wb.modified = AT;
    return wb;
  };
  const fast = await writeWorkbook(fix(build()));
  const old = new Uint8Array((await fix(build()).xlsx.writeBuffer()) as ArrayBuffer);
  return [fast, old];
}

async function expectSameParts(fast: Uint8Array, old: Uint8Array): Promise<void> {
  const a = await parts(fast);
  const b = await parts(old);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of b) {
    const mine = a.get(name)!;
    // compared as text first for a readable failure, then byte for byte
    expect(Buffer.from(mine).toString('latin1'), name).toBe(Buffer.from(bytes).toString('latin1'));
    expect(Buffer.compare(mine, bytes), name).toBe(0);
  }
}

/** Everything exceljs reads back from a package, sheet by sheet and cell by cell. */
async function readBack(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    const heights: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      heights.push([r, row.height, row.hidden]);
      row.eachCell({ includeEmpty: true }, (cell, c) =>
        cells.push([
          r,
          c,
          cell.type,
          cell.value,
          cell.formula,
          cell.numFmt,
          cell.font,
          cell.border,
          cell.fill,
          cell.alignment,
        ]),
      );
    });
    return {
      name: ws.name,
      cells,
      heights,
      merges: (ws.model as { merges: string[] }).merges,
      widths: Array.from({ length: ws.columnCount }, (_, k) => ws.getColumn(k + 1).width),
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
    };
  });
}

async function expectSameBook(build: () => ExcelJS.Workbook, fastPath = true): Promise<void> {
  expect(writesRows(build())).toBe(fastPath);
  const [fast, old] = await bothWays(build);
  await expectSameParts(fast, old);
  expect(await readBack(fast)).toEqual(await readBack(old));
}

describe('the summary workbook: the fast writer writes what exceljs writes', () => {
  it('the compile fixture', async () => {
    await expectSameBook(() => buildSummaryWorkbook(base));
  });

  it('XML-special and control characters, lone surrogates, risky and long texts', async () => {
    await expectSameBook(() => buildSummaryWorkbook(nasty(base)));
  });

  it('1,000 units', async () => {
    const input = manyUnits(base, 1000);
    expect(writesRows(buildSummaryWorkbook(input))).toBe(true);
    const [fast, old] = await bothWays(() => buildSummaryWorkbook(input));
    await expectSameParts(fast, old);
  }, 0);

  it('1,000 units with nasty texts, read back cell by cell', async () => {
    await expectSameBook(() => buildSummaryWorkbook(nasty(manyUnits(base, 1000))));
  }, 0);

  it('no units, no last year, a reorganisation footnote', async () => {
    const c = structuredClone(base.compile);
    c.current.units = [];
    c.previous = null;
    c.comparison = [];
    c.folding = { footnote: 'Đơn vị A & B <sáp nhập>', acts: [], units: [], dropped: [], notComparable: {} };
    await expectSameBook(() => buildSummaryWorkbook({ ...base, compile: c }));
  });
});

describe('any workbook', () => {
  /** What the row writer writes: numbers of every kind, texts, formulas and their results, row styles, merges. */
  const rowsBook = () => {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'A & B';
    const ws = wb.addWorksheet("Sổ 'một' & <hai>", { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
    const numbers = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345, Number.MAX_SAFE_INTEGER];
    numbers.forEach((v, k) => (ws.getCell(k + 1, 1).value = v));
    NASTY.forEach((t, k) => (ws.getCell(k + 1, 2).value = t));
    ws.getCell(1, 3).value = { formula: 'A1+A2', result: 3 };
    ws.getCell(2, 3).value = { formula: 'IF(A1="","",A1)', result: '' };
    ws.getCell(3, 3).value = { formula: 'B1&"<&>"', result: 'x<&>' };
    ws.getCell(4, 3).value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell(5, 3).numFmt = '0.00%';
    ws.getRow(6).font = { bold: true, name: 'Times New Roman' };
    ws.getRow(7).height = 40;
    ws.getRow(7).hidden = true;
    ws.getRow(8).outlineLevel = 1;
    ws.mergeCells('D1:F3');
    ws.mergeCells('D5:D9');
    ws.getCell('D1').value = 'merged';
    ws.getCell('D1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    ws.getCell(20, 30).value = 1;
    ws.getColumn(2).width = 30;
    ws.pageSetup = { orientation: 'landscape', printTitlesRow: '1:2', printTitlesColumn: 'A:B', fitToPage: true };
    wb.addWorksheet('trống một ô').getCell('B2').value = 'x';
    return wb;
  };

  it('numbers, texts, formulas, row styles, merges, sheet names to quote', async () => {
    await expectSameBook(rowsBook);
  });

  it('hands what it does not write to exceljs: dates, rich text, booleans, validations', async () => {
    for (const add of [
      (ws: ExcelJS.Worksheet) => (ws.getCell('A1').value = new Date('2025-01-02T00:00:00Z')),
      (ws: ExcelJS.Worksheet) => (ws.getCell('A1').value = { richText: [{ text: 'a', font: { bold: true } }] }),
      (ws: ExcelJS.Worksheet) => (ws.getCell('A1').value = true),
      (ws: ExcelJS.Worksheet) => (ws.getCell('A1').dataValidation = { type: 'list', formulae: ['"a,b"'] }),
    ]) {
      await expectSameBook(() => {
        const wb = rowsBook();
        add(wb.worksheets[0]!);
        return wb;
      }, false);
    }
  });
});
