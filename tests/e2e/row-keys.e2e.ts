// The long tables are one Tab stop each (components/useRowKeys, docs/SCREENS.md "Every screen walked
// with the keyboard"): on 1,200 units, Tab reaches the board's (Tổng quan) or the register's (Đơn vị)
// focused row and the next Tab leaves the table; ↓/End/Home/PageDown move and scroll the virtualised
// rows with focus kept; Enter opens what a click opens; → / ← reach the row's buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openE2E, type E2E } from './harness';
import { WAIT } from './keyboard-kit';
import { commitUnitImport } from '../../src/main/features/units/unit-import';
import { apiOf, templateId, thisYear } from '../unit/workflow-helpers';

const N = 1200;
const code = (i: number) => `X${String(i).padStart(4, '0')}`;

let t: E2E;
beforeAll(async () => {
  t = await openE2E('row-keys');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Thứ tự']);
  for (let i = 1; i <= N; i++) ws.addRow([code(i), `UBND xã Số ${i}`, 'UBND xã', i]);
  await commitUnitImport(t.bridge.core.db, 'don-vi.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  await t.bridge.core.db.updateTable('units').set({ active_from: '2000-01-01' }).execute();
  await apiOf(t.bridge.core)('periods.create', {
    type: 'year',
    year: thisYear - 1,
    templateId: await templateId(t.bridge.core),
    expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
  });
});
afterAll(async () => {
  await t?.close();
});

/** What has focus: its unit code (a row's data-unit / data-code), or a button's aria-label, and whether its ring shows. */
const focused = () =>
  t.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const row = a?.closest<HTMLElement>('[data-index]');
    const box = a?.getBoundingClientRect();
    return {
      row: row?.dataset.unit ?? row?.dataset.code ?? '',
      isRow: !!a && a === row,
      label: a?.getAttribute('aria-label') ?? '',
      ring: !!a && a.matches(':focus-visible') && getComputedStyle(a).outlineStyle !== 'none',
      onScreen: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
      inTable: !!a?.closest('table, [role=table]'),
    };
  });
const rowOf = async () => (await focused()).row;
const tabStops = (sel: string) =>
  t.page.locator(sel).evaluate((el) => el.querySelectorAll('[tabindex="0"], button:not([tabindex="-1"])').length);

/** Tabs from the top of the page until focus is in the table; fails after 60 stops. */
async function tabIntoTable(): Promise<void> {
  await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 60; i++) {
    await t.page.keyboard.press('Tab');
    if ((await focused()).inTable) return;
  }
  throw new Error('Tab never reached the table');
}

