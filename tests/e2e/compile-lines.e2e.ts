// Tổng hợp's unit lines as drawn, on 150 units × 10 periods (the benchmarks' data set, in bulk):
// every row drawn in “Theo đơn vị” and “Tình hình báo cáo” shows its unit's line value for value
// (compile.units, the server's own lines, decoded from their wire form), when the tab opens, at the end of the list, and after
// another period is compiled. Between the new totals and the new lines the table is busy: the
// previous period's rows are never shown as the new period's. Compiled with the tab at the top of
// the list, the first window comes with the totals in one call. Speed: `npm run bench` (screens).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openE2E, type E2E } from './harness';
import { bulkSeed } from '../../bench/lib/bulk-seed';
import { apiOf } from '../unit/workflow-helpers';
import { formatFigure } from '../../src/shared/domain/draft';
import { formatDateShort } from '../../src/shared/format';
import { UNIT_KIND_LABELS } from '../../src/shared/model/unit';
import { decodeUnitLines, type ScreenUnitLine as UnitLine } from '../../src/shared/contract/compile-lines';
import type { ScreenIndicator } from '../../src/shared/contract/compile';

const UNITS = 150;
const BY_UNIT = 'table[aria-label="Số liệu theo đơn vị"]';
const STATUS = 'table[aria-label="Tình hình gửi báo cáo"]';

let t: E2E;
let periods: { id: number; name: string }[];
beforeAll(async () => {
  t = await openE2E('compile-lines');
  await bulkSeed(t.bridge.core, UNITS);
  periods = await t.bridge.core.db.selectFrom('periods').select(['id', 'name']).orderBy('year', 'desc').execute();
});
afterAll(async () => {
  await t?.close();
});

/** The window's lines and columns as the server gives them (the screen's own arguments). */
async function linesOf(periodId: number): Promise<{ lines: UnitLine[]; inds: ScreenIndicator[] }> {
  const api = apiOf(t.bridge.core);
  const args = { periodIds: [periodId], compareIds: null };
  const view = await api('compile.draft', args);
  const lines: UnitLine[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = decodeUnitLines(await api('compile.units', { ...args, offset, limit: 500 }));
    lines.push(...page.rows);
    if (lines.length >= page.total) break;
  }
  // decoded from their wire form, the pages are the compile's own lines as far as the tabs show them
  const own = (await api('compile.show', args)).current.units;
  expect(lines).toEqual(own.map(({ status: _s, overdue: _o, periodsCounted: _p, ...shown }) => shown));
  const inds = view.compile.current.indicators.filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE');
  return { lines, inds };
}

/** What a line's row says, cell by cell: its name, then each indicator's value as the screen writes it. */
function byUnitCells(u: UnitLine, inds: ScreenIndicator[]): string[] {
  return [
    u.expected ? u.name : `${u.name} (không thuộc danh sách)`,
    ...inds.map((i) => {
      const x = u.values[i.code] ?? null;
      if (x === null) return '';
      if (i.type === 'yesno') return x === '1' ? 'Có' : 'Không';
      return formatFigure(x, i.rule === 'RATE');
    }),
  ];
}

function statusCells(u: UnitLine): string[] {
  const note = [u.daysLate ? `Muộn ${u.daysLate} ngày` : '', u.expected ? '' : 'Không thuộc danh sách phải báo cáo'];
  return [u.name, UNIT_KIND_LABELS[u.kind], u.label, formatDateShort(u.receivedDate), note.filter(Boolean).join('; ')];
}

