// A new user's first day at 1280×720: the app as installed (no data of the office yet), every
// screen and tab opened empty, each screen's first form, then the checklist's first steps done
// through the screens as a person does them (Cơ quan, two units, a period) and the screens that
// use them. Screenshots in test-output/screens/first-day/ (looked at by a person: docs/SCREENS.md);
// on each the page checks of the screen walk (look.ts) and no console error. What was found and
// fixed is asserted where it shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPeriodIndex, periodName } from '../../src/shared/domain/periods';
import { todayIso } from '../../src/shared/format';
import { BUILT_IN_AUDIT_USER } from '../../src/shared/model/audit-labels';
import { openE2E, type E2E } from './harness';
import { ACCOUNT, INTERNAL, problemsOf } from './look';

let t: E2E;
const DIR = path.resolve('test-output/screens/first-day');

beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  t = await openE2E('first-day');
  await t.page.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await t?.close();
});

/** Screenshot, then what a picture can hide: sideways scroll, spilling text, program words. */
async function look(name: string): Promise<void> {
  const { page } = t;
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
  expect(await problemsOf(page), name).toEqual([]);
  // The home folder is the computer's (Cơ sở dữ liệu names the password file in it), not the program's.
  const text = (await page.locator('body').innerText()).replace(ACCOUNT, '').replaceAll(os.homedir(), '~');
  expect(INTERNAL.map((re) => re.exec(text)?.[0]).filter(Boolean), name).toEqual([]);
}

async function open(route: string): Promise<void> {
  await t.page.goto(`${t.bridge.url}#/${route}`);
  await t.page.reload();
  await t.page.waitForSelector('main h1');
}

const ROUTES = [
  'tong-quan',
  'don-vi',
  'van-ban',
  'nhap-van-ban',
  'ky-bao-cao',
  'mau-bao-cao',
  'thu-bieu-excel',
  'bao-cao-don-vi',
  'tong-hop',
  'cham-diem',
  'mau-word',
  'cai-dat',
];

describe('the empty app', () => {
  it.each(ROUTES)('%s, and each of its tabs', async (route) => {
    const { page } = t;
    await open(route);
    await look(`empty-${route}`);
    for (const tab of await page.locator('main [role=tab]').all()) {
      const label = (await tab.innerText()).trim();
      await tab.click();
      await page.waitForSelector(`main [role=tab][aria-selected=true]:text-is("${label}")`);
      await look(`empty-${route}-${label.replace(/[^\p{L}\p{N}]+/gu, '-')}`);
    }
    expect(t.problems).toEqual([]);
  });

  it('Nhật ký names the app for what it installed, in words, not the person', async () => {
    const { page } = t;
    await open('cai-dat');
    await page.click('[role=tab]:text-is("Nhật ký")');
    await page.waitForSelector('table[aria-label="Nhật ký"] tbody tr');
    const log = await page.locator('table[aria-label="Nhật ký"]').innerText();
    expect(log).not.toMatch(/template:|scoring:|Chưa đặt tên/);
    expect(log).toContain(BUILT_IN_AUDIT_USER);
    expect(log).toContain('Mẫu báo cáo cài sẵn “dan-van-chinh-quyen”');
    await look('empty-nhat-ky');
  });

  it('Thu biểu Excel says why nothing can be exported yet, with the way there', async () => {
    const { page } = t;
    await open('thu-bieu-excel');
    const why = page.locator('[aria-label="Xuất biểu nhập liệu"] [role=note]');
    await expect.poll(() => why.innerText()).toContain('Chưa có kỳ báo cáo.');
    expect(await why.locator('a').getAttribute('href')).toBe('#/ky-bao-cao');
    expect(await page.locator('button:has-text("Xuất biểu nhập liệu…")').isDisabled()).toBe(true);
  });

  it('opens each screen’s first form', async () => {
    const { page } = t;
    const forms: [string, string, string][] = [
      ['don-vi', '+ Thêm đơn vị', 'form-don-vi'],
      ['van-ban', '+ Thêm văn bản', 'form-van-ban'],
      ['ky-bao-cao', '+ Tạo kỳ báo cáo', 'form-ky-bao-cao'],
      ['cham-diem', '+ Tạo đợt chấm điểm', 'form-cham-diem'],
      ['cai-dat', '+ Thêm người ký', 'form-nguoi-ky'],
    ];
    for (const [route, button, name] of forms) {
      await open(route);
      await page.click(`button:has-text("${button}")`);
      await look(name);
      if (await page.locator('.modal').count()) {
        // The dialog's buttons are in sight at 1280×720, however long its form.
        const actions = page.locator('.modal .form-actions').last();
        const box = (await actions.boundingBox())!;
        expect(box.y + box.height, name).toBeLessThanOrEqual(720);
        // A field reached by Tab is never left under those buttons.
        const hidden: string[] = [];
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const where = await page.evaluate(() => {
            const a = document.activeElement as HTMLElement | null;
            const bar = document.querySelector('.modal form > .form-actions:last-child');
            if (!a || !bar || !a.closest('.modal')) return null;
            if (bar.contains(a)) return 'buttons';
            const r = a.getBoundingClientRect();
            return r.bottom <= bar.getBoundingClientRect().top + 1 ? 'seen' : a.getAttribute('aria-label') || a.tagName;
          });
          if (where === 'buttons' || where === null) break;
          if (where !== 'seen') hidden.push(where);
        }
        expect(hidden, name).toEqual([]);
        await page.keyboard.press('Escape');
        await page.waitForSelector('.modal', { state: 'detached' });
      }
    }
    expect(t.problems).toEqual([]);
  });
});

