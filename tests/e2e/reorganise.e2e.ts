// Sắp xếp lại đơn vị in chromium (issue 20): import the decision annex, see the preview, apply it,
// see what still names the old units, follow a unit's lineage both ways, and undo the act.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { createUnit } from '../../src/main/features/units/units';
import { createPeriod } from '../../src/main/features/periods/periods';
import { listTemplates } from '../../src/main/features/templates/templates';
import { periodInput } from '../../src/shared/contract/periods';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { mappingWorkbook, type MappingRow } from '../unit/reorganise-fixture';
import { report } from '../unit/compile-fixture';

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
    // Undoing asks first (the new unit would be deleted), starting on Hủy: Escape keeps the act.
    await page.click('[aria-label="Các lần sắp xếp"] button:has-text("Hoàn tác…")');
    await page.waitForSelector('.modal h2:has-text("Hoàn tác lần sắp xếp")');
    expect(await page.locator('.modal .confirm-text').innerText()).toContain('các đơn vị lập mới theo lần này bị xóa');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hủy');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.modal').count()).toBe(1);
    expect(await page.locator('[aria-label="Các lần sắp xếp"] li:has-text("(đã hoàn tác)")').count()).toBe(0);
    await page.click('[aria-label="Các lần sắp xếp"] button:has-text("Hoàn tác…")');
    await t.shot('05-undo-confirm');
    await page.click('.modal button.danger:has-text("Hoàn tác")');
    await page.waitForSelector('[aria-label="Các lần sắp xếp"] li:has-text("(đã hoàn tác)")');
    await page.click('.modal button:has-text("Đóng")');
    await page.waitForSelector('.vrow[data-code="X1"]');
    expect(await page.locator('.vrow[data-code="XM"]').count()).toBe(0);
    await t.shot('06-undone');
    expect(t.problems).toEqual([]);
  });

  it('compares September 2025 with September 2024 on the new units in Tổng hợp, saying so', async () => {
    const { page } = t;
    const db = t.bridge.core.db;
    const templateId = (await listTemplates(db)).find((x) => x.code === 'dan-van-chinh-quyen')!.id;
    const month = async (year: number) =>
      (
        await createPeriod(
          db,
          periodInput.parse({
            type: 'month',
            year,
            index: 9,
            templateId,
            expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
          }),
        )
      ).id;
    const idOf = async (code: string) =>
      (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const p2024 = await month(2024);
    for (const [code, v] of [
      ['X1', 10],
      ['X2', 5],
      ['X3', 7],
      ['S', 13],
    ] as const)
      await report(t.bridge.core, p2024, await idOf(code), { DT01: v }, '2024-10-05');
    await applyReorganisation(
      db,
      'phu-luc.xlsx',
      await mappingWorkbook([
        row('X1', 'XM', 'UBND xã Hòa Bình'),
        row('X2', 'XM'),
        row('X3', 'XM'),
        row('S', 'XP1', 'UBND xã Phú Một', '60%'),
        row('S', 'XP2', 'UBND xã Phú Hai', '40%'),
        row('H', ''),
      ]),
      '2025-07-01',
      new Date('2025-07-05T08:00:00Z'),
    );
    const p2025 = await month(2025);
    for (const [code, v] of [
      ['XM', 30],
      ['XP1', 10],
      ['XP2', 6],
    ] as const)
      await report(t.bridge.core, p2025, await idOf(code), { DT01: v }, '2025-10-05');

    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.waitForSelector('[aria-label="Chọn kỳ tổng hợp"]');
    for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
      if (await box.isChecked()) await box.uncheck();
    await page.check(`input[name=period-${p2025}]`);
    await page.click('button:has-text("Tổng hợp"):not([role=tab])');
    const dt01 = page.locator('table[aria-label="Tổng hợp theo chỉ số"] tr[data-code=DT01]');
    // 30 + 10 + 6 = 46 against 10 + 5 + 7 + 13 = 35 read onto XM, XP1, XP2.
    await expect.poll(() => dt01.innerText()).toMatch(/46[\s\S]*35[\s\S]*\+11/);
    expect(await page.locator('.cp-notes').innerText()).toMatch(
      /Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\)/,
    );
    await page.click('[aria-label="Cùng kỳ quy đổi theo đơn vị mới"] summary');
    const restated = page.locator('[aria-label="Cùng kỳ quy đổi theo đơn vị mới"]');
    expect(await restated.locator('tr', { hasText: 'XM — UBND xã Hòa Bình' }).innerText()).toMatch(/X1, X2, X3\s+22\s/);
    expect(await restated.locator('tr', { hasText: 'XP2' }).innerText()).toMatch(/S \(40%\)\s+5,2/);
    await t.shot('06-compile-restated');
    expect(t.problems).toEqual([]);
  });

  it('folds June 2025 (old units) into the new units when June and September are compiled together', async () => {
    const { page } = t;
    const db = t.bridge.core.db;
    const templateId = (await listTemplates(db)).find((x) => x.code === 'dan-van-chinh-quyen')!.id;
    // June 2025 ends before the act: its list is the old units, who report after the date.
    const june = (
      await createPeriod(
        db,
        periodInput.parse({
          type: 'month',
          year: 2025,
          index: 6,
          templateId,
          expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
        }),
      )
    ).id;
    const idOf = async (code: string) =>
      (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    for (const [code, v] of [
      ['X1', 1],
      ['X2', 2],
      ['X3', 3],
      ['S', 10],
    ] as const)
      await report(t.bridge.core, june, await idOf(code), { DT01: v }, '2025-07-03');
    const sept = (
      await db
        .selectFrom('periods')
        .select('id')
        .where('year', '=', 2025)
        .where('idx', '=', 9)
        .where('type', '=', 'month')
        .executeTakeFirstOrThrow()
    ).id;
    // Already on Tổng hợp: load it again to see the new period.
    await page.reload();
    await page.waitForSelector('[aria-label="Chọn kỳ tổng hợp"]');
    for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
      if (await box.isChecked()) await box.uncheck();
    await page.check(`input[name=period-${june}]`);
    await page.check(`input[name=period-${sept}]`);
    await page.click('button:has-text("Tổng hợp"):not([role=tab])');
    const dt01 = page.locator('table[aria-label="Tổng hợp theo chỉ số"] tr[data-code=DT01]');
    // 1 + 2 + 3 + 10 in June, 30 + 10 + 6 in September.
    await expect.poll(() => dt01.innerText()).toMatch(/\s62\s/);
    expect(await page.locator('.cp-notes').innerText()).toMatch(
      /Số liệu kỳ này được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\): số liệu đã báo cáo trong kỳ này của 4 đơn vị cũ được cộng vào 3 đơn vị mới/,
    );
    await page.click('[aria-label="Kỳ này quy đổi theo đơn vị mới"] summary');
    const folded = page.locator('[aria-label="Kỳ này quy đổi theo đơn vị mới"]');
    expect(await folded.locator('tr', { hasText: 'XM — UBND xã Hòa Bình' }).innerText()).toMatch(/X1, X2, X3\s+6\s/);
    expect(await folded.locator('tr', { hasText: 'XP1' }).innerText()).toMatch(/S \(60%\)\s+6\s/);
    await t.shot('07-compile-folded');
    expect(t.problems).toEqual([]);
  });
});
