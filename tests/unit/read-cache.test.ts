// Kept reads: a read of the whole register is answered again from memory until the database
// changes — by this connection, by another process on the same file, or through the contract.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { keptRead } from '../../src/main/core/read-cache';
import { createDispatch } from '../../src/main/dispatch';
import { freshCore, tempDir } from './helpers';

let core: Core;
let dir: string;
beforeEach(async () => {
  dir = tempDir('bcnv-kept-');
  core = await freshCore({ dir });
});
afterEach(async () => {
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

describe('a kept read', () => {
  it('is read once while nothing changes, and again after a write on this connection', async () => {
    let reads = 0;
    const read = () => keptRead(core.db, 'k', async () => ++reads);
    expect([await read(), await read(), await read()]).toEqual([1, 1, 1]);
    await core.db.insertInto('app_settings').values({ key: 'x', value: '1' }).execute();
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    // another key is read on its own
    expect(await keptRead(core.db, 'other', async () => 'b')).toBe('b');
  });

  it('is read again after another process commits to the same file', async () => {
    let reads = 0;
    const read = () => keptRead(core.db, 'k', async () => ++reads);
    expect([await read(), await read()]).toEqual([1, 1]);
    const other = new Database(path.join(dir, 'test.db'));
    other.prepare(`INSERT INTO app_settings (key, value) VALUES ('y', '2')`).run();
    other.close();
    expect(await read()).toBe(2);
  });

  it('keeps the reads used lately when more keys come than it keeps (the least recently used goes)', async () => {
    const reads = new Map<string, number>();
    const read = (key: string) =>
      keptRead(core.db, key, async () => {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return key;
      });
    await read('hot');
    // many more keys than are kept, the hot one used between each
    for (let i = 0; i < 100; i++) {
      expect(await read(`k${i}`)).toBe(`k${i}`);
      expect(await read('hot')).toBe('hot');
    }
    expect(reads.get('hot')).toBe(1);
    // the first of the others has gone: read again
    await read('k0');
    expect(reads.get('k0')).toBe(2);
    // and the last ones are still kept
    await read('k99');
    expect(reads.get('k99')).toBe(1);
  });

  it('keeps small reads and large reads in pools of their own: neither evicts the other', async () => {
    const reads = new Map<string, number>();
    const read = (key: string, size: 'small' | 'large') =>
      keptRead(
        core.db,
        key,
        async () => {
          reads.set(key, (reads.get(key) ?? 0) + 1);
          return key;
        },
        size,
      );
    // a period switch with a chip leaves three small reads per period (head, page, chip's page):
    // nine periods make 27, more than the 24 large places, and all stay kept
    const small = Array.from({ length: 9 }, (_, p) => [`head ${p}`, `page ${p} all`, `page ${p} chip`]).flat();
    for (const k of small) await read(k, 'small');
    // then many large reads (drafts, registers): they evict one another, never the small ones
    for (let i = 0; i < 100; i++) await read(`draft ${i}`, 'large');
    for (const k of small) expect(await read(k, 'small')).toBe(k);
    expect(small.map((k) => reads.get(k))).toEqual(small.map(() => 1));
    // and the large reads used last are kept however many small reads come
    for (let i = 0; i < 500; i++) await read(`page x${i}`, 'small');
    await read('draft 99', 'large');
    expect(reads.get('draft 99')).toBe(1);
    // each pool is bounded: the oldest large read went, the oldest small read too
    await read('draft 0', 'large');
    expect(reads.get('draft 0')).toBe(2);
    await read('page x0', 'small');
    expect(reads.get('page x0')).toBe(2);
  });

  it('drops both pools when the data change', async () => {
    let reads = 0;
    const read = (key: string, size: 'small' | 'large') => keptRead(core.db, key, async () => ++reads, size);
    expect([await read('s', 'small'), await read('l', 'large'), await read('s', 'small')]).toEqual([1, 2, 1]);
    await core.db.insertInto('app_settings').values({ key: 'x', value: '1' }).execute();
    expect([await read('s', 'small'), await read('l', 'large')]).toEqual([3, 4]);
  });

  it('is not kept when it fails', async () => {
    let reads = 0;
    const failing = () =>
      keptRead(core.db, 'f', async () => {
        reads++;
        throw new Error('hỏng');
      });
    await expect(failing()).rejects.toThrow('hỏng');
    await expect(failing()).rejects.toThrow('hỏng');
    expect(reads).toBe(2);
  });

  it('never shows a stale unit list through the contract', async () => {
    const call = createDispatch(core);
    expect(await call('units.list', {})).toEqual({ ok: true, value: [] });
    expect(await call('units.create', unit('X1'))).toMatchObject({ ok: true });
    const after = (await call('units.list', {})) as { ok: true; value: { code: string }[] };
    expect(after.value.map((u) => u.code)).toEqual(['X1']);
    expect(await call('units.create', unit('X2'))).toMatchObject({ ok: true });
    const again = (await call('units.list', { search: 'x2' })) as { ok: true; value: { code: string }[] };
    expect(again.value.map((u) => u.code)).toEqual(['X2']);
  });
});
