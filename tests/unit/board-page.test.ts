// Issue 17: a page of the Tổng quan board read by the database (reports/board-page.ts: the counts
// by GROUP BY, the page by ORDER BY … LIMIT) is the page cut from the whole board (board.ts:
// periodBoard + boardPage), byte for byte in JSON: on the workflow's own moves (on time, late,
// returned and sent again, accepted, reopened, saved only, rules broken, reports from units that left
// the list, units that started or ended around the cut-off), on a frozen list, a list by kinds still
// open and a list of chosen units, on every chip and window and several days; and on every period
// of the benchmarks' 1,000-unit data set. Where the plain read does not apply it answers nothing
// and dashboard.page cuts the page from the whole board. The `postgres` project runs the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear, unitData, type Api } from './workflow-helpers';
import { todayIso } from '../../src/shared/format';
import { addDays } from '../../src/shared/domain/periods';
import { boardPage, periodBoard } from '../../src/main/features/reports/board';
import { sqlBoardPage } from '../../src/main/features/reports/board-page';
import { BOARD_CHIPS } from '../../src/shared/model/report';
import { bulkSeed } from '../../bench/lib/bulk-seed';
import { engineOf } from '../../src/main/db/database';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

/** Windows of a chip's rows: the first, the next, one past the end, all at once, the last row. */
const windows = (total: number): [number, number][] => [
  [0, 60],
  [0, 3],
  [3, 4],
  [total, 5],
  [0, 500],
  [Math.max(0, total - 1), 3],
];

/**
 * Whether the database answered all it was asked. On PostgreSQL the server's stamp moves with any
 * transaction there (autovacuum too): a page whose two reads straddle one is cut from the whole
 * board instead (the same bytes, checked all the same), so there most, not all, are asked of it.
 */
function answeredAll({ answered, asked }: { answered: number; asked: number }, what: string): void {
  if (engineOf(core.db).kind === 'sqlite') expect(answered, what).toBe(asked);
  else expect(answered, what).toBeGreaterThan(asked / 2);
}

/**
 * Every chip and window of the period's board on `asOf`: the database's page against the page cut
 * from the whole board, as JSON (the bytes dashboard.page sends). Returns how many the database
 * answered (it may decline: then dashboard.page must give the whole board's page).
 */
async function compare(periodId: number, asOf: string): Promise<{ answered: number; asked: number }> {
  const board = await periodBoard(core.db, periodId, asOf);
  let answered = 0;
  let asked = 0;
  for (const filter of BOARD_CHIPS) {
    const total = boardPage(board, filter, 0, 0).total;
    for (const [offset, limit] of windows(total)) {
      const want = JSON.stringify(boardPage(board, filter, offset, limit));
      const got = await sqlBoardPage(core.db, periodId, asOf, filter, offset, limit);
      asked++;
      if (got) {
        answered++;
        expect(JSON.stringify(got), `${asOf} ${filter} ${offset}+${limit}`).toBe(want);
      }
      expect(JSON.stringify(await api('dashboard.page', { periodId, asOf, filter, offset, limit })), filter).toBe(want);
    }
  }
  return { answered, asked };
}

