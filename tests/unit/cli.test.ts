import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { tempDir } from './helpers';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('command line', () => {
  it('imports, lists, exports units and shows the agency on a given --db', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
    ws.addRow(['SNV', 'Sở Nội vụ', 'Sở, ban, ngành', '']);
    ws.addRow(['TTLT', 'Trung tâm Lưu trữ', 'Đơn vị sự nghiệp', 'SNV']);
    const file = path.join(dir, 'units.xlsx');
    await wb.xlsx.writeFile(file);

    const imp = await run(['units', 'import', file, '--db', db]);
    expect(imp).toMatchObject({ code: 0 });
    expect(imp.out).toContain('Đã nhập 2 đơn vị mới');

    const list = await run(['units', 'list', '--json', '--db', db]);
    expect(list.code).toBe(0);
    const units = JSON.parse(list.out) as { code: string; depth: number }[];
    expect(units.map((u) => [u.code, u.depth])).toEqual([
      ['SNV', 0],
      ['TTLT', 1],
    ]);

    const out = path.join(dir, 'xuat.xlsx');
    expect((await run(['units', 'export', out, '--db', db])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const agency = await run(['agency', 'show', '--json', '--db', db]);
    expect(JSON.parse(agency.out)).toMatchObject({ name: '', signers: [] });
  });

  it('exits non-zero with a Vietnamese message on a bad workbook and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'không phải excel');
    const r = await run(['units', 'import', bad, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không phải là bảng tính Excel');
    expect(JSON.parse((await run(['units', 'list', '--json', '--db', db])).out)).toEqual([]);
    expect((await run(['units', 'frobnicate', '--db', db])).code).toBe(1);
  });
});
