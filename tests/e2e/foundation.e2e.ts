// The foundation in a real browser: agency settings, units and their tree, diacritics-free
// search, a unit workbook with a bad row refused then accepted, everything there after reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openE2E, type E2E } from './harness';
import { formatDateShort, todayIso } from '../../src/shared/format';

let t: E2E;

beforeAll(async () => {
  t = await openE2E('foundation');
});

afterAll(async () => {
  await t?.close();
});

async function unitWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Tên viết tắt', 'Loại', 'Mã đơn vị cấp trên', 'Email']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('foundation in chromium', () => {
  it('shows the Vietnamese shell with every section', async () => {
    const { page } = t;
    await page.waitForSelector('nav[aria-label="Điều hướng chính"]');
    const labels = await page
      .locator('nav.sidebar a')
      .evaluateAll((links) => links.map((a) => a.lastChild?.textContent?.trim()));
    expect(labels).toEqual([
      'Tổng quan',
      'Đơn vị',
      'Văn bản chỉ đạo',
      'Kỳ báo cáo',
      'Báo cáo đơn vị',
      'Tổng hợp',
      'Chấm điểm',
      'Mẫu Word',
      'Cài đặt',
    ]);
    await t.shot('01-shell');
  });

  it('fills the agency form, refuses a blank name, saves with a KT. signer', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cai-dat`);
    await page.waitForSelector('form[aria-label="Thông tin cơ quan"]');
    await page.fill('input[name=parentName]', 'ủy ban nhân dân tỉnh quảng nam');
    expect(await page.inputValue('input[name=parentName]')).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM');
    await page.fill('input[name=abbreviation]', 'snv');
    await page.fill('input[name=place]', 'Quảng Nam');
    await page.fill('input[name=draftingUnit]', 'XDCQ');
    await page.click('button:has-text("Thêm người ký")');
    await page.fill('input[name=signer-0-fullName]', 'Nguyễn Văn Ánh');
    await page.selectOption('select[name=signer-0-prefix]', 'KT.');
    await page.fill('input[name=signer-0-authorityLine]', 'giám đốc');
    await page.fill('input[name=signer-0-title]', 'phó giám đốc');
    await page.click('button[type=submit]:has-text("Lưu")');
    await expect
      .poll(() => page.locator('.field-message').allInnerTexts())
      .toContain('Tên cơ quan không được để trống.');
    await t.shot('02-agency-error');
    await page.fill('input[name=name]', 'Sở Nội vụ');
    await page.click('button[type=submit]:has-text("Lưu")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu thông tin cơ quan")');
    await t.shot('03-agency-saved');
    const agency = await t.bridge.core.db.selectFrom('agency').selectAll().executeTakeFirstOrThrow();
    expect(agency).toMatchObject({
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      parent_name: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      place: 'Quảng Nam',
    });
    const signer = await t.bridge.core.db.selectFrom('signers').selectAll().executeTakeFirstOrThrow();
    expect(signer).toMatchObject({
      full_name: 'Nguyễn Văn Ánh',
      authority_prefix: 'KT.',
      authority_line: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      is_default: 1,
    });
  });

  it('adds units, builds a tree and finds them without diacritics', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector('text=Chưa có đơn vị nào');
    const add = async (code: string, name: string, kind: string, parent?: string) => {
      await page.click('button:has-text("+ Thêm đơn vị")');
      await page.fill('form[aria-label="Thông tin đơn vị"] input[name=code]', code);
      await page.fill('form[aria-label="Thông tin đơn vị"] input[name=name]', name);
      await page.selectOption('form[aria-label="Thông tin đơn vị"] select[name=kind]', kind);
      if (parent)
        await page.selectOption('form[aria-label="Thông tin đơn vị"] select[name=parentId]', { label: parent });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.vrow[data-code="${code}"]`);
    };
    await add('STP', 'Sở Tư pháp', 'so_nganh');
    await add('TGPL', 'Trung tâm Trợ giúp pháp lý nhà nước', 'su_nghiep', 'STP — Sở Tư pháp');
    await add('X-HV', 'UBND xã Hòa Vang', 'ubnd_xa');
    await add('BDV', 'Ban Dân vận Tỉnh ủy', 'khac');
    // the child sits right under its parent, indented
    const codes = await page
      .locator('.vbody .vrow')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes.indexOf('TGPL')).toBe(codes.indexOf('STP') + 1);
    await t.shot('04-units-tree');

    await page.fill('input[aria-label="Tìm đơn vị"]', 'dan van');
    await expect
      .poll(() => page.locator('.vbody .vrow').evaluateAll((r) => r.map((x) => x.getAttribute('data-code'))))
      .toEqual(['BDV']);
    await page.fill('input[aria-label="Tìm đơn vị"]', 'ubnd xa');
    await expect
      .poll(() => page.locator('.vbody .vrow').evaluateAll((r) => r.map((x) => x.getAttribute('data-code'))))
      .toEqual(['X-HV']);
    await page.fill('input[aria-label="Tìm đơn vị"]', 'tro giup');
    await expect
      .poll(() => page.locator('.vbody .vrow').evaluateAll((r) => r.map((x) => x.getAttribute('data-code'))))
      .toEqual(['TGPL']);
    await t.shot('05-search-folded');
    await page.fill('input[aria-label="Tìm đơn vị"]', '');
  });

  it('refuses a workbook with one bad row, then imports the fixed one', async () => {
    const { page } = t;
    const before = await t.bridge.core.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await page.click('button:has-text("Nhập từ Excel")');
    const bad = await unitWorkbook([
      ['P-AN', 'UBND phường An Mỹ', '', 'UBND phường', '', 'anmy@example.vn'],
      ['P-AN-TT', 'Trung tâm văn hóa phường An Mỹ', '', 'Đơn vị sự nghiệp', 'KHONG-CO', ''],
      ['DK-LS', 'UBND đặc khu Lý Sơn', 'Lý Sơn', 'Đặc khu', '', ''],
    ]);
    await page.setInputFiles('input[aria-label="Chọn tệp Excel"]', {
      name: 'don-vi-loi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await page.waitForSelector('.import-errors');
    const errorText = await page.locator('.import-errors').innerText();
    expect(errorText).toContain('Dòng 3');
    expect(errorText).toContain('KHONG-CO');
    expect(await page.isDisabled('button:has-text("Nhập tất cả")')).toBe(true);
    await t.shot('06-import-error');
    const after = await t.bridge.core.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const good = await unitWorkbook([
      ['P-AN', 'UBND phường An Mỹ', '', 'UBND phường', '', 'anmy@example.vn'],
      ['P-AN-TT', 'Trung tâm văn hóa phường An Mỹ', '', 'Đơn vị sự nghiệp', 'P-AN', ''],
      ['DK-LS', 'UBND đặc khu Lý Sơn', 'Lý Sơn', 'Đặc khu', '', ''],
    ]);
    await page.setInputFiles('input[aria-label="Chọn tệp Excel"]', {
      name: 'don-vi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await page.waitForSelector('text=3 thêm mới');
    await t.shot('07-import-preview');
    await page.click('button:has-text("Nhập tất cả")');
    await page.waitForSelector('.notice-ok:has-text("Đã nhập 3 đơn vị mới")');
    await page.waitForSelector('.vrow[data-code="P-AN-TT"]');
    await t.shot('08-imported');
  });

  it('keeps everything after a reload', async () => {
    const { page } = t;
    await page.reload();
    await page.waitForSelector('.vrow[data-code="DK-LS"]');
    const codes = await page
      .locator('.vbody .vrow')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(['BDV', 'DK-LS', 'P-AN', 'P-AN-TT', 'STP', 'TGPL', 'X-HV']);
    await page.goto(`${t.bridge.url}#/cai-dat`);
    await page.waitForSelector('input[name=name]');
    expect(await page.inputValue('input[name=name]')).toBe('SỞ NỘI VỤ');
    expect(await page.inputValue('input[name=signer-0-fullName]')).toBe('Nguyễn Văn Ánh');
    await t.shot('09-after-reload');
    expect(t.problems).toEqual([]);
  });

  it('closes a unit on a date typed the Vietnamese way and merges another, keeping both in history', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector('.vrow[data-code="DK-LS"]');
    // Units entered today report from today; closing one from today takes effect today.
    const today = formatDateShort(todayIso());
    await page.click('button[aria-label="Thôi hoạt động DK-LS"]');
    await page.fill('input[aria-label="Thôi hoạt động từ ngày"]', today);
    await page.click('.modal button.danger:has-text("Thôi hoạt động")');
    await page.waitForSelector('.notice-ok:has-text("DK-LS đã thôi hoạt động")');
    expect(await page.locator('.vrow[data-code="DK-LS"]').count()).toBe(0);
    await page.click('button[aria-label="Sáp nhập X-HV"]');
    await page.selectOption('select[aria-label="Đơn vị nhận sáp nhập"]', { label: 'P-AN — UBND phường An Mỹ' });
    await page.fill('input[aria-label="Sáp nhập từ ngày"]', today);
    await page.click('.modal button.danger:has-text("Sáp nhập…")');
    await page.click('.modal button.danger >> text="Sáp nhập"');
    await page.waitForSelector('.notice-ok:has-text("Đã sáp nhập X-HV vào P-AN")');
    await page.check('text=Hiện cả đơn vị đã thôi hoạt động');
    await page.waitForSelector('.vrow[data-code="DK-LS"]');
    expect(await page.locator('.vrow[data-code="DK-LS"]').innerText()).toContain(`Thôi từ ${today}`);
    expect(await page.locator('.vrow[data-code="X-HV"]').innerText()).toContain('Đã sáp nhập');
    await page.click('button[aria-label="Lịch sử X-HV"]');
    await page.waitForSelector('.history li:has-text("Sáp nhập vào P-AN")');
    await t.shot('10-closed-merged');
    expect(t.problems).toEqual([]);
  });
});
