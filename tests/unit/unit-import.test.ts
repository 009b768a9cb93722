// The unit workbook: preview, all-or-nothing import, round trip, and every kind of bad file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Core } from '../../src/main/core/core';
import { commitUnitImport, exportUnitWorkbook, previewUnitImport } from '../../src/main/features/units/unit-import';
import { listUnits } from '../../src/main/features/units/units';
import { dataFingerprint, freshCore } from './helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(async () => {
  await core.close();
});

const HEADER = ['Mã', 'Tên đơn vị', 'Tên viết tắt', 'Loại', 'Mã đơn vị cấp trên', 'Email', 'Thứ tự', 'Hoạt động từ'];

async function book(rows: unknown[][], header: unknown[] = HEADER): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  if (header.length) ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const GOOD = [
  ['SNV', 'Sở Nội vụ', 'SNV', 'Sở, ban, ngành', '', 'snv@qn.gov.vn', 10, '01/07/2025'],
  ['TTLT', 'Trung tâm Lưu trữ lịch sử', '', 'Đơn vị sự nghiệp', 'SNV', '', '', ''],
  ['XHV', 'UBND xã Hòa Vang', 'Hòa Vang', 'UBND xã', '', '', 20, ''],
];

/** Imports must fail with `code`, a message that mentions `mention`, and change nothing. */
async function expectRefused(data: Uint8Array, code: string, mention: RegExp | string, fileName = 'don-vi.xlsx') {
  const before = await dataFingerprint(core);
  const err = await commitUnitImport(core.db, fileName, data).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(err, 'the import should have been refused').not.toBeNull();
  expect(err!.code).toBe(code);
  expect(err!.message).toMatch(mention);
  expect(await dataFingerprint(core)).toBe(before);
  return err!;
}

