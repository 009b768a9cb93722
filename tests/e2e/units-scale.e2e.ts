// 5,000 units: the table renders only what is on screen and scrolls to the end. How fast it
// scrolls is measured by `npm run bench` (screens), never here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openE2E, type E2E } from './harness';
import { commitUnitImport } from '../../src/main/features/units/unit-import';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('units-scale');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Thứ tự']);
  for (let i = 1; i <= 5000; i++) ws.addRow([`X${String(i).padStart(4, '0')}`, `UBND xã Số ${i}`, 'UBND xã', i]);
  await commitUnitImport(t.bridge.core.db, 'nam-nghin.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
});
afterAll(async () => {
  await t?.close();
});

describe('a register of 5,000 units', () => {
  it('keeps the DOM small and reaches the last unit by scrolling', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.reload();
    await page.waitForSelector('.vrow[data-code="X0001"]');
    expect(await page.locator('.vbody .vrow').count()).toBeLessThan(80);
    expect(await page.locator('main').innerText()).toContain('5.000 đơn vị đang hoạt động');
    // each step of the scroll shows the unit at the top of the window (no pause: the row is awaited)
    for (let step = 1; step <= 20; step++) {
      const top = await page
        .locator('.vbody')
        .evaluate((el, s) => ((el.scrollTop = (el.scrollHeight * s) / 20), el.scrollTop), step);
      const first = Math.min(5000, Math.floor(top / 38) + 1);
      await page.waitForSelector(`.vrow[data-code="X${String(first).padStart(4, '0')}"]`);
    }
    await page.waitForSelector('.vrow[data-code="X5000"]');
    expect(await page.locator('.vbody .vrow').count()).toBeLessThan(80);
    await t.shot('scrolled-to-end');
    expect(t.problems).toEqual([]);
  });
});
