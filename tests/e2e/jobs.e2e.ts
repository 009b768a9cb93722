// The job centre in chromium at 1280×720: an export keeps running while the user goes elsewhere,
// the sidebar follows it on every screen, the screen that started it shows its bar again on return,
// the notice at the end opens the folder, and "Dừng" stops a second export between two workbooks.
// A gate in the job centre holds each export mid-way, so what is seen does not depend on speed.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { setupCollect } from '../unit/collect-helpers';

let t: E2E;
const UNITS = 40;

/** Holds every job once `at` items are done, until released. */
function hold(at: number) {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  t.bridge.core.jobs.setGate(async (j) => {
    if (j.done >= at) await released;
  });
  return () => {
    t.bridge.core.jobs.setGate(null);
    release();
  };
}

beforeAll(async () => {
  t = await openE2E('jobs');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  await setupCollect(t.bridge.core.db, UNITS);
});
afterAll(async () => {
  await t?.close();
});

const sidebarJob = (state: string) => `nav .job[data-state="${state}"]`;

describe('the job centre', () => {
  it('follows an export across screens and opens its folder at the end', async () => {
    const { page } = t;
    const release = hold(3);
    await page.goto(`${t.bridge.url}#/thu-bieu-excel`);
    await expect.poll(() => page.locator('select[aria-label="Đơn vị xuất biểu"] option').count()).toBe(UNITS + 1);
    await page.click('button:has-text("Xuất biểu nhập liệu…")');
    await page.waitForSelector(`${sidebarJob('running')}:has-text("Xuất biểu nhập liệu")`);

    // Elsewhere: the sidebar still shows the job, with its count.
    await page.click('nav a:has-text("Đơn vị")');
    await page.waitForSelector('h1:has-text("Đơn vị")');
    const running = page.locator(sidebarJob('running'));
    await expect.poll(() => running.locator('[role=progressbar]').getAttribute('aria-valuemax')).toBe(String(UNITS));
    expect(await running.innerText()).toMatch(new RegExp(`\\d+ / ${UNITS}`));
    await t.shot('01-elsewhere-running');

    // Back: the screen shows its bar again and keeps its button held.
    await page.goto(`${t.bridge.url}#/thu-bieu-excel`);
    await page.waitForSelector('[role=progressbar][aria-label="Đang xuất"]');
    expect(await page.isDisabled('button:has-text("Xuất biểu nhập liệu…")')).toBe(true);
    await t.shot('02-back-running');

    release();
    const done = page.locator(sidebarJob('done'));
    await done.waitFor();
    expect(await done.innerText()).toContain(`Đã xuất ${UNITS} biểu nhập liệu.`);
    expect(await page.isDisabled('button:has-text("Xuất biểu nhập liệu…")')).toBe(false);
    await t.shot('03-done-notice');
    await done.locator('button:has-text("Mở thư mục")').click();
    await expect.poll(() => t.bridge.opened.at(-1)).toBe(t.bridge.exportDir);
    await done.locator('button:has-text("Đóng")').click();
    await expect.poll(() => page.locator(sidebarJob('done')).count()).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it('stops an export between two workbooks; what was written stays', async () => {
    const { page } = t;
    for (const f of fs.readdirSync(t.bridge.exportDir)) fs.rmSync(`${t.bridge.exportDir}/${f}`);
    const release = hold(2);
    await page.click('button:has-text("Xuất biểu nhập liệu…")');
    const running = page.locator(sidebarJob('running'));
    await running.waitFor();
    await running.locator('button:has-text("Dừng")').click();
    await page.waitForSelector(`${sidebarJob('running')} button:has-text("Đang dừng…")`);
    release();
    const stopped = page.locator(sidebarJob('cancelled'));
    await stopped.waitFor();
    const text = await stopped.innerText();
    const m = /Đã dừng: Xuất biểu nhập liệu \(xong (\d+)\/40\)\./.exec(text);
    expect(m, text).not.toBeNull();
    const written = fs.readdirSync(t.bridge.exportDir).filter((f) => f.endsWith('.xlsx')).length;
    expect(written).toBeGreaterThanOrEqual(Number(m![1]));
    expect(written).toBeLessThan(UNITS);
    // The stop is the user's: the screen shows no error for it.
    expect(await page.locator('.form-error').count()).toBe(0);
    await t.shot('04-stopped');
    expect(t.problems).toEqual([]);
  });
});
