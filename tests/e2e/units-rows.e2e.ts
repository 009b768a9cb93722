// Đơn vị: a new question (a search, a kind, closed units shown) draws its rows over the elements of
// the rows drawn before at the same places (hooks/useRecycledKeys: cheaper than removing a screenful
// and creating another). The rows must come out exactly as rows drawn afresh: each question's rows
// are compared, element by element (tags, attributes, text), with the same question's rows drawn on
// a freshly opened screen where the register's own first answer is held back. Within one question a
// row keeps its element: a unit moved up by its ↑ button keeps the focus on that button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { openE2E, type E2E } from './harness';
import { apiOf } from '../unit/workflow-helpers';
import { WAIT } from './keyboard-kit';
import { listUnits } from '../../src/main/features/units/units';
import type { UnitKind } from '../../src/shared/model/unit';

let t: E2E;
const N = 120;
const code = (i: number) => `R${String(i).padStart(3, '0')}`;
const KINDS: UnitKind[] = ['so_nganh', 'ubnd_xa', 'ubnd_phuong', 'su_nghiep'];

beforeAll(async () => {
  t = await openE2E('units-rows');
  const api = apiOf(t.bridge.core);
  const ids: number[] = [];
  for (let i = 1; i <= N; i++) {
    const u = await api('units.create', {
      code: code(i),
      name: i % 7 === 0 ? `Phòng Nội vụ số ${i} của một đơn vị có tên rất dài để cắt bớt` : `UBND xã Số ${i}`,
      shortName: i % 5 === 0 ? `X${i}` : '',
      kind: KINDS[i % KINDS.length]!,
      // every tenth unit is under the one before it (the tree's indentation and mark)
      parentId: i % 10 === 0 ? ids[i - 2]! : null,
      email: i % 3 === 0 ? `xa${i}@example.vn` : '',
      contactPerson: i % 4 === 0 ? `Nguyễn Văn ${i}` : '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    ids.push(u.id);
  }
  // closed units: another badge, the reopen button instead of merge and close
  for (const i of [3, 11, 12, 13, 31, 47]) await api('units.close', { id: ids[i - 1]!, date: '2024-01-01' });
});
afterAll(async () => {
  await t?.close();
});

interface Question {
  search: string;
  kind: UnitKind | '';
  includeClosed: boolean;
}

/** Each drawn row, in order, as text: tags, sorted attributes (style declarations sorted), joined text. */
function drawnRows(page: Page): Promise<string[]> {
  return page.locator('.vbody').evaluate((body) => {
    const norm = (el: Element): string => {
      const attrs = [...el.attributes]
        .map((a) => {
          const v =
            a.name === 'style'
              ? a.value
                  .split(';')
                  .map((s) => s.trim())
                  .filter(Boolean)
                  .sort()
                  .join(';')
              : a.value;
          return `${a.name}=${JSON.stringify(v)}`;
        })
        .sort()
        .join(' ');
      const kids: string[] = [];
      let text: string | null = null;
      for (const n of el.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) text = (text ?? '') + (n.textContent ?? '');
        else if (n.nodeType === Node.ELEMENT_NODE) {
          if (text !== null) kids.push(JSON.stringify(text));
          text = null;
          kids.push(norm(n as Element));
        }
      }
      if (text !== null) kids.push(JSON.stringify(text));
      return `<${el.tagName.toLowerCase()} ${attrs}>${kids.join('')}</>`;
    };
    return [...body.querySelectorAll<HTMLElement>('.vrow')]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map(norm);
  });
}

/** Waits until the table shows the answer to `q` (the server's own list), every drawn row loaded. */
async function settled(page: Page, q: Question): Promise<string[]> {
  const units = await listUnits(t.bridge.core.db, {
    search: q.search || undefined,
    kind: q.kind || undefined,
    includeClosed: q.includeClosed,
  });
  const table = page.locator('[aria-label="Danh sách đơn vị"]');
  await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: WAIT }).toBe(String(units.length + 1));
  await expect
    .poll(
      () =>
        page.locator('.vbody .vrow:not(.v-loading)').evaluateAll((rows) =>
          rows
            .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
            .map((r) => r.getAttribute('data-code'))
            .slice(0, 5),
        ),
      { timeout: WAIT },
    )
    .toEqual(units.slice(0, 5).map((u) => u.code));
  expect(await page.locator('.vbody .v-loading').count()).toBe(0);
  return drawnRows(page);
}

