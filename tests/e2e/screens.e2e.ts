// Every screen and main tab of the app, on a realistic office (tests/e2e/office-seed.ts), at
// 1280×720 and 1440×900: a screenshot of each in test-output/screens/<size>/<screen>.png (looked
// at by a person, see docs/SCREENS.md), and on each the things a picture can hide: no sideways
// scroll of the page, no text running out of its button, heading or card, no internal words
// (snake_case keys, "undefined", "null", "NaN", "[object", "root"), and the sidebar marking where
// the user is.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openE2E, type E2E, chooseUnit } from './harness';
import { seedOffice, type Office } from './office-seed';
import { ACCOUNT, INTERNAL, problemsOf } from './look';

/** A real plan's text, as an office pastes it (the seed the plan reader is tested on). */
const PLAN_TEXT = fs.readFileSync('/work/shared/seeds/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt', 'utf8');

let t: E2E;
let office: Office;
const SHOTS = path.resolve('test-output/screens');

interface Screen {
  name: string;
  route: string;
  /** The sidebar entry that must be marked (the route's parent for a screen reached from another). */
  lit: string;
  /** What the screen shows once its data is in. */
  ready: string;
  /** Clicks that lead to the tab or state shown, after the route is open. */
  open?: (page: Page) => Promise<void>;
}

const tab = (label: string, ready: string) => async (page: Page) => {
  await page.click(`[role=tab]:text-is("${label}")`);
  await page.waitForSelector(ready);
};

/** Tổng hợp: the first half of last year, the one with reports, compiled against the year before. */
const compiled = (label: string, ready: string) => async (page: Page) => {
  for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
    if (await box.isChecked()) await box.uncheck();
  await page.check(`input[name=period-${office.periodId}]`);
  await page.click('button:has-text("Tổng hợp"):not([role=tab])');
  await page.waitForSelector('table[aria-label="Tổng hợp theo chỉ số"]');
  if (label !== 'Chỉ số') await tab(label, ready)(page);
};

