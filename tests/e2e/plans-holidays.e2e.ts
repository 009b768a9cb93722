// The plan editor links task units to the register and edits a target's unit kinds; holidays typed in
// Cài đặt move a new period's default deadline past Tết.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUnitViaUi, openE2E, type E2E } from './harness';
import { getPlan, listPlans } from '../../src/main/features/plans/plans';
import { getHolidays } from '../../src/main/features/periods/holidays';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('plans-holidays');
});
afterAll(async () => {
  await t?.close();
});

const addUnit = (code: string, name: string) => addUnitViaUi(t, code, name);

describe('plans and holidays in chromium', () => {
  it('picks task units from the register and sets the unit kinds a target applies to', async () => {
    await addUnit('SNV', 'Sở Nội vụ');
    await addUnit('STC', 'Sở Tài chính');
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.click('button:has-text("+ Thêm văn bản")');
    const form = page.locator('form[aria-label="Văn bản chỉ đạo"]');
    await form.locator('input[aria-label="Trích yếu"]').fill('Kế hoạch cải cách hành chính năm 2026');
    await form.locator('button:has-text("+ Thêm chỉ tiêu")').click();
    await form.locator('input[aria-label="Chỉ tiêu 1"]').fill('Tỷ lệ hồ sơ trực tuyến');
    await form.locator('input[aria-label="Giá trị 1"]').fill('80');
    await form.locator('input[aria-label="UBND xã (chỉ tiêu 1)"]').check();
    await form.locator('input[aria-label="UBND phường (chỉ tiêu 1)"]').check();
    await form.locator('button:has-text("+ Thêm nhiệm vụ")').click();
    await form.locator('textarea[aria-label="Nhiệm vụ 1"]').fill('Rà soát thủ tục hành chính');
    await form.locator('input[aria-label="Chủ trì 1"]').fill('so noi vu');
    await expect.poll(() => form.locator('text=✓ Đơn vị trong danh bạ').count()).toBe(1);
    await form.locator('select[aria-label="Thêm đơn vị phối hợp 1"]').selectOption('Sở Tài chính');
    await form.locator('input[aria-label="Phối hợp 1"]').press('End');
    await form.locator('input[aria-label="Phối hợp 1"]').pressSequentially('; Công an tỉnh');
    expect(await form.locator('input[aria-label="Phối hợp 1"]').inputValue()).toBe('Sở Tài chính; Công an tỉnh');
    await t.shot('01-plan-editor');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice-ok:has-text("Đã lưu")');
    const card = page.locator('.card');
    expect(await card.locator('table[aria-label="Chỉ tiêu"]').innerText()).toContain('UBND xã, UBND phường');
    expect(await card.innerText()).toContain('Chủ trì: Sở Nội vụ · Phối hợp: Sở Tài chính, Công an tỉnh');
    const plans = await listPlans(t.bridge.core.db);
    const plan = await getPlan(t.bridge.core.db, plans[0]!.id);
    expect(plan.tasks[0]!.lead?.unitId).not.toBeNull();
    expect(plan.tasks[0]!.supporting.map((s) => s.unitId === null)).toEqual([false, true]);
    expect(plan.targets[0]!.unitKinds).toEqual(['ubnd_xa', 'ubnd_phuong']);
  });

  it('keeps Tết in the holiday settings', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cai-dat`);
    await page.click('[role=tab]:has-text("Ngày nghỉ lễ")');
    for (const d of ['16/02/2026', '17/02/2026']) {
      await page.fill('input[aria-label="Ngày nghỉ"]', d);
      await page.fill('input[aria-label="Tên ngày lễ"]', 'Tết Nguyên đán');
      await page.click('button:has-text("+ Thêm ngày")');
    }
    await page.fill('input[aria-label="Ngày nghỉ"]', '17/02/2026');
    await page.click('button:has-text("+ Thêm ngày")');
    await page.waitForSelector('[role=alert]:has-text("đã có trong danh sách")');
    await page.click('button:has-text("Lưu ngày nghỉ lễ")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu ngày nghỉ lễ")');
    expect(await page.locator('table[aria-label="Ngày nghỉ lễ năm 2026"]').innerText()).toMatch(
      /16\/02\/2026\s+Thứ Hai\s+Tết Nguyên đán/,
    );
    await t.shot('02-holidays');
    expect(await getHolidays(t.bridge.core.db)).toEqual([
      { date: '2026-02-16', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', name: 'Tết Nguyên đán' },
    ]);
    expect(t.problems).toEqual([]);
  });
});
