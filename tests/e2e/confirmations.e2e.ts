// Destructive actions ask first (docs/SCREENS.md, "Xác nhận trước khi xóa"): the confirmation
// starts on Hủy, so Enter or Escape there destroys nothing and focus goes back to the control that
// asked; only the red button does it. Taking evidence off a score sheet, keeping fewer automatic
// backups (the oldest are deleted at once) — on a realistic office (tests/e2e/office-seed.ts).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { seedOffice } from './office-seed';
import { backupFolder, dailyBackup, listBackups } from '../../src/main/features/safety/backups';

let t: E2E;
/** How long a poll waits for the page to catch up on a loaded machine (a wait, not a speed limit). */
const WAIT = 20_000;

beforeAll(async () => {
  t = await openE2E('confirmations');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  await seedOffice(t.bridge.core);
});
afterAll(async () => {
  await t?.close();
});

const dialogs = () => t.page.locator('[role=dialog]').count();
const focused = () => t.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('destructive actions ask first', () => {
  it('Chấm điểm: taking evidence off a criterion asks, naming the file; Enter on Hủy keeps it', async () => {
    const { page } = t;
    const evidence = () => t.bridge.core.db.selectFrom('scoring_evidence').select('file_name').execute();
    await page.goto(`${t.bridge.url}#/cham-diem`);
    await page.click('.sc-unit[data-unit="SNV"]');
    await page.waitForSelector('.sc-sheet h2:has-text("Sở Nội vụ")');
    await page.setInputFiles('input[aria-label="Minh chứng 1.1"]', {
      name: 'Kế hoạch 12.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 kế hoạch'),
    });
    const remove = page.locator('button[aria-label="Bỏ Kế hoạch 12.pdf"]');
    await remove.waitFor();
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Bỏ minh chứng")');
    const text = await page.locator('.modal .confirm-text').innerText();
    expect(text).toContain('Bỏ tệp “Kế hoạch 12.pdf”');
    expect(text).toContain('khỏi tiêu chí 1.1 của Sở Nội vụ');
    expect(text).toMatch(/đính kèm lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await t.shot('evidence-remove-confirm');
    // Focus is on Hủy: Enter closes without removing, and focus is back on the ×.
    expect(await focused()).toBe('Hủy');
    await page.keyboard.press('Enter');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement), { timeout: WAIT }).toBe(true);
    expect(await evidence()).toEqual([{ file_name: 'Kế hoạch 12.pdf' }]);
    // Escape does not remove either; the red button does.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Bỏ minh chứng")');
    await page.keyboard.press('Escape');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    expect(await evidence()).toHaveLength(1);
    await remove.click();
    await page.click('.modal button.danger:has-text("Bỏ minh chứng")');
    await page.waitForSelector('.notice-ok:has-text("Đã bỏ minh chứng “Kế hoạch 12.pdf”.")');
    await expect.poll(evidence, { timeout: WAIT }).toEqual([]);
    expect(await page.locator('.sc-ev').count()).toBe(0);
    // Focus is not lost with the removed file's button: it goes to the screen's heading or stays in the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement !== document.body), { timeout: WAIT })
      .toBe(true);
    expect(t.problems).toEqual([]);
  });

  it('Sao lưu: keeping fewer automatic copies names the ones deleted and deletes nothing until confirmed', async () => {
    const { page } = t;
    const core = t.bridge.core;
    // Four daily copies, each dated its day (the list shows a copy's file time).
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']) {
      const at = new Date(`${day}T08:00:00`);
      const file = await dailyBackup(core, at);
      fs.utimesSync(file!, at, at);
    }
    const daily = async () => (await listBackups(core)).items.filter((i) => i.reason === 'hang-ngay').length;
    expect(await daily()).toBe(4);
    await page.goto(`${t.bridge.url}#/cai-dat`);
    await page.click('[role=tab]:text-is("Sao lưu, khôi phục")');
    const keep = page.locator('input[aria-label="Số bản sao lưu giữ lại"]');
    await keep.fill('2');
    await keep.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Xóa bản sao lưu cũ")');
    const text = await page.locator('.modal .confirm-text').innerText();
    expect(text).toContain('2 bản sao lưu cũ bị xóa ngay');
    expect(text).toContain('Tự động hằng ngày, 26/11/2026 08:00');
    expect(text).toContain('Tự động hằng ngày, 25/11/2026 08:00');
    expect(text).not.toContain('27/11/2026');
    await t.shot('backup-keep-confirm');
    expect(await focused()).toBe('Hủy');
    await page.keyboard.press('Escape');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    expect(await daily()).toBe(4);
    expect((await listBackups(core)).keep).toBe(14);
    await keep.press('Enter');
    await page.click('.modal button.danger:has-text("Xóa 2 bản")');
    await page.waitForSelector('.notice-ok:has-text("Sẽ giữ 2 bản sao lưu tự động gần nhất.")');
    expect(await daily()).toBe(2);
    expect(fs.readdirSync(backupFolder(core)).filter((n) => n.includes('hang-ngay'))).toHaveLength(2);
    // Keeping more deletes nothing: no question asked.
    await keep.fill('30');
    await keep.press('Enter');
    await page.waitForSelector('.notice-ok:has-text("Sẽ giữ 30 bản sao lưu tự động gần nhất.")');
    expect(await dialogs()).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it('a form with typed text asks before Escape drops it; its own Hủy does not ask; untouched, Escape closes', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    const add = page.locator('button:has-text("+ Thêm văn bản")');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Thêm văn bản chỉ đạo")');
    // Nothing typed: Escape closes at once.
    await page.keyboard.press('Escape');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    // Focus goes back to the opener just after the dialog is removed (useDialog): wait for it
    // before pressing Enter on it, as a person would (under load the key came first).
    await expect.poll(() => add.evaluate((el) => el === document.activeElement), { timeout: WAIT }).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Thêm văn bản chỉ đạo")');
    const summary = page.locator('.modal input[aria-label="Trích yếu"]');
    await summary.fill('Kế hoạch tuyên truyền cải cách hành chính năm 2026');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.modal h2:has-text("Đóng mà chưa lưu?")');
    expect(await dialogs()).toBe(2);
    expect(await focused()).toBe('Hủy');
    await t.shot('unsaved-form-confirm');
    // Escape again closes the question only: the text is still there, focus back in the field.
    await page.keyboard.press('Escape');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(1);
    expect(await summary.inputValue()).toBe('Kế hoạch tuyên truyền cải cách hành chính năm 2026');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: WAIT }).toBe(true);
    // The × asks too; "Bỏ thay đổi" drops the form and focus goes back to the button that opened it.
    await page.click('.modal button[aria-label="Đóng"]');
    await page.click('.modal button.danger:has-text("Bỏ thay đổi")');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    await expect.poll(() => add.evaluate((el) => el === document.activeElement), { timeout: WAIT }).toBe(true);
    // The form's own Hủy is a choice: no question.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Thêm văn bản chỉ đạo")');
    await summary.fill('Một văn bản khác');
    await page.click('.modal .form-actions button:text-is("Hủy")');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it('Tổng hợp: compiling again over unsaved draft edits asks before replacing them', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.reload();
    await page.waitForSelector('table[aria-label="Tổng hợp theo chỉ số"]');
    await page.click('[role=tab]:text-is("Dự thảo báo cáo")');
    const area = page.locator('[data-name^="section-"]').first();
    await area.waitFor();
    const generated = (await area.getAttribute('data-value'))!;
    await area.fill('Đoạn anh chị vừa viết, chưa lưu.');
    const recompile = page.locator('button.primary:text-is("Tổng hợp")');
    await recompile.click();
    await page.waitForSelector('.modal h2:has-text("Bỏ phần dự thảo chưa lưu?")');
    expect(await focused()).toBe('Hủy');
    await t.shot('recompile-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(dialogs, { timeout: WAIT }).toBe(0);
    expect(await area.getAttribute('data-value')).toBe('Đoạn anh chị vừa viết, chưa lưu.');
    await recompile.click();
    await page.click('.modal button.danger:has-text("Tổng hợp lại, bỏ phần sửa")');
    await expect.poll(() => area.getAttribute('data-value'), { timeout: WAIT }).toBe(generated);
    // Nothing unsaved now: the next compile goes straight on.
    await recompile.click();
    await page.waitForSelector('table[aria-label="Tổng hợp theo chỉ số"], [data-name^="section-"]');
    expect(await dialogs()).toBe(0);
    expect(t.problems).toEqual([]);
  });
});