describe('unit workbook import', () => {
  it('previews then imports all rows with parents resolved, and round-trips through export', async () => {
    const data = await book(GOOD);
    const preview = await previewUnitImport(core.db, 'don-vi.xlsx', data);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(await listUnits(core.db)).toHaveLength(0); // a preview stores nothing
    expect(await commitUnitImport(core.db, 'don-vi.xlsx', data)).toEqual({ created: 3, updated: 0 });
    const list = await listUnits(core.db);
    expect(list.map((u) => [u.code, u.depth, u.kind])).toEqual([
      ['SNV', 0, 'so_nganh'],
      ['TTLT', 1, 'su_nghiep'],
      ['XHV', 0, 'ubnd_xa'],
    ]);
    expect(list[0]!.activeFrom).toBe('2025-07-01');

    const exported = await exportUnitWorkbook(core.db);
    const again = await previewUnitImport(core.db, 'xuat.xlsx', exported);
    expect(again.errors).toEqual([]);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('updates existing codes and counts them', async () => {
    await commitUnitImport(core.db, 'a.xlsx', await book(GOOD));
    const changed = await book([['XHV', 'UBND xã Hòa Vang (mới)', 'Hòa Vang', 'UBND xã', '', '', 20, '']]);
    expect(await commitUnitImport(core.db, 'b.xlsx', changed)).toEqual({ created: 0, updated: 1 });
    expect((await listUnits(core.db, { search: 'hoa vang' }))[0]!.name).toBe('UBND xã Hòa Vang (mới)');
  });

  it('refuses a file that is not a workbook', async () => {
    await expectRefused(
      new TextEncoder().encode('Mã,Tên\nA,B'),
      'NOT_XLSX',
      /không phải là bảng tính Excel/,
      'don-vi.csv',
    );
  });

  it('refuses an old .xls with advice', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(500).fill(0)]);
    await expectRefused(xls, 'XLS_OLD', /\.xls.*lưu lại/);
  });

  it('refuses a corrupt or truncated workbook', async () => {
    const good = await book(GOOD);
    await expectRefused(good.slice(0, Math.floor(good.length / 2)), 'CORRUPT_XLSX', /bị hỏng/);
    const zip = new JSZip();
    zip.file('hello.txt', 'xin chào');
    await expectRefused(await zip.generateAsync({ type: 'uint8array' }), 'NOT_XLSX', /thiếu phần xl\/workbook.xml/);
    await expectRefused(new Uint8Array(0), 'EMPTY_FILE', /rỗng/);
  });

  it('refuses a workbook without a header row', async () => {
    const err = await expectRefused(await book(GOOD, []), 'NO_HEADER', /không tìm thấy dòng tiêu đề/);
    expect(err.message).toContain('“Mã”');
  });

  it('names unknown columns with their letters', async () => {
    await expectRefused(
      await book(
        GOOD.map((r) => [...r, 'x']),
        [...HEADER, 'Ghi chú lạ'],
      ),
      'UNKNOWN_COLUMNS',
      /cột I “Ghi chú lạ”/,
    );
  });

  it('refuses duplicate codes, naming both rows', async () => {
    const err = await expectRefused(
      await book([...GOOD, ['SNV', 'Sở Nội vụ 2', '', 'Sở, ban, ngành']]),
      'IMPORT_ROWS',
      /Dòng 5.*trùng với dòng 2/,
    );
    expect(err.message).toContain('chưa nhập dòng nào');
  });

  it('refuses a parent that does not exist', async () => {
    await expectRefused(
      await book([['A', 'Đơn vị A', '', 'Khác', 'KHONG-CO']]),
      'IMPORT_ROWS',
      /Dòng 2.*Mã đơn vị cấp trên.*“KHONG-CO”/,
    );
  });

  it('refuses a cycle in the tree', async () => {
    await expectRefused(
      await book([
        ['A', 'Đơn vị A', '', 'Khác', 'B'],
        ['B', 'Đơn vị B', '', 'Khác', 'A'],
      ]),
      'IMPORT_ROWS',
      /vòng lặp/,
    );
  });

  it('reports every bad cell of a row with row and column', async () => {
    const data = await book([
      ['', 'Không mã', '', 'Khác'],
      ['B', 'Đơn vị B', '', 'Loại lạ'],
      ['C', 'Đơn vị C', '', 'Khác', '', 'không-phải-email'],
      ['D', 'Đơn vị D', '', 'Khác', '', '', -3, '31/02/2025'],
    ]);
    const preview = await previewUnitImport(core.db, 'x.xlsx', data);
    const messages = preview.errors.map((e) => e.message);
    expect(messages.some((m) => /^Dòng 2, cột A “Mã”: Mã đơn vị không được để trống/.test(m))).toBe(true);
    expect(messages.some((m) => /^Dòng 3, cột D “Loại”: loại “Loại lạ” không hợp lệ/.test(m))).toBe(true);
    expect(messages.some((m) => /^Dòng 4, cột F “Email”: Email không hợp lệ/.test(m))).toBe(true);
    expect(messages.some((m) => /^Dòng 5, cột G “Thứ tự”/.test(m))).toBe(true);
    expect(messages.some((m) => /^Dòng 5, cột H “Hoạt động từ”: ngày “31\/02\/2025” không hợp lệ/.test(m))).toBe(true);
    await expectRefused(data, 'IMPORT_ROWS', /có 5 lỗi/);
  });

  it('refuses a 100,000-row sheet without loading it whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(HEADER);
    for (let i = 0; i < 100_000; i++) ws.addRow([`U${i}`, `Đơn vị ${i}`, '', 'Khác']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const err = await expectRefused(data, 'TOO_MANY_ROWS', /quá nhiều dòng/);
    expect(err.message).toContain('20.000');
  }, 120_000);

  it('keeps odd Unicode sane: NFD names become NFC, zero-width marks vanish', async () => {
    await commitUnitImport(
      core.db,
      'u.xlsx',
      await book([['A1', '\u200BUBND xã Hòa Vang'.normalize('NFD'), '', 'UBND xã']]),
    );
    const [u] = await listUnits(core.db, { search: 'hoa vang' });
    expect(u!.name).toBe('UBND xã Hòa Vang');
  });
});
