// `db copy` checks the copy before it commits (db/copy.ts): every table's rows, counted and digested
// on both sides, must agree, or the whole copy is refused with COPY_MISMATCH, in Vietnamese, naming
// the table, and the destination keeps exactly what it had. To make them disagree, the target's
// engine is made to change or drop a copied row after the rows came in (as a target that stored
// something other than what it was given would); the same copy without that goes through, so the
// refusal is the check's own. Runs on SQLite and again on PostgreSQL (vitest.config.mts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { copyData } from '../../src/main/db/copy';
import type { AnyDb, Engine } from '../../src/main/db/database';
import { schemaObjects } from '../../src/main/db/postgres/copy';
import { openPostgres } from '../../src/main/db/postgres/database';
import { copyDatabase } from '../../src/main/features/safety/database-copy';
import { createUnit } from '../../src/main/features/units/units';
import { blankUnit } from './refusals';
import { pgCluster } from '../pg/cluster';
import { DEFAULT_ENGINE, dataFingerprint, freshCore, tempDir } from './helpers';

const unit = (code: string, name: string) => blankUnit(code, { name, kind: 'ubnd_xa' });

let source: Core;
let target: Core;
beforeEach(async () => {
  source = await freshCore({ dir: tempDir() });
  for (const [code, name] of [
    ['X01', 'Xã Tam Xuân'],
    ['X02', 'Xã Tam Anh'],
    ['X03', 'Phường Hòa Thuận'],
  ] as const)
    await createUnit(source.db, unit(code, name));
  target = await freshCore({ dir: tempDir() });
  await createUnit(target.db, unit('CU', 'Đơn vị đã có ở nơi nhận'));
  // As db copy and restores do: a copy is not a change anyone made.
  await target.database.dropAuditTriggers();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await source.close();
  await target.close();
});

/** After the rows came in, the target's engine also does `tamper` inside the copy's transaction. */
function tamperAfterRows(engine: Engine, tamper: (trx: AnyDb) => Promise<unknown>): void {
  const copied = engine.copy.afterRowsCopied.bind(engine.copy);
  vi.spyOn(engine.copy, 'afterRowsCopied').mockImplementation(async (trx, tables) => {
    await copied(trx, tables);
    await tamper(trx);
  });
}

const renamesOne = (trx: AnyDb) =>
  trx.updateTable('units').set({ name: 'Xã Tam Xuân (sửa)' }).where('code', '=', 'X01').execute();
const dropsOne = (trx: AnyDb) => trx.deleteFrom('units').where('code', '=', 'X03').execute();

const SAME_AS_BEFORE = 'Đã hủy bản chép: nơi nhận giữ nguyên như trước, bản gốc không bị thay đổi.';

describe(`db copy refuses a copy whose rows disagree (${DEFAULT_ENGINE})`, () => {
  it('a row changed: same count, other content — refused, the destination as it was', async () => {
    const before = await dataFingerprint(target);
    const sourceBefore = await dataFingerprint(source);
    tamperAfterRows(target.database.engine, renamesOne);
    await expect(copyData(source.database, target.database)).rejects.toMatchObject({
      code: 'COPY_MISMATCH',
      message: `Bản chép khác bản gốc ở bảng “Đơn vị”: cùng 3 dòng nhưng nội dung khác. ${SAME_AS_BEFORE}`,
    });
    expect(await dataFingerprint(target)).toBe(before);
    expect((await target.db.selectFrom('units').select('code').execute()).map((u) => u.code)).toEqual(['CU']);
    expect(await dataFingerprint(source)).toBe(sourceBefore);
  });

  it('a row missing: the counts named — refused, the destination as it was', async () => {
    const before = await dataFingerprint(target);
    tamperAfterRows(target.database.engine, dropsOne);
    await expect(copyData(source.database, target.database)).rejects.toMatchObject({
      code: 'COPY_MISMATCH',
      message: `Bản chép khác bản gốc ở bảng “Đơn vị”: 3 dòng ở bản gốc, 2 dòng ở bản chép. ${SAME_AS_BEFORE}`,
    });
    expect(await dataFingerprint(target)).toBe(before);
  });

  it('the same copy, untouched, goes through (the refusals above are the check’s own)', async () => {
    const summary = await copyData(source.database, target.database);
    expect(summary.counts.units).toBe(3);
    const names = (core: Core) => core.db.selectFrom('units').select(['code', 'name']).orderBy('code').execute();
    expect(await names(target)).toEqual(await names(source));
  });

  it(
    DEFAULT_ENGINE === 'postgres'
      ? 'db copy of a file onto an empty server: refused, the server database left empty'
      : 'db copy of a file into a new file: refused, no file left, not even a part',
    async () => {
      const dir = tempDir();
      const from = path.join(dir, 'nguon.db');
      const laptop = await freshCore({ dir, file: 'nguon.db', engine: 'sqlite' });
      await createUnit(laptop.db, unit('X01', 'Xã Tam Xuân'));
      await laptop.close();
      const into = DEFAULT_ENGINE === 'postgres' ? await (await pgCluster()).createDatabase() : tempDir();
      const to = DEFAULT_ENGINE === 'postgres' ? into : path.join(into, 'ban-chep.db');
      const server = DEFAULT_ENGINE === 'postgres' ? await openPostgres(to) : null;
      const empty = server ? await schemaObjects(server.db) : null;
      tamperAfterRows(target.database.engine, renamesOne);
      await expect(copyDatabase(from, to)).rejects.toMatchObject({
        code: 'COPY_MISMATCH',
        message: `Bản chép khác bản gốc ở bảng “Đơn vị”: cùng 1 dòng nhưng nội dung khác. ${SAME_AS_BEFORE}`,
      });
      if (server) {
        expect(empty?.tables).toEqual([]);
        expect(await schemaObjects(server.db)).toEqual(empty);
        await server.close();
      } else {
        expect(fs.readdirSync(into)).toEqual([]);
      }
      vi.restoreAllMocks();
      expect((await copyDatabase(from, to)).counts.units).toBe(1);
    },
  );
});
