// Two laptops on one PostgreSQL server creating the same thing at once (issue 19): a report's first
// save, a unit's code. The second client's insert waits on the first's uncommitted row and is held
// there (the test sees it waiting in pg_stat_activity) until the first commits, so the race is the
// same on every machine. The loser gets a Vietnamese message, never a raw unique-key error, and
// nothing of it is written.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { schemaObjects } from '../../src/main/db/postgres/copy';
import { openPostgres, type PostgresDatabase } from '../../src/main/db/postgres/database';
import { copyDatabase } from '../../src/main/features/safety/database-copy';
import { pgCluster } from '../pg/cluster';
import { choiceLocation, readChoice } from '../../src/main/platform/database-choice';
import { getReportForm, reportHistory, saveReportValuesIn } from '../../src/main/features/reports/reports';
import { insertUnit } from '../../src/main/features/units/units';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { unitInput } from '../../src/shared/contract/units';
import { seedCompile, type CompileFixture } from './compile-fixture';
import { freshCore, tempDir } from './helpers';

let a: Core;
let b: Core;
let fx: CompileFixture;

beforeAll(async () => {
  const dir = tempDir();
  a = await freshCore({ dir, engine: 'postgres' });
  fx = await seedCompile(a);
  b = await freshCore({ dir, engine: 'postgres' });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/**
 * Resolves once another connection of this database waits for a row lock, or once `other` (the
 * second client's call) has ended without waiting: the test then fails on its result, never hangs.
 */
async function someoneWaits(core: Core, other: Promise<unknown>): Promise<void> {
  let ended = false;
  void other.finally(() => (ended = true));
  while (!ended) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(core.db);
    if (r.rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const values = (actor: string, input: Record<string, string>, expectedRevision: number | null) =>
  saveValuesInput.parse({
    periodId: fx.period2025,
    unitId: fx.units.U5,
    actor,
    values: Object.entries(input).map(([key, v]) => ({ key, input: v })),
    expectedRevision,
  });

describe('two first saves of one report at once (PostgreSQL)', () => {
  it('the second is refused by the row version with who made it; nothing of it is written', async () => {
    expect((await getReportForm(a.db, fx.period2025, fx.units.U5)).report.id).toBeNull();
    const dispatchB = createDispatch(b);
    let second: ReturnType<typeof dispatchB> | null = null;
    await a.db.transaction().execute(async (trx) => {
      await saveReportValuesIn(trx, values('Nguyễn Văn A', { DT01: '7' }, 0));
      // B opened the same empty report (revision 0) and saves while A's row is not yet committed.
      second = dispatchB('reports.save', values('Trần Thị B', { DT01: '9', DT02: '40' }, 0));
      await someoneWaits(a, second!);
    });
    const r = await second!;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('EDIT_CONFLICT');
    expect(r.error.message).toMatch(
      /^Báo cáo của đơn vị UBND xã Quế Sơn kỳ .+ vừa được Nguyễn Văn A tạo lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}; mở lại để xem\./,
    );
    const form = await getReportForm(b.db, fx.period2025, fx.units.U5);
    expect(form.values).toEqual({ DT01: '7' });
    expect(form.report.revision).toBe(1);
    expect((await reportHistory(b.db, fx.period2025, fx.units.U5)).revisions.map((v) => v.actor)).toEqual([
      'Nguyễn Văn A',
    ]);
  });

  it('a save without a revision (the CLI) that lost the race is refused too, not written over the other', async () => {
    // Another report nobody has made yet.
    const periodId = fx.period2024;
    const unit = fx.units.U4;
    expect((await getReportForm(a.db, periodId, unit)).report.id).toBeNull();
    const input = (actor: string, v: string) =>
      saveValuesInput.parse({ periodId, unitId: unit, actor, values: [{ key: 'DT01', input: v }] });
    let second: Promise<unknown> | null = null;
    await a.db.transaction().execute(async (trx) => {
      await saveReportValuesIn(trx, input('Nguyễn Văn A', '5'));
      second = createDispatch(b)('reports.save', input('Kịch bản', '6'));
      await someoneWaits(a, second!);
    });
    const r = (await second!) as { ok: boolean; error?: { code: string } };
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('EDIT_CONFLICT');
    expect((await getReportForm(b.db, periodId, unit)).values.DT01).toBe('5');
  });
});

describe('two clients creating the same unit code at once (PostgreSQL)', () => {
  it('the second gets the Vietnamese message, not the raw unique-key error; one unit is made', async () => {
    const data = (name: string) =>
      unitInput.parse({
        code: 'TRUNG01',
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
    let second: ReturnType<ReturnType<typeof createDispatch>> | null = null;
    await a.db.transaction().execute(async (trx) => {
      await insertUnit(trx, data('Đơn vị của A'), new Date());
      second = createDispatch(b)('units.create', data('Đơn vị của B'));
      await someoneWaits(a, second!);
    });
    const r = await second!;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({
      code: 'ALREADY_CREATED',
      message: 'Đơn vị (trùng Mã) vừa được người khác tạo; mở lại để xem. Thay đổi vừa rồi chưa được lưu.',
    });
    const made = await b.db.selectFrom('units').select('name').where('code', '=', 'TRUNG01').execute();
    expect(made).toEqual([{ name: 'Đơn vị của A' }]);
  });
});

describe('a db copy that fails midway leaves the target as it was', () => {
  /** Fails at the fifth table written, after the target was migrated and half filled. */
  const failing = () => {
    let n = 0;
    return {
      setTotal() {},
      step() {
        if (++n === 5) throw new Error('hỏng giữa chừng');
      },
    };
  };

  it('onto a server: what the copy made is dropped, and the copy can be tried again', async () => {
    const dir = tempDir();
    const laptop = await freshCore({ dir, engine: 'sqlite' });
    await seedCompile(laptop);
    await laptop.close();
    const file = path.join(dir, 'test.db');
    const url = await (await pgCluster()).createDatabase();
    const server = await openPostgres(url);
    try {
      const before = await schemaObjects(server.db);
      expect(before.tables).toEqual([]);
      await expect(copyDatabase(file, url, undefined, failing())).rejects.toThrow('hỏng giữa chừng');
      expect(await schemaObjects(server.db)).toEqual(before);
      const s = await copyDatabase(file, url);
      expect(s.counts.units).toBe(5);
    } finally {
      await server.close();
    }
  });

  it('into a file: no file is left, not even a part', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'tu-may-chu.db');
    const office = await freshCore({ dir: tempDir(), engine: 'postgres' });
    const officeUrl = (office.database as PostgresDatabase).url;
    await seedCompile(office);
    await office.close();
    await expect(copyDatabase(officeUrl, target, undefined, failing())).rejects.toThrow('hỏng giữa chừng');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await copyDatabase(officeUrl, target)).counts.units).toBe(5);
    expect(fs.readdirSync(dir)).toEqual(['tu-may-chu.db']);
  });
});

describe('choosing the office server (PostgreSQL)', () => {
  it('keeps the password only encrypted by the system, never in clear; without a store, not at all', async () => {
    const url = new URL(await (await pgCluster()).createDatabase());
    const target = {
      kind: 'postgres' as const,
      host: url.hostname,
      port: Number(url.port),
      database: url.pathname.slice(1),
      user: decodeURIComponent(url.username),
      password: 'mật-khẩu-bí-mật',
    };
    const plain = fs.readFileSync.bind(fs);
    const dir = tempDir();
    const secrets = {
      encrypt: (t: string) => Buffer.from(t, 'utf8').reverse().toString('base64'),
      decrypt: (d: string) => Buffer.from(d, 'base64').reverse().toString('utf8'),
    };
    const withStore = await freshCore({ dir, engine: 'sqlite' });
    withStore.local.secrets = secrets;
    try {
      const r = await createDispatch(withStore)('database.choose', { target, rememberPassword: true });
      expect(r.ok && r.value).toMatchObject({ passwordKept: true, passwordProtection: 'os' });
      const kept = plain(withStore.local.choiceFile, 'utf8');
      expect(kept).not.toContain('mật-khẩu');
      const choice = readChoice(withStore.local.choiceFile)!;
      expect(choiceLocation(choice, secrets)).toBe(
        `postgres://${target.user}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${target.database}`,
      );
      const state = await createDispatch(withStore)('database.current', {});
      expect(state.ok && state.value).toMatchObject({
        next: {
          kind: 'postgres',
          location: `postgres://${target.user}@${target.host}:${target.port}/${target.database}`,
        },
      });
      // The check with no password typed uses the kept one.
      const check = await createDispatch(withStore)('database.check', { target: { ...target, password: '' } });
      expect(check.ok && check.value).toMatchObject({ kind: 'postgres', empty: true, units: null });
    } finally {
      await withStore.close();
    }
    const without = await freshCore({ dir: tempDir(), engine: 'sqlite' });
    try {
      const r = await createDispatch(without)('database.choose', { target, rememberPassword: true });
      expect(r.ok && r.value).toMatchObject({ passwordKept: false, passwordProtection: 'none' });
      expect(plain(without.local.choiceFile, 'utf8')).not.toContain('mật-khẩu');
      expect(readChoice(without.local.choiceFile)).toEqual({
        kind: 'postgres',
        host: target.host,
        port: target.port,
        database: target.database,
        user: target.user,
      });
    } finally {
      await without.close();
    }
  });
});
