// Issue 13 in a real browser: a period whose window closed keeps its list when 1,000 units arrive;
// the list is changed only by "cập nhật danh sách", which shows the difference and asks a reason;
// a per-unit target is set as such in the plan editor; unscored units stay out of the ranking.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { createDispatch } from '../../src/main/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { formatDateShort } from '../../src/shared/format';

let t: E2E;
let periodId = 0;
const lastYear = new Date().getFullYear() - 1;
const ids: number[] = [];

async function api<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = (await createDispatch(t.bridge.core)(method, args)) as Result<MethodOutput<M>>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  t = await openE2E('workflow');
  for (let i = 1; i <= 21; i++) {
    const u = await api('units.create', {
      code: `X${String(i).padStart(2, '0')}`,
      name: `Xã số ${i}`,
      shortName: '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    ids.push(u.id);
  }
  const templateId = (await api('templates.list', undefined))[0]!.id;
  const p = await api('periods.create', {
    type: 'half',
    year: lastYear,
    templateId,
    expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
  });
  periodId = p.id;
  for (const id of ids.slice(0, 8)) {
    await api('reports.save', { periodId, unitId: id, values: [{ key: 'DT01', input: 2 }] });
    await api('reports.submit', { periodId, unitId: id, receivedDate: p.deadline });
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the workflow tells the truth, in chromium', () => {
  it('keeps a closed period at 8/21 when 1,000 units are imported', async () => {
    const { page } = t;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã', 'Tên đơn vị', 'Loại']);
    for (let i = 1; i <= 1000; i++) ws.addRow([`N${String(i).padStart(4, '0')}`, `Xã mới số ${i}`, 'UBND xã']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await api('units.importCommit', { fileName: 'don-vi-moi.xlsx', data })).toEqual({
      created: 1000,
      updated: 0,
    });
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    const row = page.locator('table[aria-label="Danh sách kỳ báo cáo"] tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('8 / 21');
    expect(await row.innerText()).toContain('danh sách đã chốt');
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await expect.poll(() => page.locator('.rp-cards').innerText()).toContain('đơn vị (danh sách đã chốt)');
    expect(await page.locator('[data-testid=reporting-rate]').innerText()).toContain('38,1%');
    await t.shot('01-board-after-import');
  });

  it('changes the list only through the shown difference, with a reason, kept in its history', async () => {
    const { page } = t;
    // X21 was in fact dissolved before the cut-off: the register learns it now.
    await api('units.close', { id: ids[20]!, date: `${lastYear - 1}-12-01` });
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await page.click('button:has-text("Danh sách đơn vị…")');
    await expect.poll(() => page.locator('[data-testid=expected-summary]').innerText()).toContain('21 đơn vị');
    expect(await page.locator('.modal fieldset:has-text("Bỏ khỏi danh sách")').innerText()).toContain('X21 — Xã số 21');
    expect(await page.locator('.modal fieldset:has-text("Thêm vào danh sách")').count()).toBe(0);
    const apply = page.locator('.modal button[type=submit]');
    expect(await apply.isDisabled()).toBe(true); // no reason yet
    await page.fill('textarea[aria-label="Lý do cập nhật danh sách"]', 'Xã số 21 giải thể trước ngày chốt số liệu');
    await t.shot('02-expected-diff');
    await apply.click();
    await page.waitForSelector('.notice-ok:has-text("20 đơn vị")');
    await expect
      .poll(() => page.locator('table[aria-label="Danh sách kỳ báo cáo"] tbody tr').first().innerText())
      .toContain('8 / 20');
    await page.click('button:has-text("Danh sách đơn vị…")');
    await expect
      .poll(() => page.locator('.modal .history').innerText())
      .toContain('Cập nhật danh sách đơn vị phải báo cáo: 21 → 20 đơn vị. Bỏ 1: Xã số 21.');
    expect(await page.locator('.modal').innerText()).toContain('Không có chênh lệch');
    await t.shot('03-expected-history');
    await page.click('.modal button:has-text("Đóng")');
    const logged = await t.bridge.core.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'period_expected')
      .where('action', '=', 'delete')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('closes a unit from today: gone from the list at once, not in a new scoring round', async () => {
    const { page } = t;
    const today = formatDateShort(new Date().toISOString().slice(0, 10));
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.fill('input[aria-label="Tìm đơn vị"]', 'X01');
    await page.waitForSelector('.vrow[data-code="X01"]');
    await page.click('button[aria-label="Thôi hoạt động X01"]');
    await page.fill('input[aria-label="Thôi hoạt động từ ngày"]', today);
    await page.click('.modal button.danger:has-text("Thôi hoạt động")');
    await page.waitForSelector('.notice-ok:has-text("X01 đã thôi hoạt động")');
    expect(await page.locator('.vrow[data-code="X01"]').count()).toBe(0);
    const set = (await api('scoring.sets.list', undefined))[0]!;
    const round = await api('scoring.rounds.create', { year: new Date().getFullYear(), setId: set.id });
    expect(round.units.some((u) => u.code === 'X01')).toBe(false);
    expect(t.problems).toEqual([]);
  });

  it('sets a per-unit target in the plan editor', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.click('button:has-text("+ Thêm văn bản")');
    await page.fill('input[aria-label="Trích yếu"]', 'Kế hoạch Dân vận khéo');
    await page.click('button:has-text("+ Thêm chỉ tiêu")');
    await page.fill('input[aria-label="Chỉ tiêu 1"]', 'Mỗi cơ quan, đơn vị có ít nhất 01 mô hình');
    await page.selectOption('select[aria-label="So sánh 1"]', 'it_nhat');
    await page.fill('input[aria-label="Giá trị 1"]', '1');
    await page.fill('input[aria-label="Đơn vị 1"]', 'mô hình');
    await page.selectOption('select[aria-label="Phạm vi 1"]', 'each_unit');
    await page.fill('input[aria-label="Mã chỉ số 1"]', 'DV01');
    await t.shot('04-target-scope');
    await page.click('button[type=submit]:has-text("Lưu")');
    await page.waitForSelector('.notice-ok');
    const plans = await api('plans.list', undefined);
    const plan = await api('plans.get', { id: plans[0]!.id });
    expect(plan.targets.map((x) => [x.text, x.scope])).toEqual([
      ['Mỗi cơ quan, đơn vị có ít nhất 01 mô hình', 'each_unit'],
    ]);
    expect(t.problems).toEqual([]);
  });
});
