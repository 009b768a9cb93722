// Unit register at scale: 5,000 units imported from a workbook, listed, searched.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openCore } from '../src/main/app';
import { folderPlatform } from '../src/main/platform/platform';
import { commitUnitImport, exportUnitWorkbook } from '../src/main/features/units/unit-import';
import { listUnits } from '../src/main/features/units/units';
import fs from 'node:fs';
import os from 'node:os';
import { recordGoal } from './lib/summary';

/** Timed and shown (the screens' goals are in bench/screens.ts: 10 against 1,000 units). */
async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`);
  recordGoal('units', label, `${ms.toFixed(0)} ms`, 'shown', null);
  return r;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-'));
  const core = await openCore({ dbPath: path.join(dir, 'bench.db'), platform: folderPlatform(dir) });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
  for (let i = 0; i < 5000; i++)
    ws.addRow([`U${i}`, `UBND xã Số ${i} Điện Bàn`, 'UBND xã', i >= 100 ? `U${i % 100}` : '']);
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  await time('import 5,000 units (preview + commit)', () => commitUnitImport(core.db, 'bench.xlsx', data));
  await time('list 5,000 units as a tree', () => listUnits(core.db));
  await time('search "dien ban 42" over 5,000', () => listUnits(core.db, { search: 'dien ban 42' }));
  await time('export 5,000 units to .xlsx', () => exportUnitWorkbook(core.db));
  await core.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
