// Two clients of one PostgreSQL server editing at the same moment (issue 19: "two clients'
// concurrent edits never lose a change"). Each race is made certain, not hoped for: a third
// connection holds the row both writers need, both are seen waiting on the server, then it lets go
// (PostgreSQL hands a row lock to its waiters in the order they came). What must hold: of two saves
// on the same revision one is kept and the other refused in Vietnamese ("đã được … sửa lúc"); the
// refused one, made again on the reloaded report, keeps both changes; saves of different reports
// are all kept; an autosave and an Excel import of the same report never overwrite each other
// unseen (the loser is told; an import read again shows what it would replace).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { getReportForm, reportHistory, saveReportValues } from '../../src/main/features/reports/reports';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { AppError } from '../../src/shared/errors';
import { serverDatabaseOf } from '../pg/databases';
import { fillWorkbook, readBytes, setupCollect, type CollectSetup } from './collect-helpers';
import { freshCore, tempDir } from './helpers';
import path from 'node:path';

let dir: string;
let a: Core;
let b: Core;
let s: CollectSetup;
/** The third connection: holds rows so that both writers are certainly in flight together. */
let holder: pg.Client;

beforeAll(async () => {
  dir = tempDir('bcnv-race-');
  a = await freshCore({ dir });
  s = await setupCollect(a.db, 4);
  b = await freshCore({ dir });
  holder = new pg.Client({ connectionString: await serverDatabaseOf(dir) });
  await holder.connect();
}, 0);
afterAll(async () => {
  await holder?.end();
  await b?.close();
  await a?.close();
});

const unit = (i: number) => s.units[i]!.id;

const save = (core: Core, actor: string, unitId: number, values: Record<string, string>, expectedRevision: number) =>
  saveReportValues(
    core.db,
    saveValuesInput.parse({
      periodId: s.period.id,
      unitId,
      actor,
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
      expectedRevision,
    }),
  );

