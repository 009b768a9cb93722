// 5,000 units: the table renders only what is on screen and scrolls to the end. The Tổng quan
// board and Tổng hợp's unit lines come from the server a window at a time (dashboard.page,
// compile.units): scrolling to the end asks for the last window. How fast it scrolls is measured
// by `npm run bench` (screens), never here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openE2E, type E2E } from './harness';
import { commitUnitImport } from '../../src/main/features/units/unit-import';
import { apiOf, sendReport, templateId, thisYear } from '../unit/workflow-helpers';

const SENT = 150;

let t: E2E;
beforeAll(async () => {
  t = await openE2E('units-scale');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Thứ tự']);
  for (let i = 1; i <= 5000; i++) ws.addRow([`X${String(i).padStart(4, '0')}`, `UBND xã Số ${i}`, 'UBND xã', i]);
  await commitUnitImport(t.bridge.core.db, 'nam-nghin.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  // last year's period expecting every one of them (active long before), the first SENT reports received on time
  await t.bridge.core.db.updateTable('units').set({ active_from: '2000-01-01' }).execute();
  const api = apiOf(t.bridge.core);
  const p = await api('periods.create', {
    type: 'year',
    year: thisYear - 1,
    templateId: await templateId(t.bridge.core),
    expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
  });
  const units = await api('units.list', {});
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  for (let i = 1; i <= SENT; i++) await sendReport(api, p.id, byCode.get(code(i))!, { DT01: i }, p.deadline);
});
const code = (i: number) => `X${String(i).padStart(4, '0')}`;
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

  it('pages the Tổng quan board: a window of rows, the last one by scrolling, a chip’s rows from the server', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    const table = page.locator('table[aria-label="Bảng theo dõi đơn vị"]');
    await page.waitForSelector('tr[data-unit="X0001"]');
    expect(await table.getAttribute('aria-rowcount')).toBe('5001');
    expect(await table.locator('tbody tr[data-unit]').count()).toBeLessThan(80);
    await page.locator('.content').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector('tr[data-unit="X5000"]');
    expect(await table.locator('tbody tr[data-unit]').count()).toBeLessThan(80);
    await page.click('[aria-label="Lọc theo tình trạng"] button:has-text("Nộp đúng hạn")');
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(SENT + 1));
    expect(await page.locator('[aria-label="Lọc theo tình trạng"] button[aria-pressed="true"]').innerText()).toBe(
      `Nộp đúng hạn (${SENT})`,
    );
    await page.locator('.content').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector(`tr[data-unit="${code(SENT)}"]`);
    expect(await table.locator('tbody tr[data-unit="X5000"]').count()).toBe(0);
    await t.shot('board-paged');
    expect(t.problems).toEqual([]);
  });

  it('pages Tổng hợp’s unit lines: the last unit by scrolling the tab', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.waitForSelector('.cp-summary');
    await page.click('.cp-tabs button:has-text("Theo đơn vị")');
    const table = page.locator('table[aria-label="Số liệu theo đơn vị"]');
    await page.waitForSelector('table[aria-label="Số liệu theo đơn vị"] tr[data-unit="X0001"]');
    expect(await table.getAttribute('aria-rowcount')).toBe('5002');
    await page.locator('.cp-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector('table[aria-label="Số liệu theo đơn vị"] tr[data-unit="X5000"]');
    expect(await table.locator('tbody tr[data-unit]').count()).toBeLessThan(80);
    // the total row stays under the lines
    expect(await table.locator('tr.cp-total').innerText()).toContain('Tổng cộng');
    expect(t.problems).toEqual([]);
  });
});
