// Data safety in the real UI: audit log, backup and checked restore, document settings, CSP.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUnitViaUi, openE2E, type E2E } from './harness';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('safety');
});
afterAll(async () => {
  await t?.close();
});

const addUnit = (code: string, name: string) => addUnitViaUi(t, code, name);

async function openTab(label: string) {
  const { page } = t;
  await page.goto(`${t.bridge.url}#/cai-dat`);
  await page.click(`[role=tab]:has-text("${label}")`);
}

describe('data safety in chromium', () => {
  it('shows every change in the audit log, with before → after', async () => {
    await t.page.setViewportSize({ width: 1280, height: 720 });
    await openTab('Nhật ký');
    await t.page.fill('form[aria-label="Người sử dụng máy này"] input', 'Nguyễn Thị Lan');
    await t.page.click('form[aria-label="Người sử dụng máy này"] button:has-text("Lưu tên")');
    await t.page.waitForSelector('[role=status]:has-text("Nguyễn Thị Lan")');
    await addUnit('NK1', 'Đơn vị nhật ký');
    await openTab('Nhật ký');
    await t.page.waitForSelector('table[aria-label="Nhật ký"] td:has-text("Đơn vị")');
    const shown = await t.page.locator('table[aria-label="Nhật ký"]').innerText();
    expect(shown).toContain('Đơn vị nhật ký');
    // Vietnamese names and readable values: no column keys, no JSON, the user's name first.
    expect(shown).toContain('Tên: Đơn vị nhật ký');
    expect(shown).toContain('Nguyễn Thị Lan');
    expect(shown.match(/\b[a-z]+_[a-z_]+\b/g)).toBeNull();
    expect(shown).not.toMatch(/[{[]"/);
    expect(
      await t.page.locator('table[aria-label="Nhật ký"] tbody tr').first().locator('td').nth(1).innerText(),
    ).toMatch(/^Nguyễn Thị Lan\n?tài khoản máy: /);
    await t.page.selectOption('select[aria-label="Thao tác"]', 'update');
    await expect.poll(() => t.page.locator('table[aria-label="Nhật ký"] tbody tr').count()).toBe(0);
    await t.page.selectOption('select[aria-label="Thao tác"]', '');
    await expect.poll(() => t.page.locator('table[aria-label="Nhật ký"] tbody tr').count()).toBeGreaterThan(0);
    await t.shot('01-audit');
  });

  it('backs up to a file, then restores it after showing what it holds', async () => {
    await openTab('Sao lưu, khôi phục');
    await t.page.click('button:has-text("Sao lưu ngay ra tệp")');
    // The screen shows the job's end as the sidebar does, and opens where the copy went.
    const done = t.page.locator('.job-panel [data-state=done]:has-text("Đã sao lưu vào")');
    await done.waitFor();
    await done.locator('button:has-text("Mở thư mục chứa tệp")').click();
    await expect.poll(() => t.bridge.opened.at(-1) ?? '').toMatch(/sao-luu-.*\.db$/);
    const backup = fs.readdirSync(t.bridge.exportDir).find((f) => f.startsWith('sao-luu-') && f.endsWith('.db'));
    expect(backup).toBeDefined();

    await addUnit('NK2', 'Thêm sau sao lưu');
    await openTab('Sao lưu, khôi phục');
    t.bridge.setNextOpenPath(path.join(t.bridge.exportDir, backup!));
    await t.page.click('button:has-text("Khôi phục từ tệp")');
    await t.page.waitForSelector('.inspection');
    const text = await t.page.locator('.inspection').innerText();
    expect(text).toContain('toàn vẹn tốt');
    expect(text).toMatch(/Đơn vị: 1\b/);
    await t.shot('02-restore-check');
    await t.page.click('.modal button.danger:has-text("Khôi phục")');
    await t.page.waitForSelector('.job-panel [data-state=done]:has-text("Đã khôi phục dữ liệu")');
    // a safety copy of the data before the restore is listed
    await t.page.waitForSelector('table[aria-label="Các bản sao lưu"] td:has-text("Trước khi khôi phục")');
    await t.shot('03-restored');
    await t.page.goto(`${t.bridge.url}#/don-vi`);
    await t.page.reload();
    await t.page.waitForSelector('.vrow[data-code="NK1"]');
    expect(await t.page.locator('.vrow[data-code="NK2"]').count()).toBe(0);
  });

  it('shows a data package being made on its screen, across a visit elsewhere, and stops it with Dừng', async () => {
    const { page } = t;
    const zips = () => fs.readdirSync(t.bridge.exportDir).filter((f) => f.endsWith('.zip'));
    // The job waits after its first step (the database) until the test lets it go.
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    t.bridge.core.jobs.setGate(async (j) => {
      if (j.label === 'Xuất gói dữ liệu' && j.done >= 1) await released;
    });
    await openTab('Sao lưu, khôi phục');
    await page.click('button:has-text("Xuất gói dữ liệu…")');
    const running = page.locator('.job-panel [data-state=running]');
    await running.waitFor();
    await expect.poll(() => running.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('1');
    expect(await running.innerText()).toContain('Xuất gói dữ liệu');
    expect(await page.isDisabled('button:has-text("Sao lưu ngay ra tệp")')).toBe(true);
    await t.shot('05-package-running');

    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector('nav .job[data-state=running]');
    await openTab('Sao lưu, khôi phục');
    await running.locator('button:has-text("Dừng")').click();
    await page.waitForSelector('.job-panel button:has-text("Đang dừng…")');
    t.bridge.core.jobs.setGate(null);
    release();
    const stopped = page.locator('.job-panel [data-state=cancelled]');
    await stopped.waitFor();
    expect(await stopped.innerText()).toMatch(/Đã dừng: Xuất gói dữ liệu \(xong 1\/2\)\./);
    expect(zips()).toEqual([]);
    expect(await page.isDisabled('button:has-text("Sao lưu ngay ra tệp")')).toBe(false);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await t.shot('06-package-stopped');
    await stopped.locator('button:has-text("Đóng")').click();
    await expect.poll(() => page.locator('.job-panel [data-state=cancelled]').count()).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it('keeps document settings within the decree and writes a sample', async () => {
    await openTab('Thể thức văn bản');
    await t.page.fill('input[name=left]', '40');
    await t.page.click('form[aria-label="Thể thức văn bản"] button[type=submit]');
    await t.page.waitForSelector('.field-message:has-text("Lề trái phải từ 30 đến 35 mm.")');
    await t.page.fill('input[name=left]', '32');
    await t.page.selectOption('select[name=bodySize]', '13');
    await t.page.click('form[aria-label="Thể thức văn bản"] button[type=submit]');
    await t.page.waitForSelector('.notice-ok:has-text("Đã lưu thể thức văn bản")');
    await t.page.click('button:has-text("Công văn")');
    await t.page.waitForSelector('.notice-ok:has-text("Đã xuất văn bản mẫu")');
    expect(fs.readdirSync(t.bridge.exportDir).some((f) => f.endsWith('.docx'))).toBe(true);
    await t.shot('04-document-settings');
  });

  it('refuses inline script (CSP)', async () => {
    const ran = await t.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.appendChild(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected2 = 1');
      // the image's error is awaited (no fixed pause): its inline handler would have run by then
      const failed = new Promise((r) => img.addEventListener('error', r, { once: true }));
      img.src = 'data:,x';
      document.body.appendChild(img);
      await failed;
      return [
        (window as unknown as Record<string, unknown>).__injected,
        (window as unknown as Record<string, unknown>).__injected2,
      ];
    });
    expect(ran).toEqual([undefined, undefined]);
    // the browser's report reaches the console on its own schedule: awaited, not timed
    await expect.poll(() => t.problems.filter((p) => /Content Security Policy/i.test(p)).length).toBeGreaterThan(0);
    t.problems.length = 0;
  });
});
