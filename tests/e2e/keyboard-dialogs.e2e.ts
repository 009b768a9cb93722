// The dialogs keyboard.e2e.ts does not reach, on a realistic office (tests/e2e/office-seed.ts):
// each opened with Enter on its opener, focus inside (a confirmation on Hủy), Tab and Shift+Tab
// going round inside, Escape closing it and focus back on the opener (keyboard-kit.ts). In Chấm
// điểm the appraised score is followed by its reason in Tab order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseUnit, openE2E, type E2E } from './harness';
import { seedOffice, type Office } from './office-seed';
import { keyboardKit, WAIT } from './keyboard-kit';
import { dailyBackup } from '../../src/main/features/safety/backups';

let t: E2E;
let office: Office;
const { dialogCount, checkDialog } = keyboardKit(() => t);
const CONFIRM = /^button\|Hủy$/;
const UNIT_NAMES: Record<string, string> = { SGD: 'Sở Giáo dục và Đào tạo', STP: 'Sở Tư pháp' };

beforeAll(async () => {
  t = await openE2E('keyboard-dialogs');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  office = await seedOffice(t.bridge.core);
  await dailyBackup(t.bridge.core);
});
afterAll(async () => {
  await t?.close();
});

/** Báo cáo đơn vị opened on one unit's report of the seeded half-year. */
async function openReport(code: string): Promise<void> {
  const { page } = t;
  await page.goto(`${t.bridge.url}#/bao-cao-don-vi`);
  await page.reload();
  await page.waitForSelector('input[aria-label="Đơn vị"]');
  await page.selectOption('select[aria-label="Kỳ báo cáo"]', String(office.periodId));
  await chooseUnit(page, office.units[code]!);
  await page.waitForSelector(`h2:has-text("${UNIT_NAMES[code]}")`);
}

describe('every other dialog and the keyboard', () => {
  it('Mẫu Word: fill, send to each unit, new version, delete', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/mau-word`);
    await page.waitForSelector('button:has-text("Điền mẫu…"):not([disabled])');
    await checkDialog('doc-template-fill', page.locator('button:has-text("Điền mẫu…")'), /./);
    await checkDialog('doc-template-merge', page.locator('button:has-text("Gửi từng đơn vị…")'), /./);
    await checkDialog('doc-template-version', page.locator('button:has-text("Tải phiên bản mới…")'), /./);
    await checkDialog('doc-template-delete', page.locator('.card button.danger-text:text-is("Xóa")'), CONFIRM);
    expect(t.problems).toEqual([]);
  });

  it('Văn bản chỉ đạo: edit', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.waitForSelector('.rp-row-actions button:text-is("Sửa")');
    await checkDialog('plan-edit', page.locator('.rp-row-actions button:text-is("Sửa")'), /^(input|select)\|/);
    expect(t.problems).toEqual([]);
  });

  it('Chấm điểm: units of the round and its confirmation, approve, reopen, the set editors; reason after value', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cham-diem`);
    await page.click('.sc-unit[data-unit="SNV"]');
    await page.waitForSelector('.sc-sheet h2:has-text("Sở Nội vụ")');
    // The appraised score, then its reason, then the next criterion.
    await page.focus('input[name="appraised-1.1"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason-1.1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('self-1.2');
    await checkDialog('scoring-approve', page.locator('button:has-text("Duyệt kết quả")'), CONFIRM);
    await checkDialog('round-units', page.locator('button:has-text("Đơn vị trong đợt…")'), /^input\|/, true);
    await page.uncheck('[role=group][aria-label="Đơn vị trong đợt"] label[data-unit="SGD"] input');
    await checkDialog('round-units-confirm', page.locator('.modal button.primary:has-text("Lưu")'), CONFIRM);
    await page.keyboard.press('Escape');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(0);
    await page.click('.sc-unit[data-unit="STP"]');
    await page.waitForSelector('.sc-sheet h2:has-text("Sở Tư pháp")');
    await checkDialog('scoring-reopen', page.locator('button:has-text("Mở lại…")'), /^textarea\|reopenReason$/);
    await page.click('[role=tab]:text-is("Bộ tiêu chí")');
    await checkDialog('set-edit', page.locator('button:has-text("Sửa (tạo phiên bản mới)…")'), /^input\|name$/);
    await checkDialog('set-json', page.locator('button:has-text("Sửa JSON (nâng cao)…")'), /^textarea\|/);
    expect(t.problems).toEqual([]);
  });

  it('Báo cáo đơn vị: accept, return, reopen, history', async () => {
    const { page } = t;
    await openReport('SGD');
    await checkDialog('report-accept', page.locator('button:has-text("Duyệt…")'), /./);
    await checkDialog('report-return', page.locator('button:has-text("Trả lại…")'), /^textarea\|/);
    await openReport('STP');
    await checkDialog('report-reopen', page.locator('button:has-text("Mở lại…")'), /^textarea\|/);
    await checkDialog('report-history', page.locator('button:has-text("Lịch sử (")'), /./);
    expect(t.problems).toEqual([]);
  });

  it('Cài đặt: delete a signer, fewer backups, restore, empty the trash', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cai-dat`);
    await page.waitForSelector('button:has-text("Xóa người ký")');
    await checkDialog('signer-delete', page.locator('button:has-text("Xóa người ký")').first(), CONFIRM);
    await page.click('[role=tab]:text-is("Sao lưu, khôi phục")');
    await page.waitForSelector('td:has-text("Tự động hằng ngày")');
    await checkDialog('backup-restore', page.locator('button:has-text("Khôi phục…")').first(), CONFIRM);
    await page.click('[role=tab]:text-is("Thùng rác")');
    await page.waitForSelector('button:has-text("Dọn thùng rác…"):not([disabled])');
    await checkDialog('trash-empty', page.locator('button:has-text("Dọn thùng rác…")'), CONFIRM);
    expect(t.problems).toEqual([]);
  });

  it('Tổng hợp: exporting again asks before taking a second number', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.waitForSelector('[aria-label="Chọn kỳ tổng hợp"] input[type=checkbox]:checked');
    for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
      if (await box.isChecked()) await box.uncheck();
    await page.check(`input[name=period-${office.periodId}]`);
    await page.click('button:has-text("Tổng hợp"):not([role=tab])');
    await page.waitForSelector('table[aria-label="Tổng hợp theo chỉ số"]');
    await page.check('label.check:has-text("Lấy số từ") input');
    const word = page.locator('button:text-is("Xuất Word")');
    await word.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-ok:has-text("Đã xuất báo cáo")');
    await word.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.modal h2:has-text("Lấy thêm số mới?")');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: WAIT }).toBe('Hủy');
    await t.shot('dialog-compile-renumber');
    await page.keyboard.press('Escape');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(0);
    await expect
      .poll(() => word.evaluate((el) => el === document.activeElement), {
        message: 'focus back on Xuất Word',
        timeout: WAIT,
      })
      .toBe(true);
    expect(t.problems).toEqual([]);
  });
});
