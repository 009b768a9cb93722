// Several people on one database (issue 19), on SQLite and, in the `postgres` project, on the
// server: the audit log's search finds the same rows on both engines; the change marker the screens
// poll moves when another client changes data; Cài đặt → Cơ sở dữ liệu through the contract; each
// computer names its own person.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/dispatch';
import { CHOICE_FILE } from '../../src/main/platform/database-choice';
import type { Core } from '../../src/main/core/core';
import { listAudit } from '../../src/main/features/safety/audit-log';
import { createUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { DEFAULT_ENGINE, freshCore, tempDir } from './helpers';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { quietServer, serverDatabaseOf } from '../pg/databases';
import { auditUser } from '../../src/shared/model/audit-labels';

let core: Core;
let dir: string;
let nextOpen: string | null = null;
beforeEach(async () => {
  dir = tempDir();
  core = await freshCore({ dir, platform: { nextOpenPath: () => nextOpen } });
});
afterEach(async () => {
  await core.close();
});

const unit = (code: string, name: string) =>
  unitInput.parse({
    code,
    name,
    shortName: '',
    kind: 'khac',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

describe(`audit search (${DEFAULT_ENGINE})`, () => {
  it('is blind to A–Z case on both engines alike, and only to it', async () => {
    await createUnit(core.db, unit('PNV01', 'Phòng Nội vụ Đông Anh'));
    await createUnit(core.db, unit('xa02', 'UBND xã Quế Sơn'));
    const found = async (search: string) =>
      (await listAudit(core.db, { table: 'units', search })).rows.map((r) => r.rowId);
    const [pnv, xa] = (await core.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
    expect(await found('pnv01')).toEqual([pnv]);
    expect(await found('XA02')).toEqual([xa]);
    expect(await found('phòng nội')).toEqual([pnv]);
    expect(await found('ubnd XÃ')).toEqual([]);
    expect(await found('Đông anh')).toEqual([pnv]);
    expect(await found('đông anh')).toEqual([]);
    expect(await found('%')).toEqual([xa, pnv]);
  });
});

describe(`the change marker (${DEFAULT_ENGINE})`, () => {
  it('moves when another client changes data, and only then', async () => {
    if (DEFAULT_ENGINE === 'postgres') await quietServer(await serverDatabaseOf(dir));
    const other = await freshCore({ dir });
    try {
      const mine = createDispatch(core);
      const marker = async () => {
        const r = await mine('database.marker', {});
        if (!r.ok) throw new Error(r.error.message);
        return (r.value as { marker: string }).marker;
      };
      const first = await marker();
      await core.db.selectFrom('units').selectAll().execute();
      expect(await marker()).toBe(first);
      // Another laptop (another client of the server, another connection to the file) adds a unit.
      await createUnit(other.db, unit('KHAC1', 'Đơn vị do máy khác thêm'));
      const second = await marker();
      expect(second).not.toBe(first);
      expect(await marker()).toBe(second);
      await createUnit(core.db, unit('KHAC2', 'Đơn vị do máy này thêm'));
      expect(await marker()).not.toBe(second);
    } finally {
      await other.close();
    }
  });
});

describe(`Cài đặt → Cơ sở dữ liệu through the contract (${DEFAULT_ENGINE})`, () => {
  const call = async (method: string, args: unknown) => {
    const r = await createDispatch(core)(method, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as Record<string, unknown>;
  };

  it('copies the open data into a new file (a job), checks it, chooses it for the next start', async () => {
    const state = await call('database.current', {});
    expect(state.kind).toBe(DEFAULT_ENGINE);
    expect(String(state.location)).not.toMatch(/:[^/@]*@/);
    // Opened with an explicit database (as --db does): the next start without it opens the app's own file.
    expect(state.next).toEqual({ kind: 'sqlite', location: path.join(dir, 'bao-cao-noi-vu.db') });
    const copied = await call('database.copyTo', {
      target: { kind: 'sqlite', file: 'picked' },
      jobId: 'chep-du-lieu-1',
    });
    const file = path.join(dir, 'exports', 'bao-cao-noi-vu.db');
    expect(copied).toMatchObject({ location: file, units: 0 });
    expect(fs.existsSync(file)).toBe(true);
    const job = (await createDispatch(core)('jobs.list', {})) as {
      ok: true;
      value: { jobId: string; state: string; done: number; total: number }[];
    };
    const done = job.value.find((j) => j.jobId === 'chep-du-lieu-1')!;
    expect(done.state).toBe('done');
    expect(done.done).toBe(done.total);
    expect(done.total).toBeGreaterThan(10);

    nextOpen = file;
    const check = await call('database.check', { target: { kind: 'sqlite', file: 'picked' } });
    expect(check).toMatchObject({ kind: 'sqlite', location: file, pending: 0, newer: false, empty: false, units: 0 });
    expect(String(check.verdict)).toMatch(
      /^Kết nối được \(SQLite 3\.[\d.]+\)\. Có dữ liệu của ứng dụng: 0 đơn vị; đã ở phiên bản hiện tại\.$/,
    );
    const chosen = await call('database.choose', { target: { kind: 'sqlite', file: 'picked' } });
    expect(chosen.next).toEqual({ kind: 'sqlite', location: file });
    expect(JSON.parse(fs.readFileSync(path.join(dir, CHOICE_FILE), 'utf8'))).toEqual({ kind: 'sqlite', file });
  });

  it('refuses a data file on a network share with the message about the shared database', async () => {
    nextOpen = '//may-chu/chung/bao-cao-noi-vu.db';
    const err = await call('database.pickFile', { purpose: 'open' }).catch((e: Error & { code: string }) => e);
    expect((err as { code: string }).code).toBe('DB_NETWORK_SHARE');
    expect((err as Error).message).toMatch(/SQLite không khóa được tệp qua mạng.*PostgreSQL \(Cài đặt → Cơ sở dữ liệu/);
    expect(fs.existsSync(path.join(dir, CHOICE_FILE))).toBe(false);
  });

  it('an unreachable server is said in Vietnamese, naming the address without the password', async () => {
    const target = { kind: 'postgres', host: '127.0.0.1', port: 1, database: 'bcnv', user: 'bcnv', password: 'bi-mat' };
    const err = (await call('database.check', { target }).catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('DB_CONNECT');
    expect(err.message).toMatch(/^Không kết nối được tới máy chủ PostgreSQL postgres:\/\/bcnv@127\.0\.0\.1:1\/bcnv/);
    expect(err.message).not.toContain('bi-mat');
  });
});

describe(`who the user is (${DEFAULT_ENGINE})`, () => {
  it('each computer keeps its own name: two laptops on one database, each reopened names its own person', async () => {
    const url = DEFAULT_ENGINE === 'postgres' ? await serverDatabaseOf(dir) : path.join(dir, 'test.db');
    const laptop = tempDir('bcnv-laptop-'); // Bình's computer: its own data folder, the same database
    const open = () =>
      openCore({
        dbPath: url,
        dataDir: laptop,
        platform: folderPlatform(path.join(laptop, 'exports')),
        version: 'test',
      });
    let binh = await open();
    try {
      const name = async (c: Core) => {
        const r = await createDispatch(c)('audit.user', undefined);
        if (!r.ok) throw new Error(r.error.message);
        return (r.value as { name: string }).name;
      };
      expect((await createDispatch(core)('audit.setUser', { name: 'Nguyễn Thị Lan' })).ok).toBe(true);
      expect((await createDispatch(binh)('audit.setUser', { name: 'Trần Văn Bình' })).ok).toBe(true);
      expect([await name(core), await name(binh)]).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình']);
      // both start again: each still names its own person, in Cài đặt and in the audit log
      await core.close();
      await binh.close();
      core = await freshCore({ dir });
      binh = await open();
      expect([await name(core), await name(binh)]).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình']);
      // the audit log: on the server each session carries its name (bcnv.user); a SQLite file keeps
      // one name for all its connections (audit_context), a file being one computer's (no network share)
      if (DEFAULT_ENGINE !== 'postgres') return;
      await createUnit(core.db, unit('L1', 'Đơn vị của Lan'));
      await createUnit(binh.db, unit('B1', 'Đơn vị của Bình'));
      const who = await core.db
        .selectFrom('audit_log as a')
        .innerJoin('units as u', 'u.id', 'a.row_id')
        .select(['u.code', 'a.user'])
        .where('a.table_name', '=', 'units')
        .where('a.action', '=', 'insert')
        .orderBy('u.code')
        .execute();
      expect(who.map((w) => [w.code, auditUser(w.user).name])).toEqual([
        ['B1', 'Trần Văn Bình'],
        ['L1', 'Nguyễn Thị Lan'],
      ]);
    } finally {
      await binh.close();
      fs.rmSync(laptop, { recursive: true, force: true });
    }
  });
});
