// A page of the board (reports/board-page.ts: counts by GROUP BY, rows by ORDER BY … LIMIT) is the
// whole board's page (board.ts `periodBoard` + `boardPage`), chip by chip and window by window, on
// generated reports — every status, received dates either side of the deadline, rules broken or
// not, reports from units outside the list — as of days before, on and after the deadline; the
// `postgres` project runs the same on the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { boardPage, periodBoard } from '../../src/main/features/reports/board';
import { periodBoardPage } from '../../src/main/features/reports/board-page';
import { addDays } from '../../src/shared/domain/periods';
import { storeExpected } from '../../src/main/features/periods/expected';
import { todayIso } from '../../src/shared/format';
import { BOARD_CHIPS, type ReportStatus } from '../../src/shared/model/report';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

const STATUSES: ReportStatus[] = ['chua_nop', 'dang_nhap', 'da_nop', 'tra_lai', 'da_duyet'];

/** Reports written straight into the table, with their breach counts kept on their revision. */
async function writeReports(periodId: number, unitIds: number[], deadline: string, seed: number) {
  // mulberry32: the same reports on every run and both engines
  let a = seed;
  const int = (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  for (const unitId of unitIds) {
    if (int(6) === 0) continue; // no report at all
    const status = STATUSES[int(5)]!;
    const revision = int(3);
    await core.db
      .insertInto('reports')
      .values({
        period_id: periodId,
        unit_id: unitId,
        status,
        received_date: int(4) === 0 ? null : addDays(deadline, int(20) - 10),
        channel: (['typed', 'imported', 'paper', null] as const)[int(4)]!,
        revision,
        breach_count: int(3) === 0 ? 1 + int(3) : 0,
        breach_revision: revision,
        created_at: `${deadline}T00:00:00.000Z`,
        updated_at: `${deadline}T00:00:00.000Z`,
      })
      .execute();
  }
}

/** Every chip, windows across and past its end: the page equals the whole board's page. */
async function samePages(periodId: number, asOf: string, whole = async () => periodBoard(core.db, periodId, asOf)) {
  const board = await periodBoard(core.db, periodId, asOf);
  let rows = 0;
  for (const filter of BOARD_CHIPS)
    for (const [offset, limit] of [
      [0, 500],
      [0, 4],
      [3, 4],
      [9, 7],
      [60, 5],
    ] as const) {
      const page = await periodBoardPage(core.db, periodId, asOf, filter, offset, limit, whole);
      expect(page, `${filter} ${offset}+${limit} as of ${asOf}`).toEqual(boardPage(board, filter, offset, limit));
      rows += page.rows.length;
    }
  return { board, rows };
}

const refuse = async (): Promise<never> => {
  throw new Error('the page must not build the whole board');
};

describe('a page of the board (reports/board-page.ts)', () => {
  it('counts and pages as the whole board, as of any day, with reports from outside the list', async () => {
    const ids = await addUnits(api, 30);
    const others = await addUnits(api, 8, 'ubnd_xa', 'Y');
    const tid = await templateId(core);
    for (const [k, seed] of [11, 4242].entries()) {
      const p = await api('periods.create', {
        type: 'half',
        year: thisYear - 1 - k,
        templateId: tid,
        expected: { mode: 'list', unitIds: ids },
      });
      await writeReports(p.id, [...ids, ...others], p.deadline, seed);
      // the second period's list frozen as stored, without two of its units
      if (k === 1)
        await storeExpected(
          core.db,
          p.id,
          ids.slice(2).map((id) => ({ id })),
          p.deadline,
          'frozen',
          't',
          '',
        );
      let checked = 0;
      const seen = new Set<string>();
      for (const asOf of [
        addDays(p.deadline, -12),
        addDays(p.deadline, -1),
        p.deadline,
        addDays(p.deadline, 4),
        todayIso(),
      ]) {
        const { board, rows } = await samePages(p.id, asOf, refuse);
        checked += rows;
        for (const r of board.rows) seen.add(`${r.expected} ${r.label} ${r.breachCount > 0}`);
      }
      expect(checked).toBeGreaterThan(200);
      // late, on time, overdue, broken rules, outsiders: all met
      const all = [...seen].join('\n');
      for (const part of ['muộn', 'đúng hạn', 'quá hạn', ' true']) expect(all).toContain(part);
      expect([...seen].some((x) => x.startsWith('false'))).toBe(true);
    }
  });

  it('reports saved and moved by the app; counts not kept with the revision go to the whole board', async () => {
    const ids = await addUnits(api, 8);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const d = p.deadline;
    await sendReport(api, p.id, ids[0]!, { DT01: 9, DT02: 5, DT03: 2 }, addDays(d, -2));
    await sendReport(api, p.id, ids[1]!, { DT01: 1, DT02: 5, DT03: 9 }, addDays(d, 3), true);
    await sendReport(api, p.id, ids[2]!, { DT01: 9, DT02: 5, DT03: 2 }, addDays(d, -1));
    await api('reports.return', { periodId: p.id, unitId: ids[2]!, reason: 'Thiếu số liệu' });
    await sendReport(api, p.id, ids[3]!, { DT01: 4 }, null);
    for (const asOf of [addDays(d, -1), addDays(d, 5), todayIso()]) await samePages(p.id, asOf, refuse);
    // older data: a report's count not made on its revision is judged by the whole board
    await core.db.updateTable('reports').set({ breach_revision: null }).where('unit_id', '=', ids[1]!).execute();
    let built = 0;
    const whole = async () => {
      built++;
      return periodBoard(core.db, p.id, todayIso());
    };
    await samePages(p.id, todayIso(), whole);
    expect(built).toBeGreaterThan(0);
  });
});
