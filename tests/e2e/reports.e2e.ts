// Periods and units' reports in a real browser: a period from the default template, two units'
// reports (one breaking a rule, saved with a reason), one submitted late, the board, the history.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E, chooseUnit } from './harness';
import { createUnit } from '../../src/main/features/units/units';
import { saveAgency } from '../../src/main/features/agency/agency';
import { agencyInput } from '../../src/shared/contract/agency';
import { auditUser } from '../../src/shared/model/audit-labels';
import { createDispatch } from '../../src/main/dispatch';

let t: E2E;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await openE2E('reports');
  for (const [code, name, kind] of [
    ['SNV', 'Sở Nội vụ', 'so_nganh'],
    ['STP', 'Sở Tư pháp', 'so_nganh'],
    ['XA-BL', 'UBND xã Bình Lộc', 'ubnd_xa'],
  ] as const) {
    const u = await createUnit(t.bridge.core.db, {
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
    ids[code] = u.id;
  }
  await saveAgency(
    t.bridge.core.db,
    agencyInput.parse({
      parentName: 'ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Đồng Nai',
      draftingUnit: 'XDCQ',
      signers: [
        {
          fullName: 'Nguyễn Văn Ánh',
          title: 'PHÓ GIÁM ĐỐC',
          authorityPrefix: 'KT.',
          authorityLine: 'GIÁM ĐỐC',
          isDefault: true,
        },
      ],
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

const saved = async () => {
  await expect
    .poll(() => t.page.locator('[data-testid=save-state]').innerText(), { timeout: 10_000 })
    .toMatch(/Đã lưu lúc/);
};

describe('reports in chromium', () => {
  it('creates a period from the default template with the ND 09 window and expected units', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    await page.click('button:has-text("+ Tạo kỳ báo cáo")');
    await page.selectOption('select[aria-label="Loại kỳ"]', 'half');
    await page.fill('input[aria-label="Năm"]', '2025');
    await expect
      .poll(() => page.locator('[data-testid=period-preview]').innerText())
      .toContain('6 tháng đầu năm 2025: số liệu từ 15/12/2024 đến 14/06/2025, hạn nộp 16/06/2025');
    await expect
      .poll(() => page.locator('[data-testid=period-preview]').innerText())
      .toContain('3 đơn vị phải báo cáo');
    // A deadline before the cut-off is refused before anything is saved.
    await page.fill('input[aria-label="Hạn nộp"]', '10/06/2025');
    await expect
      .poll(() => page.locator('.rp-problems').innerText())
      .toContain('Hạn nộp 10/06/2025 không sau ngày chốt số liệu 14/06/2025');
    expect(await page.locator('button[type=submit]:has-text("Tạo kỳ báo cáo")').isDisabled()).toBe(true);
    await t.shot('01-period-deadline-refused');
    await page.fill('input[aria-label="Hạn nộp"]', '20/6/2025');
    await expect.poll(() => page.locator('.rp-problems').count()).toBe(0);
    await t.shot('02-period-form');
    await page.click('button[type=submit]:has-text("Tạo kỳ báo cáo")');
    await page.waitForSelector('table[aria-label="Danh sách kỳ báo cáo"] td:has-text("6 tháng đầu năm 2025")');
    await t.shot('03-periods');
  });

  it('fills the first unit’s report the Vietnamese way, with live rates, and records it on time', async () => {
    const { page } = t;
    await page.click('button:has-text("Nhập báo cáo")');
    await chooseUnit(page, ids.SNV!, 'noi vu');
    await page.waitForSelector('h2:has-text("Sở Nội vụ")');
    // "Người nhập" is the user's name from Cài đặt → Nhật ký: none yet, so set here through the same form
    expect(await page.locator('[data-testid=report-actor]').innerText()).toBe('Chưa đặt tên');
    await page.click('[aria-label="Người nhập"] button:has-text("Đổi tên…")');
    await page.fill('.modal input[name=userName]', 'Trần Thị Bình');
    await t.shot('04a-user-name');
    await page.click('.modal button:has-text("Lưu tên")');
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=report-actor]').innerText()).toBe('Trần Thị Bình');
    expect(await createDispatch(t.bridge.core)('audit.user', undefined)).toMatchObject({
      value: { name: 'Trần Thị Bình' },
    });
    await page.fill(
      'textarea[aria-label="Mục I. Công tác lãnh đạo, chỉ đạo, tuyên truyền"]',
      'Ban hành 5 văn bản chỉ đạo; tổ chức 2 hội nghị quán triệt Chỉ thị 33/CT-TTg.',
    );
    await page.fill('#f-DT01', '2');
    await page.fill('#f-DT02', '1.234');
    await page.fill('#f-DT03', '1000');
    await page.press('#f-DT03', 'Enter'); // moves to the next field, tidies "1000" into "1.000"
    expect(await page.inputValue('#f-DT03')).toBe('1.000');
    await expect.poll(() => page.locator('[data-testid=rate-DT04]').innerText()).toBe('81,04');
    await page.fill('#f-DN02', '0');
    await expect.poll(() => page.locator('[data-testid=rate-DN05]').innerText()).toBe('—');
    await page.selectOption('#f-LD04', 'có');
    await saved();
    await t.shot('04-report-snv');
    await page.click('button:has-text("Ghi nhận đã nộp…")');
    await page.fill('input[aria-label="Ngày nhận"]', '18/06/2025');
    await page.click('button[type=submit]:has-text("Ghi nhận đã nộp")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã nộp');
    const values = await t.bridge.core.db
      .selectFrom('report_values')
      .selectAll()
      .where('field_key', 'in', ['DT02', 'DT03', 'LD04'])
      .orderBy('field_key')
      .execute();
    expect(values.map((v) => [v.field_key, v.int_value])).toEqual([
      ['DT02', 1234],
      ['DT03', 1000],
      ['LD04', 1],
    ]);
  });

  it('shows a rule breach beside the field, refuses submitting until a reason is given, then records it late', async () => {
    const { page } = t;
    await chooseUnit(page, ids.STP!, 'STP');
    await page.waitForSelector('h2:has-text("Sở Tư pháp")');
    await page.fill('#f-DT02', '10');
    await page.fill('#f-DT03', '12');
    await page.fill('#f-TD01', 'mười');
    await expect.poll(() => page.locator('[data-testid=breach-DT03]').innerText()).toContain('DT03 (12) ≤ DT02 (10)');
    await expect
      .poll(() => page.locator('tr[data-code=TD01] .rp-field-error').innerText())
      .toContain('“mười” không phải là số');
    await expect
      .poll(() => page.locator('[data-testid=save-state]').innerText(), { timeout: 10_000 })
      .toMatch(/1 ô nhập sai chưa được lưu/);
    await page.evaluate(() => document.querySelector('tr[data-code=TD01]')?.scrollIntoView({ block: 'center' }));
    await t.shot('05-breach-and-bad-number');
    await page.fill('#f-TD01', '5');
    await saved();
    // Submitting with the breach unexplained is refused by the service, and said inside the dialog.
    await page.click('button:has-text("Ghi nhận đã nộp…")');
    await expect.poll(() => page.locator('.modal .rp-problems').first().innerText()).toContain('DT03 (12) ≤ DT02 (10)');
    await page.click('button[type=submit]:has-text("Ghi nhận đã nộp")');
    await page.waitForSelector('.modal [data-testid=step-error]:has-text("chưa ghi lý do")');
    expect(await page.locator('.modal [data-testid=step-error]').innerText()).toContain(
      'Vi phạm: DT03 (12) ≤ DT02 (10)',
    );
    await t.shot('05b-breach-refused-in-dialog');
    await page.click('.modal button:has-text("Hủy")');
    await page.fill('input[aria-label="Lý do vi phạm DT03 <= DT02"]', 'Giải quyết thêm 2 ý kiến tồn từ kỳ trước.');
    await page.locator('input[aria-label="Lý do vi phạm DT03 <= DT02"]').blur();
    await saved();
    await t.shot('06-breach-explained');
    await page.click('button:has-text("Ghi nhận đã nộp…")');
    await page.fill('input[aria-label="Ngày nhận"]', '25/06/2025');
    await page.selectOption('select[aria-label="Hình thức nhận"]', 'paper');
    await page.click('button[type=submit]:has-text("Ghi nhận đã nộp")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã nộp');
  });

  it('approves with a confirmation, reopens and returns with a reason, all in the history', async () => {
    const { page } = t;
    await page.click('button:has-text("Duyệt…")');
    await page.waitForSelector('.modal:has-text("số liệu được khóa")');
    await t.shot('06b-accept-confirm');
    await page.click('.modal button[type=submit]:has-text("Duyệt")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã duyệt');
    await page.click('button:has-text("Mở lại…")');
    expect(await page.locator('.modal button[type=submit]:has-text("Mở lại")').isDisabled()).toBe(true);
    await page.fill('textarea[aria-label="Lý do mở lại"]', 'Đối chiếu lại số ý kiến tồn');
    await page.click('.modal button[type=submit]:has-text("Mở lại")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã nộp');
    await page.click('button:has-text("Trả lại…")');
    await page.fill('textarea[aria-label="Lý do trả lại"]', 'Bổ sung thuyết minh DT03');
    await page.click('.modal button[type=submit]:has-text("Trả lại")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Trả lại');
    await page.click('button:has-text("Nộp lại…")');
    await page.fill('input[aria-label="Ngày nhận"]', '25/06/2025');
    await page.selectOption('select[aria-label="Hình thức nhận"]', 'paper');
    await page.click('button[type=submit]:has-text("Ghi nhận đã nộp")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã nộp');
    const events = await t.bridge.core.db
      .selectFrom('report_events')
      .select(['to_status', 'note'])
      .where(
        'report_id',
        '=',
        (
          await t.bridge.core.db
            .selectFrom('reports')
            .select('id')
            .where('unit_id', '=', ids.STP!)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .orderBy('id')
      .execute();
    expect(events.slice(-4).map((e) => [e.to_status, e.note])).toEqual([
      ['da_duyet', ''],
      ['da_nop', 'Mở lại: Đối chiếu lại số ý kiến tồn'],
      ['tra_lai', 'Bổ sung thuyết minh DT03'],
      ['da_nop', 'Ngày nhận 25/06/2025'],
    ]);
  });

  it('keeps every keystroke when the user switches report right after typing', async () => {
    const { page } = t;
    await chooseUnit(page, ids['XA-BL']!, 'binh loc');
    await page.waitForSelector('h2:has-text("UBND xã Bình Lộc")');
    await page.locator('#f-TD01').pressSequentially('1.250', { delay: 5 });
    await chooseUnit(page, ids.SNV!); // no pause: the pending save must still land
    await page.waitForSelector('h2:has-text("Sở Nội vụ")');
    await expect
      .poll(async () => {
        const r = await t.bridge.core.db
          .selectFrom('report_values as v')
          .innerJoin('reports as r', 'r.id', 'v.report_id')
          .select('v.int_value')
          .where('r.unit_id', '=', ids['XA-BL']!)
          .where('v.field_key', '=', 'TD01')
          .executeTakeFirst();
        return r?.int_value;
      })
      .toBe(1250);
  });

  it('shows the board: on time, late, missing; rates = actual / expected; one click to a report', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.waitForSelector('table[aria-label="Bảng theo dõi đơn vị"]');
    await expect.poll(() => page.locator('[data-testid=reporting-rate]').innerText()).toContain('66,7%');
    expect(await page.locator('[data-testid=on-time-rate]').innerText()).toContain('33,3%');
    // A unit still owes its report: the rate is not shown as good news.
    expect(await page.locator('[data-testid=reporting-rate]').getAttribute('class')).not.toContain('good');
    const states = await page
      .locator('table[aria-label="Bảng theo dõi đơn vị"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-unit'), r.querySelector('.rp-badge')?.textContent]));
    expect(states).toEqual([
      ['SNV', 'Đã nộp đúng hạn'],
      ['STP', 'Đã nộp muộn'],
      ['XA-BL', 'Đang nhập, quá hạn'],
    ]);
    // Each chip's count is the rows it shows (the same counts as the cards).
    const chips = await page.locator('[aria-label="Lọc theo tình trạng"] button[aria-pressed]').allInnerTexts();
    for (const chip of chips) {
      const n = Number(/\((\d+)\)$/.exec(chip)?.[1]);
      await page.click(`[aria-label="Lọc theo tình trạng"] button:has-text("${chip}")`);
      await expect
        .poll(() => page.locator('table[aria-label="Bảng theo dõi đơn vị"] tbody tr[data-unit]').count(), {
          message: chip,
        })
        .toBe(n);
    }
    expect(chips).toContain('Nộp đúng hạn (1)');
    expect(chips).toContain('Đang nhập (1)');
    await page.click('[aria-label="Lọc theo tình trạng"] button:has-text("Tất cả")');
    // As of the day before STP's report came, it had not been received.
    await page.fill('input[aria-label="Tình hình tại ngày"]', '24/06/2025');
    await page.locator('input[aria-label="Tình hình tại ngày"]').blur();
    await expect.poll(() => page.locator('[data-testid=reporting-rate]').innerText()).toContain('33,3%');
    await expect.poll(() => page.locator('tr[data-unit=STP] .rp-badge').innerText()).toBe('Chưa nộp, quá hạn');
    await t.shot('07b-board-as-of');
    await page.fill('input[aria-label="Tình hình tại ngày"]', '');
    await page.locator('input[aria-label="Tình hình tại ngày"]').blur();
    await expect.poll(() => page.locator('[data-testid=reporting-rate]').innerText()).toContain('66,7%');
    await page.waitForSelector('svg[aria-label="Biểu đồ tỷ lệ báo cáo các kỳ gần đây"] rect');
    await t.shot('07-board');
    await page.click('tr[data-unit=STP]');
    await page.waitForSelector('h2:has-text("Sở Tư pháp")');
    expect(page.url()).toContain('#/bao-cao-don-vi');
  });

  it('opens the history with two revisions side by side', async () => {
    const { page } = t;
    await page.click('button:has-text("Lịch sử")');
    await page.waitForSelector('table[aria-label="Các lần sửa"]');
    const revisions = await page.locator('table[aria-label="Các lần sửa"] tbody tr').count();
    expect(revisions).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('table[aria-label="Các lần sửa"]').innerText()).toContain('Trần Thị Bình');
    await expect
      .poll(() => page.locator('table[aria-label="Các lần sửa"]').innerText())
      .toContain('Trạng thái: Đang nhập → Đã nộp');
    await page.selectOption('select[aria-label="Bản A"]', '1');
    await expect
      .poll(() => page.locator('table[aria-label="So sánh hai lần sửa"]').innerText())
      .toContain('Lý do vi phạm DT03 ≤ DT02');
    await t.shot('08-history');
    await page.click('.modal-close');
    // the audit log names the same person as the report's history
    const users = await t.bridge.core.db
      .selectFrom('audit_log')
      .select('user')
      .where('table_name', '=', 'reports')
      .distinct()
      .execute();
    expect(users.map((u) => auditUser(u.user).name)).toEqual(['Trần Thị Bình']);
  });

  it('a name changed in Cài đặt → Nhật ký is the report screen’s “Người nhập”: one name for the user', async () => {
    const { page } = t;
    await page.click('nav a:has-text("Cài đặt")');
    await page.click('[role=tab]:has-text("Nhật ký")');
    const input = page.locator('form[aria-label="Người sử dụng máy này"] input[name=userName]');
    await expect.poll(() => input.inputValue()).toBe('Trần Thị Bình');
    await input.fill('Lê Văn Cường');
    await page.click('form[aria-label="Người sử dụng máy này"] button:has-text("Lưu tên")');
    await page.waitForSelector('.notice-ok:has-text("Nhật ký sẽ ghi tên “Lê Văn Cường”")');
    await page.click('nav a:has-text("Báo cáo đơn vị")');
    await expect.poll(() => page.locator('[data-testid=report-actor]').innerText()).toBe('Lê Văn Cường');
    await chooseUnit(page, ids['XA-BL']!, 'binh loc');
    await page.waitForSelector('h2:has-text("UBND xã Bình Lộc")');
    await page.fill('#f-DT01', '3');
    await page.locator('#f-DT01').blur();
    await saved();
    const last = await t.bridge.core.db
      .selectFrom('report_revisions as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select('v.actor')
      .where('r.unit_id', '=', ids['XA-BL']!)
      .orderBy('v.id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.actor).toBe('Lê Văn Cường');
    const audit = await t.bridge.core.db
      .selectFrom('audit_log')
      .select('user')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(auditUser(audit.user).name).toBe('Lê Văn Cường');
  });

  it('writes a công văn đôn đốc for the missing unit through the documents writer', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.click('button:has-text("Công văn đôn đốc…")');
    await page.waitForSelector('.modal:has-text("UBND xã Bình Lộc")');
    await t.shot('09-reminder');
    await page.click('.modal button:has-text("Soạn công văn")');
    await page.waitForSelector('.notice-ok:has-text("Đã soạn công văn đôn đốc")');
    const reg = await t.bridge.core.db.selectFrom('document_register').selectAll().execute();
    expect(reg.at(-1)).toMatchObject({ document_type: 'Công văn' });
    expect(String(reg.at(-1)!.summary)).toContain(
      'V/v đôn đốc báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025',
    );
  });

  it('imports a seed plan and shows its tasks, targets and deadlines', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/van-ban`);
    await page.waitForSelector('text=Chưa có văn bản chỉ đạo');
    await page.setInputFiles(
      'input[type=file]',
      path.resolve('tests/fixtures/plans/ke-hoach-468-long-khanh-2024.json'),
    );
    await page.waitForSelector('.notice-ok:has-text("Đã nhập Kế hoạch số 468/KH-UBND ngày 27/3/2024")');
    await expect
      .poll(() => page.locator('.card').innerText())
      .toContain('6 tháng: trước ngày 10/5 · Năm: trước ngày 10/10');
    expect(await page.locator('table[aria-label="Chỉ tiêu"]').innerText()).toContain('trên 80%');
    await t.shot('10-plan');
  });

  it('edits a template in use: problems shown live, saving makes a new version', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/mau-bao-cao`);
    await page.click('button:has-text("Sửa (tạo phiên bản mới)")');
    await page.click('button:has-text("+ Thêm quy tắc")');
    await page.fill('input[aria-label="Quy tắc 6"]', 'DT03 <= ZZ99');
    await expect
      .poll(() => page.locator('[aria-label="Lỗi của mẫu"]').innerText())
      .toContain('dùng mã “ZZ99” không có trong mẫu');
    expect(await page.locator('button:has-text("Lưu thành phiên bản mới")').isDisabled()).toBe(true);
    await t.shot('11-template-problem');
    await page.fill('input[aria-label="Quy tắc 6"]', 'TD02 >= TD03');
    await page.fill('input[aria-label="Giải thích quy tắc 6"]', 'Mỗi đoàn đông người có ít nhất một người được tiếp.');
    await page.click('button:has-text("Lưu thành phiên bản mới")');
    await page.waitForSelector('.notice-ok:has-text("phiên bản mới (2)")');
    await t.shot('12-template-v2');
    const versions = await t.bridge.core.db.selectFrom('templates').select(['version']).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const period = await t.bridge.core.db
      .selectFrom('periods')
      .innerJoin('templates', 'templates.id', 'periods.template_id')
      .select('templates.version')
      .executeTakeFirstOrThrow();
    expect(period.version).toBe(1);
  });

  it('saw no page or console errors', () => {
    expect(t.problems).toEqual([]);
  });
});
