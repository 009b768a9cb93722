// Nhập văn bản in a real browser: paste the Long Khánh plan, see the proposal beside the text,
// click a field to highlight its passage, correct the summary and the issuer, decide what each
// unit phrase is (nothing is created unless chosen), save, be asked before saving it twice, and
// find the plan with its tasks and periods.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../src/main/features/units/units';
import { openE2E, type E2E } from './harness';

let t: E2E;
const longKhanh = fs.readFileSync('/work/shared/seeds/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt', 'utf8');

beforeAll(async () => {
  t = await openE2E('plan-import');
  const units = [
    ['PNV', 'Phòng Nội vụ thành phố Long Khánh', 'so_nganh'],
    ['XA', 'UBND phường Xuân An', 'ubnd_phuong'],
  ] as const;
  for (const [code, name, kind] of units)
    await createUnit(t.bridge.core.db, {
      code,
      name,
      shortName: '',
      kind,
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
});

afterAll(async () => {
  await t?.close();
});

describe('Nhập văn bản in chromium', () => {
  it('is reached from Văn bản chỉ đạo', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.click('a:has-text("Nhập văn bản")');
    await page.waitForSelector('h1:has-text("Nhập văn bản")');
    await t.shot('01-empty');
  });

  it('reads the pasted plan and highlights the passage of a clicked field', async () => {
    const { page } = t;
    await page.fill('textarea[name=source]', longKhanh);
    await page.click('button:has-text("Đọc văn bản")');
    await page.waitForSelector('form[aria-label="Đề xuất từ văn bản"]');
    expect(await page.inputValue('input[name=number]')).toBe('468');
    expect(await page.inputValue('input[name=symbol]')).toBe('KH-UBND');
    expect(await page.inputValue('input[name=issuedDate]')).toBe('27/03/2024');
    expect(await page.inputValue('input[name=summary]')).toBe('Thực hiện công tác dân vận chính quyền năm 2024');
    expect(await page.locator('[data-task]').count()).toBe(7);
    // Phòng Nội vụ is linked to the register; group phrases stand for kinds; nothing is to be created
    expect(await page.inputValue('select[name=unit-0-0-mode]')).toBe('link');
    expect(await page.inputValue('select[name=unit-0-1-mode]')).toBe('kinds');
    expect(await page.isChecked('input[name=unit-0-1-kind-ubnd_phuong]')).toBe(true);
    expect(await page.locator('.pi-unit-create').count()).toBe(0);
    await page.click('textarea[name=task-2]');
    await expect
      .poll(() => page.locator('.pi-source mark.active').first().innerText())
      .toContain('Thanh tra thành phố');
    await t.shot('02-task-highlighted');
    await page.click('input[name=issuedDate]');
    await expect
      .poll(() => page.locator('.pi-source mark.active').first().innerText())
      .toBe('ngày 27 tháng 3 năm 2024');
  });

  it('saves the corrected plan with its tasks, targets, new units and periods', async () => {
    const { page } = t;
    await page.fill('input[name=summary]', 'Kế hoạch thực hiện công tác dân vận chính quyền năm 2024 (đã sửa)');
    // the copy has no header: the user types the issuing agency; and chooses to create one unit
    await page.fill('input[name=issuer]', 'ỦY BAN NHÂN DÂN THÀNH PHỐ LONG KHÁNH');
    await page.selectOption('select[name=unit-1-0-mode]', 'create');
    await page.selectOption('select[name=unit-1-0-create]', 'so_nganh');
    await t.shot('03-units-reviewed');
    await page.click('button:has-text("Lưu văn bản, nhiệm vụ và kỳ báo cáo")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu văn bản")');
    await t.shot('03-saved');
    const db = t.bridge.core.db;
    const plan = await db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
    expect(plan).toMatchObject({
      number: '468',
      symbol: 'KH-UBND',
      issued_date: '2024-03-27',
      summary: 'Kế hoạch thực hiện công tác dân vận chính quyền năm 2024 (đã sửa)',
      signer: 'Bùi Quốc Thế',
    });
    expect((await db.selectFrom('plan_tasks').select('id').where('plan_id', '=', plan.id).execute()).length).toBe(7);
    expect((await db.selectFrom('plan_targets').select('id').where('plan_id', '=', plan.id).execute()).length).toBe(3);
    const periods = await db
      .selectFrom('periods')
      .select(['name', 'deadline'])
      .where('plan_id', '=', plan.id)
      .orderBy('id')
      .execute();
    expect(periods).toEqual([
      { name: '6 tháng đầu năm 2024', deadline: '2024-05-10' },
      { name: 'Năm 2024', deadline: '2024-10-10' },
    ]);
    // the two units of the register and the one the user chose to create: Phòng Dân tộc
    expect((await db.selectFrom('units').select('name').orderBy('id').execute()).map((u) => u.name)).toEqual([
      'Phòng Nội vụ thành phố Long Khánh',
      'UBND phường Xuân An',
      'Phòng Dân tộc',
    ]);
  });

  it('shows the plan in Văn bản chỉ đạo and exports it as a .docx', async () => {
    const { page } = t;
    await page.click('button:has-text("Xuất văn bản (.docx)")');
    await page.waitForSelector('.notice-ok:has-text("Đã xuất văn bản")');
    const files = fs.readdirSync(t.bridge.exportDir).filter((f) => f.endsWith('.docx'));
    expect(files).toEqual(['Van-ban-chi-dao_So-468-KH-UBND_2024-03-27.docx']);
    await page.click('a:has-text("Xem trong Văn bản chỉ đạo")');
    await page.waitForSelector('h1:has-text("Văn bản chỉ đạo")');
    await expect.poll(() => page.locator('main').innerText()).toContain('(đã sửa)');
    await expect.poll(() => page.locator('main').innerText()).toContain('Phòng Nội vụ');
    await t.shot('04-plan-list');
    // the saved plan is exported again from its page in Văn bản chỉ đạo
    const written = path.join(t.bridge.exportDir, 'Van-ban-chi-dao_So-468-KH-UBND_2024-03-27.docx');
    fs.rmSync(written);
    await page.click('main button:has-text("Xuất văn bản (.docx)")');
    await expect.poll(() => fs.existsSync(written)).toBe(true);
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await expect.poll(() => page.locator('main').innerText()).toContain('6 tháng đầu năm 2024');
    await t.shot('05-periods');
  });

  it('asks before saving the same plan a second time', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/nhap-van-ban`);
    await page.waitForSelector('h1:has-text("Nhập văn bản")');
    await page.fill('textarea[name=source]', longKhanh);
    await page.click('button:has-text("Đọc văn bản")');
    await page.waitForSelector('form[aria-label="Đề xuất từ văn bản"]');
    // the copy names no issuer, so it is only recognised once the issuer is typed, at saving
    await page.fill('input[name=issuer]', 'ỦY BAN NHÂN DÂN THÀNH PHỐ LONG KHÁNH');
    await page.click('button:has-text("Lưu văn bản, nhiệm vụ và kỳ báo cáo")');
    await page.waitForSelector('[role=alert]:has-text("đã có trong danh sách")');
    await t.shot('06-duplicate-asked');
    expect((await t.bridge.core.db.selectFrom('plans').select('id').execute()).length).toBe(1);
    const periodsBefore = (await t.bridge.core.db.selectFrom('periods').select('id').execute()).length;
    await page.check('input[name=allowDuplicate]');
    await page.click('button:has-text("Lưu văn bản, nhiệm vụ và kỳ báo cáo")');
    // its period exists already: named in the notice, not made a second time
    await page.waitForSelector('.notice-ok:has-text("Đã có sẵn, không tạo lại")');
    expect((await t.bridge.core.db.selectFrom('plans').select('id').execute()).length).toBe(2);
    expect((await t.bridge.core.db.selectFrom('periods').select('id').execute()).length).toBe(periodsBefore);
    expect(t.problems).toEqual([]);
  });
});
