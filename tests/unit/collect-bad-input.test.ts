// Collecting reports by Excel: every bad input refused with a Vietnamese message naming file, sheet
// and cell — nothing stored.
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { buildCollectWorkbook, META_SHEET } from '../../src/main/features/collect/collect-book';
import { INPUT_SHEET } from '../../src/main/features/collect/collect-cells';
import { MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, readInputFile } from '../../src/main/workbooks/xlsx-input';
import { getReportForm, saveReportValues } from '../../src/main/features/reports/reports';
import { getTemplate } from '../../src/main/features/templates/templates';
import { createPeriod, getPeriod } from '../../src/main/features/periods/periods';
import { updateExpected } from '../../src/main/features/periods/expected-update';
import { closeUnit, getUnit } from '../../src/main/features/units/units';
import { getAgency } from '../../src/main/features/agency/agency';
import { bookSecret } from '../../src/main/features/safety/settings';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { dataFingerprint } from './helpers';
import { fillWorkbook, filesIn, readBytes, rowOf } from './collect-helpers';
import {
  core,
  dir,
  s,
  book,
  analyze,
  countSources,
  expectProblem,
  expectRefusal,
  useCollectCase,
} from './collect-case';

useCollectCase();

describe('bad input: a message naming file, sheet and cell, and nothing stored', () => {
  it('not an .xlsx', async () => {
    await expectProblem(
      'bao-cao.xlsx',
      new TextEncoder().encode('Đây là văn bản, không phải bảng tính'),
      /không phải là bảng tính Excel \(\.xlsx\)/,
    );
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectProblem('cu.xls', ole, /Excel cũ \(\.xls\)/);
  });

  it('a corrupt or truncated zip', async () => {
    const whole = book(0);
    await expectProblem('cut.xlsx', whole.slice(0, Math.floor(whole.length / 2)), /bị hỏng hoặc không đọc được/);
    const scrambled = whole.slice();
    for (let i = 200; i < 2000; i++) scrambled[i] = (scrambled[i]! * 7 + 13) & 0xff;
    await expectProblem('scrambled.xlsx', scrambled, /bị hỏng|không đọc được|không phải/);
  });

  it(`a zip bomb: a part expanding over ${MAX_COMPRESSION_RATIO}× (limits: that ratio, ${MAX_UNCOMPRESSED_BYTES / 1048576} MB in all), or sizes that lie`, async () => {
    const zip = await JSZip.loadAsync(book(0));
    zip.file('xl/media/image1.bin', new Uint8Array(64 * 1024 * 1024)); // 64 MB of zeros, ~64 KB packed
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectProblem('bom.xlsx', bomb, /nén bất thường.*có thể là tệp độc hại/);

    // A central directory that claims a huge size.
    const small = await JSZip.loadAsync(book(0));
    small.file('xl/media/a.bin', 'abc', { compression: 'STORE' });
    const bytes = await small.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const name = new TextEncoder().encode('xl/media/a.bin');
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 46; i++) {
      if (
        view.getUint32(i, true) === 0x02014b50 &&
        bytes.slice(i + 46, i + 46 + name.length).every((b, k) => b === name[k])
      ) {
        view.setUint32(i + 24, 300 * 1024 * 1024, true); // uncompressed size in the central directory
        view.setUint32(i + 20, 300 * 1024 * 1024, true); // and compressed, so the ratio looks normal
      }
    }
    // The sizes no longer match the entry itself: refused as a damaged package, nothing expanded.
    await expectProblem('lon.xlsx', bytes, /bị hỏng hoặc không đọc được/);
  });

  it('a workbook not made by the app', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Báo cáo 6 tháng';
    await expectProblem(
      'tu-lam.xlsx',
      new Uint8Array(await wb.xlsx.writeBuffer()),
      /không phải biểu nhập liệu do phần mềm Báo cáo Nội vụ tạo ra/,
    );
  });

  it('tampered metadata (checksum) and tampered layout', async () => {
    const meta = await fillWorkbook(book(0), {}, (wb) => {
      const m = wb.getWorksheet(META_SHEET)!;
      m.eachRow((row) => {
        const v = row.getCell(2).value;
        if (typeof v === 'string' && v.includes('"unitId"'))
          row.getCell(2).value = v.replace(/"unitId":\d+/, '"unitId":2');
      });
    });
    const item = await expectProblem('sua-an.xlsx', meta, /thông tin nhận dạng ẩn.*đã bị sửa/);
    expect(item.problems[0]!.where).toMatchObject({
      file: 'sua-an.xlsx',
      sheet: META_SHEET,
      cell: expect.stringMatching(/^B\d+$/),
    });

    const layout = await fillWorkbook(book(0), { DT01: 2 }, (_wb, ws) => {
      ws.getCell(rowOf(ws, 'DT02'), 2).value = 'Ý kiến (đã sửa tên)';
    });
    const it2 = await expectProblem(
      'sua-bo-cuc.xlsx',
      layout,
      /trang “Nhập liệu”, ô B\d+: nội dung đã khóa .* đã bị sửa/,
    );
    expect(it2.problems[0]!.where).toMatchObject({ sheet: INPUT_SHEET, cell: expect.stringMatching(/^B\d+$/) });
  });

  it('text where a number belongs, a date, an error value, a wrong yes/no', async () => {
    const data = await fillWorkbook(
      book(0),
      {
        DT01: 'mười hai',
        DT02: new Date('2025-03-01'),
        TD01: { error: '#DIV/0!' } as ExcelJS.CellErrorValue,
        LD04: 'Có lẽ',
        DN01: -3,
        DN02: 2.5,
      },
      (_wb, ws) => {
        const cell = ws.getCell(rowOf(ws, 'DT02'), 4);
        cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' }; // Excel formats a typed date as a date (a style of its own: exceljs shares them)
      },
    );
    const item = await expectProblem(
      'chu-trong-so.xlsx',
      data,
      /^Tệp “chu-trong-so.xlsx”, trang “Nhập liệu”, ô D\d+: LD04 .*chỉ nhận “Có” hoặc “Không” \(đã nhập “Có lẽ”\)/,
    );
    const all = item.problems.map((p) => p.message).join('\n');
    expect(all).toMatch(/trang “Nhập liệu”, ô D\d+: DT01 .*“mười hai” không phải là số/);
    expect(all).toMatch(/ô D\d+ \(DT02\): ô chứa ngày tháng \(2025-03-01\), không phải số/);
    expect(all).toMatch(/ô D\d+ \(TD01\): ô có lỗi công thức #DIV\/0!/);
    expect(all).toMatch(/ô D\d+: LD04 .*chỉ nhận “Có” hoặc “Không”/);
    expect(all).toMatch(/ô D\d+: DN01 .*không được âm/);
    expect(all).toMatch(/ô D\d+: DN02 .*số nguyên/);
    for (const p of item.problems)
      expect(p.where).toMatchObject({
        file: 'chu-trong-so.xlsx',
        sheet: INPUT_SHEET,
        cell: expect.stringMatching(/^D\d+$/),
      });
  });

  it('a workbook of another period: offered for mapping when the indicators are the same', async () => {
    const other = await createPeriod(
      core.db,
      periodInput.parse({
        type: 'year',
        year: 2024,
        templateId: s.period.templateId,
        expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
      }),
    );
    const folder = path.join(dir, 'other');
    await exportCollectBooks(core.db, folder, { periodId: other.id, unitId: s.units[0]!.id });
    const data = await fillWorkbook(readBytes(filesIn(folder)[0]!), { DT01: 4 });
    const before = await dataFingerprint(core);
    const review = await analyze([{ fileName: 'nam-2024.xlsx', data }]);
    const item = review.items[0]!;
    expect(item.status).toBe('problem');
    expect(item.problems[0]!.message).toMatch(
      /“nam-2024.xlsx” là biểu của kỳ “Năm 2024”, không phải kỳ “6 tháng đầu năm 2025”.*có thể gán/,
    );
    expect(item).toMatchObject({ mappable: true, acceptable: true, suggested: false, sourcePeriod: { id: other.id } });
    expect(item.changes.map((c) => c.key)).toEqual(['DT01']);
    await expectRefusal(
      commitCollect(core, review.batchId, [{ index: 0, map: false }]),
      /hãy đánh dấu “Gán vào kỳ này”/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    await commitCollect(core, review.batchId, [{ index: 0, map: true }]);
    expect((await getReportForm(core.db, s.period.id, s.units[0]!.id)).values.DT01).toBe('4');
  });

  it('a workbook of another template version: mapped when the same, refused when not', async () => {
    const template = await getTemplate(core.db, s.period.templateId);
    const base = {
      agency: await getAgency(core.db),
      unit: await getUnit(core.db, s.units[0]!.id),
      period: await getPeriod(core.db, s.period.id),
      values: {},
      generatedAt: new Date().toISOString(),
      secret: await bookSecret(core.db),
    };
    const same = await buildCollectWorkbook({ ...base, template: { ...template, id: 900, version: 7 } });
    const r1 = await analyze([{ fileName: 'v7.xlsx', data: await fillWorkbook(same, { DT01: 1 }) }]);
    expect(r1.items[0]!.problems[0]!.message).toMatch(
      /theo mẫu “dan-van-chinh-quyen” phiên bản 7, còn kỳ .* dùng phiên bản 1\. Các chỉ tiêu giống hệt nhau/,
    );
    expect(r1.items[0]!.mappable).toBe(true);
    const fewer = await buildCollectWorkbook({
      ...base,
      template: { ...template, id: 901, version: 8, indicators: template.indicators.filter((i) => i.code !== 'TX05') },
    });
    const item = await expectProblem('v8.xlsx', fewer, /phiên bản 8.*Các chỉ tiêu khác nhau nên không nhập được/);
    expect(item.mappable).toBe(false);
  });

  it('a workbook of another unit: one not in this database, one no longer reporting', async () => {
    const template = await getTemplate(core.db, s.period.templateId);
    const stranger = await buildCollectWorkbook({
      agency: await getAgency(core.db),
      unit: { id: 77, code: 'Z077', name: 'Xã Lạ', shortName: '' },
      period: s.period,
      template,
      values: {},
      generatedAt: new Date().toISOString(),
      secret: await bookSecret(core.db),
    });
    await expectProblem(
      'la.xlsx',
      stranger,
      /được tạo cho đơn vị “Xã Lạ” \(mã Z077\) nhưng đơn vị này không có trong danh sách/,
    );
    // Closed before the cut-off and taken off the period's (frozen) list.
    await closeUnit(core.db, s.units[2]!.id, '2025-01-01');
    await updateExpected(core.db, {
      id: s.period.id,
      add: [],
      remove: [s.units[2]!.id],
      reason: 'Đã giải thể',
      actor: 'test',
    });
    await expectProblem('da-dong.xlsx', await fillWorkbook(book(2), { DT01: 1 }), /không thuộc danh sách phải báo cáo/);
  });

  it('a file that is still open or locked', async () => {
    await expectProblem(
      '~$Bieu-nhap-lieu_6-thang-dau-nam-2025_X001-Tam-Xuan.xlsx',
      new Uint8Array(162),
      /tệp khóa tạm của Excel\/LibreOffice.*đang được mở/,
    );
    const busy = () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    };
    expect(() => readInputFile('/tmp/a/bao-cao.xlsx', busy)).toThrow(
      /Không đọc được tệp “bao-cao.xlsx”: tệp đang được mở hoặc bị khóa/,
    );
  });

  it('the same file dropped twice', async () => {
    const data = await fillWorkbook(book(0), { DT01: 1 });
    const before = await dataFingerprint(core);
    const review = await analyze([
      { fileName: 'a.xlsx', data },
      { fileName: 'a - Copy.xlsx', data },
    ]);
    expect(review.items[0]!.status).toBe('new');
    expect(review.items[1]).toMatchObject({ status: 'problem', duplicateOf: 0, acceptable: false });
    expect(review.items[1]!.problems[0]!.message).toBe(
      'Tệp “a - Copy.xlsx” trùng nội dung với tệp “a.xlsx” đã chọn trong lần này; chỉ nhập một lần.',
    );
    await expectRefusal(commitCollect(core, review.batchId, [{ index: 1, map: false }]), /trùng nội dung/);
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('two different files for the same unit and period: the user chooses one', async () => {
    const first = await fillWorkbook(book(0), { DT01: 1 });
    const second = await fillWorkbook(book(0), { DT01: 2 });
    const before = await dataFingerprint(core);
    const review = await analyze([
      { fileName: 'ban-dau.xlsx', data: first },
      { fileName: 'ban-sua.xlsx', data: second },
    ]);
    expect(review.items.map((i) => [i.conflictGroup, i.suggested, i.acceptable])).toEqual([
      [`unit-${s.units[0]!.id}`, false, true],
      [`unit-${s.units[0]!.id}`, false, true],
    ]);
    await expectRefusal(
      commitCollect(core, review.batchId, [
        { index: 0, map: false },
        { index: 1, map: false },
      ]),
      /hai tệp khác nhau trong lần này \(“ban-dau.xlsx” và “ban-sua.xlsx”\): chỉ chọn một tệp/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    expect(countSources()).toBe(0);
    await commitCollect(core, review.batchId, [{ index: 1, map: false }]);
    expect((await getReportForm(core.db, s.period.id, s.units[0]!.id)).values.DT01).toBe('2');
  });

  it('a report changed after the review is not overwritten; a submitted one must be returned first', async () => {
    const review = await analyze([{ fileName: 'a.xlsx', data: await fillWorkbook(book(0), { DT01: 1 }) }]);
    await saveReportValues(
      core.db,
      saveValuesInput.parse({ periodId: s.period.id, unitId: s.units[0]!.id, values: [{ key: 'DT01', input: 9 }] }),
    );
    const before = await dataFingerprint(core);
    await expectRefusal(
      commitCollect(core, review.batchId, [{ index: 0, map: false }]),
      /vừa được sửa sau khi đọc tệp “a.xlsx”/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    expect(countSources()).toBe(0);

    const ok = await analyze([{ fileName: 'b.xlsx', data: await fillWorkbook(book(1), { DT01: 1 }) }]);
    await commitCollect(core, ok.batchId, [{ index: 0, map: false }]);
    await expectProblem(
      'b-sua.xlsx',
      await fillWorkbook(book(1), { DT01: 2 }),
      /đang ở trạng thái “Đã nộp”.*hãy trả lại báo cáo trước/,
    );
  });

  it('an expired batch and unknown indices are refused', async () => {
    await expectRefusal(commitCollect(core, '00000000-0000-4000-8000-000000000000', []), /đã hết hạn/);
    const review = await analyze([{ fileName: 'a.xlsx', data: book(0) }]);
    await expectRefusal(commitCollect(core, review.batchId, [{ index: 5, map: false }]), /Không có tệp thứ 6/);
  });
});
