// The board's standings come from one query (reports/standings-sql.ts), the SQL replay of the one
// status model's `statusAsOf` (shared/domain/report-status.ts). Here the two are compared on
// generated histories — every status, events out of date order, events without their day, reports
// without events (older data), received dates before and after the day asked — on every day around
// them; the `postgres` project runs the same on the server. The board built on the query is then
// checked against the model's standings and counts row by row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, templateId, thisYear, type Api } from './workflow-helpers';
import { reportsAsOf } from '../../src/main/features/reports/standings-sql';
import { periodBoard, periodReportFacts } from '../../src/main/features/reports/board';
import { countStandings, standingOf, statusAsOf } from '../../src/shared/domain/report-status';
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
      }
      days.add(at);
    }
  }
  // every day that matters, and the days either side of it
  return [...days].flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);
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
      const days = await writeHistories(p.id, ids, seed, p.deadline);
      const facts = await periodReportFacts(core.db, p.id);
      for (const asOf of [...new Set(days)].sort()) {
        const sqlRows = new Map((await reportsAsOf(core.db, p.id, asOf)).map((r) => [r.reportId, r]));
        expect(sqlRows.size).toBe(facts.length);
        for (const f of facts) {
          const js = statusAsOf(
            { status: f.status as ReportStatus, receivedDate: f.received_date, events: f.events },
            asOf,
          );
          const got = sqlRows.get(f.id)!;
          expect({ status: got.status, receivedDate: got.receivedDate }, `report ${f.id} as of ${asOf}`).toEqual(js);
          checked++;
          seen.add(js.status);
        }
      }
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
