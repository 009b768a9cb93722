// The keyboard rules of docs/SCREENS.md in a real browser: every dialog takes focus on open (the
// first field, or Hủy in a confirmation), keeps Tab and Shift+Tab inside, closes on Escape one
// layer at a time and gives focus back to the control that opened it. Date fields read dd/mm/yyyy
// typed by hand and refuse what is not a date, naming the field; a breach's reason follows its value
// in Tab order; the sidebar marks the current screen, sub-screens included.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { keyboardKit, WAIT } from './keyboard-kit';
import { setupCollect, type CollectSetup } from '../unit/collect-helpers';
import { createPlan } from '../../src/main/features/plans/plans';
import { planInput } from '../../src/shared/contract/plans';
import { saveAgency } from '../../src/main/features/agency/agency';
import { agencyInput } from '../../src/shared/contract/agency';

let t: E2E;
let s: CollectSetup;

beforeAll(async () => {
  t = await openE2E('keyboard');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  s = await setupCollect(t.bridge.core.db, 3);
  await createPlan(
    t.bridge.core.db,
    planInput.parse({
      type: 'KH',
      number: '468',
      symbol: 'KH-UBND',
      issuedDate: '2025-03-27',
      issuer: 'UBND tỉnh',
      summary: 'Thực hiện công tác dân vận chính quyền năm 2025',
    }),
  );
});
afterAll(async () => {
  await t?.close();
});

/** The labels of the sidebar links marked as the current page (the icon left out). */
const navCurrent = () =>
  t.page.evaluate(() =>
    [...document.querySelectorAll('nav [aria-current=page]')].map((a) => a.lastChild?.textContent?.trim() ?? ''),
  );
const { dialogCount, checkDialog } = keyboardKit(() => t);