/** The workflow's moves on units `ids` of period `p` (deadline `d`), received on days around it. */
async function moves(p: number, d: string, ids: number[]): Promise<void> {
  const ref = (unitId: number) => ({ periodId: p, unitId });
  const fine = { DT01: 9, DT02: 5, DT03: 2 };
  await sendReport(api, p, ids[0]!, fine, addDays(d, -2)); // on time
  await sendReport(api, p, ids[1]!, fine, addDays(d, 3)); // late
  await api('reports.return', { ...ref(ids[1]!), reason: 'Thiếu số liệu' });
  await sendReport(api, p, ids[1]!, { DT01: 8 }, addDays(d, 6)); // returned, sent again later
  await sendReport(api, p, ids[2]!, fine, addDays(d, -1));
  await api('reports.accept', ref(ids[2]!)); // accepted
  await sendReport(api, p, ids[3]!, fine, addDays(d, -4));
  await api('reports.accept', ref(ids[3]!));
  await api('reports.reopen', { ...ref(ids[3]!), reason: 'Sửa lại' }); // reopened
  await sendReport(api, p, ids[4]!, fine, null); // saved only
  await sendReport(api, p, ids[5]!, { DT01: 1, DT02: 1, DT03: 9 }, addDays(d, 1), true); // rules broken, late
  await sendReport(api, p, ids[6]!, { DT01: 1, DT02: 1, DT03: 9 }, addDays(d, -3), true); // rules broken, on time
  await sendReport(api, p, ids[7]!, fine, addDays(d, -9));
  await api('reports.return', { ...ref(ids[7]!), reason: 'Sai' }); // returned, not sent again
  // ids[8] on: nothing at all
}

