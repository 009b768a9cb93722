// `units reorganise` (preview by default, --apply), `units lineage`, list and undo, on a real file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { mappingWorkbook, provinceMapping, seedProvince } from './reorganise-fixture';
import { cliDatabase, freshCore, tempDir } from './helpers';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('bcnv-reorg-cli-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The province's register on a new database, closed so the CLI opens it as another process would. */
async function seeded(): Promise<void> {
  const core = await freshCore({ dir });
  await seedProvince(core.db);
  db = cliDatabase(core);
  await core.close();
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reorganisation CLI', () => {
  it('previews, applies, shows lineage, lists and undoes', async () => {
    await seeded();
    const file = path.join(dir, 'phu-luc.xlsx');
    fs.writeFileSync(file, await mappingWorkbook(provinceMapping()));

    const preview = await run('units', 'reorganise', file, '--date', '2025-07-01');
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/190 đơn vị cũ → tạo 40 đơn vị mới, thôi hoạt động 180/);
    expect(preview.out).toMatch(/Tạo\tX1-3\tUBND xã Mới 1-3\tUBND phường\t← H1X11, H1X12, H1X13, H1X14, H1X15/);
    expect(preview.out).toMatch(/Chỉ xem trước: chưa thay đổi gì/);
    expect((await run('units', 'list')).out.split('\n')).toHaveLength(200);

    const applied = await run('units', 'reorganise', file, '--date', '2025-07-01', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Đã thực hiện lần sắp xếp số 1/);

    const lineage = await run('units', 'lineage', 'H1X18');
    expect(lineage.out).toBe(
      [
        'H1X18 — UBND xã 1.18',
        'Chuyển sang:',
        '  Chia tách từ 01/07/2025 (60%): X1-1 — UBND xã Mới 1-1',
        '  Chia tách từ 01/07/2025 (40%): X1-2 — UBND xã Mới 1-2',
      ].join('\n'),
    );
    expect((await run('units', 'lineage', 'X2-16')).out).toMatch(/Hình thành từ:\n {2}Đổi tên từ 01\/07\/2025: H2X16/);
    expect((await run('units', 'reorganisations')).out).toMatch(/^1\t01\/07\/2025\tSắp xếp 190 đơn vị/);

    // Nothing names the old units (no plan, period or round yet): nothing to re-point.
    expect((await run('units', 'repoint')).out).toBe(
      'Lần sắp xếp số 1 (từ ngày 01/07/2025): 0 đề xuất chuyển sang đơn vị mới; 0 kỳ báo cáo đã kết thúc trước ngày này giữ nguyên đơn vị cũ.',
    );
    const undone = await run('units', 'reorganise-undo', '1');
    expect(undone.out).toBe('Đã hoàn tác: khôi phục 191 đơn vị, bỏ 40 đơn vị mới.');
    expect((await run('units', 'lineage', 'H1X18')).out).toMatch(/Chưa qua lần sắp xếp nào/);
  });

  it('shows the errors of a bad annex and exits 2 without applying', async () => {
    await seeded();
    const rows = provinceMapping();
    rows[0] = { ...rows[0]!, oldCode: 'KHONGCO' };
    const file = path.join(dir, 'sai.xlsx');
    fs.writeFileSync(file, await mappingWorkbook(rows));
    const r = await run('units', 'reorganise', file, '--apply');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Lỗi: Dòng 4, cột B “Mã đơn vị cũ”: không có đơn vị mã “KHONGCO”/);
    expect((await run('units', 'reorganisations')).out).toBe('');
  });
});
