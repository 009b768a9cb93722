// Tổng hợp in a real browser: five units (one late, one missing), compile the period, edit the
// draft, a late report arrives and the figures refresh without losing the edit, then Word,
// Excel and the email draft; the progress band lies over the page without moving the tables.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { report, seedCompile, type CompileFixture } from '../unit/compile-fixture';

let t: E2E;
let fx: CompileFixture;

beforeAll(async () => {
  t = await openE2E('compile');
  fx = await seedCompile(t.bridge.core);
});

afterAll(async () => {
  await t?.close();
});

describe('Tổng hợp in chromium', () => {
  it('compiles a period: totals by rule, comparison, targets, status', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.waitForSelector('[aria-label="Chọn kỳ tổng hợp"]');
    for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
      if (await box.isChecked()) await box.uncheck();
    await page.check(`input[name=period-${fx.period2025}]`);
    await page.click('button:has-text("Tổng hợp"):not([role=tab])');
    const dt01 = page.locator('table[aria-label="Tổng hợp theo chỉ số"] tr[data-code=DT01]');
    await expect.poll(() => dt01.innerText()).toContain('125');
    expect(await dt01.innerText()).toContain('113');
    expect(await dt01.innerText()).toContain('+12');
    expect(await page.locator('tr[data-code=DT04]').innerText()).toContain('80,59%');
    expect(await page.locator('tr[data-code=DV04]').innerText()).toMatch(/60%[\s\S]*Chưa đạt/);
    expect(await page.locator('.cp-summary').innerText()).toMatch(
      /Đã gửi 4\/5 đơn vị[\s\S]*Nộp muộn 1[\s\S]*Chưa gửi 1/,
    );
    await t.shot('01-totals');
    await page.click('button[role=tab]:has-text("Theo loại đơn vị")');
    await page.waitForSelector('figure[aria-label="Biểu đồ tỷ lệ theo loại đơn vị"]');
    await t.shot('02-by-kind');
    await page.click('button[role=tab]:has-text("Tình hình báo cáo")');
    // the unit lines come a window at a time (compile.units): awaited, not read at once
    await expect
      .poll(() => page.locator('table[aria-label="Tình hình gửi báo cáo"]').innerText())
      .toMatch(/UBND xã Duy Xuyên[\s\S]*Đã nộp muộn[\s\S]*Muộn 5 ngày/);
  });

  it('edits the draft, keeps the edit when the figures refresh', async () => {
    const { page } = t;
    await page.click('button[role=tab]:has-text("Dự thảo báo cáo")');
    const area = page.locator('[data-name="section-II.1"]');
    await area.waitFor();
    const generated = (await area.getAttribute('data-value'))!;
    expect(generated).toContain('{{DT01}} cuộc{{DT01.cmp}}');
    // The user sees figures as labelled chips, never the raw placeholders.
    expect(await area.locator('.cp-chip[data-key="DT01"]').innerText()).toBe('125');
    expect(await area.locator('.cp-chip[data-key="DT01"]').getAttribute('title')).toMatch(/^Hội nghị đối thoại/);
    expect(await area.innerText()).not.toContain('{{');
    await area.fill(`Công tác đối thoại được quan tâm, đã tổ chức {{DT01}} cuộc.\n${generated}`);
    await page.click('button:has-text("Lưu dự thảo")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu dự thảo")');
    const preview = page.locator('[aria-label="Xem trước mục II.1"]');
    expect(await preview.innerText()).toContain('đã tổ chức 125 cuộc.');

    await report(
      t.bridge.core,
      fx.period2025,
      fx.units.U5,
      { DT01: 5, 'muc:II.1': 'Đối thoại với đoàn viên thanh niên.' },
      '2025-06-30',
    );
    await page.click('button:has-text("Cập nhật số liệu")');
    await page.waitForSelector('.notice-ok:has-text("Đã cập nhật số liệu")');
    const text = (await area.getAttribute('data-value'))!;
    expect(text.startsWith('Công tác đối thoại được quan tâm, đã tổ chức {{DT01}} cuộc.')).toBe(true);
    expect(text).toContain('- Đối thoại với đoàn viên thanh niên (UBND xã Quế Sơn).');
    expect(await preview.innerText()).toContain('đã tổ chức 130 cuộc.');
    expect(await page.locator('[data-section="II.1"] .cp-refresh-note').innerText()).toMatch(/Đã thêm/);
    // A section whose words did not change shows the new figures too, as its preview does.
    const opening = page.locator('[data-name="section-mo-dau"]');
    expect(await opening.locator('.cp-chip[data-key="units.reported"]').innerText()).toBe('5');
    expect(await opening.innerText()).not.toContain('Quế Sơn');
    await t.shot('03-draft');
  });

  it('exports Word and Excel, makes the email draft and shows the folder', async () => {
    const { page } = t;
    await page.click('button:has-text("Xuất Word")');
    await page.waitForSelector('.notice-ok:has-text("Đã xuất báo cáo")');
    await page.click('button:has-text("Xuất Excel")');
    await page.waitForSelector('.notice-ok:has-text("Đã xuất biểu tổng hợp")');
    await page.click('button:has-text("Xuất PDF (ký số)")');
    await page.waitForSelector('.notice-ok:has-text(".pdf")');
    const files = fs.readdirSync(t.bridge.exportDir);
    expect(files.some((f) => f.endsWith('.docx'))).toBe(true);
    expect(files).toContain('Bieu-tong-hop_6-thang-dau-nam-2025.xlsx');
    expect(files).toContainEqual(expect.stringMatching(/^Bao-cao-tong-hop_6-thang-dau-nam-2025_[\w-]+\.docx$/));
    const pdf = files.find((f) => f.endsWith('.pdf'))!;
    expect(fs.readFileSync(path.join(t.bridge.exportDir, pdf)).subarray(0, 5).toString()).toBe('%PDF-');

    await page.click('button:has-text("Gửi email")');
    const card = page.locator('[aria-label="Thư nháp"]');
    await card.waitFor();
    expect(await card.locator('input').inputValue()).toBe(
      'Sở Nội vụ gửi Báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025',
    );
    expect(await card.innerText()).toContain('vanthu@quangnam.gov.vn');
    const eml = t.bridge.opened.find((f) => f.endsWith('.eml'))!;
    expect(fs.existsSync(eml)).toBe(true);
    await t.shot('04-email');
    await card.locator('button:has-text("Mở thư mục")').click();
    await expect.poll(() => t.bridge.opened.at(-1)).toBe(path.dirname(eml));
    expect(t.problems).toEqual([]);
  });

  it('shows its progress over the page, so the tables stay where they are while it compiles', async () => {
    const { page } = t;
    await page.click('button[role=tab]:has-text("Chỉ số")');
    const table = page.locator('table[aria-label="Tổng hợp theo chỉ số"]');
    await table.waitFor();
    const before = (await table.boundingBox())!;
    // the answer is held back, as on a slow day, to see the page while it waits
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/compile.draft', async (route) => {
      await held;
      await route.continue();
    });
    await page.click('button:has-text("Tổng hợp"):not([role=tab])');
    const band = page.locator('.cp-progress[role=progressbar][aria-label="Đang tổng hợp số liệu…"]');
    await band.waitFor();
    expect((await table.boundingBox())!.y).toBe(before.y);
    await t.shot('05-compiling');
    release();
    await band.waitFor({ state: 'detached' });
    expect((await table.boundingBox())!.y).toBe(before.y);
    await page.unroute('**/api/compile.draft');
    expect(t.problems).toEqual([]);
  });

  it('keeps its export actions in whole groups at 1280×720: no button left alone on a line', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 1280, height: 720 });
    const top = (name: string) =>
      page
        .locator(`.screen-header button:has-text("${name}")`)
        .boundingBox()
        .then((b) => Math.round(b!.y));
    expect(await top('Xuất PDF (ký số)')).toBe(await top('Xuất Word'));
    expect(await top('Gửi email')).toBe(await top('Xuất Excel'));
    await t.shot('06-header-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
    // wide enough: one line
    expect(await top('Gửi email')).toBe(await top('Xuất Word'));
  });
});