const SCREENS: Screen[] = [
  {
    name: 'tong-quan',
    route: 'tong-quan',
    lit: 'tong-quan',
    ready: 'table[aria-label="Bảng theo dõi đơn vị"] tbody tr',
  },
  { name: 'don-vi', route: 'don-vi', lit: 'don-vi', ready: '.vrow[data-code="STP"]' },
  { name: 'van-ban', route: 'van-ban', lit: 'van-ban', ready: 'table[aria-label="Chỉ tiêu"]' },
  { name: 'nhap-van-ban', route: 'nhap-van-ban', lit: 'van-ban', ready: 'textarea[name=source]' },
  {
    name: 'nhap-van-ban-de-xuat',
    route: 'nhap-van-ban',
    lit: 'van-ban',
    ready: 'textarea[name=source]',
    open: async (page) => {
      await page.fill('textarea[name=source]', PLAN_TEXT);
      await page.click('button:has-text("Đọc văn bản")');
      await page.waitForSelector('form[aria-label="Đề xuất từ văn bản"]');
    },
  },
  {
    name: 'ky-bao-cao',
    route: 'ky-bao-cao',
    lit: 'ky-bao-cao',
    ready: 'table[aria-label="Danh sách kỳ báo cáo"] tbody tr',
  },
  {
    name: 'mau-bao-cao',
    route: 'mau-bao-cao',
    lit: 'ky-bao-cao',
    ready: 'table[aria-label="Chỉ số của mẫu"] tbody tr',
  },
  { name: 'thu-bieu-excel', route: 'thu-bieu-excel', lit: 'ky-bao-cao', ready: 'select[aria-label="Kỳ báo cáo"]' },
  { name: 'bao-cao-don-vi', route: 'bao-cao-don-vi', lit: 'bao-cao-don-vi', ready: 'input[aria-label="Đơn vị"]' },
  {
    name: 'bao-cao-don-vi-tra-lai',
    route: 'bao-cao-don-vi',
    lit: 'bao-cao-don-vi',
    ready: 'input[aria-label="Đơn vị"]',
    open: async (page) => {
      await page.selectOption('select[aria-label="Kỳ báo cáo"]', String(office.periodId));
      await chooseUnit(page, office.units.SXD!);
      await page.waitForSelector('[data-testid=report-received]');
    },
  },
  { name: 'tong-hop', route: 'tong-hop', lit: 'tong-hop', ready: '[aria-label="Chọn kỳ tổng hợp"]' },
  ...(
    [
      ['chi-so', 'Chỉ số', 'table[aria-label="Tổng hợp theo chỉ số"]'],
      ['loai', 'Theo loại đơn vị', 'figure[aria-label="Biểu đồ tỷ lệ theo loại đơn vị"]'],
      ['don-vi', 'Theo đơn vị', '[role=tab][aria-selected=true]:text-is("Theo đơn vị")'],
      ['tinh-hinh', 'Tình hình báo cáo', 'table[aria-label="Tình hình gửi báo cáo"]'],
      ['du-thao', 'Dự thảo báo cáo', '[data-name="section-II.1"]'],
      ['noi-gui', 'Nơi gửi', '[role=tab][aria-selected=true]:text-is("Nơi gửi")'],
    ] as const
  ).map(([id, label, ready]) => ({
    name: `tong-hop-${id}`,
    route: 'tong-hop',
    lit: 'tong-hop',
    ready: '[aria-label="Chọn kỳ tổng hợp"]',
    open: compiled(label, ready),
  })),
  ...(
    [
      ['don-vi', 'Chấm điểm đơn vị', '[data-testid=total-final]'],
      ['ket-qua', 'Kết quả, xếp hạng', '[data-testid=unscored]'],
      ['bo-tieu-chi', 'Bộ tiêu chí', '[role=tab][aria-selected=true]:text-is("Bộ tiêu chí")'],
    ] as const
  ).map(([id, label, ready]) => ({
    name: `cham-diem-${id}`,
    route: 'cham-diem',
    lit: 'cham-diem',
    ready: '[role=tablist][aria-label="Chấm điểm"]',
    open: tab(label, ready),
  })),
  { name: 'mau-word', route: 'mau-word', lit: 'mau-word', ready: 'text=Công văn đôn đốc gửi báo cáo' },
  ...(
    [
      ['co-quan', 'Cơ quan', 'input[value="Trần Thị Bích Ngọc"]'],
      ['the-thuc', 'Thể thức văn bản', 'form[aria-label="Thể thức văn bản"]'],
      ['ngay-le', 'Ngày nghỉ lễ', 'section[aria-label="Ngày nghỉ lễ"] table'],
      ['sao-luu', 'Sao lưu, khôi phục', 'table[aria-label="Các bản sao lưu"] tbody td'],
      ['nhat-ky', 'Nhật ký', 'table[aria-label="Nhật ký"] tbody tr'],
      ['thung-rac', 'Thùng rác', 'text=Công văn cũ'],
    ] as const
  ).map(([id, label, ready]) => ({
    name: `cai-dat-${id}`,
    route: 'cai-dat',
    lit: 'cai-dat',
    ready: '[role=tablist][aria-label="Cài đặt"]',
    open: tab(label, ready),
  })),
];

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

beforeAll(async () => {
  t = await openE2E('screens');
  office = await seedOffice(t.bridge.core);
});
afterAll(async () => {
  await t?.close();
});

describe.each(SIZES)('every screen at $width×$height', (size) => {
  const dir = path.join(SHOTS, `${size.width}x${size.height}`);
  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    await t.page.setViewportSize(size);
  });

  it.each(SCREENS)('$name', async (screen) => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/${screen.route}`);
    await page.reload();
    await page.waitForSelector(screen.ready);
    if (screen.open) await screen.open(page);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(dir, `${screen.name}.png`) });

    expect(await problemsOf(page)).toEqual([]);
    const text = (await page.locator('body').innerText()).replace(ACCOUNT, '');
    expect(INTERNAL.map((re) => re.exec(text)?.[0]).filter(Boolean)).toEqual([]);
    // The sidebar: the screen's entry marked as the current page; a screen reached from another
    // shows under that one, which stays lit.
    const current = page.locator('nav.sidebar a[aria-current=page]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(`#/${screen.route}`);
    expect(await page.locator('nav.sidebar > ul > li > a.active').getAttribute('href')).toBe(`#/${screen.lit}`);
    expect(t.problems).toEqual([]);
  });
});

it('the office is the one described', () => {
  expect(Object.keys(office.units)).toHaveLength(40);
});
