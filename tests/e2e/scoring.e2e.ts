// Chấm điểm in a real browser: create a round, self-score one unit with evidence (an executable
// refused), appraise it with a changed criterion (refused without a reason, then saved), approve
// it, see the class and the ranking (with a tie), and export the report and the scores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { createUnit } from '../../src/main/features/units/units';
import { getCriteriaSet, saveCriteriaSet } from '../../src/main/features/scoring/criteria-sets';
import ExcelJS from 'exceljs';

let t: E2E;

beforeAll(async () => {
  t = await openE2E('scoring');
  for (const [code, name, kind] of [
    ['XAN', 'UBND xã An Nhơn', 'ubnd_xa'],
    ['STP', 'Sở Tư pháp', 'so_nganh'],
  ] as const) {
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
  }
});

afterAll(async () => {
  await t?.close();
});

// 92 from the criteria, +2 bonus: 94 self-scored.
const SELF: Record<string, string> = {
  '1.1': '4',
  '1.2': '3',
  '1.3': '3',
  '2.1': '4',
  '2.2': '3',
  '2.3': '2',
  '3.1': '8',
  '3.2': '5',
  '3.3': '6',
  '4.1': '7',
  '4.2': '6',
  '4.3': '5',
  '5.1': '6',
  '5.2': '7',
  '5.3': '6',
  '6.1': '7',
  '6.2': '5',
  '6.3': '5',
  T1: '2',
};

