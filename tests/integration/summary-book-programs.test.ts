// The summary workbook as other programs see it, written by the fast writer (workbooks/xlsx-write.ts)
// and by exceljs's own writer: openpyxl reads the same cells, styles, merges, sizes and print setup
// from both; LibreOffice, recalculating every formula, gets the same values from both; and the
// fast one is printed to PDF and PNG pages (test-output/summary-book/) for people to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { getDraft } from '../../src/main/features/compile/compile-draft';
import { getAgency } from '../../src/main/features/agency/agency';
import { buildSummaryWorkbook, type SummaryInput } from '../../src/main/features/compile/summary-book';
import { writeWorkbook } from '../../src/main/workbooks/xlsx-write';
import { windowInput } from '../../src/shared/contract/compile';
import { seedCompile } from '../unit/compile-fixture';
import { freshCore, tempDir } from '../unit/helpers';
import { manyUnits, nasty } from '../unit/summary-book-cases';
import {
  officeProfile,
  pageText,
  pdfPageCount,
  pdfPageSize,
  profileArg,
  toPngs,
  writeRecalcProfile,
} from './documents-helpers';

const OUT = path.resolve('test-output/summary-book');
let core: Core;
let dir: string;
let base: SummaryInput;

beforeAll(async () => {
  dir = tempDir('bcnv-summary-programs-');
  core = await freshCore(dir);
  const fx = await seedCompile(core);
  const view = await getDraft(core.db, windowInput.parse({ periodIds: [fx.period2025], today: '2025-07-01' }));
  base = { agency: await getAgency(core.db), title: view.rendered.title, compile: view.compile };
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const py = (script: string, ...args: string[]) =>
  execFileSync('/usr/bin/python3', [path.resolve('tests/tools', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

/** The book written both ways, as files `<name>-nhanh.xlsx` (fast) and `<name>-exceljs.xlsx`. */
async function bothFiles(name: string, input: SummaryInput): Promise<[string, string]> {
  const at = new Date('2025-07-01T08:30:00Z');
  const build = () => {
    const wb: ExcelJS.Workbook = buildSummaryWorkbook(input);
    wb.created = at;
    wb.modified = at;
    return wb;
  };
  const fast = path.join(OUT, `${name}-nhanh.xlsx`);
  const old = path.join(OUT, `${name}-exceljs.xlsx`);
  fs.writeFileSync(fast, await writeWorkbook(build()));
  fs.writeFileSync(old, new Uint8Array((await build().xlsx.writeBuffer()) as ArrayBuffer));
  return [fast, old];
}

/** LibreOffice recalculates every formula of each file and saves it again; openpyxl reads the values. */
function libreOfficeValues(files: string[], name: string): unknown[] {
  const profile = officeProfile(`summary-${name}`);
  writeRecalcProfile(profile);
  const lo = path.join(OUT, `lo-${name}`);
  execFileSync('libreoffice', [profileArg(profile), '--headless', '--convert-to', 'xlsx', '--outdir', lo, ...files], {
    timeout: 600_000,
    stdio: 'pipe',
  });
  return files.map((f) => JSON.parse(py('check_xlsx.py', '--values', path.join(lo, path.basename(f)))) as unknown);
}

describe('the summary workbook written fast, in openpyxl and LibreOffice', () => {
  it.each([
    ['mau', () => base],
    ['ky-tu-kho', () => nasty(base)],
  ])(
    '%s: openpyxl reads the same book both ways; LibreOffice computes the same values',
    async (name, input) => {
      const [fast, old] = await bothFiles(name, input());
      expect(py('dump_xlsx.py', fast)).toBe(py('dump_xlsx.py', old));
      const [a, b] = libreOfficeValues([fast, old], name);
      expect(a).toEqual(b);
      // the totals LibreOffice computed are there: the sheet by unit ends in its sums
      expect(JSON.stringify(a)).toContain('Tổng cộng');
    },
    0,
  );

  it('1,000 units with awkward texts: the same in openpyxl and in LibreOffice', async () => {
    const [fast, old] = await bothFiles('1000-don-vi', nasty(manyUnits(base, 1000)));
    expect(py('dump_xlsx.py', fast)).toBe(py('dump_xlsx.py', old));
    const [a, b] = libreOfficeValues([fast, old], '1000');
    expect(a).toEqual(b);
  }, 0);

  it('prints on landscape pages with the header rows repeated (PNG pages to look at)', async () => {
    const [fast] = await bothFiles('mau-in', base);
    const pdfDir = path.join(OUT, 'pdf');
    execFileSync(
      'libreoffice',
      [profileArg(officeProfile('summary-pdf')), '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, fast],
      { timeout: 600_000, stdio: 'pipe' },
    );
    const pdf = path.join(pdfDir, path.basename(fast).replace(/\.xlsx$/, '.pdf'));
    const pages = pdfPageCount(pdf);
    // four sheets, the one by unit across A3 pages
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let k = 1; k <= pages; k++) {
      expect(pdfPageSize(pdf, k).width).toBeGreaterThan(pdfPageSize(pdf, k).height);
      expect(pageText(pdf, k)).toContain('STT');
    }
    expect(pageText(pdf, 1)).toContain(base.agency.name);
    expect(pageText(pdf, 1)).toContain('Cách tổng hợp');
    expect(toPngs(pdf, path.join(OUT, 'png'), 60).length).toBe(pages);
  }, 0);
});
