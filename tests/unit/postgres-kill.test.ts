// A client killed in the middle of an import leaves the office's server consistent (issue 19).
// The command line imports a batch of workbooks into a PostgreSQL database (a real child process)
// and is killed with SIGKILL at a counted point: after one batch was committed, inside the next
// batch's transaction when it has written k of its workbooks. The point is made certain, not timed:
// a third connection holds the unit row of the batch's (k+1)-th workbook, the child is seen on the
// server waiting for it, and only then is it killed. After each kill: no report of the killed batch
// is there, even in part; the audit log replays to exactly the rows there are; every report's row
// version is its last revision; and the same import, run again, completes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { serverDatabaseOf } from '../pg/databases';
import { SOURCES_DIR } from '../../src/main/platform/kept-files';
import { fakeHome } from './cli-process';
import { fillWorkbook, readBytes, setupCollect, type CollectSetup } from './collect-helpers';
import { freshCore, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const UNITS = 10;
/** Committed first, then the rest of the units' workbooks in the batch that is killed. */
const FIRST_BATCH = 3;

let dir: string;
let url: string;
let core: Core;
let s: CollectSetup;
let holder: pg.Client;
/** Each unit's filled workbook, by unit code. */
const books = new Map<string, string>();

beforeAll(async () => {
  dir = tempDir('bcnv-kill-');
  core = await freshCore({ dir });
  url = await serverDatabaseOf(dir);
  s = await setupCollect(core.db, UNITS);
  const out = path.join(dir, 'books');
  const files = await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
  const filled = path.join(dir, 'filled');
  fs.mkdirSync(filled);
  for (const [i, f] of files.entries()) {
    const file = path.join(filled, f.fileName);
    fs.writeFileSync(file, await fillWorkbook(readBytes(path.join(out, f.fileName)), { LD01: i + 1, TD01: 10 + i }));
    books.set(f.unitCode, file);
  }
  holder = new pg.Client({ connectionString: url });
  await holder.connect();
}, 0);
afterAll(async () => {
  await holder?.end();
  await core?.close();
});

const codes = () => s.units.map((u) => u.code);

/** `collect import` of these units' workbooks, as a child process (one process: node with tsx's loader). */
function importing(unitCodes: string[]) {
  const home = fakeHome();
  const files = unitCodes.map((c) => books.get(c)!);
  const args = ['collect', 'import', ...files, '--period', String(s.period.id), '--accept', 'all'];
  args.push('--confirm-warnings', '--received', '2025-06-18', '--json', '--db', url);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), BCNV_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, ended };
}

/** Resolves once the child's session waits, on the server, to insert the report the held row stops. */
async function childWaitingToInsert(): Promise<void> {
  for (;;) {
    // A transaction sees the sessions as they stood when it first looked, until it drops that view.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const r = await holder.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND query ILIKE 'insert into "reports"%'`,
    );
    if (Number(r.rows[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves once no session but the holder's is left on the database (the killed client's is gone). */
async function onlyHolderLeft(): Promise<void> {
  for (;;) {
    // A transaction sees the sessions as they stood when it first looked, until it drops that view.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const r = await holder.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND backend_type = 'client backend' AND xact_start IS NOT NULL`,
    );
    if (Number(r.rows[0]!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The units whose report is on the server, and what must hold of everything there. */
async function checkServer(): Promise<string[]> {
  const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
    (await holder.query<T>(text, params)).rows;
  const reports = await q<{ id: string; code: string; status: string; revision: string }>(
    `SELECT r.id, u.code, r.status, r.revision FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.period_id = $1 ORDER BY u.code`,
    [s.period.id],
  );
  for (const r of reports) {
    // whole: received, its values, its kept file, one revision that is its row version
    expect(r.status).toBe('da_nop');
    const i = codes().indexOf(r.code);
    const values = await q<{ field_key: string; int_value: string }>(
      `SELECT field_key, int_value FROM report_values WHERE report_id = $1 AND field_key IN ('LD01', 'TD01') ORDER BY field_key`,
      [r.id],
    );
    expect(values.map((v) => [v.field_key, Number(v.int_value)])).toEqual([
      ['LD01', i + 1],
      ['TD01', 10 + i],
    ]);
    const revisions = await q<{ n: string; last: string }>(
      `SELECT count(*) AS n, max(number) AS last FROM report_revisions WHERE report_id = $1`,
      [r.id],
    );
    expect(Number(revisions[0]!.last)).toBe(Number(r.revision));
    expect(Number(revisions[0]!.n)).toBe(Number(r.revision));
    expect(await q(`SELECT 1 FROM collect_sources WHERE report_id = $1`, [r.id])).toHaveLength(1);
  }
  // nothing of a report that is not there
  for (const table of ['report_values', 'report_revisions', 'report_events', 'collect_sources'])
    expect(
      await q(`SELECT 1 FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = t.report_id)`),
    ).toEqual([]);
  // the audit log replays to exactly the rows there are, and the last state it wrote is the row's
  for (const table of ['reports', 'report_revisions', 'report_events', 'collect_sources']) {
    const log = await q<{ row_id: string; action: string; after_json: string | null }>(
      `SELECT row_id, action, after_json FROM audit_log WHERE table_name = $1 ORDER BY id`,
      [table],
    );
    const alive = new Map<number, string | null>();
    for (const e of log)
      if (e.action === 'delete') alive.delete(Number(e.row_id));
      else alive.set(Number(e.row_id), e.after_json);
    const ids = (await q<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => Number(r.id));
    expect(
      [...alive.keys()].sort((a, b) => a - b),
      table,
    ).toEqual(ids);
    if (table === 'reports')
      for (const r of reports)
        expect(JSON.parse(alive.get(Number(r.id))!)).toMatchObject({ revision: Number(r.revision) });
  }
  return reports.map((r) => r.code);
}

describe('a client killed in the middle of an import (PostgreSQL)', () => {
  it('leaves no partial report, a consistent audit log and row versions; the import then completes', async () => {
    const first = codes().slice(0, FIRST_BATCH);
    const rest = codes().slice(FIRST_BATCH);
    const done = await importing(first).ended;
    expect(done.code, done.stderr).toBe(0);
    expect(await checkServer()).toEqual(first);

    // killed after 0, half and all but one of the batch's workbooks were written in its transaction
    for (const k of [0, Math.floor(rest.length / 2), rest.length - 1]) {
      const stopAt = s.units.find((u) => u.code === rest[k])!.id;
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [stopAt]);
      const run = importing(rest);
      await childWaitingToInsert();
      run.child.kill('SIGKILL');
      const killed = await run.ended;
      expect(killed.signal).toBe('SIGKILL');
      await holder.query('COMMIT');
      await onlyHolderLeft();
      expect(await checkServer()).toEqual(first);
    }

    const again = await importing(rest).ended;
    expect(again.code, again.stderr).toBe(0);
    expect(await checkServer()).toEqual(codes());
    // every file kept under the data folder is one an import recorded (a killed run's copies are
    // content-addressed: the same names, written again or cleaned at the next start)
    const kept = path.join(dir, SOURCES_DIR);
    const onDisk = fs
      .readdirSync(kept, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
    const recorded = (await holder.query<{ p: string }>(`SELECT stored_path AS p FROM collect_sources ORDER BY 1`))
      .rows;
    expect(onDisk).toEqual(recorded.map((r) => r.p).sort());
  });
});
