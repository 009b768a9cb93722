// Every screen walked with the keyboard only, at 1280×720, on a realistic office
// (tests/e2e/office-seed.ts): Tab from the top of the page until focus comes round again. Every
// stop must be a control a person can see: drawn with a focus ring, on screen once focused and not
// hidden under something else (a sticky header, a footer). The screen shows no native date field,
// no ISO or English-style date or number, no English word. The order of stops is written to
// test-output/e2e/keyboard-walk/<screen>.txt (read by a person, see docs/SCREENS.md).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseUnit, openE2E, OUTPUT_DIR, type E2E } from './harness';
import { seedOffice, type Office } from './office-seed';

let t: E2E;
let office: Office;
const OUT = path.join(OUTPUT_DIR, 'keyboard-walk');

interface Screen {
  name: string;
  route: string;
  ready: string;
  open?: (page: Page) => Promise<void>;
}

const tab = (label: string) => async (page: Page) => {
  await page.click(`[role=tab]:text-is("${label}")`);
  await page.waitForSelector(`[role=tab][aria-selected=true]:text-is("${label}")`);
};

const SCREENS: Screen[] = [
  { name: 'tong-quan', route: 'tong-quan', ready: 'table[aria-label="Bảng theo dõi đơn vị"] tbody tr' },
  { name: 'don-vi', route: 'don-vi', ready: '.vrow[data-code="STP"]' },
  { name: 'van-ban', route: 'van-ban', ready: 'table[aria-label="Chỉ tiêu"]' },
  { name: 'nhap-van-ban', route: 'nhap-van-ban', ready: 'textarea[name=source]' },
  { name: 'ky-bao-cao', route: 'ky-bao-cao', ready: 'table[aria-label="Danh sách kỳ báo cáo"] tbody tr' },
  { name: 'mau-bao-cao', route: 'mau-bao-cao', ready: 'table[aria-label="Chỉ số của mẫu"] tbody tr' },
  { name: 'thu-bieu-excel', route: 'thu-bieu-excel', ready: 'select[aria-label="Kỳ báo cáo"]' },
  {
    name: 'bao-cao-don-vi',
    route: 'bao-cao-don-vi',
    ready: 'input[aria-label="Đơn vị"]',
    open: async (page) => {
      await page.selectOption('select[aria-label="Kỳ báo cáo"]', String(office.periodId));
      await chooseUnit(page, office.units.SXD!);
      await page.waitForSelector('[data-testid=report-received]');
    },
  },
  {
    name: 'tong-hop',
    route: 'tong-hop',
    ready: '[aria-label="Chọn kỳ tổng hợp"] input[type=checkbox]:checked',
    open: async (page) => {
      for (const box of await page.locator('.cp-periods input[type=checkbox]').all())
        if (await box.isChecked()) await box.uncheck();
      await page.check(`input[name=period-${office.periodId}]`);
      await page.click('button:has-text("Tổng hợp"):not([role=tab])');
      await page.waitForSelector('table[aria-label="Tổng hợp theo chỉ số"]');
    },
  },
  ...['Chấm điểm đơn vị', 'Kết quả, xếp hạng', 'Bộ tiêu chí'].map((label, i) => ({
    name: `cham-diem-${i + 1}`,
    route: 'cham-diem',
    ready: '[role=tablist][aria-label="Chấm điểm"]',
    open: async (page: Page) => {
      await tab(label)(page);
      if (i === 0) await page.waitForSelector('[data-testid=total-final]');
    },
  })),
  { name: 'mau-word', route: 'mau-word', ready: 'text=Công văn đôn đốc gửi báo cáo' },
  ...['Cơ quan', 'Thể thức văn bản', 'Ngày nghỉ lễ', 'Sao lưu, khôi phục', 'Cơ sở dữ liệu', 'Nhật ký', 'Thùng rác'].map(
    (label, i) => ({
      name: `cai-dat-${i + 1}`,
      route: 'cai-dat',
      ready: '[role=tablist][aria-label="Cài đặt"]',
      open: tab(label),
    }),
  ),
];

interface Stop {
  what: string;
  area: string;
  ring: boolean;
  seen: boolean;
  x: number;
  y: number;
}

