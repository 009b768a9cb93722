// Kept reads on the server (core/read-cache.ts keyed by Engine.readStamp, the server's snapshot):
// read once while nothing changes; read again after any commit — another client's, a table the
// audit log does not follow, and a transaction that took its audit row's id before a later one
// committed but committed after the read (max(audit_log.id) does not move for it: why it cannot key
// kept reads, nor be the screens' marker: postgres-marker.test.ts); never kept inside a transaction.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { keptRead } from '../../src/main/core/read-cache';
import { createDispatch } from '../../src/main/dispatch';
import { quietServer, serverDatabaseOf } from '../pg/databases';
import { freshCore, tempDir } from './helpers';

let core: Core;
let other: pg.Client;
beforeEach(async () => {
  const dir = tempDir('bcnv-kept-pg-');
  core = await freshCore({ dir, engine: 'postgres' });
  const url = await serverDatabaseOf(dir);
  other = new pg.Client({ connectionString: url });
  await other.connect();
  await quietServer(url);
});
afterEach(async () => {
  await other.end();
  await core.close();
});

const unit = (code: string) => ({
  code,
  name: `Đơn vị ${code}`,
  shortName: '',
  kind: 'ubnd_xa' as const,
  parentId: null,
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom: null,
  activeTo: null,
});

describe('a kept read on the server', () => {
  it('is read once while nothing changes, again after this client, another client or an unaudited table commits', async () => {
    let reads = 0;
    const read = () => keptRead(core.db, 'k', async () => ++reads);
    expect([await read(), await read(), await read()]).toEqual([1, 1, 1]);
    await core.db.insertInto('app_settings').values({ key: 'x', value: '1' }).execute(); // not audited
    expect([await read(), await read()]).toEqual([2, 2]);
    await other.query(`INSERT INTO app_settings (key, value) VALUES ('y', '2')`);
    expect([await read(), await read()]).toEqual([3, 3]);
  });

  it('is read again when a transaction that began writing earlier commits after the read', async () => {
    const call = createDispatch(core);
    const codes = async () => {
      const r = await call('units.list', {});
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { code: string }[]).map((u) => u.code).sort();
    };
    // another client writes unit A (its audit row takes the next id) and has not committed yet
    await other.query('BEGIN');
    await other.query(
      `INSERT INTO units (code, code_key, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
       VALUES ('A', 'a', 'Đơn vị A', '', 'ubnd_xa', '', '', '', 1, '2025-01-01', '2025-01-01')`,
    );
    // this client writes unit B (a later audit id) and commits; the list is read and kept
    expect(await call('units.create', unit('B'))).toMatchObject({ ok: true });
    expect(await codes()).toEqual(['B']);
    await other.query('COMMIT');
    // A's audit id is below B's, yet the kept list is not answered again: A is there
    expect(await codes()).toEqual(['A', 'B']);
  });

  it('is never kept inside a transaction (its own writes leave the server snapshot as it was)', async () => {
    await core.db.transaction().execute(async (trx) => {
      let reads = 0;
      const read = () => keptRead(trx, 'k', async () => ++reads);
      expect(await read()).toBe(1);
      await trx.insertInto('app_settings').values({ key: 'z', value: '3' }).execute();
      expect(await read()).toBe(2);
    });
  });
});
