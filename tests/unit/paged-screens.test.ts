// Issue 17: the Tổng quan board and Tổng hợp's unit lines reach the screen a window at a time.
// The pages of a chip put together are exactly the board's rows the chip counts, in the board's
// order; the draft the screen gets counts its unit lines and compile.units pages them unchanged
// (decoded from their wire form: what the tabs show of them, value for value);
// compile.draft with `lines` answers the same draft and compile.units' window in one call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { CallError, addUnits, apiOf, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { addDays } from '../../src/shared/domain/periods';
import { filterCount, matchesFilter } from '../../src/shared/domain/report-status';
import { BOARD_FILTERS } from '../../src/shared/model/report';
import { getDraft } from '../../src/main/features/compile/compile-draft';
import { seedCompile } from './compile-fixture';
import { runCli } from '../../src/main/cli';
import { cliDatabase } from './helpers';
import { decodeUnitLines, type ScreenUnitLine } from '../../src/shared/contract/compile-lines';
import type { UnitLine } from '../../src/shared/model/compile';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

async function period(ids: number[]) {
  const p = await api('periods.create', {
    type: 'half',
    year: thisYear - 1,
    templateId: await templateId(core),
    expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
  });
  const d = p.deadline;
  for (const [k, id] of ids.entries()) {
    if (k % 3 === 0) await sendReport(api, p.id, id, { DT01: k, DT02: 5, DT03: 2 }, addDays(d, -1));
    else if (k % 3 === 1) await sendReport(api, p.id, id, { DT01: k, DT02: 1, DT03: 9 }, addDays(d, 2), true);
  }
  return p;
}

describe('dashboard.page', () => {
  it('every chip pages exactly the rows its count counts, in the board’s order', async () => {
    const ids = await addUnits(api, 23);
    const p = await period(ids);
    const board = await api('dashboard.board', { periodId: p.id });
    for (const f of BOARD_FILTERS) {
      const rows = [];
      let total = -1;
      for (let offset = 0; total < 0 || offset < total; offset += 5) {
        const page = await api('dashboard.page', { periodId: p.id, filter: f, offset, limit: 5 });
        expect(page.rows.length).toBeLessThanOrEqual(5);
        expect(page.counts).toEqual(board.counts);
        expect(page.offset).toBe(offset);
        total = page.total;
        rows.push(...page.rows);
        if (total === 0) break;
      }
      expect(total, f).toBe(filterCount(board.counts, f));
      expect(rows, f).toEqual(board.rows.filter((r) => r.expected && matchesFilter(r, f)));
    }
    const first = await api('dashboard.page', { periodId: p.id });
    expect(first).toMatchObject({ filter: 'all', total: 23, offset: 0, outside: 0, daysLeft: board.daysLeft });
    expect(first.rows).toEqual(board.rows);
    // past the end: no rows, the same total
    expect(await api('dashboard.page', { periodId: p.id, offset: 40 })).toMatchObject({ total: 23, rows: [] });
  });

  it('pages the reports from outside the list apart and refuses a page too large', async () => {
    const ids = await addUnits(api, 5);
    const p = await period(ids);
    // a unit that sent its report, then left the list: shown under its own chip, not counted
    await api('units.close', { id: ids[0]!, date: `${thisYear - 2}-12-01` });
    await api('periods.updateExpected', { id: p.id, remove: [ids[0]!], reason: 'Sáp nhập trước ngày chốt' });
    const page = await api('dashboard.page', { periodId: p.id, filter: 'ngoai_danh_sach' });
    expect(page).toMatchObject({ total: 1, outside: 1 });
    expect(page.rows.map((r) => [r.unitId, r.expected])).toEqual([[ids[0], false]]);
    const all = await api('dashboard.page', { periodId: p.id });
    expect([all.total, all.counts.expected, all.outside]).toEqual([4, 4, 1]);
    const err = await api('dashboard.page', { periodId: p.id, limit: 501 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).message).toMatch(/500/);
  });
});

describe('compile.units', () => {
  it('the screen’s draft counts the unit lines; their pages are the compile’s lines, in order', async () => {
    const ids = await addUnits(api, 12);
    const p = await period(ids);
    const window = { periodIds: [p.id], compareIds: [] };
    const full = await api('compile.show', window);
    const draft = await api('compile.draft', window);
    expect(draft.compile.current.unitCount).toBe(full.current.units.length);
    expect('units' in draft.compile.current).toBe(false);
    const { lateUnits: _late, missingUnits: _missing, ...counts } = full.current.status;
    expect(draft.compile.current.status).toEqual(counts);
    const lines = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await api('compile.units', { ...window, offset, limit: 5 });
      expect(page.total).toBe(12);
      lines.push(...decodeUnitLines(page).rows);
    }
    expect(lines).toEqual(full.current.units.map(shown));
    // after a save the pages still answer (the saved view is kept as the next read)
    const saved = await api('compile.saveDraft', { ...window, title: draft.draft.title, sections: [] });
    expect(saved.compile.current.unitCount).toBe(12);
    expect(decodeUnitLines(await api('compile.units', { ...window, offset: 10 })).rows).toEqual(
      full.current.units.slice(10).map(shown),
    );
  });
});

