// Kept reads taken again after a change (core/read-cache.ts refreshKept, core/warm-reads.ts): the
// reads used last are read anew under the new data, most recent first, only while nothing else
// changes; what the screen then gets is what a fresh read gives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { keptRead, refreshKept } from '../../src/main/core/read-cache';
import { warmAfterChanges } from '../../src/main/core/warm-reads';
import { createDispatch } from '../../src/main/dispatch';
import { screenDraft, screenView, unitLines } from '../../src/main/features/compile/compile-draft';
import type { Result } from '../../src/shared/errors';
import { freshCore } from './helpers';
import { apiOf, addUnits, sendReport, templateId, thisYear } from './workflow-helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(async () => {
  await core.close();
});

const write = (key: string) => core.db.insertInto('app_settings').values({ key, value: '1' }).execute();

/** A kept read of `key` counting its reads; its value is the count of settings rows now. */
function counted(reads: string[]) {
  return (key: string) =>
    keptRead(core.db, key, async () => {
      reads.push(key);
      return (
        await core.db
          .selectFrom('app_settings')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    });
}

describe('kept reads taken again after a change', () => {
  it('reads the reads used last again, most recent first, and the next look finds them kept', async () => {
    const reads: string[] = [];
    const read = counted(reads);
    const before = await read('a');
    await read('b');
    await read('a');
    expect(await refreshKept(core.db)).toBe(0);
    await write('x');
    reads.length = 0;
    expect(await refreshKept(core.db)).toBe(2);
    expect(reads).toEqual(['a', 'b']);
    // kept: asked again, nothing is read, and the value is the new data's
    const after = [await read('a'), await read('b')];
    expect(reads).toEqual(['a', 'b']);
    expect(after).toEqual([Number(before) + 1, Number(before) + 1]);
    // nothing changed since: nothing to take again
    expect(await refreshKept(core.db)).toBe(0);
  });

  it('takes again only the eight reads used last', async () => {
    const reads: string[] = [];
    const read = counted(reads);
    for (let i = 0; i < 20; i++) await read(`k${i}`);
    await write('x');
    reads.length = 0;
    expect(await refreshKept(core.db)).toBe(8);
    expect(reads).toEqual(['k19', 'k18', 'k17', 'k16', 'k15', 'k14', 'k13', 'k12']);
  });

  it('stops when the data change again meanwhile, and does not keep a read that fails', async () => {
    const reads: string[] = [];
    const read = counted(reads);
    await read('older');
    let fail = false;
    await keptRead(core.db, 'failing', async () => {
      reads.push('failing');
      if (fail) throw new Error('hỏng');
      return 0;
    });
    let writes = false;
    await keptRead(core.db, 'writing', async () => {
      reads.push('writing');
      if (writes) await write('during');
      return 0;
    });
    await write('x');
    fail = true;
    writes = true;
    reads.length = 0;
    // the writing read changes the data: what comes after it would be read under old data
    expect(await refreshKept(core.db)).toBe(1);
    expect(reads).toEqual(['writing']);
    writes = false;
    reads.length = 0;
    // next time: the failing one is tried, not kept, and the rest still taken
    expect(await refreshKept(core.db)).toBe(2);
    expect(reads).toEqual(['writing', 'failing', 'older']);
    await expect(keptRead(core.db, 'failing', async () => Promise.reject(new Error('lại hỏng')))).rejects.toThrow(
      'lại hỏng',
    );
  });
});

describe('the app idle after a change', () => {
  it('has Tổng hợp compiled again before it is opened, the same as a fresh compile', async () => {
    const api = apiOf(core);
    const ids = await addUnits(api, 4);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    for (const [i, id] of ids.slice(0, 3).entries()) await sendReport(api, p.id, id, { DT02: i + 1 }, p.deadline);
    const warm = warmAfterChanges(core, createDispatch(core), 0);
    const args = { periodIds: [p.id], compareIds: [], today: null, lines: { offset: 0, limit: 30 } };
    const first = (await warm.dispatch('compile.draft', args)) as Result<unknown>;
    expect(first.ok).toBe(true);
    const compiles = vi.spyOn(screenDraft, 'get');
    try {
      // the fourth unit's report arrives: the kept compile is dropped, and taken again when idle
      expect(
        await warm.dispatch('reports.save', { periodId: p.id, unitId: ids[3]!, values: [{ key: 'DT02', input: 9 }] }),
      ).toMatchObject({ ok: true });
      expect(
        await warm.dispatch('reports.submit', { periodId: p.id, unitId: ids[3]!, receivedDate: p.deadline }),
      ).toMatchObject({ ok: true });
      await warm.settled();
      expect(compiles).toHaveBeenCalledTimes(1);
      const opened = (await warm.dispatch('compile.draft', args)) as Result<{ compile: { current: unknown } }>;
      // answered from what was taken again: no compile when opened
      expect(compiles).toHaveBeenCalledTimes(1);
      // and the same as a compile read afresh, without any kept read
      compiles.mockRestore();
      const fresh = await screenDraft.get(core.db, args);
      expect(opened.ok && opened.value.compile.current).toMatchObject({
        unitCount: 4,
        status: { counts: { received: 4 } },
      });
      expect(JSON.stringify(opened)).toBe(
        JSON.stringify({ ok: true, value: { ...screenView(fresh), lines: unitLines(fresh, 0, 30) } }),
      );
    } finally {
      compiles.mockRestore();
      await warm.stop();
    }
  });

  it('waits for calls to end and for the idle time, and stops before the database closes', async () => {
    const warm = warmAfterChanges(core, createDispatch(core), 0);
    const reads: string[] = [];
    const read = counted(reads);
    await read('screen');
    await write('x');
    await warm.dispatch('units.list', {});
    await warm.settled();
    expect(reads).toEqual(['screen', 'screen']);
    await warm.stop();
    await write('y');
    await warm.dispatch('units.list', {});
    await warm.settled();
    // stopped: nothing more is taken again
    expect(reads).toEqual(['screen', 'screen']);
    // and waiting while a call runs ends with the call
    const call = warm.dispatch('units.list', {});
    await Promise.all([warm.settled(), call]);
  });
});
