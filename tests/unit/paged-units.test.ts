// Issue 17: the Đơn vị screen asks for its rows a window at a time (units.page). The windows of any
// question put together are exactly units.list's answer to it (the same units in the same order), and
// the search folds accents, case and đ as it always did. Báo cáo đơn vị's unit picker asks the same
// way for the period board's units matching what is typed (reports.unitChoices).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear, unitData, type Api } from './workflow-helpers';
import type { UnitListQuery } from '../../src/shared/contract/units';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

/** Every window of `query` (limit `size`), put together. */
async function paged(query: UnitListQuery, size: number) {
  const rows = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += size) {
    const page = await api('units.page', { ...query, offset, limit: size });
    expect(page.offset).toBe(offset);
    expect(page.rows.length).toBeLessThanOrEqual(size);
    total = page.total;
    rows.push(...page.rows);
    if (total === 0) break;
  }
  expect(rows).toHaveLength(total);
  return rows;
}

describe('units.page', () => {
  it('pages exactly what units.list lists, for every question', async () => {
    const ids = await addUnits(api, 75);
    const so = await api('units.create', { ...unitData('SNV', 'Sở Nội vụ', 'so_nganh'), email: 'snv@quangnam.gov.vn' });
    // a child sits under its parent, in the tree's order
    await api('units.create', { ...unitData('TT7', 'Trung tâm Điện toán số 7', 'su_nghiep'), parentId: so.id });
    await api('units.create', { ...unitData('P-DB', 'UBND phường Điện Bàn', 'ubnd_phuong') });
    await api('units.close', { id: ids[6]!, date: '2020-01-01' }); // Xã số 7 closed
    const questions: UnitListQuery[] = [
      {},
      { includeClosed: true },
      { search: 'số 7' },
      { search: 'số 7', includeClosed: true },
      { search: 'xa so', kind: 'ubnd_xa' },
      { kind: 'su_nghiep' },
      { search: 'dien' },
      { search: 'quangnam' },
      { search: 'không có' },
      { search: '  ' },
    ];
    for (const q of questions) {
      const list = await api('units.list', q);
      expect(await paged(q, 4), JSON.stringify(q)).toEqual(list);
      expect(await paged(q, 500), JSON.stringify(q)).toEqual(list);
    }
    // after a change the register is read again, and a search's matches are placed in the new order
    await api('units.move', { id: ids[16]!, direction: 'up' });
    await api('units.close', { id: ids[69]!, date: '2020-01-01' }); // Xã số 70 closed
    for (const q of questions) {
      const list = await api('units.list', q);
      expect(await paged(q, 3), `after changes: ${JSON.stringify(q)}`).toEqual(list);
    }
    await api('units.reopen', { id: ids[69]! });
    const first = await api('units.page', {});
    expect(first).toMatchObject({ total: 77, offset: 0, active: 77, closed: 1 });
    expect(first.rows).toHaveLength(77);
    expect(first.rows.map((u) => u.code).slice(74)).toEqual(['SNV', 'TT7', 'P-DB']);
    // past the end: no rows, the same total
    expect(await api('units.page', { offset: 100, limit: 5 })).toMatchObject({ total: 77, rows: [] });
  });

  it('folds accents, case and đ as the search always has: words match as prefixes', async () => {
    await addUnits(api, 75);
    await api('units.create', { ...unitData('P-DB', 'UBND phường Điện Bàn', 'ubnd_phuong') });
    const codes = async (search: string) => (await paged({ search, includeClosed: true }, 3)).map((u) => u.code);
    const seven = ['X007', 'X070', 'X071', 'X072', 'X073', 'X074', 'X075'];
    for (const typed of ['số 7', 'SỐ 7', 'so 7', 'Sô 7', 'số 7'.normalize('NFD'), 'xã số 7'])
      expect(await codes(typed), typed).toEqual(seven);
    for (const typed of ['Điện Bàn', 'dien ban', 'ĐIỆN', 'phuong d', 'p db'])
      expect(await codes(typed)).toEqual(['P-DB']);
    expect(await codes('iện')).toEqual([]); // not inside a word
  });

  it('refuses a window past its limits, naming the field in Vietnamese', async () => {
    const refusal = async (args: object) =>
      api('units.page', args).then(
        () => '',
        (e: Error) => e.message,
      );
    expect(await refusal({ limit: 501 })).toContain('(Giới hạn)');
    expect(await refusal({ offset: -1 })).toContain('(Vị trí bắt đầu)');
  });
});

describe('reports.unitChoices', () => {
  it('pages the board’s units in its order, those matching what was typed, with their standing; no others', async () => {
    const ids = await addUnits(api, 75);
    const p = await api('periods.create', {
      type: 'year',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    await sendReport(api, p.id, ids[6]!, { DT01: 3 }, p.deadline);
    // a unit of the register not on the period's board is not offered
    await api('units.create', unitData('P-DB', 'UBND phường Điện Bàn', 'ubnd_phuong'));
    const board = await api('dashboard.board', { periodId: p.id });
    const asChoices = (rows: typeof board.rows) =>
      rows.map((r) => ({ unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName, label: r.label }));
    const choices = async (search: string | undefined, size: number) => {
      const rows = [];
      let total = -1;
      for (let offset = 0; total < 0 || offset < total; offset += size) {
        const page = await api('reports.unitChoices', { periodId: p.id, search, offset, limit: size });
        expect(page.offset).toBe(offset);
        total = page.total;
        rows.push(...page.rows);
        if (total === 0) break;
      }
      expect(rows).toHaveLength(total);
      return rows;
    };
    expect(board.rows).toHaveLength(75);
    expect(await choices(undefined, 7)).toEqual(asChoices(board.rows));
    expect(await choices('  ', 500)).toEqual(asChoices(board.rows));
    for (const typed of ['số 7', 'SO 7', 'xa so 7']) {
      const found = new Set((await api('units.list', { search: typed, includeClosed: true })).map((u) => u.id));
      const seven = await choices(typed, 3);
      expect(seven, typed).toEqual(asChoices(board.rows.filter((r) => found.has(r.unitId))));
      expect(seven.map((c) => c.unitCode)).toEqual(['X007', 'X070', 'X071', 'X072', 'X073', 'X074', 'X075']);
    }
    const sent = (await choices('x007', 5))[0]!;
    expect(sent.label).toBe(board.rows.find((r) => r.unitCode === 'X007')!.label);
    expect(await choices('dien ban', 5)).toEqual([]);
    expect(await choices('không có', 5)).toEqual([]);
  });
});