describe('scoring in chromium', () => {
  it('creates a round for the year with the default set', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cham-diem`);
    await page.waitForSelector('text=Chưa có đợt chấm điểm nào');
    await page.click('button:has-text("+ Tạo đợt chấm điểm")');
    await page.fill('form[aria-label="Đợt chấm điểm"] input[name=year]', '2025');
    await page.fill('form[aria-label="Đợt chấm điểm"] input[name=selfDeadline]', '2025-11-20');
    await page.fill('form[aria-label="Đợt chấm điểm"] input[name=appraisalDeadline]', '2025-12-10');
    await page.click('form[aria-label="Đợt chấm điểm"] button[type=submit]');
    await page.waitForSelector('.notice-ok:has-text("với 2 đơn vị")');
    await page.waitForSelector('.sc-unit[data-unit="XAN"].active');
    expect(await page.locator('.sc-round-line').innerText()).toContain('Hạn tự chấm: 20/11/2025');
  });

  it('changes the units of the round: removes an unscored unit after confirming, adds it back', async () => {
    const { page } = t;
    await page.click('button:has-text("Đơn vị trong đợt…")');
    await page.uncheck('[role=group][aria-label="Đơn vị trong đợt"] label[data-unit="STP"] input');
    await page.click('.modal button.primary:has-text("Lưu")');
    await page.waitForSelector('text=Bỏ 1 đơn vị khỏi đợt');
    await page.click('.modal button.danger:has-text("Bỏ khỏi đợt")');
    await page.waitForSelector('.notice-ok:has-text("Đã bỏ 1 đơn vị.")');
    await expect.poll(() => page.locator('.sc-unit-list .sc-unit').count()).toBe(1);
    await page.click('button:has-text("Đơn vị trong đợt…")');
    await page.check('[role=group][aria-label="Đơn vị có thể thêm"] label[data-unit="STP"] input');
    await t.shot('00-round-units');
    await page.click('.modal button.primary:has-text("Lưu")');
    await page.waitForSelector('.notice-ok:has-text("Đã thêm 1 đơn vị.")');
    await page.waitForSelector('.sc-unit[data-unit="STP"]');
  });

  it('self-scores one unit with live totals and evidence; an executable is refused', async () => {
    const { page } = t;
    for (const [code, v] of Object.entries(SELF)) await page.fill(`input[name="self-${code}"]`, v);
    await page.fill('textarea[name="note-1.1"]', 'Kế hoạch số 12/KH-UBND ngày 10/01/2025');
    await expect.poll(() => page.locator('[data-testid=total-self] .rp-card-value').innerText()).toBe('94');
    expect(await page.locator('[data-testid=total-self]').innerText()).toContain('Hoàn thành xuất sắc nhiệm vụ');
    // A score above the maximum is marked at once and cannot be saved.
    await page.fill('input[name="self-1.2"]', '3,5');
    await expect.poll(() => page.locator('input[name="self-1.2"]').getAttribute('class')).toContain('invalid');
    await page.click('button:has-text("Lưu tự chấm")');
    await page.waitForSelector('.notice-error:has-text("tiêu chí 1.2: Điểm phải từ 0 đến 3.")');
    await page.fill('input[name="self-1.2"]', '3');
    await page.click('button:has-text("Lưu tự chấm")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu điểm tự chấm")');
    await page.setInputFiles('input[aria-label="Minh chứng 1.1"]', {
      name: 'Kế hoạch 12.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 kế hoạch'),
    });
    await page.waitForSelector('.sc-ev button:has-text("Kế hoạch 12.pdf")');
    await page.setInputFiles('input[aria-label="Minh chứng 1.2"]', {
      name: 'caidat.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ\x90\x00'),
    });
    await page.waitForSelector('.notice-error:has-text("Tệp minh chứng “caidat.exe” có kiểu “.exe” không được nhận")');
    await page.click('.sc-ev button:has-text("Kế hoạch 12.pdf")');
    const ev = await t.bridge.core.db.selectFrom('scoring_evidence').selectAll().execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]!.stored_path.startsWith('evidence/')).toBe(true);
    expect(fs.existsSync(path.join(t.bridge.core.dataDir, ev[0]!.stored_path))).toBe(true);
    await t.shot('01-self-score');
  });

  it('appraises with a changed criterion: refused without a reason, saved with one', async () => {
    const { page } = t;
    await page.fill('input[name="appraised-4.1"]', '5');
    await expect.poll(() => page.locator('textarea[name="reason-4.1"]').getAttribute('class')).toContain('invalid');
    await expect.poll(() => page.locator('[data-testid=total-final] .rp-card-value').innerText()).toBe('92');
    await page.click('button:has-text("Lưu thẩm định")');
    await page.waitForSelector('.notice-error:has-text("phải ghi lý do")');
    await page.fill('textarea[name="reason-4.1"]', 'Tỷ lệ hồ sơ đúng hạn 96%, trừ 2 điểm');
    await page.fill('input[name="appraised-TR1"]', '4');
    await page.fill('textarea[name="reason-TR1"]', 'Có 2 đoàn đông người');
    await expect.poll(() => page.locator('[data-testid=total-final] .rp-card-value').innerText()).toBe('88');
    expect(await page.locator('[data-testid=total-final]').innerText()).toContain('Hoàn thành tốt nhiệm vụ');
    await page.click('button:has-text("Lưu thẩm định")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu điểm thẩm định")');
    await t.shot('02-appraisal');
    // At 1280×720 the reason column is on screen, not behind the table's sideways scroll.
    await page.setViewportSize({ width: 1280, height: 720 });
    const wrap = (await page.locator('.sc-table-wrap').boundingBox())!;
    const reason = (await page.locator('textarea[name="reason-4.1"]').boundingBox())!;
    expect(reason.x + reason.width).toBeLessThanOrEqual(wrap.x + wrap.width);
    expect(await page.locator('.sc-table-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await t.shot('02-appraisal-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('button:has-text("Duyệt kết quả")');
    await page.waitForSelector('text=Sau khi duyệt, điểm bị khóa');
    await page.click('.modal button.danger:has-text("Duyệt")');
    await page.waitForSelector('.notice-ok:has-text("Đã duyệt kết quả của UBND xã An Nhơn")');
    expect(await page.locator('.sc-sheet-head .badge').innerText()).toBe('Đã duyệt');
    expect(await page.locator('input[name="appraised-4.1"]').isDisabled()).toBe(true);
    await t.shot('03-approved');
  });

  it('takes the self-score of the second unit by Excel: a bad book is refused naming the cell, a good one is taken', async () => {
    const { page } = t;
    await page.click('.sc-unit[data-unit="STP"]');
    await page.waitForSelector('.sc-sheet-head h2:has-text("Sở Tư pháp")');
    await page.click('button:has-text("Xuất phiếu Excel")');
    await page.waitForSelector('.notice-ok:has-text("Đã xuất phiếu tự chấm")');
    const name = fs.readdirSync(t.bridge.exportDir).find((f) => f.startsWith('Phieu-tu-cham_') && f.includes('_STP-'))!;
    const fill = async (values: Record<string, string | number>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(t.bridge.exportDir, name));
      wb.getWorksheet('Tự chấm')!.eachRow((row) => {
        const code = row.getCell(1).value;
        if (typeof code === 'string' && code in values) row.getCell(4).value = values[code]!;
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    // The second unit reaches the same total as the first: 88 (6.3 gives 1, no bonus).
    const good = Object.fromEntries(Object.entries({ ...SELF, '6.3': '1', T1: '0' }).map(([k, v]) => [k, Number(v)]));
    await page.setInputFiles('input[aria-label="Nhập phiếu tự chấm"]', {
      name: 'phieu-STP.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await fill({ ...good, '2.1': 7 }),
    });
    await page.waitForSelector('.notice-error:has-text("Tệp “phieu-STP.xlsx”, trang tính “Tự chấm”, ô D")');
    expect(await page.locator('.notice-error').last().innerText()).toContain('(2.1): điểm 7 vượt điểm tối đa 4.');
    expect(
      await t.bridge.core.db
        .selectFrom('scoring_lines as l')
        .innerJoin('scorings as s', 's.id', 'l.scoring_id')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .select('l.code')
        .where('l.self_c', 'is not', null)
        .where('u.code', '=', 'STP')
        .execute(),
    ).toEqual([]);
    await page.setInputFiles('input[aria-label="Nhập phiếu tự chấm"]', {
      name: 'phieu-STP.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await fill(good),
    });
    await page.waitForSelector('.notice-ok:has-text("Đã nhập phiếu tự chấm của Sở Tư pháp: 88 điểm")');
    expect(await page.inputValue('input[name="self-6.3"]')).toBe('1');
    await t.shot('04-excel-import');
  });

  it('shows the class and the ranking with a tie explained, and exports Word and Excel', async () => {
    const { page } = t;
    await page.click('.tab:has-text("Kết quả, xếp hạng")');
    await page.waitForSelector('table[aria-label="Bảng xếp hạng"] tbody tr');
    const rows = await page.locator('table[aria-label="Bảng xếp hạng"] tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^1 \(đồng hạng\)\tUBND xã An Nhơn\t94\t90\t2\t4\t88\tHoàn thành tốt nhiệm vụ\tĐã duyệt$/);
    expect(rows[1]).toMatch(/^1 \(đồng hạng\)\tSở Tư pháp\t88\t88\t0\t0\t88\tHoàn thành tốt nhiệm vụ\tĐang tự chấm$/);
    expect(await page.locator('.sc-tie').innerText()).toBe(
      'Hạng 1: UBND xã An Nhơn, Sở Tư pháp cùng đạt 88 điểm, xếp đồng hạng; hạng kế tiếp là 3.',
    );
    expect(await page.locator('svg.sc-chart rect').count()).toBe(4);
    expect(await page.locator('table[aria-label="Xếp loại theo loại đơn vị"]').innerText()).toContain('UBND xã');
    await t.shot('05-results');
    const files = () => fs.readdirSync(t.bridge.exportDir);
    await page.click('button:has-text("Xuất báo cáo kết quả (Word)")');
    await expect.poll(files).toContainEqual(expect.stringMatching(/^Bao-cao-ket-qua-cham-diem_[\w-]+_BC-SNV\.docx$/));
    await page.click('button:has-text("Xuất bảng điểm (Excel)")');
    await expect.poll(files).toContainEqual(expect.stringMatching(/^Bang-diem-cham-diem_[\w-]+\.xlsx$/));
    await page.waitForSelector('.notice-ok:has-text("Bang-diem-cham-diem_")');
  });

  it('edits a used criteria set: a bad edit is refused with the reason, a good one becomes version 2', async () => {
    const { page } = t;
    await page.click('.tab:has-text("Bộ tiêu chí")');
    await page.waitForSelector('text=đã dùng · chỉ đọc');
    await page.click('button:has-text("Sửa JSON (nâng cao)…")');
    const box = page.locator('textarea[aria-label="Nội dung bộ tiêu chí (JSON)"]');
    const json = JSON.parse(await box.inputValue()) as { name: string; groups: { maxPoints: number }[] };
    json.groups[0]!.maxPoints = 12;
    await box.fill(JSON.stringify(json));
    await page.click('.modal button.primary:has-text("Lưu")');
    await page.waitForSelector(
      '.modal .form-error li:has-text("Tổng điểm tối đa của các nhóm tiêu chí là 102, không bằng thang điểm 100")',
    );
    await t.shot('06-set-error');
    json.groups[0]!.maxPoints = 10;
    json.name = 'Đánh giá, xếp loại công tác dân vận chính quyền (sửa đổi 2026)';
    await box.fill(JSON.stringify(json));
    await page.click('.modal button.primary:has-text("Lưu")');
    await page.waitForSelector('.notice-ok:has-text("phiên bản mới (phiên bản 2)")');
    expect(
      await t.bridge.core.db.selectFrom('scoring_sets').select(['version', 'name']).orderBy('version').execute(),
    ).toEqual([
      { version: 1, name: 'Đánh giá, xếp loại công tác dân vận chính quyền' },
      { version: 2, name: 'Đánh giá, xếp loại công tác dân vận chính quyền (sửa đổi 2026)' },
    ]);
  });

  it('edits the used version 1 through the form: a criterion maximum that breaks the sum is shown live, fixed, saved as version 3', async () => {
    const { page } = t;
    await page.click('.sc-sets .sc-unit:has-text("v1 ·")');
    await page.click('button:has-text("Sửa (tạo phiên bản mới)…")');
    const form = page.locator('form[aria-label="Bộ tiêu chí"]');
    await form.waitFor();
    expect(await form.locator('.se-problems').innerText()).toContain('Bộ tiêu chí hợp lệ');
    const max = form.locator('input[name="groups[0].criteria[0].maxPoints"]');
    expect(await max.inputValue()).toBe('4');
    await max.fill('5');
    await form
      .locator(
        '.form-error li:has-text("tổng điểm tối đa của các tiêu chí là 11, không bằng điểm tối đa của nhóm (10)")',
      )
      .waitFor();
    expect(await max.getAttribute('class')).not.toContain('invalid');
    expect(await form.locator('input[name="groups[0].maxPoints"]').getAttribute('class')).toContain('invalid');
    expect(await form.locator('button[type=submit]').isDisabled()).toBe(true);
    await t.shot('06a-set-form-error');
    // The same rules as the service: a class threshold that leaves a gap is named too.
    await form.locator('input[name="classes[1].from"]').fill('81');
    await form.locator('.form-error li:has-text("Có khoảng trống giữa mức")').waitFor();
    await form.locator('input[name="classes[1].from"]').fill('80');
    await max.fill('4,5');
    await form.locator('input[name="groups[0].criteria[1].maxPoints"]').fill('2,5');
    await form.locator('input[name="name"]').fill('Đánh giá, xếp loại công tác dân vận chính quyền (sửa đổi lần 2)');
    await form.locator('.se-problems:has-text("Bộ tiêu chí hợp lệ")').waitFor();
    await t.shot('06b-set-form');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice-ok:has-text("phiên bản mới (phiên bản 3)")');
    const v3 = await t.bridge.core.db
      .selectFrom('scoring_sets')
      .select(['version', 'name', 'content'])
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    expect(v3.name).toBe('Đánh giá, xếp loại công tác dân vận chính quyền (sửa đổi lần 2)');
    const content = JSON.parse(v3.content) as { groups: { criteria: { code: string; maxPoints: number }[] }[] };
    expect(content.groups[0]!.criteria.slice(0, 2).map((c) => [c.code, c.maxPoints])).toEqual([
      ['1.1', 4.5],
      ['1.2', 2.5],
    ]);
  });

  it('a set not used yet, saved by someone else while the form is open: the save from the form is refused, theirs stays', async () => {
    const { page } = t;
    await page.click('.sc-sets .sc-unit:has-text("v3 ·")');
    await page.click('button:has-text("Sửa…")');
    const form = page.locator('form[aria-label="Bộ tiêu chí"]');
    await form.waitFor();
    // meanwhile another person (here the command line, on the same file) saves version 3
    const v3 = await t.bridge.core.db
      .selectFrom('scoring_sets')
      .select('id')
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    const theirs = await getCriteriaSet(t.bridge.core.db, v3.id);
    await saveCriteriaSet(t.bridge.core.db, v3.id, { ...theirs, description: 'Bổ sung hướng dẫn của Ban Dân vận' });
    await form.locator('input[name="name"]').fill('Tên do người mở trước đặt');
    await form.locator('button[type=submit]').click();
    await form.locator('.form-error li:has-text("Bộ tiêu chí này đã được")').waitFor();
    expect(await form.locator('.form-error').innerText()).toMatch(
      /Bộ tiêu chí này đã được .+ sửa lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} sau khi anh\/chị mở/,
    );
    await t.shot('06c-set-stale');
    expect(await getCriteriaSet(t.bridge.core.db, v3.id)).toMatchObject({
      name: theirs.name,
      description: 'Bổ sung hướng dẫn của Ban Dân vận',
    });
    await form.locator('button:has-text("Hủy")').click();
    await form.waitFor({ state: 'detached' });
  });

  it('reopens an approved scoring with a reason, recorded in the history', async () => {
    const { page } = t;
    await page.click('.tab:has-text("Chấm điểm đơn vị")');
    await page.click('.sc-unit[data-unit="XAN"]');
    await page.click('button:has-text("Mở lại…")');
    await page.click('.modal button.danger:has-text("Mở lại")');
    await page.waitForSelector('.notice-error:has-text("Lý do mở lại không được để trống")');
    await page.fill('textarea[name=reopenReason]', 'Đơn vị bổ sung minh chứng tiêu chí 4.1');
    await page.click('.modal button.danger:has-text("Mở lại")');
    await page.waitForSelector('.notice-ok:has-text("Đã mở lại kết quả của UBND xã An Nhơn")');
    expect(await page.locator('input[name="appraised-4.1"]').isDisabled()).toBe(false);
    await page.click('.sc-history summary');
    expect(await page.locator('.sc-history').innerText()).toContain('Mở lại: Đơn vị bổ sung minh chứng tiêu chí 4.1');
    await t.shot('07-reopened');
    expect(t.problems).toEqual([]);
  });
});