/** What Tổng hợp's tabs show of a unit line (compile.units' wire form, decoded), cut here apart from the app's code. */
function shown(l: UnitLine): ScreenUnitLine {
  const { status: _s, overdue: _o, periodsCounted: _p, ...rest } = l;
  return rest;
}

/** The report's view as the screen gets it, cut here apart from the app's own code (screenView). */
function screenCut(full: Awaited<ReturnType<typeof getDraft>>) {
  const { unitTexts: _t, explainedBreaches: _b, compile, ...rest } = full;
  const cut = (a: NonNullable<typeof compile.previous>) => {
    const { units, indicators, status, ...other } = a;
    const { lateUnits: _l, missingUnits: _m, ...counts } = status;
    return {
      ...other,
      status: counts,
      indicators: indicators.map(({ texts: _x, ...f }) => f),
      unitCount: units.length,
    };
  };
  return {
    ...rest,
    compile: { ...compile, current: cut(compile.current), previous: compile.previous && cut(compile.previous) },
  };
}

describe('compile.draft, the screen’s copy', () => {
  it('is the view behind the report, value for value, without what grows with the register', async () => {
    const fx = await seedCompile(core);
    const window = { periodIds: [fx.period2025], compareIds: null, today: null };
    const full = await getDraft(core.db, window);
    // the data carry what is left out: the units' words, late and missing units
    expect(full.unitTexts.length).toBeGreaterThan(0);
    expect(
      full.compile.current.status.lateUnits.length + full.compile.current.status.missingUnits.length,
    ).toBeGreaterThan(0);
    const screen = await api('compile.draft', { periodIds: [fx.period2025], compareIds: null });
    for (const key of ['unitTexts', 'explainedBreaches']) expect(key in screen).toBe(false);
    expect(screen).toEqual({ ...screenCut(full), lines: null });
    expect(screen.compile.previous).not.toBeNull();
  });

  it('refreshDraft and saveDraft answer the report’s view as the screen gets it, value for value', async () => {
    const fx = await seedCompile(core);
    const window = { periodIds: [fx.period2025], compareIds: null };
    // the screen's read leaves the units' words out; the report's view (read after each) has them
    const refreshed = await api('compile.refreshDraft', window);
    const afterRefresh = await getDraft(core.db, { ...window, today: null });
    expect(afterRefresh.unitTexts.length).toBeGreaterThan(0);
    expect(refreshed).toEqual(screenCut(afterRefresh));
    const section = refreshed.draft.sections.find((x) => x.text.includes('{{'))!;
    const saved = await api('compile.saveDraft', {
      ...window,
      title: 'Báo cáo đã sửa',
      sections: [{ number: section.number, text: `Đã sửa: ${section.text}` }],
    });
    expect(saved.draft.title).toBe('Báo cáo đã sửa');
    expect(saved).toEqual(screenCut(await getDraft(core.db, { ...window, today: null })));
    // kept as the next read: compile.draft and compile.units answer the saved view
    const { lines, ...drafted } = await api('compile.draft', { ...window, lines: { offset: 0, limit: 500 } });
    expect(drafted).toEqual(saved);
    expect(decodeUnitLines(lines!).rows).toEqual(
      (await getDraft(core.db, { ...window, today: null })).compile.current.units.map(shown),
    );
  });
});

describe('compile.draft with its first window of unit lines', () => {
  it('answers the same draft and the same window as compile.draft and compile.units apart, value for value', async () => {
    const ids = await addUnits(api, 12);
    const p = await period(ids);
    for (const window of [
      { periodIds: [p.id], compareIds: [] },
      { periodIds: [p.id], compareIds: null },
    ]) {
      const alone = await api('compile.draft', window);
      expect(alone.lines).toBeNull();
      for (const [offset, limit] of [
        [0, 5],
        [0, 30],
        [10, 5],
        [12, 3],
      ] as const) {
        const { lines, ...draft } = await api('compile.draft', { ...window, lines: { offset, limit } });
        const { lines: _none, ...draftAlone } = alone;
        expect(draft).toEqual(draftAlone);
        expect(lines).toEqual(await api('compile.units', { ...window, offset, limit }));
      }
    }
    // the same bounds as compile.units, in Vietnamese
    for (const lines of [
      { offset: 0, limit: 501 },
      { offset: -1, limit: 5 },
      { offset: 0, limit: 5, extra: 1 },
    ]) {
      const err = await api('compile.draft', { periodIds: [p.id], lines } as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CallError);
      expect((err as CallError).message).toMatch(/^Dữ liệu không hợp lệ \(Các dòng/);
    }
  });

  it('is reachable from the command line (call compile.draft)', async () => {
    const ids = await addUnits(api, 4);
    const p = await period(ids);
    const window = { periodIds: [p.id], compareIds: [] };
    const expected = await api('compile.draft', { ...window, lines: { offset: 1, limit: 2 } });
    const out: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => out.push(x) };
    const args = JSON.stringify({ ...window, lines: { offset: 1, limit: 2 } });
    expect(await runCli(['call', 'compile.draft', args, '--db', cliDatabase(core)], io)).toBe(0);
    const answered = JSON.parse(out.join('\n')) as typeof expected;
    expect(answered.lines).toEqual(expected.lines);
    expect(decodeUnitLines(answered.lines!).rows.map((r) => r.unitId)).toEqual(ids.slice(1, 3));
  });
});
