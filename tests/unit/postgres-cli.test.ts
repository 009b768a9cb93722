// Moving an office's data with the command line (runs in the `postgres` project): a laptop's SQLite
// file onto an empty server database, the app opened there giving the same Tổng hợp, and back to a
// new file holding exactly the same rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import type { Database } from '../../src/main/db/database';
import { tableDigest } from '../../src/main/db/copy';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { showCompile } from '../../src/main/features/compile/compile';
import { seedCompile } from './compile-fixture';
import { freshCore, tempDir } from './helpers';
import { pgCluster } from '../pg/cluster';

async function digests(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await database.engine.copy.tables(database.db)) {
    if (t.startsWith('schema_migrations')) continue;
    const d = await tableDigest(database.db, database.engine, t, await database.engine.columnsOf(database.db, t));
    out[t] = `${d.rows}:${d.digest}`;
  }
  return out;
}

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

describe('db copy and db check', () => {
  it('moves a SQLite file onto an empty PostgreSQL database and back, equal row by row', async () => {
    const dir = tempDir();
    const laptop = await freshCore({ dir, engine: 'sqlite' });
    const fx = await seedCompile(laptop);
    const args = { periodIds: [fx.period2025], compareIds: [fx.period2024], today: '2025-07-01' };
    const onLaptop = await showCompile(laptop.db, args);
    await laptop.close();
    const file = path.join(dir, 'test.db');

    const url = await (await pgCluster()).createDatabase();
    expect((await cli('db', 'check', '--db', url)).out).toContain('Chưa có dữ liệu của ứng dụng');
    const copied = await cli('db', 'copy', '--from', file, '--to', url);
    expect(copied.err).toBe('');
    expect(copied.out).toMatch(
      /^Đã chép \d+ dòng của \d+ bảng \(5 đơn vị, \d+ báo cáo\); từng bảng đã được đối chiếu\.$/,
    );
    expect((await cli('db', 'check', '--db', url)).out).toMatch(/PostgreSQL\)\. \d+ bước nâng cấp, 5 đơn vị\./);

    // A second copy onto the same database is refused: the server's data is never overwritten.
    const again = await cli('db', 'copy', '--from', file, '--to', url);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/chỉ chép vào một cơ sở dữ liệu trống/);

    // Back to a new file: the same rows as the laptop's, table by table.
    const back = path.join(dir, 'tu-may-chu.db');
    expect((await cli('db', 'copy', '--from', url, '--to', back)).code).toBe(0);
    const a = openSqlite(file);
    const b = openSqlite(back);
    try {
      expect(await digests(b)).toEqual(await digests(a));
    } finally {
      await a.close();
      await b.close();
    }
    const refused = await cli('db', 'copy', '--from', url, '--to', back);
    expect(refused.err).toMatch(/đã có: chỉ chép sang một tệp mới/);

    // The app opened on the server gives the same Tổng hợp as on the laptop.
    const serverDir = tempDir();
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(serverDir, 'postgres-url.txt'), url);
    const office = await freshCore({ dir: serverDir, engine: 'postgres' });
    try {
      expect(await showCompile(office.db, args)).toEqual(onLaptop);
    } finally {
      await office.close();
    }
  });

  it('says why a server cannot be reached, without the password', async () => {
    const cluster = await pgCluster();
    const wrong = cluster.url('khong_co').replace('bcnv@', 'bcnv:bi-mat@');
    const r = await cli('db', 'check', '--db', wrong);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không kết nối được tới máy chủ PostgreSQL postgres:\/\/bcnv@127\.0\.0\.1:\d+\/khong_co/);
    expect(r.err).not.toContain('bi-mat');
  });
});