async function ask(page: Page, q: Question): Promise<void> {
  await page.fill('input[aria-label="Tìm đơn vị"]', q.search);
  await page.selectOption('select[aria-label="Lọc theo loại"]', q.kind);
  await page.setChecked('label.check input[type=checkbox]', q.includeClosed);
}

const QUESTIONS: Question[] = [
  { search: 'số 1', kind: '', includeClosed: false },
  { search: 'số 1', kind: 'ubnd_xa', includeClosed: false },
  { search: '', kind: 'ubnd_xa', includeClosed: false },
  { search: '', kind: '', includeClosed: true },
  { search: 'so 1', kind: '', includeClosed: true },
  { search: 'nội vụ', kind: '', includeClosed: false },
  { search: '', kind: '', includeClosed: false },
];

describe('Đơn vị rows drawn over the previous question’s rows', () => {
  it('are the same, element by element, as the rows drawn on a fresh screen', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    let shown = await settled(page, { search: '', kind: '', includeClosed: false });
    expect(shown.length).toBeGreaterThan(10);

    // the fresh screen: every answer but the one to the question asked is held back
    const fresh = await page.context().newPage();
    let wanted: Question | null = null;
    const held: Route[] = [];
    await fresh.route('**/api/units.page', async (route) => {
      const a = JSON.parse(route.request().postData() ?? '{}') as Partial<Question>;
      const same =
        wanted !== null &&
        (a.search ?? '') === wanted.search &&
        (a.kind ?? '') === wanted.kind &&
        !!a.includeClosed === wanted.includeClosed;
      if (same) await route.continue();
      else held.push(route);
    });

    for (const q of QUESTIONS) {
      // the elements drawn now, marked: the next question's rows are drawn over them
      await page
        .locator('.vbody')
        .evaluate((b) =>
          b.querySelectorAll('.vrow').forEach((r) => ((r as HTMLElement & { drawnBefore?: true }).drawnBefore = true)),
        );
      await ask(page, q);
      shown = await settled(page, q);
      const reused = await page
        .locator('.vbody .vrow')
        .evaluateAll((rows) => rows.filter((r) => (r as HTMLElement & { drawnBefore?: true }).drawnBefore).length);
      expect(reused, JSON.stringify(q)).toBeGreaterThan(0);

      wanted = q;
      await fresh.goto('about:blank');
      await fresh.goto(`${t.bridge.url}#/don-vi`);
      await fresh.waitForSelector('input[aria-label="Tìm đơn vị"]');
      await ask(fresh, q);
      expect(await settled(fresh, q), JSON.stringify(q)).toEqual(shown);
    }
    expect(held.length).toBeGreaterThan(0);
    await fresh.close();
    expect(t.problems).toEqual([]);
  });

  it('keeps a moved row’s element within one question: the focus stays on the unit’s ↑ button', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.reload();
    await settled(page, { search: '', kind: '', includeClosed: false });
    await page.fill('input[aria-label="Tìm đơn vị"]', 'số 2');
    const q = { search: 'số 2', kind: '' as const, includeClosed: false };
    await settled(page, q);
    const before = await listUnits(t.bridge.core.db, { search: 'số 2' });
    const moved = before[3]!.code;
    await page.click(`button[aria-label="Đưa ${moved} lên"]`);
    // the register's order changed: the unit is now one place higher, and its button still has the focus
    await expect
      .poll(() => page.locator(`.vrow[data-code="${moved}"]`).getAttribute('data-index'), { timeout: WAIT })
      .not.toBe('3');
    const after = await listUnits(t.bridge.core.db, { search: 'số 2' });
    expect(after.findIndex((u) => u.code === moved)).toBeLessThan(3);
    await settled(page, q);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Đưa ${moved} lên`);
    await t.shot('moved-keeps-focus');
    expect(t.problems).toEqual([]);
  });
});

/** The columns as a grid would draw them: the rows are flex rows laid out the same (styles.css says why). */
const GRID_COLUMNS = '90px minmax(180px, 3fr) 80px 110px minmax(100px, 1.3fr) 105px 135px 160px';

describe('Đơn vị rows', () => {
  it('lay their cells out as the grid did, at every window width (to the layout unit, 1/64 px)', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.reload();
    await settled(page, { search: '', kind: '', includeClosed: false });
    for (const [width, height] of [
      [1024, 700],
      [1280, 720],
      [1366, 768],
      [1440, 900],
      [1600, 900],
      [1920, 1080],
      [2560, 1440],
    ] as const) {
      await page.setViewportSize({ width, height });
      // each drawn row (and the header) against a grid of the old columns, as wide as the row
      const worst = await page.evaluate((columns) => {
        let worst = 0;
        let rows = 0;
        for (const row of document.querySelectorAll<HTMLElement>('.vtable .vrow')) {
          const cells = [...row.children] as HTMLElement[];
          if (cells.length !== 8) continue;
          const style = getComputedStyle(row);
          const grid = document.createElement('div');
          grid.style.cssText = `display:grid;grid-template-columns:${columns};box-sizing:border-box;position:absolute;top:0;left:0;visibility:hidden;width:${row.getBoundingClientRect().width - (row.offsetWidth - row.clientWidth)}px;padding-right:${style.paddingRight}`;
          for (let i = 0; i < 8; i++) grid.appendChild(document.createElement('div'));
          document.body.appendChild(grid);
          const origin = row.getBoundingClientRect().left;
          cells.forEach((cell, i) => {
            const a = cell.getBoundingClientRect();
            const b = (grid.children[i] as HTMLElement).getBoundingClientRect();
            worst = Math.max(worst, Math.abs(a.left - origin - b.left), Math.abs(a.width - b.width));
          });
          grid.remove();
          rows++;
        }
        return { worst, rows };
      }, GRID_COLUMNS);
      expect(worst.rows, `${width}×${height}`).toBeGreaterThan(5);
      expect(worst.worst, `${width}×${height}`).toBeLessThanOrEqual(1 / 64);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(t.problems).toEqual([]);
  });

  it('show every button of every row inside the table, under the header’s columns, from 1280×720 up, with no sideways scroll', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.reload();
    await page.check('label.check:has-text("Hiện cả") input');
    await settled(page, { search: '', kind: '', includeClosed: true });
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1440, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      const seen = await page.evaluate(() => {
        const body = document.querySelector<HTMLElement>('.vtable .vbody')!;
        const box = body.getBoundingClientRect();
        const right = box.left + body.clientLeft + body.clientWidth;
        const cut: string[] = [];
        let buttons = 0;
        for (const b of body.querySelectorAll<HTMLElement>('.vrow button')) {
          const r = b.getBoundingClientRect();
          if (r.bottom <= box.top || r.top >= box.bottom) continue; // drawn beyond the screen (overscan)
          buttons++;
          if (r.left < box.left || r.right > right) cut.push(b.getAttribute('aria-label') ?? '?');
        }
        // the header's columns stand over the body's, whatever width the system gives its scroll bar
        const edges = (row: Element) =>
          [...row.children].map((c) => {
            const r = c.getBoundingClientRect();
            return [r.left, r.right];
          });
        const head = edges(document.querySelector('.vtable .vhead')!);
        const first = edges(body.querySelector('.vrow:not(.v-loading)')!);
        const offset = Math.max(
          ...head.flatMap((h, i) => [Math.abs(h[0]! - first[i]![0]!), Math.abs(h[1]! - first[i]![1]!)]),
        );
        const page = document.scrollingElement!;
        return { buttons, cut, offset, sideways: page.scrollWidth > page.clientWidth };
      });
      expect(seen.offset, `${width}×${height}`).toBeLessThanOrEqual(1 / 64);
      expect(seen.buttons, `${width}×${height}`).toBeGreaterThan(30);
      expect(seen.cut, `${width}×${height}`).toEqual([]);
      expect(seen.sideways, `${width}×${height}`).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await t.shot('don-vi-1280x720-buttons');
    await page.uncheck('label.check:has-text("Hiện cả") input');
    expect(t.problems).toEqual([]);
  });

  it('do each button’s action for the unit of its own row (one handler for the whole table)', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${t.bridge.url}#/don-vi`);
    await page.reload();
    await page.fill('input[aria-label="Tìm đơn vị"]', 'số 4');
    const q = { search: 'số 4', kind: '' as const, includeClosed: false };
    await settled(page, q);
    const units = await listUnits(t.bridge.core.db, { search: 'số 4' });
    const u = units[2]!;
    const modal = page.locator('.modal');
    const close = async () => {
      // as a person would: once the dialog has taken the focus (it does so just after it is drawn)
      await expect
        .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.modal'))), { timeout: WAIT })
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => modal.count(), { timeout: WAIT }).toBe(0);
      // and once focus is back on the page (useDialog returns it to the opener just after the dialog
      // is removed): a row focused before that would lose the focus to the opener's row
      await expect
        .poll(() => page.evaluate(() => document.activeElement !== document.body), { timeout: WAIT })
        .toBe(true);
    };

    await page.click(`button[aria-label="Sửa ${u.code}"]`);
    await expect.poll(() => page.locator('.modal input[name="code"]').inputValue(), { timeout: WAIT }).toBe(u.code);
    await close();
    await page.click(`button[aria-label="Lịch sử ${u.code}"]`);
    await expect.poll(() => modal.locator('h2').textContent(), { timeout: WAIT }).toContain(u.code);
    await close();
    await page.click(`button[aria-label="Thôi hoạt động ${u.code}"]`);
    await expect.poll(() => modal.textContent(), { timeout: WAIT }).toContain(u.name);
    await close();
    await page.click(`button[aria-label="Sáp nhập ${u.code}"]`);
    await expect.poll(() => modal.textContent(), { timeout: WAIT }).toContain(u.code);
    await close();

    // Enter on a row (reached by the arrows) edits that row's unit
    await page.locator(`.vrow[data-code="${units[0]!.code}"]`).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.modal input[name="code"]').inputValue(), { timeout: WAIT })
      .toBe(units[1]!.code);
    await close();

    // ↓ moves this row's unit, not another
    await page.click(`button[aria-label="Đưa ${u.code} xuống"]`);
    await expect
      .poll(async () => (await listUnits(t.bridge.core.db, { search: 'số 4' })).findIndex((x) => x.code === u.code), {
        timeout: WAIT,
      })
      .toBeGreaterThan(2);

    // ↺ on a closed unit reopens it
    const closed = (await listUnits(t.bridge.core.db, { search: 'số 4', includeClosed: true })).find(
      (x) => !x.isActive,
    )!;
    await page.setChecked('label.check input[type=checkbox]', true);
    await settled(page, { ...q, includeClosed: true });
    await page.click(`button[aria-label="Mở lại ${closed.code}"]`);
    await expect
      .poll(async () => (await listUnits(t.bridge.core.db, { search: closed.code })).some((x) => x.id === closed.id), {
        timeout: WAIT,
      })
      .toBe(true);
    expect(t.problems).toEqual([]);
  });
});