/** Resolves once `n` sessions of the database wait for a lock (no time limit: a busy machine is waited for). */
async function waiting(n: number): Promise<void> {
  for (;;) {
    // A transaction sees the sessions as they stood when it first looked, until it drops that view.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const r = await holder.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (Number(r.rows[0]!.n) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs the writers one after the other into a wait on the rows `lock` locks (each seen waiting
 * before the next starts), then lets them all go: the first started takes the lock first.
 */
async function race<T extends unknown[]>(
  lock: string,
  params: unknown[],
  writers: { [K in keyof T]: () => Promise<T[K]> },
): Promise<{ [K in keyof T]: PromiseSettledResult<T[K]> }> {
  await holder.query('BEGIN');
  await holder.query(lock, params);
  const running: Promise<unknown>[] = [];
  for (const [i, w] of writers.entries()) {
    running.push(w());
    await waiting(i + 1);
  }
  await holder.query('COMMIT');
  return (await Promise.allSettled(running)) as { [K in keyof T]: PromiseSettledResult<T[K]> };
}

const LOCK_REPORT = 'SELECT 1 FROM reports WHERE period_id = $1 AND unit_id = $2 FOR UPDATE';

const refusal = (r: PromiseSettledResult<unknown>): AppError => {
  expect(r.status).toBe('rejected');
  const err = (r as PromiseRejectedResult).reason as unknown;
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('two clients of one PostgreSQL server at the same moment', () => {
  it('same report, same revision: one kept, the other told who saved and when; saved again, both changes stay', async () => {
    const start = await save(a, 'Người mở', unit(0), { LD01: '1' }, 0);
    const opened = start.report.revision;
    const [first, second] = await race(
      LOCK_REPORT,
      [s.period.id, unit(0)],
      [
        () => save(a, 'Nguyễn Văn A', unit(0), { DT01: '7' }, opened),
        () => save(b, 'Trần Thị B', unit(0), { DT02: '40' }, opened),
      ],
    );
    expect(first.status).toBe('fulfilled');
    const err = refusal(second);
    expect(err.code).toBe('EDIT_CONFLICT');
    expect(err.message).toMatch(/^Báo cáo này đã được Nguyễn Văn A sửa lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
    // nothing of B's save was written
    const reloaded = await getReportForm(b.db, s.period.id, unit(0));
    expect(reloaded.report.revision).toBe(opened + 1);
    expect(reloaded.values.DT02 ?? null).toBeNull();
    // B reloads and saves again: both changes are there, each in the history under its author
    const again = await save(b, 'Trần Thị B', unit(0), { DT02: '40' }, reloaded.report.revision);
    expect(again.values).toMatchObject({ LD01: '1', DT01: '7', DT02: '40' });
    const history = await reportHistory(a.db, s.period.id, unit(0));
    expect(history.revisions.map((r) => r.actor)).toEqual(['Người mở', 'Nguyễn Văn A', 'Trần Thị B']);
  });

  it('a report nobody has begun, both at once: one kept, the other told, not a database error', async () => {
    const [first, second] = await race(
      'SELECT 1 FROM units WHERE id = $1 FOR UPDATE',
      [unit(1)],
      [
        () => save(a, 'Nguyễn Văn A', unit(1), { DT01: '3' }, 0),
        () => save(b, 'Trần Thị B', unit(1), { TD01: '9' }, 0),
      ],
    );
    expect(first.status).toBe('fulfilled');
    const err = refusal(second);
    expect(err.code).toBe('EDIT_CONFLICT');
    expect(err.message).toMatch(
      /^Báo cáo của đơn vị .+ kỳ .+ vừa được Nguyễn Văn A tạo lúc \d\d:\d\d ngày .+; mở lại để xem\./,
    );
    const reloaded = await getReportForm(b.db, s.period.id, unit(1));
    const again = await save(b, 'Trần Thị B', unit(1), { TD01: '9' }, reloaded.report.revision);
    expect(again.values).toMatchObject({ DT01: '3', TD01: '9' });
  });

  it('different reports at once: both kept', async () => {
    const r2 = (await save(a, 'Người mở', unit(2), { LD01: '2' }, 0)).report.revision;
    const r3 = (await save(a, 'Người mở', unit(3), { LD01: '3' }, 0)).report.revision;
    const [x, y] = await race(
      'SELECT 1 FROM reports WHERE period_id = $1 AND unit_id IN ($2, $3) FOR UPDATE',
      [s.period.id, unit(2), unit(3)],
      [
        () => save(a, 'Nguyễn Văn A', unit(2), { DT01: '5' }, r2),
        () => save(b, 'Trần Thị B', unit(3), { DT01: '6' }, r3),
      ],
    );
    expect([x.status, y.status]).toEqual(['fulfilled', 'fulfilled']);
    expect((await getReportForm(a.db, s.period.id, unit(2))).values).toMatchObject({ LD01: '2', DT01: '5' });
    expect((await getReportForm(b.db, s.period.id, unit(3))).values).toMatchObject({ LD01: '3', DT01: '6' });
  });

  /** The unit's workbook, filled as the unit would, read for import by client B (a review, nothing stored yet). */
  async function reviewedBook(unitIndex: number, fill: Record<string, number>) {
    const out = path.join(dir, `books-${unitIndex}-${Date.now()}`);
    const [file] = await exportCollectBooks(b.db, out, { periodId: s.period.id, unitId: unit(unitIndex) });
    const data = await fillWorkbook(readBytes(path.join(out, file!.fileName)), fill);
    const read = () => analyzeCollect(b, s.period.id, [{ fileName: 'bieu.xlsx', data }]);
    return { read, review: await read() };
  }

  it('an autosave racing an Excel import of the same report: the autosave first, the import is told to read again', async () => {
    const before = (await getReportForm(a.db, s.period.id, unit(2))).report.revision;
    const opened = (await save(a, 'Người mở', unit(2), { HC01: '1' }, before)).report.revision;
    const { read, review } = await reviewedBook(2, { TD01: 11 });
    const [autosave, imported] = await race(
      LOCK_REPORT,
      [s.period.id, unit(2)],
      [
        () => save(a, 'Nguyễn Văn A', unit(2), { TD02: '4' }, opened),
        () => commitCollect(b, review.batchId, [{ index: 0, map: false }]),
      ],
    );
    expect(autosave.status).toBe('fulfilled');
    const err = refusal(imported);
    expect(['EDIT_CONFLICT', 'STALE']).toContain(err.code);
    expect(err.message).toMatch(/Nguyễn Văn A|vừa được sửa/);
    // nothing of the workbook was written; the autosave stands
    const now = await getReportForm(a.db, s.period.id, unit(2));
    expect(now.values).toMatchObject({ TD02: '4' });
    expect(now.values.TD01 ?? null).not.toBe('11');
    // read again, the review shows what the import would replace of the autosave before it is stored
    const again = await read();
    const item = again.items[0]!;
    expect(item.changes.map((c) => c.key)).toEqual(expect.arrayContaining(['TD01', 'TD02']));
    await commitCollect(b, again.batchId, [{ index: 0, map: false }]);
    const history = await reportHistory(a.db, s.period.id, unit(2));
    expect(history.revisions.map((r) => r.actor).slice(-2)).toEqual(['Nguyễn Văn A', 'Nhập biểu Excel']);
  });

  it('an Excel import racing an autosave of the same report: the import first, the autosave is told and writes nothing', async () => {
    const opened = (await getReportForm(a.db, s.period.id, unit(3))).report.revision;
    const { review } = await reviewedBook(3, { TD01: 12, DT01: 6 });
    const [imported, autosave] = await race(
      LOCK_REPORT,
      [s.period.id, unit(3)],
      [
        () => commitCollect(b, review.batchId, [{ index: 0, map: false }]),
        () => save(a, 'Nguyễn Văn A', unit(3), { DN01: '8' }, opened),
      ],
    );
    expect(imported.status).toBe('fulfilled');
    const err = refusal(autosave);
    expect(err.code).toBe('EDIT_CONFLICT');
    expect(err.message).toMatch(/^Báo cáo này đã được Nhập biểu Excel sửa lúc/);
    // the reloaded report is the unit's workbook, received; the refused edit is not half there
    const reloaded = await getReportForm(a.db, s.period.id, unit(3));
    expect(reloaded.values).toMatchObject({ TD01: '12', DT01: '6' });
    expect(reloaded.values.DN01 ?? null).toBeNull();
    expect(reloaded.report.status).toBe('da_nop');
    const history = await reportHistory(a.db, s.period.id, unit(3));
    expect(history.revisions.map((r) => r.actor).slice(-1)).toEqual(['Nhập biểu Excel']);
  });
});