describe('the checklist’s first steps, done through the screens', () => {
  it('Cơ quan, two units, a period; then the screens that use them', async () => {
    const { page } = t;
    await open('cai-dat');
    await page.fill('input[name=parentName]', 'ủy ban nhân dân tỉnh quảng nam');
    await page.fill('input[name=name]', 'sở nội vụ');
    await page.fill('input[name=abbreviation]', 'snv');
    await page.fill('input[name=place]', 'Quảng Nam');
    await page.click('button:has-text("Thêm người ký")');
    await page.fill('input[name=signer-0-fullName]', 'Nguyễn Văn Ánh');
    await page.fill('input[name=signer-0-title]', 'giám đốc');
    await page.click('button[type=submit]:has-text("Lưu")');
    await page.waitForSelector('.notice-ok:has-text("Đã lưu thông tin cơ quan")');
    await look('step-co-quan');

    // Units that existed before today: "Hoạt động từ ngày" is blank unless the user gives a date, as its
    // hint says (a date of today would leave them out of every period already past its data cut-off).
    await open('don-vi');
    for (const [code, name] of [
      ['X01', 'UBND xã Tam Xuân'],
      ['X02', 'UBND xã Tam Anh'],
    ] as const) {
      await page.click('button:has-text("+ Thêm đơn vị")');
      const form = page.locator('form[aria-label="Thông tin đơn vị"]');
      await form.locator('input[name=code]').fill(code);
      await form.locator('input[name=name]').fill(name);
      await form.locator('select[name=kind]').selectOption('ubnd_xa');
      expect(await form.locator('input[name=activeFrom]').inputValue()).toBe('');
      await form.locator('button[type=submit]').click();
      await page.waitForSelector(`.vrow[data-code="${code}"]`);
    }
    await look('step-don-vi');

    // The period proposed is the one due next, not one already overdue.
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const proposed = periodName({ type: 'half', year, index: defaultPeriodIndex('half', year, today) });
    await open('ky-bao-cao');
    await page.click('button:has-text("+ Tạo kỳ báo cáo")');
    const form = page.locator('form[aria-label="Kỳ báo cáo"]');
    await expect
      .poll(() => page.locator('[data-testid=period-preview]').innerText())
      .toContain('2 đơn vị phải báo cáo');
    await look('step-ky-bao-cao-form');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector(`table[aria-label="Danh sách kỳ báo cáo"] td:has-text("${proposed}")`);
    await look('step-ky-bao-cao');

    for (const route of ['tong-quan', 'thu-bieu-excel', 'bao-cao-don-vi', 'tong-hop', 'cham-diem']) {
      await open(route);
      await look(`step-${route}`);
    }
    // Thu biểu Excel: a period with units to report, nothing left to explain.
    await open('thu-bieu-excel');
    await expect.poll(() => page.locator('select[aria-label="Đơn vị xuất biểu"] option').count()).toBe(3);
    expect(await page.locator('[aria-label="Xuất biểu nhập liệu"] [role=note]').count()).toBe(0);
    expect(t.problems).toEqual([]);
  });
});
