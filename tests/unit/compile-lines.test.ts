// Tổng hợp's unit lines on the wire (compile.units, compile.draft's `lines`): values in the order of
// the page's codes, only the fields a tab shows. Decoded, a page is the compile's own lines cut to
// those fields, value for value: on the benchmarks' 1,000-unit data set and on odd values (nulls,
// decimals, huge numbers, indicators a line has not), through JSON as the answer travels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { apiOf, type Api } from './workflow-helpers';
import { bulkSeed } from '../../bench/lib/bulk-seed';
import { decodeUnitLines, encodeUnitLines, type ScreenUnitLine } from '../../src/shared/contract/compile-lines';
import type { UnitLine } from '../../src/shared/model/compile';

/** What the tabs show of a line, cut here apart from the app's code. */
function shown(l: UnitLine): ScreenUnitLine {
  const { status: _s, overdue: _o, periodsCounted: _p, ...rest } = l;
  return rest;
}

/** Encoded, sent as JSON and decoded, as the screen gets it. */
const roundTrip = (lines: UnitLine[], total = lines.length, offset = 0) =>
  decodeUnitLines(JSON.parse(JSON.stringify(encodeUnitLines(total, offset, lines))));

const line = (unitId: number, values: Record<string, string | null>, more: Partial<UnitLine> = {}): UnitLine => ({
  unitId,
  code: `U${unitId}`,
  name: `Đơn vị “số ${unitId}”, xã Điện Bàn`,
  kind: 'ubnd_xa',
  expected: true,
  status: 'da_nop',
  receivedDate: '2025-06-30',
  timeliness: 'dung_han',
  daysLate: null,
  overdue: false,
  label: 'Đã nộp đúng hạn',
  periodsCounted: 1,
  values,
  ...more,
});

describe('the unit lines’ wire form', () => {
  it('gives back every value: nulls, decimals, huge numbers, yes/no, and indicators a line has not', () => {
    const lines = [
      line(1, { A: '57', B: null, C: '0', D: '-12.5', E: '1' }),
      // no report: no values at all
      line(
        2,
        {},
        { status: 'chua_nop', receivedDate: null, timeliness: null, overdue: true, label: 'Chưa nộp, quá hạn' },
      ),
      // a huge number and many decimals, exactly as written
      line(3, { A: '123456789012345678901234567890.000123', B: '0.0001', C: null, D: '100', E: '0' }),
      // a middle indicator missing, and one no earlier line has
      line(
        4,
        { A: '1', E: '1', F: '3.14' },
        { expected: false, timeliness: 'muon', daysLate: 12, label: 'Đã nộp muộn' },
      ),
      // only the last indicators, in another key order
      line(5, { F: null, D: '7' }, { kind: 'so_nganh', periodsCounted: 3 }),
      // every value null
      line(6, { A: null, B: null, C: null, D: null, E: null, F: null }),
    ];
    const page = encodeUnitLines(40, 20, lines);
    expect(page.codes).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // trailing indicators a line has not are left off; one before a value is 0
    expect(page.rows[1]![9]).toEqual([]);
    expect(page.rows[3]![9]).toEqual(['1', 0, 0, 0, '1', '3.14']);
    expect(page.rows[4]![9]).toEqual([0, 0, 0, '7', 0, null]);
    const back = roundTrip(lines, 40, 20);
    expect(back).toEqual({ total: 40, offset: 20, rows: lines.map(shown) });
    // the keys a line has are exactly the ones it had (missing stays missing, null stays null)
    back.rows.forEach((r, k) => expect(Object.keys(r.values).sort()).toEqual(Object.keys(lines[k]!.values).sort()));
    expect(roundTrip([])).toEqual({ total: 0, offset: 0, rows: [] });
  });

  it('keeps a code that looks like a prototype key as a value, never as a prototype', () => {
    const back = roundTrip([line(1, { ['__proto__']: '5', constructor: null })]);
    expect(Object.getPrototypeOf(back.rows[0]!.values)).toBe(Object.prototype);
    expect(Object.entries(back.rows[0]!.values)).toEqual(
      Object.entries(JSON.parse('{"__proto__":"5","constructor":null}') as object),
    );
  });
});

describe('compile.units on the benchmarks’ 1,000-unit data set', () => {
  let core: Core;
  let api: Api;
  beforeEach(async () => {
    core = await freshCore();
    api = apiOf(core);
  });
  afterEach(async () => {
    await core.close();
  });

  it('decoded, its pages are the compile’s lines cut to what the tabs show, value for value, at a third of the size', async () => {
    await bulkSeed(core, 1000);
    const periods = await core.db.selectFrom('periods').select('id').orderBy('year', 'desc').execute();
    for (const p of [periods[0]!, periods[2]!]) {
      const window = { periodIds: [p.id], compareIds: null };
      const all = (await api('compile.show', window)).current.units;
      expect(all).toHaveLength(1000);
      const got: ScreenUnitLine[] = [];
      for (let offset = 0; offset < all.length; offset += 500) {
        const page = await api('compile.units', { ...window, offset, limit: 500 });
        expect(page).toEqual(encodeUnitLines(1000, offset, all.slice(offset, offset + 500)));
        got.push(...roundTrip(all.slice(offset, offset + 500)).rows);
        expect(decodeUnitLines(page).rows).toEqual(all.slice(offset, offset + 500).map(shown));
      }
      expect(got).toEqual(all.map(shown));
      // the screen's first window, as compile.draft sends it
      const { lines } = await api('compile.draft', { ...window, lines: { offset: 0, limit: 30 } });
      expect(decodeUnitLines(lines!).rows).toEqual(all.slice(0, 30).map(shown));
      expect(JSON.stringify(lines).length).toBeLessThan(JSON.stringify(all.slice(0, 30)).length / 2);
    }
  });
});