/** Tabs from the top of the page until focus comes back to a control already visited. */
async function walk(page: Page): Promise<Stop[]> {
  await page.evaluate(() => {
    // Tab starts where the page begins (a click in open() would otherwise be the starting point).
    const start = document.createElement('span');
    start.id = 'walk-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    (window as unknown as { walked: WeakSet<Element> }).walked = new WeakSet();
  });
  const stops: Stop[] = [];
  for (let i = 0; i < 2000; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const walked = (window as unknown as { walked: WeakSet<Element> }).walked;
      if (!a || a === document.body || walked.has(a)) return null;
      walked.add(a);
      const cs = getComputedStyle(a);
      const ring =
        (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
        (cs.boxShadow !== 'none' && cs.boxShadow !== '');
      const r = a.getBoundingClientRect();
      const cx = Math.min(Math.max(r.left + Math.min(r.width / 2, 12), 0), innerWidth - 1);
      const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(cx, cy);
      const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0;
      const label =
        a.getAttribute('aria-label') ||
        (a.id && document.querySelector(`label[for="${a.id}"]`)?.textContent) ||
        a.closest('label')?.textContent ||
        a.getAttribute('name') ||
        a.textContent ||
        '';
      return {
        what: `${a.tagName.toLowerCase()}${a.getAttribute('type') ? `[${a.getAttribute('type')}]` : ''} ${label.trim().replace(/\s+/g, ' ').slice(0, 70)}`,
        area: a.closest('nav') ? 'nav' : a.closest('main') ? 'main' : 'other',
        ring,
        seen: onScreen && !!hit && (hit === a || a.contains(hit) || hit.contains(a)),
        x: Math.round(r.left),
        // where it is in the page, not on screen: the scrolled distance of its scrollers added
        y: Math.round(
          r.top +
            (() => {
              let sum = scrollY;
              for (let p = a.parentElement; p; p = p.parentElement) sum += p.scrollTop;
              return sum;
            })(),
        ),
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  await page.evaluate(() => document.getElementById('walk-start')?.remove());
  return stops;
}

/** What a Vietnamese office would not expect to read on the screen. */
async function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main')!;
    const dates = main.querySelectorAll('input[type=date], input[type=datetime-local], input[type=month]');
    if (dates.length) out.push(`${dates.length} ô ngày của trình duyệt`);
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const english =
      /\b(Save|Cancel|Delete|Edit|Loading|Error|Warning|Submit|Search|Close|Open|Export|Import|Settings|Select|None|Unknown|true|false|Invalid|Required|Yes|No)\b/;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('code, .mono, script, style, [title^="SHA-256"]') || !el.getClientRects().length) continue;
      const text = n.textContent ?? '';
      const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
      if (iso && !/\.(db|docx|xlsx|pdf|zip|json|eml)\b/.test(text))
        out.push(`ngày kiểu ISO: "${text.trim().slice(0, 80)}"`);
      const thousands = /\b\d{1,3}(,\d{3})+\b/.exec(text);
      if (thousands) out.push(`số kiểu Anh: "${text.trim().slice(0, 80)}"`);
      const word = english.exec(text);
      if (word) out.push(`chữ tiếng Anh "${word[0]}": "${text.trim().slice(0, 80)}"`);
    }
    return out;
  });
}

beforeAll(async () => {
  t = await openE2E('keyboard-walk');
  await t.page.setViewportSize({ width: 1280, height: 720 });
  office = await seedOffice(t.bridge.core);
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await t?.close();
});

describe('every screen by keyboard only at 1280×720', () => {
  it.each(SCREENS)('$name', async (screen) => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/${screen.route}`);
    await page.reload();
    await page.waitForSelector(screen.ready);
    if (screen.open) await screen.open(page);
    await t.shot(screen.name);
    const stops = await walk(page);
    fs.writeFileSync(
      path.join(OUT, `${screen.name}.txt`),
      stops
        .map(
          (s, i) =>
            `${i + 1}\t${s.area}\t${s.x},${s.y}\t${s.ring ? '' : 'NO-RING '}${s.seen ? '' : 'HIDDEN '}${s.what}`,
        )
        .join('\n') + '\n',
    );
    // The sidebar's eight links, then the screen: something to reach in the main part.
    expect(stops.filter((s) => s.area === 'nav').length, screen.name).toBeGreaterThanOrEqual(8);
    expect(stops.filter((s) => s.area === 'main').length, screen.name).toBeGreaterThan(0);
    expect(
      stops.filter((s) => !s.ring).map((s) => s.what),
      `${screen.name}: no focus ring`,
    ).toEqual([]);
    expect(
      stops.filter((s) => !s.seen).map((s) => s.what),
      `${screen.name}: focused but hidden`,
    ).toEqual([]);
    expect(await textProblems(page), screen.name).toEqual([]);
    expect(t.problems).toEqual([]);
  });

  it('a side list is one Tab stop: arrows pick the unit, Tab goes on to its sheet', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/cham-diem`);
    await page.reload();
    await page.waitForSelector('.sc-unit[data-unit="STP"][aria-selected=true]');
    const options = page.locator('[role=listbox][aria-label="Chọn đơn vị để chấm điểm"] [role=option]');
    expect(await options.count()).toBeGreaterThan(30);
    expect(await page.locator('[role=listbox] [role=option][tabindex="0"]').count()).toBe(1);
    await page.focus('.sc-unit[data-unit="STP"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('.sc-sheet h2:has-text("Sở Nội vụ")');
    const focusedUnit = () => page.evaluate(() => document.activeElement?.getAttribute('data-unit'));
    expect(await focusedUnit()).toBe('SNV');
    expect(await page.locator('.sc-unit[data-unit="SNV"]').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await focusedUnit()).toBe(await options.last().getAttribute('data-unit'));
    await page.keyboard.press('Home');
    expect(await focusedUnit()).toBe('STP');
    // Tab leaves the list at once: the next stop is the button after it, not the second unit.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Đơn vị trong đợt…');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedUnit()).toBe('STP');
    await t.shot('unit-list-keys');
    expect(t.problems).toEqual([]);
  });
});
