// Collect workbooks through other programs: re-saved by LibreOffice they still import, and openpyxl
// (an independent reader) sees the protection, validations and hidden layout the app wrote.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { MAX_TEXT_LENGTH } from '../../src/main/features/collect/collect-cells';
import { freshCore, tempDir } from '../unit/helpers';
import { fillWorkbook, filesIn, readBytes, setupCollect, type CollectSetup } from '../unit/collect-helpers';
import { officeProfile, profileArg } from './documents-helpers';

let core: Core;
let dir: string;
let s: CollectSetup;
let out: string;

beforeEach(async () => {
  dir = tempDir('bcnv-collect-');
  core = await freshCore(dir);
  s = await setupCollect(core.db, 3);
  out = path.join(dir, 'out');
  await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const book = (i: number) => readBytes(filesIn(out)[i]!);
const analyze = (files: { fileName: string; data: Uint8Array }[], periodId = s.period.id) =>
  analyzeCollect(core, periodId, files);

describe('other programs', () => {
  it('a workbook re-saved by LibreOffice still imports; openpyxl sees protection, validations and the hidden layout', async () => {
    const lo = path.join(dir, 'lo');
    fs.mkdirSync(lo);
    const src = path.join(lo, 'don-vi.xlsx');
    fs.writeFileSync(
      src,
      await fillWorkbook(book(0), {
        DT01: 3,
        DT02: 10,
        DT03: 9,
        LD04: 'Không',
        TX05: 'Ghi chú: “đoàn kết”',
        'muc:I': 'Nội dung mục I',
      }),
    );
    const conv = path.join(lo, 'conv');
    const r = spawnSync(
      'libreoffice',
      ['--headless', profileArg(officeProfile('collect')), '--convert-to', 'xlsx', '--outdir', conv, src],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const resaved = readBytes(path.join(conv, 'don-vi.xlsx'));
    expect(Buffer.compare(Buffer.from(resaved), fs.readFileSync(src))).not.toBe(0);
    const review = await analyze([{ fileName: 'libreoffice.xlsx', data: resaved }]);
    const item = review.items[0]!;
    expect(item.problems).toEqual([]);
    expect(Object.fromEntries(item.changes.map((c) => [c.key, c.newValue]))).toEqual({
      DT01: '3',
      DT02: '10',
      DT03: '9',
      LD04: '0',
      TX05: 'Ghi chú: “đoàn kết”',
      'muc:I': 'Nội dung mục I',
    });

    const py = spawnSync(
      '/usr/bin/python3',
      [path.join(__dirname, '..', 'tools', 'check_collect_xlsx.py'), filesIn(out)[0]!],
      { encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const report = JSON.parse(py.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      sheets: ['Hướng dẫn', 'Nhập liệu', 'bcnv_meta'],
      states: { 'Hướng dẫn': 'visible', 'Nhập liệu': 'visible', bcnv_meta: 'veryHidden' },
      protected: { 'Hướng dẫn': true, 'Nhập liệu': true, bcnv_meta: true },
      metaFormat: 'bao-cao-noi-vu/bieu-nhap-lieu',
      paperSize: 9,
      fitToWidth: 1,
      printTitleRows: '$5:$5',
      font: 'Times New Roman',
    });
    const v = report.validations as Record<string, number>;
    expect(v.whole).toBe(23); // every count
    expect(v.list).toBe(3); // LD04, DC02, DV04
    expect(v.textLength).toBe(1 + 12); // TX05 (Ghi chú) and the twelve narrative sections
    expect(report.unlockedInputs).toBe(23 + 3 + 1 + 12);
    expect(report.lockedFormulas).toBe(3 + 5); // three rates, five rule checks
    expect(report.conditionalFormats).toBeGreaterThanOrEqual(10);
    expect(report.maxTextLength).toBe(MAX_TEXT_LENGTH);
  }, 180_000);
});