describe('long tables are one Tab stop with arrow keys', () => {
  it('Tổng quan: Tab into the board, arrows move and scroll, Tab leaves, Enter opens the report', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.waitForSelector(`tr[data-unit="${code(1)}"]`);
    const table = 'table[aria-label="Bảng theo dõi đơn vị"]';
    expect(await tabStops(table)).toBe(1);
    await tabIntoTable();
    expect(await focused()).toMatchObject({ row: code(1), isRow: true, ring: true, onScreen: true });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await rowOf()).toBe(code(3));
    // ten rows down may be past the rows drawn (3 beyond the screen): focus follows once it is, as for End
    await page.keyboard.press('PageDown');
    await expect.poll(rowOf, { timeout: WAIT }).toBe(code(13));
    await page.keyboard.press('End');
    await expect.poll(rowOf, { timeout: WAIT }).toBe(code(N));
    // the rows drawn there are measured on the next frames: the focused one stays (or comes back) in view
    await expect.poll(async () => (await focused()).onScreen, { timeout: WAIT }).toBe(true);
    expect(await focused()).toMatchObject({ row: code(N), isRow: true, ring: true });
    await t.shot('board-end');
    await page.keyboard.press('ArrowUp');
    expect(await rowOf()).toBe(code(N - 1));
    await page.keyboard.press('Home');
    await expect.poll(rowOf, { timeout: WAIT }).toBe(code(1));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: code(2), ring: true, onScreen: true });
    await t.shot('board-focused-row');
    expect(await tabStops(table)).toBe(1);
    // the next Tab leaves the table; Shift+Tab comes back to the same row
    await page.keyboard.press('Tab');
    expect((await focused()).inTable).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ row: code(2), isRow: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: WAIT }).toContain('bao-cao-don-vi');
    expect(t.problems).toEqual([]);
  });

  it('Đơn vị: one Tab stop, arrows between rows, → / ← among the row’s buttons, Enter edits', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector(`.vrow[data-code="${code(1)}"]`);
    expect(await tabStops('.vbody')).toBe(1);
    await tabIntoTable();
    expect(await focused()).toMatchObject({ row: code(1), isRow: true, ring: true, onScreen: true });
    await page.keyboard.press('End');
    await expect.poll(rowOf, { timeout: WAIT }).toBe(code(N));
    // the rows drawn there are measured on the next frames: the focused one stays (or comes back) in view
    await expect.poll(async () => (await focused()).onScreen, { timeout: WAIT }).toBe(true);
    expect(await focused()).toMatchObject({ row: code(N), isRow: true, ring: true });
    await page.keyboard.press('Home');
    await expect.poll(rowOf, { timeout: WAIT }).toBe(code(1));
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: code(12), isRow: true, onScreen: true });
    // → goes into the row's buttons, ← back to the row
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ row: code(12), isRow: false, label: `Sửa ${code(12)}`, ring: true });
    await page.keyboard.press('ArrowRight');
    expect((await focused()).label).toBe(`Đưa ${code(12)} lên`);
    await t.shot('units-focused-button');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ row: code(12), isRow: true });
    await t.shot('units-focused-row');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    expect((await focused()).label).toBe(`Lịch sử ${code(12)}`);
    // ↓ from a button goes to the next row
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: code(13), isRow: true });
    expect(await tabStops('.vbody')).toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused()).inTable).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ row: code(13), isRow: true });
    // Enter on the row edits the unit
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=dialog]');
    const values = await page
      .locator('[role=dialog]')
      .evaluate((d) => [...d.querySelectorAll('input')].map((i) => i.value).join('|'));
    expect(values).toContain('UBND xã Số 13');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role=dialog]').count(), { timeout: WAIT }).toBe(0);
    await expect.poll(async () => (await focused()).row, { timeout: WAIT }).toBe(code(13));
    expect(t.problems).toEqual([]);
  });

  it('Kỳ báo cáo: one Tab stop, arrows between periods, → / ← among a period’s six buttons, Enter follows it', async () => {
    const { page } = t;
    await apiOf(t.bridge.core)('periods.create', {
      type: 'half',
      year: thisYear - 1,
      index: 1,
      templateId: await templateId(t.bridge.core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const names = (await t.bridge.core.db.selectFrom('periods').select('name').orderBy('year', 'desc').execute()).map(
      (p) => p.name,
    );
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    const table = 'table[aria-label="Danh sách kỳ báo cáo"]';
    await page.waitForSelector(`${table} tr[data-index="1"]`);
    // two periods × six buttons were twelve stops: now one
    expect(await tabStops(table)).toBe(1);
    await tabIntoTable();
    const first = await focused();
    expect(first).toMatchObject({ isRow: true, ring: true, onScreen: true });
    expect(names).toContain(first.label);
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second.isRow).toBe(true);
    expect(second.label).not.toBe(first.label);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Theo dõi');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Xóa');
    await t.shot('periods-focused-button');
    // back to the row, out of the table and back, then Enter follows the period on Tổng quan
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ isRow: true, label: second.label });
    await page.keyboard.press('Tab');
    expect((await focused()).inTable).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ isRow: true, label: second.label });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: WAIT }).toContain('tong-quan');
    expect(t.problems).toEqual([]);
  });
});
