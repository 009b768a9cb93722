// Thu biểu Excel in a real browser: reached from Kỳ báo cáo, workbooks exported with a progress
// bar, then three returned files dropped on the window — one good, one changed, one broken — and
// the review table shows each; only the ticked files are stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { fillWorkbook, filesIn, readBytes, setupCollect, type CollectSetup } from '../unit/collect-helpers';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { getReportForm, saveReportValues } from '../../src/main/features/reports/reports';
import { saveValuesInput } from '../../src/shared/contract/reports';

let t: E2E;
let s: CollectSetup;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await openE2E('collect');
  s = await setupCollect(t.bridge.core.db, 3);
});

afterAll(async () => {
  await t?.close();
});

describe('Thu biểu Excel in chromium', () => {
  it('opens from Kỳ báo cáo and exports every unit’s workbook with progress', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await page.click('tr:has-text("6 tháng đầu năm 2025") button:has-text("Thu biểu Excel")');
    await page.waitForSelector('h1:has-text("Thu biểu Excel")');
    expect(await page.inputValue('select[aria-label="Kỳ báo cáo"]')).toBe(String(s.period.id));
    await expect.poll(() => page.locator('select[aria-label="Đơn vị xuất biểu"] option').count()).toBe(4);
    await t.shot('01-screen');
    await page.click('button:has-text("Xuất biểu nhập liệu…")');
    await page.waitForSelector('[role=status]:has-text("Đã xuất 3 tệp")');
    const written = fs
      .readdirSync(t.bridge.exportDir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    expect(written).toEqual([
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X001-Tam-Xuan.xlsx',
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X002-Xa-Dai-Loc.xlsx',
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X003-Phuong-Hoi-An.xlsx',
    ]);
    await t.shot('02-exported');
  });

  it('reviews one good, one changed and one broken file, then stores only the ticked ones', async () => {
    const { page } = t;
    const db = t.bridge.core.db;
    const out = path.join(t.dir, 'books');
    await exportCollectBooks(db, out, { periodId: s.period.id, unitId: null });
    const books = filesIn(out).map(readBytes);
    // The second unit already typed two values; its workbook brings one change and one new value.
    await saveReportValues(
      db,
      saveValuesInput.parse({
        periodId: s.period.id,
        unitId: s.units[1]!.id,
        values: [
          { key: 'TD01', input: 4 },
          { key: 'TD02', input: 30 },
        ],
      }),
    );
    const good = await fillWorkbook(books[0]!, {
      DT01: 3,
      DT02: 10,
      DT03: 8,
      LD04: 'Có',
      'muc:I': 'Đã ban hành kế hoạch thực hiện Chỉ thị 33.',
    });
    const changed = await fillWorkbook(books[1]!, { TD01: 6, TD02: 30, TD03: 1, DT02: 5, DT03: 7 });
    const broken = await fillWorkbook(books[2]!, { DT01: 'mười hai' });

    // Dropped on the window, as from the mail client or the file manager.
    await page.evaluate(
      async (files) => {
        const dt = new DataTransfer();
        for (const f of files)
          dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
        const zone = document.querySelector('[data-testid="collect-dropzone"]')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [
        { name: 'Tam Xuân - báo cáo 6 tháng.xlsx', b64: Buffer.from(good).toString('base64'), type: XLSX },
        { name: 'Đại Lộc (sửa lần 2).xlsx', b64: Buffer.from(changed).toString('base64'), type: XLSX },
        { name: 'Hội An.xlsx', b64: Buffer.from(broken).toString('base64'), type: XLSX },
      ],
    );
    await page.waitForSelector('[aria-label="Xem lại trước khi nhập"]');
    const row = (name: string) => page.locator(`tr.cx-row[data-file="${name}"]`);
    await expect.poll(() => row('Tam Xuân - báo cáo 6 tháng.xlsx').innerText()).toContain('Mới: 5 giá trị');
    expect(await row('Tam Xuân - báo cáo 6 tháng.xlsx').innerText()).toContain('X001 — Xã Tam Xuân');
    expect(await row('Tam Xuân - báo cáo 6 tháng.xlsx').innerText()).toContain('6 tháng đầu năm 2025');
    expect(await row('Đại Lộc (sửa lần 2).xlsx').innerText()).toContain('Có thay đổi: 4 giá trị');
    expect(await row('Đại Lộc (sửa lần 2).xlsx').innerText()).toContain('Vi phạm quy tắc: DT03 (7) ≤ DT02 (5)');
    const brokenText = await row('Hội An.xlsx').innerText();
    expect(brokenText).toContain('Có lỗi');
    expect(brokenText).toMatch(/Tệp “Hội An.xlsx”, trang “Nhập liệu”, ô D\d+: DT01 .*“mười hai” không phải là số/);
    // Mostly empty workbooks: a warning to confirm, so neither is ticked for the user.
    expect(await row('Tam Xuân - báo cáo 6 tháng.xlsx').locator('.cx-warning').innerText()).toMatch(
      /chỉ điền 5\/\d+ ô nhập liệu/,
    );
    expect(await row('Tam Xuân - báo cáo 6 tháng.xlsx').locator('input[type=checkbox]').isChecked()).toBe(false);
    expect(await row('Đại Lộc (sửa lần 2).xlsx').locator('input[type=checkbox]').isChecked()).toBe(false);
    expect(await row('Hội An.xlsx').locator('input[type=checkbox]').isDisabled()).toBe(true);
    // Ticking is confirming.
    await row('Tam Xuân - báo cáo 6 tháng.xlsx').locator('input[type=checkbox]').check();
    await row('Đại Lộc (sửa lần 2).xlsx').locator('input[type=checkbox]').check();
    // The diff of the changed report is open: old → new.
    const diff = page.locator('table[aria-label="Thay đổi trong tệp Đại Lộc (sửa lần 2).xlsx"]');
    await expect.poll(() => diff.locator('tbody tr').count()).toBe(4);
    expect(await diff.locator('tr:has-text("TD01")').innerText()).toMatch(/TD01 — Lượt tiếp công dân\s+4\s+6/);
    expect(await diff.locator('tr:has-text("TD03")').innerText()).toMatch(/\(trống\)\s+1/);
    expect(await page.locator('button.primary:has-text("Nhập 2 tệp đã chọn")').isEnabled()).toBe(true);
    await t.shot('03-review');
    await page.locator('table[aria-label="Thay đổi trong tệp Đại Lộc (sửa lần 2).xlsx"]').scrollIntoViewIfNeeded();
    await t.shot('04-review-diff');

    // Untick the changed one: only the good file is stored, received on the day it came.
    await row('Đại Lộc (sửa lần 2).xlsx').locator('input[type=checkbox]').uncheck();
    // Today is long after the deadline: the default says what it would mean.
    const dateField = page.locator('label.field:has(input[aria-label="Ngày nhận các tệp"]) .field-hint');
    expect(await dateField.innerText()).toMatch(/^Sau hạn nộp \d\d\/\d\d\/2025 \d+ ngày: các tệp tính là nộp muộn/);
    await page.fill('input[aria-label="Ngày nhận các tệp"]', '18/06/2025');
    await page.locator('input[aria-label="Ngày nhận các tệp"]').blur();
    await page.click('button.primary:has-text("Nhập 1 tệp đã chọn")');
    await page.waitForSelector('.notice-ok:has-text("Đã nhập 1 tệp")');
    expect(await page.locator('[aria-label="Kết quả nhập"]').innerText()).toContain(
      'X001 — Xã Tam Xuân: tệp “Tam Xuân - báo cáo 6 tháng.xlsx”, 5 giá trị, lần sửa 1, báo cáo “Đã nộp”, nhận ngày 18/06/2025',
    );
    await t.shot('05-imported');
    const first = await getReportForm(db, s.period.id, s.units[0]!.id);
    expect(first.values).toMatchObject({ DT01: '3', DT02: '10', DT03: '8', LD04: '1' });
    expect(first.report).toMatchObject({ status: 'da_nop', receivedDate: '2025-06-18', channel: 'imported' });
    const second = await getReportForm(db, s.period.id, s.units[1]!.id);
    expect(second.values).toEqual({ TD01: '4', TD02: '30' });
    const third = await getReportForm(db, s.period.id, s.units[2]!.id);
    expect(third.values).toEqual({});
    expect(t.problems).toEqual([]);
  });
});
