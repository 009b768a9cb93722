// The stamped workbooks (one exceljs build per period, each unit stamped into a copy of the
// package) read back exactly like the books exceljs writes from scratch: the same cells, styles,
// validations, protection and hidden layout in openpyxl's eyes, and the same reading in the app.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { buildCollectWorkbook } from '../../src/main/features/collect/collect-book';
import { collectStamper, type StampCommon } from '../../src/main/features/collect/collect-stamp';
import { readCollectWorkbook } from '../../src/main/features/collect/collect-reader';
import { getAgency } from '../../src/main/features/agency/agency';
import { getPeriod } from '../../src/main/features/periods/periods';
import { getTemplate } from '../../src/main/features/templates/templates';
import { bookSecret } from '../../src/main/features/safety/settings';
import type { ValueMap } from '../../src/shared/model/report';
import { freshCore, tempDir } from './helpers';
import { setupCollect } from './collect-helpers';

let core: Core;
let dir: string;
let common: StampCommon;

beforeAll(async () => {
  dir = tempDir('bcnv-stamp-');
  core = await freshCore(dir);
  const s = await setupCollect(core.db, 1);
  const period = await getPeriod(core.db, s.period.id);
  common = {
    agency: await getAgency(core.db),
    period,
    template: await getTemplate(core.db, period.templateId),
    generatedAt: '2025-06-20T03:04:05.000Z',
    secret: await bookSecret(core.db),
  };
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cases: {
  label: string;
  unit: { id: number; code: string; name: string; shortName: string };
  values: ValueMap;
}[] = [
  { label: 'empty', unit: { id: 1, code: 'X001', name: 'Xã Tam Xuân', shortName: '' }, values: {} },
  {
    label: 'filled, with a rate, yes/no, text and narrative',
    unit: { id: 42, code: 'P_07', name: 'Phường Hội An', shortName: 'Hội An' },
    values: {
      LD01: '3',
      LD04: '1',
      DC02: '0',
      DT01: '2',
      DT02: '20',
      DT03: '15',
      HC01: '1234567',
      TX05: ' Có & <b> "nháy" \'đơn\'\nxuống dòng ',
      'muc:I': 'Đã ban hành kế hoạch.',
      'muc:II.1': '=1+1 không phải công thức',
    },
  },
  {
    label: 'a long name with markup characters (taller cover row)',
    unit: {
      id: 7,
      code: 'X-9',
      name: `Xã & <Hòa> "Bình" 'Tây' ${'rất dài '.repeat(12)}`.trim(),
      shortName: '',
    },
    values: { DT02: '8', DT03: '3', HC02: '0' },
  },
  {
    label: 'a code read as a formula (built from scratch)',
    unit: { id: 8, code: '-X8', name: 'Xã Âm', shortName: '' },
    values: { LD02: '1' },
  },
];

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
