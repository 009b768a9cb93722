// The stamped collection workbooks in openpyxl's eyes: every cell, style, validation, protection
// and print setting the same as in the book exceljs writes from scratch.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { buildCollectWorkbook } from '../../src/main/features/collect/collect-book';
import { collectStamper, type StampCommon } from '../../src/main/features/collect/collect-stamp';
import { freshCore, tempDir } from '../unit/helpers';
import { cases, stampCommon } from '../unit/collect-stamp-cases';

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
  it.each(cases)('$label: openpyxl reads the same book as exceljs writes from scratch', async ({ unit, values }) => {
    const stamper = await collectStamper(common);
    const stamped = await stamper.book(unit, values);
    const scratch = await buildCollectWorkbook({ ...common, unit, values });

    // openpyxl: every cell, style, validation, protection and print setting.
    const fa = path.join(dir, 'stamped.xlsx');
    const fb = path.join(dir, 'scratch.xlsx');
    fs.writeFileSync(fa, stamped);
    fs.writeFileSync(fb, scratch);
    const dump = (f: string) =>
      JSON.parse(
        execFileSync('/usr/bin/python3', [path.resolve('tests/tools/dump_xlsx.py'), f], {
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        }),
      ) as unknown[];
    expect(dump(fa)).toEqual(dump(fb));
  });
});
