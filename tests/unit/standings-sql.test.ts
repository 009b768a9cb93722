// The board's standings come from one query (reports/standings-sql.ts), the SQL replay of the one
// status model's `statusAsOf` (shared/domain/report-status.ts). Here the two are compared on
// generated histories — every status, events out of date order, events without their day, reports
// without events (older data), received dates before and after the day asked — on every day around
// them; the `postgres` project runs the same on the server. The board built on the query is then
// checked against the model's standings and counts row by row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { todayIso } from '../../src/shared/format';
import { keptReportsAsOf, replayedReportsAsOf, reportsAsOf } from '../../src/main/features/reports/standings-sql';
import { keptStanding } from '../../src/main/features/reports/standings-kept';
import { periodBoard, periodReportFacts } from '../../src/main/features/reports/board';
import { sqlBoardPage } from '../../src/main/features/reports/board-page';
import { sql } from 'kysely';
import { countStandings, standingOf, statusAsOf, type StatusEventFact } from '../../src/shared/domain/report-status';
import { addDays } from '../../src/shared/domain/periods';
import type { ReportStatus } from '../../src/shared/model/report';

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

/** A small seeded generator (mulberry32): the same histories on every run and both engines. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** Writes `n` reports with random histories straight into the tables, as any version may have left them. */
async function writeHistories(periodId: number, unitIds: number[], seed: number, base: string): Promise<string[]> {
  const rnd = random(seed);
  const day = () => addDays(base, rnd.int(40) - 20);
  const days = new Set<string>();
  for (const unitId of unitIds) {
    const status = rnd.pick(STATUSES);
    const receivedDate = rnd.int(3) === 0 ? null : day();
    if (receivedDate) days.add(receivedDate);
    const report = await core.db
      .insertInto('reports')
      .values({
        period_id: periodId,
        unit_id: unitId,
        status,
        received_date: receivedDate,
        channel: rnd.pick(['typed', 'imported', 'paper', null]),
        revision: 0,
        created_at: `${base}T00:00:00.000Z`,
        updated_at: `${base}T00:00:00.000Z`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a fifth have no events (older data); the others up to seven moves, not always allowed ones
    const events = rnd.int(5) === 0 ? 0 : 1 + rnd.int(7);
    let from: ReportStatus = 'chua_nop';
    const facts: StatusEventFact[] = [];
    for (let k = 0; k < events; k++) {
      const to = rnd.pick(STATUSES.slice(1));
      const at = day();
      const e = await core.db
        .insertInto('report_events')
        .values({
          report_id: report.id,
          from_status: from,
          to_status: to,
          actor: 't',
          at: `${at}T08:00:00.000Z`,
          note: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      from = to;
      // most events carry their day (a received date may differ from the day it was recorded)
      if (rnd.int(4) !== 0) {
        const onDate = rnd.int(2) ? at : day();
        days.add(onDate);
        await core.db.insertInto('report_event_dates').values({ event_id: e.id, on_date: onDate }).execute();
        facts.push({ to, onDate });
      } else facts.push({ to, onDate: at });
      days.add(at);
    }
    // half the rows as the app leaves them: the row says where the events end
    if (events && rnd.int(2) === 0) {
      const end = statusAsOf({ status, receivedDate, events: facts }, '9999-12-31');
      await core.db
        .updateTable('reports')
        .set({ status: end.status, received_date: end.receivedDate === '9999-12-31' ? receivedDate : end.receivedDate })
        .where('id', '=', report.id)
        .execute();
    }
  }
  // every day that matters, and the days either side of it
  return [...days].flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);
}

/**
 * Each report's last event as the kept test reads it (report_last_events, kept by the database: migration
 * 0200) and as the events say (MAX(id)), for every report of the period.
 */
async function lastEvents(periodId: number): Promise<{ kept: number; events: number }[]> {
  const r = await sql<{ kept: number; events: number }>`SELECT COALESCE(l.event_id, 0) AS kept,
      COALESCE((SELECT MAX(e.id) FROM report_events e WHERE e.report_id = r.id), 0) AS events
    FROM reports r LEFT JOIN report_last_events l ON l.report_id = r.id WHERE r.period_id = ${periodId} ORDER BY r.id`.execute(
    core.db,
  );
  return r.rows.map((x) => ({ kept: Number(x.kept), events: Number(x.events) }));
}

/** Compares the query with the model on every report of the period and every one of `days`. */
async function agree(periodId: number, days: string[], seen: Set<string>): Promise<number> {
  const facts = await periodReportFacts(core.db, periodId);
  let n = 0;
  for (const asOf of days) {
    const sqlRows = new Map((await reportsAsOf(core.db, periodId, asOf)).map((r) => [r.reportId, r]));
    expect(sqlRows.size).toBe(facts.length);
    for (const f of facts) {
      const js = statusAsOf(
        { status: f.status as ReportStatus, receivedDate: f.received_date, events: f.events },
        asOf,
      );
      const got = sqlRows.get(f.id)!;
      expect({ status: got.status, receivedDate: got.receivedDate }, `report ${f.id} as of ${asOf}`).toEqual(js);
      seen.add(js.status);
      n++;
    }
  }
  return n;
}

describe('standings in SQL (reports/standings-sql.ts)', () => {
  it('agrees with statusAsOf on every generated history and every day around it', async () => {
    const ids = await addUnits(api, 24);
    const tid = await templateId(core);
    let checked = 0;
    const seen = new Set<string>();
    for (const [k, seed] of [7, 1234, 99991].entries()) {
      const p = await api('periods.create', {
        type: 'half',
        year: thisYear - 1 - k,
        templateId: tid,
        expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
      });
      const days = [...new Set(await writeHistories(p.id, ids, seed, p.deadline))].sort();
      // the events, written straight into the table, are each report's last event as the kept test reads it
      const last = await lastEvents(p.id);
      expect(last.filter((x) => x.events > 0).length).toBeGreaterThan(ids.length / 2);
      for (const x of last) expect(x.kept).toBe(x.events);
      // as older data left them (nothing kept), then each row's day kept, then some rows changed behind it
      checked += await agree(p.id, days, seen);
      const rows = await core.db.selectFrom('reports').selectAll().where('period_id', '=', p.id).execute();
      for (const r of rows)
        await core.db
          .updateTable('reports')
          .set(await keptStanding(core.db, r.id, r.status as ReportStatus, r.received_date))
          .where('id', '=', r.id)
          .execute();
      const kept = await core.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period_id', '=', p.id)
        .where('standing_from', 'is not', null)
        .executeTakeFirstOrThrow();
      // the rows left as the app leaves them keep a day; the others (and the day before it) are replayed
      expect(Number(kept.n)).toBeGreaterThan(rows.length / 4);
      checked += await agree(p.id, days, seen);
      for (const r of rows.filter((_, i) => i % 3 === 0))
        await core.db
          .updateTable('reports')
          .set({
            status: STATUSES[(STATUSES.indexOf(r.status as ReportStatus) + 2) % 5]!,
            received_date: r.received_date ? null : p.deadline,
          })
          .where('id', '=', r.id)
          .execute();
      checked += await agree(p.id, days, seen);
      const facts = await periodReportFacts(core.db, p.id);
      // the board built on the query: every row as the model stands it, the counts as it counts them
      const asOf = addDays(p.deadline, 3);
      const board = await periodBoard(core.db, p.id, asOf, { breaches: false });
      const byUnit = new Map(facts.map((f) => [f.unit_id, f]));
      for (const row of board.rows) {
        const f = byUnit.get(row.unitId);
        const now = f
          ? statusAsOf({ status: f.status as ReportStatus, receivedDate: f.received_date, events: f.events }, asOf)
          : { status: 'chua_nop' as const, receivedDate: null };
        const { unitId: _u, unitCode: _c, unitName: _n, unitKind: _k, expected: _e, channel: _ch, ...standing } = row;
        expect(standing).toEqual(standingOf(now.status, now.receivedDate, p.deadline, asOf, 0));
      }
      expect(board.counts).toEqual(countStandings(board.rows.filter((r) => r.expected)));
    }
    // every status met, many times over
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('standings kept by the app (reports/standings-kept.ts)', () => {
  it('every save and move keeps the row’s day, and the board read from rows is the model’s', async () => {
    const ids = await addUnits(api, 6);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const d = p.deadline;
    const fine = { DT01: 9, DT02: 5, DT03: 2 };
    const ref = (unitId: number) => ({ periodId: p.id, unitId });
    await sendReport(api, p.id, ids[0]!, fine, addDays(d, -2));
    await sendReport(api, p.id, ids[1]!, fine, addDays(d, 3));
    await api('reports.return', { ...ref(ids[1]!), reason: 'Thiếu số liệu' });
    await sendReport(api, p.id, ids[2]!, fine, addDays(d, -1));
    await api('reports.accept', ref(ids[2]!));
    await api('reports.reopen', { ...ref(ids[2]!), reason: 'Sửa lại' });
    await sendReport(api, p.id, ids[3]!, fine, null);
    await sendReport(api, p.id, ids[4]!, fine, addDays(d, 1));
    await api('reports.return', { ...ref(ids[4]!), reason: 'Sai' });
    await sendReport(api, p.id, ids[4]!, { DT01: 8 }, addDays(d, 5));
    const rows = await core.db.selectFrom('reports').selectAll().where('period_id', '=', p.id).execute();
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.standing_from, `unit ${r.unit_id}`).not.toBeNull();
    const facts = await periodReportFacts(core.db, p.id);
    for (const asOf of [addDays(d, -3), addDays(d, 2), todayIso()]) {
      const board = await periodBoard(core.db, p.id, asOf, { breaches: false });
      for (const row of board.rows) {
        const f = facts.find((x) => x.unit_id === row.unitId);
        const now = f
          ? statusAsOf({ status: f.status as ReportStatus, receivedDate: f.received_date, events: f.events }, asOf)
          : { status: 'chua_nop' as const, receivedDate: null };
        expect({ status: row.status, receivedDate: row.receivedDate }, `unit ${row.unitCode} ${asOf}`).toEqual(now);
      }
    }
  });
});

describe('the kept rows read without the replay (keptReportsAsOf)', () => {
  it('answers exactly what the replay answers, or nothing when a report is not kept on the day', async () => {
    const ids = await addUnits(api, 10);
    const others = await addUnits(api, 2, 'ubnd_xa', 'S');
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const d = p.deadline;
    const ref = (unitId: number) => ({ periodId: p.id, unitId });
    // every way the app moves a report: on time, late, returned and sent again, accepted, reopened,
    // saved only, breaking a rule of the template, and units with nothing at all
    await sendReport(api, p.id, ids[0]!, { DT01: 9, DT02: 5 }, addDays(d, -2));
    await sendReport(api, p.id, ids[1]!, { DT01: 9, DT02: 5 }, addDays(d, 3));
    await api('reports.return', { ...ref(ids[1]!), reason: 'Thiếu số liệu' });
    await sendReport(api, p.id, ids[1]!, { DT01: 8 }, addDays(d, 6));
    await sendReport(api, p.id, ids[2]!, { DT01: 9 }, addDays(d, -1));
    await api('reports.accept', ref(ids[2]!));
    await sendReport(api, p.id, ids[3]!, { DT01: 9 }, addDays(d, -4));
    await api('reports.accept', ref(ids[3]!));
    await api('reports.reopen', { ...ref(ids[3]!), reason: 'Sửa lại' });
    await sendReport(api, p.id, ids[4]!, { DT01: 4 }, null);
    await sendReport(api, p.id, ids[5]!, { DT01: 1, DT02: 1, DT03: 9 }, addDays(d, 1), true);
    await sendReport(api, p.id, ids[6]!, { DT01: 3 }, addDays(d, -9));
    // units that reported, then left the list: their reports are the board's outsiders
    await sendReport(api, p.id, others[0]!, { DT01: 2 }, addDays(d, -3));
    await sendReport(api, p.id, others[1]!, { DT01: 2 }, null);
    for (const id of others) await api('units.close', { id, date: `${thisYear - 2}-12-01` });
    await api('periods.updateExpected', { id: p.id, remove: others, reason: 'Sáp nhập trước ngày chốt' });
    // the board passes the names it has read (its expected list): the others are read
    const listed = new Map(
      (await api('periods.expectedUnits', { id: p.id })).map((u) => [
        u.id,
        { code: u.code, name: u.name, kind: u.kind },
      ]),
    );
    expect(listed.size).toBe(10);
    // returns, accepts, reopens and saves count from the day they were done (today): the board of today
    // and later reads the rows; earlier days replay the events
    const today = todayIso();
    const days = [-12, -9, -5, -4, -2, -1, 0, 1, 2, 3, 4, 6, 7, 30]
      .map((n) => addDays(d, n))
      .concat([today, addDays(today, 1), addDays(today, 40)]);
    let read = 0;
    for (const asOf of days) {
      const kept = await keptReportsAsOf(core.db, p.id, asOf);
      const replayed = await replayedReportsAsOf(core.db, p.id, asOf);
      expect(replayed).toHaveLength(9);
      // every row is its standing on the day: read, value for value the replay's
      if (kept) {
        expect(kept, asOf).toEqual(replayed);
        expect(await keptReportsAsOf(core.db, p.id, asOf, listed), asOf).toEqual(replayed);
        read++;
      } else expect(asOf < today, asOf).toBe(true);
      expect(await reportsAsOf(core.db, p.id, asOf)).toEqual(replayed);
      expect(await reportsAsOf(core.db, p.id, asOf, listed)).toEqual(replayed);
    }
    expect(read).toBe(3);
    expect((await keptReportsAsOf(core.db, p.id, todayIso()))!.map((r) => [r.code, r.breachCount])).toEqual([
      ['X001', 0],
      ['X002', 0],
      ['X003', 0],
      ['X004', 0],
      ['X005', 0],
      ['X006', 1],
      ['X007', 0],
      ['S001', 0],
      ['S002', 0],
    ]);
    // the board names its units from labels kept until the data change: the expected list, and a
    // unit renamed since shows its new name
    const board = await periodBoard(core.db, p.id, today);
    expect(board.rows.filter((r) => r.expected).map((r) => [r.unitId, r.unitCode, r.unitName, r.unitKind])).toEqual(
      (await api('periods.expectedUnits', { id: p.id })).map((u) => [u.id, u.code, u.name, u.kind]),
    );
    await core.db.updateTable('units').set({ name: 'Xã đã đổi tên' }).where('id', '=', ids[0]!).execute();
    expect((await periodBoard(core.db, p.id, today)).rows.find((r) => r.unitId === ids[0])!.unitName).toBe(
      'Xã đã đổi tên',
    );
    // a row changed behind the app (its key no longer matches), or an event added behind it: replayed
    const [first] = await core.db.selectFrom('reports').select('id').where('period_id', '=', p.id).execute();
    await core.db.updateTable('reports').set({ status: 'tra_lai' }).where('id', '=', first!.id).execute();
    expect(await keptReportsAsOf(core.db, p.id, todayIso())).toBeNull();
    await core.db.updateTable('reports').set({ status: 'da_nop' }).where('id', '=', first!.id).execute();
    expect(await keptReportsAsOf(core.db, p.id, todayIso())).toEqual(
      await replayedReportsAsOf(core.db, p.id, todayIso()),
    );
    await core.db
      .insertInto('report_events')
      .values({
        report_id: first!.id,
        from_status: 'da_nop',
        to_status: 'tra_lai',
        actor: 't',
        at: `${d}T08:00:00.000Z`,
        note: '',
      })
      .execute();
    expect(await keptReportsAsOf(core.db, p.id, todayIso())).toBeNull();
    const after = await reportsAsOf(core.db, p.id, todayIso());
    expect(after.find((r) => r.reportId === first!.id)!.status).toBe('tra_lai');
    // the board's page reads the same test: not kept, so the page is cut from the whole board
    expect(await sqlBoardPage(core.db, p.id, todayIso(), 'all', 0, 40)).toBeNull();
    // an event written in SQL text behind the app (the command line, another program) on another
    // report: kept as that report's last event by the database itself, and replayed
    const second = (await core.db.selectFrom('reports').select('id').where('period_id', '=', p.id).execute())[1]!;
    await sql`INSERT INTO report_events (report_id, from_status, to_status, actor, at, note)
      VALUES (${second.id}, 'da_nop', 'tra_lai', 'ngoài', ${`${d}T09:00:00.000Z`}, '')`.execute(core.db);
    for (const x of await lastEvents(p.id)) expect(x.kept).toBe(x.events);
    expect(await keptReportsAsOf(core.db, p.id, todayIso())).toBeNull();
    expect((await reportsAsOf(core.db, p.id, todayIso())).find((r) => r.reportId === second.id)!.status).toBe(
      'tra_lai',
    );
  });
});