describe('a page of the board read by the database (board-page.ts)', () => {
  it('is the whole board’s page, byte for byte, on the workflow’s moves and three kinds of list', async () => {
    const ids = await addUnits(api, 10);
    const others = await addUnits(api, 3, 'ubnd_xa', 'S');
    const tid = await templateId(core);
    const today = todayIso();

    // a period whose window has closed: its list frozen; units that reported, then left it
    const past = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: tid,
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    expect(past.expectedFrozenAt).not.toBeNull();
    await moves(past.id, past.deadline, ids);
    await sendReport(api, past.id, others[0]!, { DT01: 2 }, addDays(past.deadline, -3));
    await sendReport(api, past.id, others[1]!, { DT01: 2 }, null);
    for (const id of others.slice(0, 2)) await api('units.close', { id, date: `${thisYear - 2}-12-01` });
    await api('periods.updateExpected', {
      id: past.id,
      remove: others.slice(0, 2),
      reason: 'Sáp nhập trước ngày chốt',
    });

    // a period still open (its list by kinds on the cut-off): units that start after the cut-off
    // or end on it are not in it, one ending after it is
    const windowEnd = addDays(today, 20);
    const open = await api('periods.create', {
      type: 'ad_hoc',
      year: thisYear,
      name: 'Báo cáo đột xuất',
      windowStart: addDays(today, -40),
      windowEnd,
      deadline: addDays(today, 25),
      templateId: tid,
      expected: { mode: 'kinds', kinds: ['ubnd_xa', 'ubnd_phuong'] },
    });
    expect(open.expectedFrozenAt).toBeNull();
    const late = (await api('units.create', unitData('M001', 'Phường mới', 'ubnd_phuong', addDays(windowEnd, 1)))).id;
    const ending = (await api('units.create', unitData('M002', 'Phường cũ', 'ubnd_phuong'))).id;
    const ended = (await api('units.create', unitData('M003', 'Phường giải thể', 'ubnd_phuong'))).id;
    await api('units.close', { id: ending, date: addDays(windowEnd, 1) });
    await api('units.close', { id: ended, date: windowEnd });
    const listed = (await api('periods.expectedUnits', { id: open.id })).map((u) => u.id);
    expect(listed).toContain(ending);
    expect(listed).not.toContain(late);
    expect(listed).not.toContain(ended);
    await sendReport(api, open.id, ids[0]!, { DT01: 9 }, today);
    await sendReport(api, open.id, ids[1]!, { DT01: 1, DT02: 1, DT03: 9 }, addDays(today, -1), true);
    await sendReport(api, open.id, ids[2]!, { DT01: 9 }, addDays(today, -2));
    await api('reports.accept', { periodId: open.id, unitId: ids[2]! });
    await sendReport(api, open.id, ending, { DT01: 9 }, addDays(today, -3));
    await sendReport(api, open.id, ids[3]!, { DT01: 3 }, null);

    // a list of chosen units
    const chosen = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      index: 2,
      templateId: tid,
      expected: { mode: 'list', unitIds: [...ids.slice(0, 8), others[2]!] },
    });
    await moves(chosen.id, chosen.deadline, [...ids.slice(0, 8)]);

    // the moves of the day count from today: the database answers today and after; the days
    // before go through the replay (the whole board) and must still be the same page
    const days = (deadline: string) => [
      today,
      addDays(today, 1),
      addDays(today, 60),
      addDays(deadline, -3),
      addDays(deadline, 2),
      addDays(deadline, 10),
    ];
    for (const p of [past, open, chosen])
      for (const asOf of days(p.deadline)) {
        const got = await compare(p.id, asOf);
        if (asOf >= today) answeredAll(got, `${p.name} ${asOf}`);
      }
    // the chips had rows to page: each of them somewhere
    const board = await periodBoard(core.db, past.id, today);
    expect(board.counts).toMatchObject({ dang_nhap: 1, da_nop: 5, tra_lai: 1, da_duyet: 1, late: 2, withBreaches: 2 });
    expect(board.rows.filter((r) => !r.expected)).toHaveLength(2);
  });

  it('leaves to the whole board what the plain read cannot answer, with the same page', async () => {
    const ids = await addUnits(api, 9);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    await moves(p.id, p.deadline, ids);
    const today = todayIso();
    expect((await compare(p.id, today)).answered).toBeGreaterThan(0);
    const [first] = await core.db.selectFrom('reports').select('id').where('period_id', '=', p.id).execute();
    // rules not counted on the report's revision (older data): judged from the values by the whole board
    await core.db.updateTable('reports').set({ breach_revision: null }).where('id', '=', first!.id).execute();
    expect(await sqlBoardPage(core.db, p.id, today, 'all', 0, 60)).toBeNull();
    expect((await compare(p.id, today)).answered).toBe(0);
    // a row changed behind the app: its events are replayed by the whole board
    await core.db
      .updateTable('reports')
      .set({ breach_revision: sql<number>`revision` })
      .where('id', '=', first!.id)
      .execute();
    expect((await compare(p.id, today)).answered).toBeGreaterThan(0);
    await core.db.updateTable('reports').set({ status: 'tra_lai' }).where('id', '=', first!.id).execute();
    expect(await sqlBoardPage(core.db, p.id, today, 'all', 0, 60)).toBeNull();
    expect((await compare(p.id, today)).answered).toBe(0);
  });

  it('answers a page asked again as it was kept, and anew once a report changes', async () => {
    const ids = await addUnits(api, 3);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const args = { periodId: p.id, filter: 'chua_nop' as const, offset: 0, limit: 60 };
    const first = await api('dashboard.page', args);
    expect(first.total).toBe(3);
    expect(await api('dashboard.page', args)).toEqual(first);
    await sendReport(api, p.id, ids[0]!, { DT01: 9, DT02: 5, DT03: 2 }, addDays(p.deadline, -1));
    const after = await api('dashboard.page', args);
    expect(after.total).toBe(2);
    expect(after.rows.map((r) => r.unitId)).toEqual([ids[1], ids[2]]);
    expect(JSON.stringify(after)).toBe(
      JSON.stringify(boardPage(await periodBoard(core.db, p.id, todayIso()), 'chua_nop', 0, 60)),
    );
  });

  it('is the whole board’s page on every period of the benchmarks’ 1,000-unit data set', async () => {
    await bulkSeed(core, 1000);
    const periods = await core.db.selectFrom('periods').select('id').orderBy('id').execute();
    expect(periods).toHaveLength(10);
    const today = todayIso();
    for (const { id } of periods) {
      answeredAll(await compare(id, today), `period ${id}`);
    }
    const page = await api('dashboard.page', { periodId: periods[0]!.id });
    expect(page.counts.expected).toBe(1000);
    expect(page.rows).toHaveLength(100);
  });
});
