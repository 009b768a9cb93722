// The stamped workbooks (one exceljs build per period, each unit stamped into a copy of the
// package) read back exactly like the books exceljs writes from scratch in the app; openpyxl's
// reading of both: tests/integration/collect-stamp.test.ts.
import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { buildCollectWorkbook } from '../../src/main/features/collect/collect-book';
import { collectStamper, type StampCommon } from '../../src/main/features/collect/collect-stamp';
import { readCollectWorkbook } from '../../src/main/features/collect/collect-reader';
import { freshCore, tempDir } from './helpers';
import { cases, stampCommon } from './collect-stamp-cases';

let core: Core;
let dir: string;
let common: StampCommon;

beforeAll(async () => {
  dir = tempDir('bcnv-stamp-');
  core = await freshCore(dir);
  common = await stampCommon(core);
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('stamped collection workbooks', () => {
  it.each(cases)('$label: the same book as exceljs writes from scratch', async ({ unit, values }) => {
    const stamper = await collectStamper(common);
    const stamped = await stamper.book(unit, values);
    const scratch = await buildCollectWorkbook({ ...common, unit, values });

    // The app's reader: same layout, seal, unit and cells.
    const a = await readCollectWorkbook('a.xlsx', stamped, common.secret);
    const b = await readCollectWorkbook('a.xlsx', scratch, common.secret);
    expect(a).toEqual(b);
    expect(a.layout.unitId).toBe(unit.id);

    // The same parts, in the same order; a zip every reader takes (CRCs checked by JSZip).
    const names = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes, { checkCRC32: true })).files);
    expect(await names(stamped)).toEqual(await names(scratch));
  });

  it('rewrites only the parts that carry the unit', async () => {
    const stamper = await collectStamper(common);
    const one = await JSZip.loadAsync(await stamper.book(cases[0]!.unit, {}));
    const two = await JSZip.loadAsync(await stamper.book(cases[1]!.unit, cases[1]!.values));
    const differing: string[] = [];
    for (const name of Object.keys(one.files).filter((n) => !one.files[n]!.dir))
      if ((await one.file(name)!.async('string')) !== (await two.file(name)!.async('string'))) differing.push(name);
    expect(differing.sort()).toEqual(['xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
  });
});