describe('dialogs and the keyboard', () => {
  it('Đơn vị: add, import, reorganise, edit, history, close, merge with a confirmation over it', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector('.vrow[data-code="X001"]');
    await checkDialog('unit-add', page.locator('button:has-text("+ Thêm đơn vị")'), /^input\|code$/);
    await checkDialog('unit-import', page.locator('button:has-text("Nhập từ Excel…")'), /./);
    await checkDialog('unit-reorganise', page.locator('button:has-text("Sắp xếp lại đơn vị…")'), /./);
    await checkDialog('unit-edit', page.locator('button[aria-label="Sửa X001"]'), /^input\|code$/);
    await checkDialog('unit-history', page.locator('button[aria-label="Lịch sử X001"]'), /./);
    // A confirmation starts on the safe button: Enter there destroys nothing.
    await checkDialog('unit-close', page.locator('button[aria-label="Thôi hoạt động X001"]'), /^button\|Hủy$/);
    // Two layers: Escape closes the confirmation only, and focus goes back to its opener inside.
    await checkDialog('unit-merge', page.locator('button[aria-label="Sáp nhập X001"]'), /^select\|/, true);
    await page.selectOption('select[aria-label="Đơn vị nhận sáp nhập"]', { label: 'X002 — Xã Đại Lộc' });
    await checkDialog('unit-merge-confirm', page.locator('.modal button:has-text("Sáp nhập…")'), /^button\|Hủy$/);
    expect(await dialogCount()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(0);
    // focus comes back once the dialog's layer is gone (an effect after the close): waited for, not read at once
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: WAIT })
      .toBe('Sáp nhập X001');
    expect(t.problems).toEqual([]);
  });

  it('Văn bản chỉ đạo, Kỳ báo cáo, Mẫu báo cáo, Tổng quan: every dialog', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.waitForSelector('button:has-text("Xóa")');
    await checkDialog('plan-add', page.locator('button.primary:has-text("Thêm")').first(), /^(input|select)\|/);
    await checkDialog('plan-delete', page.locator('button.danger-text:has-text("Xóa")').first(), /^button\|Hủy$/);
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await page.waitForSelector('button:has-text("Danh sách đơn vị…")');
    await checkDialog('period-add', page.locator('button:has-text("+ Tạo kỳ báo cáo")'), /^(input|select)\|/);
    await checkDialog('period-edit', page.locator('button:text-is("Sửa")').first(), /^(input|select)\|/);
    await checkDialog('period-units', page.locator('button:has-text("Danh sách đơn vị…")').first(), /./);
    await checkDialog('period-delete', page.locator('button.danger-text:has-text("Xóa")').first(), /^button\|Hủy$/);
    await page.goto(`${t.bridge.url}#/mau-bao-cao`);
    await page.waitForSelector('button:has-text("Sao chép")');
    await checkDialog('template-edit', page.locator('.rp-row-actions button.primary'), /^input\|Tên mẫu$/);
    await checkDialog('template-copy', page.locator('button:has-text("Sao chép")'), /^input\|/);
    await checkDialog('template-delete', page.locator('button.danger-text:has-text("Xóa")'), /^button\|Hủy$/);
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await checkDialog('reminder', page.locator('button:has-text("Công văn đôn đốc…")'), /./);
    expect(t.problems).toEqual([]);
  });

  it('Enter in a dialog without a form runs its main button; the file is named by what it is', async () => {
    const { page } = t;
    await saveAgency(
      t.bridge.core.db,
      agencyInput.parse({
        parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
        name: 'SỞ NỘI VỤ',
        abbreviation: 'SNV',
        place: 'Quảng Nam',
        draftingUnit: 'XDCQ',
        signers: [
          { fullName: 'Nguyễn Văn Ánh', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
        ],
      }),
    );
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.click('button:has-text("Công văn đôn đốc…")');
    await page.focus('.modal input[aria-label="Hạn nộp mới"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-ok:has-text("Đã soạn công văn đôn đốc số 1")');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(0);
    expect(fs.readdirSync(t.bridge.exportDir)).toContain('Cong-van-don-doc_6-thang-dau-nam-2025_So-01-SNV-XDCQ.docx');
    expect(t.problems).toEqual([]);
  });

  it('Chấm điểm and Mẫu Word: create a round (dates typed by hand), upload a template', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/mau-word`);
    await checkDialog('doc-template-upload', page.locator('button:has-text("Tải mẫu lên…")'), /./);
    await page.goto(`${t.bridge.url}#/cham-diem`);
    await checkDialog('round-create', page.locator('button:has-text("+ Tạo đợt chấm điểm")'), /^input\|year$/, true);
    const self = page.locator('input[aria-label="Hạn tự chấm"]');
    const appraisal = page.locator('input[aria-label="Hạn thẩm định"]');
    expect(await page.locator('.modal input[type=date]').count()).toBe(0);
    // Not a date: the message names the field, and Enter does not send the form.
    await self.fill('31/02/2025');
    await self.press('Tab');
    await page.waitForSelector('.modal .field-message:has-text("Hạn tự chấm: tháng 2 năm 2025 không có ngày 31")');
    await appraisal.fill('15/3/25');
    await appraisal.press('Enter');
    await page.waitForSelector('.modal .field-message:has-text("Hạn thẩm định: năm phải ghi đủ bốn chữ số")');
    expect(await dialogCount()).toBe(1);
    await t.shot('date-fields-refused');
    // Typed the usual ways, shown as dd/mm/yyyy; ↑ is a day later.
    await self.fill('5.2.2025');
    await self.press('ArrowUp');
    expect(await self.inputValue()).toBe('06/02/2025');
    await appraisal.fill('15-03-2025');
    await appraisal.press('Tab');
    expect(await appraisal.inputValue()).toBe('15/03/2025');
    await t.shot('date-fields-typed');
    await appraisal.press('Enter');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(0);
    const round = await t.bridge.core.db
      .selectFrom('scoring_rounds')
      .select(['self_deadline', 'appraisal_deadline'])
      .executeTakeFirstOrThrow();
    expect([round.self_deadline, round.appraisal_deadline]).toEqual(['2025-02-06', '2025-03-15']);
    expect(t.problems).toEqual([]);
  });

  it('Báo cáo đơn vị: a breach’s reason follows its value in Tab order; the submit dialog', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await page.click('button:has-text("Nhập báo cáo")');
    // the unit picker by keyboard: typing asks the server, ↓/↑ move, Escape closes, Enter chooses
    const picker = page.locator('input[role=combobox][aria-label="Đơn vị"]');
    await picker.focus();
    await page.keyboard.type('x00');
    await page.waitForSelector('[role=listbox] [role=option][data-code="X003"]');
    const order = await page
      .locator('[role=listbox] [role=option]')
      .evaluateAll((os) => os.map((o) => o.getAttribute('data-unit')));
    expect(order.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('[role=option][aria-selected=true]').getAttribute('data-unit')).toBe(order[1]);
    expect(await picker.getAttribute('aria-activedescendant')).toBe('unit-option-1');
    await t.shot('report-unit-picker');
    await page.keyboard.press('Escape');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role=listbox]').count()).toBe(0);
    await page.keyboard.type('dai loc');
    await expect.poll(() => page.locator('[role=listbox] [role=option]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`h2:has-text("${s.units[1]!.name}")`);
    expect(await picker.inputValue()).toBe(`${s.units[1]!.code} — ${s.units[1]!.name}`);
    await page.fill('#f-DT02', '10');
    await page.fill('#f-DT03', '12');
    await page.waitForSelector('[data-testid=breach-DT03]');
    await page.focus('#f-DT02');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-DT03');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Lý do vi phạm DT03 <= DT02',
    );
    await page.keyboard.type('Giải quyết thêm 2 ý kiến tồn từ kỳ trước.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^f-/);
    await t.shot('report-value-then-reason');
    await checkDialog('report-submit', page.locator('button:has-text("Ghi nhận đã nộp…")'), /^input\|Ngày nhận$/);
    // Nav: Báo cáo đơn vị is the current page.
    expect(await navCurrent()).toEqual(['Báo cáo đơn vị']);
    expect(t.problems).toEqual([]);
  });

  it('the sidebar marks the current screen, a sub-screen under its parent', async () => {
    const { page } = t;
    const current = async (hash: string) => {
      await page.goto(`${t.bridge.url}#/${hash}`);
      await page.waitForSelector('main h1, main .settings');
      return navCurrent();
    };
    expect(await current('tong-quan')).toEqual(['Tổng quan']);
    expect(await current('don-vi')).toEqual(['Đơn vị']);
    expect(await current('thu-bieu-excel')).toEqual(['Thu biểu Excel']);
    expect(await page.locator('nav a.active').allInnerTexts()).toHaveLength(2); // Kỳ báo cáo lit too
    await t.shot('sidebar-sub-screen');
    expect(await current('mau-bao-cao')).toEqual(['Mẫu báo cáo']);
    expect(await current('nhap-van-ban')).toEqual(['Nhập văn bản']);
    expect(await current('cai-dat')).toEqual(['Cài đặt']);
    // A tab row is one Tab stop; arrows move between tabs and focus follows.
    await page.focus('[role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe('Thể thức văn bản');
    expect(await page.locator('[role=tab][aria-selected=true]').innerText()).toBe('Thể thức văn bản');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Thùng rác');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Cơ quan');
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    // No control is put out of the natural Tab order anywhere.
    for (const hash of [
      'tong-quan',
      'don-vi',
      'van-ban',
      'ky-bao-cao',
      'thu-bieu-excel',
      'bao-cao-don-vi',
      'cham-diem',
      'mau-word',
      'cai-dat',
    ]) {
      await page.goto(`${t.bridge.url}#/${hash}`);
      await page.waitForSelector('main h1, main .settings');
      expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), hash).toBe(0);
      // A file chooser is a button Tab reaches, never a label around a hidden input.
      expect(await page.locator('label:has(> input[type=file])').count(), hash).toBe(0);
    }
    expect(t.problems).toEqual([]);
  });
});
