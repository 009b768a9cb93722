// The database seam on PostgreSQL (runs in the `postgres` project, on the tests' own server): the
// same duties as db-seam.test.ts checks on SQLite — rules the database enforces, the audit log
// naming whoever works, the search, copies in the app's SQLite format and back — and what only a
// shared server needs (two clients, each named).
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { engineOf } from '../../src/main/db/database';
import { postgresEngine } from '../../src/main/db/postgres/database';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { copyData } from '../../src/main/db/copy';
import { createUnit, listUnits } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { dataFingerprint, freshCore, tempDir } from './helpers';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = tempDir();
  core = await freshCore({ dir, engine: 'postgres' });
});

afterEach(async () => {
  await core.close();
});

const unit = (code: string, name: string, parentId: number | null = null) =>
  unitInput.parse({
    code,
    name,
    shortName: '',
    kind: 'ubnd_xa',
    parentId,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

describe('the database seam on PostgreSQL', () => {
  it('leads every executor, a transaction included, back to its engine', async () => {
    expect(engineOf(core.db)).toBe(postgresEngine);
    await core.db.transaction().execute(async (trx) => expect(engineOf(trx)).toBe(postgresEngine));
    expect(core.database.file).toBeNull();
    expect(core.database.location).toMatch(/^postgres:\/\/bcnv@127\.0\.0\.1:\d+\/t\d+_\d+$/);
  });

  it('keeps exact 64-bit integers and orders text by code point', async () => {
    const big = 2 ** 53 - 1;
    const r = await sql<{ n: number; t: string }>`SELECT ${big}::bigint AS n, 'x' AS t`.execute(core.db);
    expect(r.rows[0]!.n).toBe(big);
    for (const [code, name] of [
      ['b', 'Xã b'],
      ['C', 'Xã C'],
      ['Đ1', 'Xã Đ'],
      ['a', 'Xã a'],
    ] as const)
      await createUnit(core.db, unit(code, name));
    const codes = await core.db.selectFrom('units').select('code').orderBy('code').execute();
    // As SQLite's BINARY collation: upper case first, then lower case, then beyond ASCII.
    expect(codes.map((c) => c.code)).toEqual(['C', 'a', 'b', 'Đ1']);
  });

  it('names the person working in the audit log, per client', async () => {
    await core.database.setAuditUser('Nguyễn Văn A');
    await createUnit(core.db, unit('A1', 'Xã Một'));
    const other = await freshCore({ dir, engine: 'postgres' });
    try {
      await other.database.setAuditUser('Trần Thị B');
      await createUnit(other.db, unit('B1', 'Xã Hai'));
      await createUnit(core.db, unit('A2', 'Xã Ba'));
    } finally {
      await other.close();
    }
    const log = await core.db
      .selectFrom('audit_log')
      .select(['user', 'after_json'])
      .where('table_name', '=', 'units')
      .where('action', '=', 'insert')
      .orderBy('id')
      .execute();
    expect(log.map((l) => [l.user, (JSON.parse(l.after_json!) as { code: string }).code])).toEqual([
      ['Nguyễn Văn A', 'A1'],
      ['Trần Thị B', 'B1'],
      ['Nguyễn Văn A', 'A2'],
    ]);
    expect(await engineOf(core.db).auditUser(core.db)).toBe('Nguyễn Văn A');
  });

  it('searches without diacritics, by word prefix, as FTS5 does', async () => {
    await createUnit(core.db, unit('X01', 'Xã Đông Hòa'));
    await createUnit(core.db, unit('X02', 'Phường Hòa Bình'));
    await createUnit(core.db, unit('X03', 'Xã Tân Đông'));
    const found = async (q: string) => (await listUnits(core.db, { search: q })).map((u) => u.code).sort();
    expect(await found('dong hoa')).toEqual(['X01']);
    expect(await found('hoa')).toEqual(['X01', 'X02']);
    expect(await found('đôn')).toEqual(['X01', 'X03']);
    expect(await found('ong')).toEqual([]);
  });

  it('copies to the SQLite format and back, checked row by row, and restores from it', async () => {
    const a = await createUnit(core.db, unit('A1', 'Xã Một'));
    await createUnit(core.db, unit('A1.1', 'Thôn Một', a.id));
    const before = await dataFingerprint(core);
    const copy = path.join(dir, 'copy.db');
    await core.database.copyTo(copy);
    const facts = core.database.inspectCopy(copy, 'copy.db', ['units']);
    expect(facts).toMatchObject({ integrity: 'ok', counts: { units: 2 } });
    expect(facts.migrations).toEqual(await core.database.executedMigrations());
    await createUnit(core.db, unit('A2', 'Xã Hai'));
    await core.replaceDatabase(copy);
    expect((await listUnits(core.db)).map((u) => u.code)).toEqual(['A1', 'A1.1']);
    expect((await listUnits(core.db, { search: 'thon mot' })).map((u) => u.code)).toEqual(['A1.1']);
    // New ids come after the copied ones.
    const next = await createUnit(core.db, unit('A3', 'Xã Ba'));
    expect(next.id).toBeGreaterThan(a.id + 1);
    // The copy is a plain SQLite file of the app's.
    const file = openSqlite(copy);
    try {
      expect((await file.db.selectFrom('units').select('code').orderBy('id').execute()).map((u) => u.code)).toEqual([
        'A1',
        'A1.1',
      ]);
    } finally {
      await file.close();
    }
    expect(before).not.toBe(await dataFingerprint(core));
  });

  it('copies a SQLite file onto an empty server database and back, equal table by table', async () => {
    const sqliteCore = await freshCore({ dir: tempDir(), engine: 'sqlite' });
    try {
      const parent = await createUnit(sqliteCore.db, unit('Q1', 'Quận Một'));
      for (let i = 0; i < 30; i++) await createUnit(sqliteCore.db, unit(`P${i}`, `Phường ${i}`, parent.id));
      await core.database.dropAuditTriggers();
      const summary = await copyData(sqliteCore.database, core.database);
      await core.database.installAuditTriggers();
      expect(summary.counts.units).toBe(31);
      expect(summary.counts.audit_log).toBeGreaterThan(31);
      expect(await dataFingerprint(core)).not.toBe('');
      // Word prefixes: "2" finds P2 and P20–P29, as on SQLite.
      const sqliteFound = (await listUnits(sqliteCore.db, { search: 'phuong 2' })).map((u) => u.code).sort();
      expect((await listUnits(core.db, { search: 'phuong 2' })).map((u) => u.code).sort()).toEqual(sqliteFound);
      expect(sqliteFound).toHaveLength(11);
    } finally {
      await sqliteCore.close();
    }
  });
});
