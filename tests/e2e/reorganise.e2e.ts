// Sắp xếp lại đơn vị in chromium (issue 20): import the decision annex, see the preview, apply it,
// see what still names the old units, follow a unit's lineage both ways, and undo the act.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { createUnit } from '../../src/main/features/units/units';
import { createPeriod } from '../../src/main/features/periods/periods';
import { listTemplates } from '../../src/main/features/templates/templates';
import { periodInput } from '../../src/shared/contract/periods';
import { mappingWorkbook, type MappingRow } from '../unit/reorganise-fixture';

let t: E2E;
const row = (oldCode: string, newCode: string, newName = '', share: MappingRow['share'] = null): MappingRow => ({
  oldCode,
  oldName: '',
  newCode,
  newName,
  kind: '',
  share,
});

beforeAll(async () => {
  t = await openE2E('reorganise');
  const db = t.bridge.core.db;
  const ids: number[] = [];
  for (const code of ['X1', 'X2', 'X3', 'S', 'H'])
    ids.push(
      (
        await createUnit(db, {
          code,
          name: `UBND xã ${code}`,
          shortName: '',
          kind: code === 'H' ? 'ubnd_huyen' : 'ubnd_xa',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        })
      ).id,
    );
  const templateId = (await listTemplates(db))[0]!.id;
  await createPeriod(
    db,
    periodInput.parse({
      type: 'quarter',
      year: 2025,
      index: 3,
      templateId,
      expected: { mode: 'list', unitIds: ids.slice(0, 2) },
    }),
  );
});
afterAll(async () => {
  await t.close();
});

describe('reorganising the register in chromium', () => {
  it('imports the annex, previews, applies, shows the lineage and undoes', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.waitForSelector('.vrow[data-code="X1"]');
    await page.click('button:has-text("Sắp xếp lại đơn vị…")');
    const annex = await mappingWorkbook([
      row('X1', 'XM', 'UBND xã Hòa Bình'),
      row('X2', 'XM'),
      row('X3', 'XM'),
      row('S', 'XP1', 'UBND xã Phú Một', '60%'),
      row('S', 'XP2', 'UBND xã Phú Hai', '40%'),
      row('H', ''),
    ]);
    await page.setInputFiles('input[aria-label="Chọn tệp phụ lục sắp xếp"]', {
      name: 'phu-luc-sap-xep.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(annex),
    });
    const preview = page.locator('[aria-label="Xem trước sắp xếp"]');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(
      /ngày hiệu lực 01\/07\/2025: 5 đơn vị cũ → tạo 3 đơn vị mới, thôi hoạt động 5; 1 sáp nhập, 1 chia tách, 0 đổi tên, 1 giải thể/,
    );
    expect(await preview.locator('tr', { hasText: 'XM — UBND xã Hòa Bình' }).textContent()).toMatch(/X1, X2, X3/);
    expect(await preview.locator('tr', { hasText: 'XP2' }).textContent()).toMatch(/S \(40%\)/);
    await t.shot('01-preview');

    await page.click('button:has-text("Thực hiện sắp xếp")');
    const repoint = page.locator('[aria-label="Chuyển sang đơn vị mới"]');
    await repoint.waitFor();
    // The quarter's list still names X1 and X2: proposed for XM, nothing changed yet.
    expect(await repoint.textContent()).toMatch(/X1 — UBND xã X1.*XM — UBND xã Hòa Bình/);
    expect(await page.locator('[aria-label="Các lần sắp xếp"]').textContent()).toMatch(/Số 1, từ ngày 01\/07\/2025/);
    await t.shot('02-applied-repoint');
    await page.click('.modal button:has-text("Đóng")');

    await page.waitForSelector('.vrow[data-code="XM"]');
    expect(await page.locator('.vrow[data-code="X1"]').count()).toBe(0);
    await page.click('button[aria-label="Lịch sử XM"]');
    const lineage = page.locator('[aria-label="Quá trình sắp xếp"]');
    await lineage.waitFor();
    expect(await lineage.textContent()).toMatch(
      /Hình thành từSáp nhập từ ngày 01\/07\/2025: X1 — UBND xã X1 \(thôi hoạt động từ 01\/07\/2025\)/,
    );
    await t.shot('03-lineage-formed-from');
    await lineage.locator('button:has-text("X1 — UBND xã X1")').click();
    await page.waitForSelector('.modal h2:has-text("Lịch sử: X1")');
    expect(await page.locator('[aria-label="Quá trình sắp xếp"]').textContent()).toMatch(
      /Chuyển sangSáp nhập từ ngày 01\/07\/2025: XM — UBND xã Hòa Bình/,
    );
    await t.shot('04-lineage-went-into');
    await page.keyboard.press('Escape');

    await page.click('button:has-text("Sắp xếp lại đơn vị…")');
    await page.click('[aria-label="Các lần sắp xếp"] button:has-text("Hoàn tác")');
    await page.waitForSelector('[aria-label="Các lần sắp xếp"] li:has-text("(đã hoàn tác)")');
    await page.click('.modal button:has-text("Đóng")');
    await page.waitForSelector('.vrow[data-code="X1"]');
    expect(await page.locator('.vrow[data-code="XM"]').count()).toBe(0);
    await t.shot('05-undone');
    expect(t.problems).toEqual([]);
  });
});