/** The rows drawn: their place in the list and their cells' text. */
async function drawn(page: Page, table: string): Promise<{ index: number; cells: string[] }[]> {
  return page.locator(`${table} tbody tr[data-unit]`).evaluateAll((rows) =>
    rows.map((r) => ({
      index: Number(r.getAttribute('data-index')),
      cells: [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
    })),
  );
}

async function expectDrawn(page: Page, table: string, want: (i: number) => string[]): Promise<number[]> {
  await page.waitForSelector(`${table}[aria-busy="false"] tbody tr[data-unit]`);
  const rows = await drawn(page, table);
  expect(rows.length).toBeGreaterThan(5);
  for (const r of rows) expect(r.cells, `row ${r.index}`).toEqual(want(r.index).map((c) => c.trim()));
  return rows.map((r) => r.index);
}

describe('Tổng hợp’s unit lines as drawn', () => {
  it('shows each drawn row as its unit’s line, to the end of the list and after another period', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 1280, height: 720 });
    const [newest, other] = [periods[0]!, periods[2]!];
    const first = await linesOf(newest.id);
    expect(first.lines).toHaveLength(UNITS);
    await page.goto(`${t.bridge.url}#/tong-hop`);
    await page.waitForSelector(`.cp-summary:has-text("${newest.name}")`);
    await page.click('.cp-tabs button:has-text("Theo đơn vị")');
    // the header is the indicators' codes in the lines' columns
    expect(await page.locator(`${BY_UNIT} thead th`).allInnerTexts()).toEqual([
      'Đơn vị',
      ...first.inds.map((i) => i.code),
    ]);
    const top = await expectDrawn(page, BY_UNIT, (i) => byUnitCells(first.lines[i]!, first.inds));
    expect(top[0]).toBe(0);
    await t.shot('by-unit-1280');
    await page.locator('.cp-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector(`${BY_UNIT} tr[data-index="${UNITS - 1}"]`);
    await expectDrawn(page, BY_UNIT, (i) => byUnitCells(first.lines[i]!, first.inds));

    // another period: from the moment its totals show, the table is busy or shows its lines
    const next = await linesOf(other.id);
    expect(next.lines.map((u) => u.values)).not.toEqual(first.lines.map((u) => u.values));
    await page.uncheck(`input[name="period-${newest.id}"]`);
    await page.check(`input[name="period-${other.id}"]`);
    await watchStates(page, other.name);
    await page.click('.cp-pick-actions button.primary');
    await page.waitForSelector(`.cp-summary:has-text("${other.name}")`);
    await expectDrawn(page, BY_UNIT, (i) => byUnitCells(next.lines[i]!, next.inds));
    await expectStates(page, (i) => byUnitCells(next.lines[i]!, next.inds));

    await page.click('.cp-tabs button:has-text("Tình hình báo cáo")');
    await expectDrawn(page, STATUS, (i) => statusCells(next.lines[i]!));
    await t.shot('status-1280');

    // back to the newest period with the tab at the top of the list: its first window of lines comes
    // in the compile's answer (compile.draft with `lines`), drawn with the totals, not asked again
    await page.click('.cp-tabs button:has-text("Theo đơn vị")');
    await expectDrawn(page, BY_UNIT, (i) => byUnitCells(next.lines[i]!, next.inds));
    await page.uncheck(`input[name="period-${other.id}"]`);
    await page.check(`input[name="period-${newest.id}"]`);
    const calls: string[] = [];
    const onRequest = (r: { url(): string }) => void calls.push(new URL(r.url()).pathname.replace('/api/', ''));
    page.on('request', onRequest);
    await watchStates(page, newest.name);
    await page.click('.cp-pick-actions button.primary');
    await page.waitForSelector(`.cp-summary:has-text("${newest.name}")`);
    const back = await expectDrawn(page, BY_UNIT, (i) => byUnitCells(first.lines[i]!, first.inds));
    expect(back[0]).toBe(0);
    await expectStates(page, (i) => byUnitCells(first.lines[i]!, first.inds));
    page.off('request', onRequest);
    // (the sidebar's job centre polls jobs.list on its own)
    expect(calls.filter((c) => c.startsWith('compile.'))).toEqual(['compile.draft']);
    await t.shot('by-unit-switched-1280');
    expect(t.problems).toEqual([]);
  });
});

/** Records every state of the by-unit table from the moment the summary names `name` (a mutation observer). */
async function watchStates(page: Page, name: string): Promise<void> {
  await page.evaluate(
    ({ name, table }) => {
      const w = window as unknown as {
        __seen: { busy: string | null; rows: string[][] }[];
        __watch?: MutationObserver;
      };
      w.__watch?.disconnect();
      w.__seen = [];
      const seen = () => {
        if (!document.querySelector('.cp-summary')?.textContent?.includes(name)) return;
        const t = document.querySelector(table);
        w.__seen.push({
          busy: t?.getAttribute('aria-busy') ?? null,
          rows: [...(t?.querySelectorAll('tbody tr[data-unit]') ?? [])].map((r) =>
            [
              r.getAttribute('data-index') ?? '',
              ...[...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
            ].map((c) => c.trim()),
          ),
        });
      };
      w.__watch = new MutationObserver(seen);
      w.__watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { name, table: BY_UNIT },
  );
}

/** Every state recorded since the new totals showed is busy or shows the new window's lines. */
async function expectStates(page: Page, want: (i: number) => string[]): Promise<void> {
  const seen = await page.evaluate(
    () => (window as unknown as { __seen: { busy: string | null; rows: string[][] }[] }).__seen,
  );
  expect(seen.length).toBeGreaterThan(0);
  for (const s of seen) {
    if (s.busy === 'true') continue;
    expect(s.busy).toBe('false');
    for (const [index, ...cells] of s.rows) expect(cells).toEqual(want(Number(index)));
  }
}
