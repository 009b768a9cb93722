// The screens' change marker on the server (`database.marker`, polled by hooks/useDataRefresh.ts)
// must move for every commit, also one that commits out of order: a transaction that wrote its
// audit row before a later one committed, and commits after a look. The marker before,
// max(audit_log.id), stayed still then (the screen kept showing the list without the new unit until
// the next change); each case below checks that max(audit_log.id) indeed stays still, so each one
// is a case the old marker missed.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { quietServer, serverDatabaseOf } from '../pg/databases';
import { freshCore, tempDir } from './helpers';
import { blankUnit } from './refusals';

let core: Core;
let other: pg.Client;
let third: pg.Client;
beforeEach(async () => {
  const dir = tempDir('bcnv-marker-pg-');
  core = await freshCore({ dir, engine: 'postgres' });
  const url = await serverDatabaseOf(dir);
  other = new pg.Client({ connectionString: url });
  third = new pg.Client({ connectionString: url });
  await other.connect();
  await third.connect();
  await quietServer(url);
});
afterEach(async () => {
  await other.end();
  await third.end();
  await core.close();
});

const insertUnit = (client: pg.Client, code: string) =>
  client.query(
    `INSERT INTO units (code, code_key, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
     VALUES ($1, lower($1), 'Đơn vị ' || $1, '', 'ubnd_xa', '', '', '', 1, '2025-01-01', '2025-01-01')`,
    [code],
  );

describe('the screens’ change marker on the server', () => {
  const call = () => createDispatch(core);
  const marker = async () => {
    const r = await call()('database.marker', undefined);
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { marker: string }).marker;
  };
  const codes = async () => {
    const r = await call()('units.list', {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { code: string }[]).map((u) => u.code).sort();
  };
  /** The old marker: the newest audit row's id. */
  const newestAuditId = async () => Number((await third.query('SELECT max(id) AS m FROM audit_log')).rows[0].m);

  it('stays still while nothing changes, however often it is read', async () => {
    const first = await marker();
    await codes();
    await third.query('SELECT count(*) FROM units');
    expect([await marker(), await marker()]).toEqual([first, first]);
  });

  it('moves when a transaction that wrote before a later commit commits after the look', async () => {
    await other.query('BEGIN');
    await insertUnit(other, 'A'); // its audit row takes the next id; not committed yet
    expect(await call()('units.create', blankUnit('B', { kind: 'ubnd_xa' }))).toMatchObject({ ok: true }); // a later id, committed
    const seen = await marker();
    const oldSeen = await newestAuditId();
    expect(await codes()).toEqual(['B']);
    await other.query('COMMIT');
    expect(await newestAuditId()).toBe(oldSeen); // A's audit id is below B's: the old marker stayed still
    expect(await marker()).not.toBe(seen); // this one moved: the screen reads again …
    expect(await codes()).toEqual(['A', 'B']); // … and shows A
  });

  it('moves also when the late transaction was given its transaction id after the one that committed first', async () => {
    // The order the snapshot's list of running transactions alone would miss: the first committer
    // (third) takes its transaction id first; the late one (other) takes a later id, writes A, then
    // third writes B (a later audit id) and commits. At the look, other's id is past the snapshot's
    // upper bound, so it is not among the running ones listed: only the upper bound moves for it.
    await third.query('BEGIN');
    await third.query('SELECT txid_current()');
    await other.query('BEGIN');
    await insertUnit(other, 'A');
    const late = Number((await other.query('SELECT txid_current() AS x')).rows[0].x);
    await insertUnit(third, 'B');
    await third.query('COMMIT');
    const seen = await marker();
    const [, xmax, running] = seen.slice(1).split(':');
    expect(late).toBeGreaterThanOrEqual(Number(xmax)); // not listed among the running ones …
    expect(running).toBe('');
    const oldSeen = await newestAuditId();
    expect(await codes()).toEqual(['B']);
    await other.query('COMMIT');
    expect(await newestAuditId()).toBe(oldSeen);
    expect(await marker()).not.toBe(seen); // … yet the snapshot moved (its upper bound)
    expect(await codes()).toEqual(['A', 'B']);
  });
});