describe('Đơn vị: a search’s first answer', () => {
  it('fills every row drawn, in one call, at every window size; the count shown is the answer’s, never the last one’s', async () => {
    const { page } = t;
    const q: Question = { search: 'số', kind: '', includeClosed: false };
    const found = await listUnits(t.bridge.core.db, { search: q.search });
    const register = await listUnits(t.bridge.core.db);
    expect(found.length).toBeGreaterThan(40); // more than a 2560×1440 window draws
    let held: Route | null = null;
    let calls = 0;
    await page.route('**/api/units.page', async (route) => {
      const a = JSON.parse(route.request().postData() ?? '{}') as Partial<Question>;
      if (a.search !== q.search) return route.continue();
      calls++;
      // the first window of the search waits until the screen has been looked at
      if (calls === 1) held = route;
      else await route.continue();
    });
    for (const [width, height] of [
      [1024, 700],
      [1280, 720],
      [1440, 900],
      [1920, 1080],
      [2560, 1440],
    ] as const) {
      // the screen opened at this size (it asks windows as high as the window)
      await page.setViewportSize({ width, height });
      await page.goto(`${t.bridge.url}#/cai-dat`);
      await page.goto(`${t.bridge.url}#/don-vi`);
      await page.reload();
      await settled(page, { search: '', kind: '', includeClosed: false });
      calls = 0;
      held = null;
      await page.fill('input[aria-label="Tìm đơn vị"]', q.search);
      await expect.poll(() => held !== null, { timeout: WAIT }).toBe(true);
      // asked, not answered: the register's rows still show, and no count (not the register's)
      expect(await page.locator('.toolbar .muted').textContent()).toBe('');
      expect(await page.locator('[aria-label="Danh sách đơn vị"]').getAttribute('aria-rowcount')).toBe(
        String(register.length + 1),
      );
      await held!.continue();
      const rows = await settled(page, q);
      expect(rows.length, `${width}×${height}`).toBeGreaterThan(10);
      await expect
        .poll(() => page.locator('.toolbar .muted').textContent(), { timeout: WAIT })
        .toBe(`${found.length} kết quả`);
      expect(calls, `${width}×${height}: one window covers the rows drawn`).toBe(1);
    }
    await page.unroute('**/api/units.page');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(t.problems).toEqual([]);
  });
});
