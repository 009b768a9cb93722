// The first-start checklist's facts come from the data: each step is done only when its rows exist
// (the agency named, units, a directive, a period, a report received — a report only saved is not).
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import type { SetupProgress } from '../../src/shared/model/setup';
import { freshCore, tempDir } from './helpers';
import { setupCollect } from './collect-helpers';

let core: Core;
let dir: string;
beforeEach(async () => {
  dir = tempDir('bcnv-setup-');
  core = await freshCore(dir);
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('ticks each step from the data', async () => {
  const dispatch = createDispatch(core);
  const progress = async () => {
    const r = await dispatch('dashboard.setup', undefined);
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value as SetupProgress;
    return [p.complete, ...p.steps.map((s) => `${s.key}:${s.done ? s.count : '-'}`)];
  };
  expect(await progress()).toEqual([false, 'agency:-', 'units:-', 'plans:-', 'periods:-', 'reports:-']);
  const s = await setupCollect(core.db, 4);
  expect(await progress()).toEqual([false, 'agency:1', 'units:4', 'plans:-', 'periods:1', 'reports:-']);
  const unitId = s.units[0]!.id;
  await dispatch('reports.save', { periodId: s.period.id, unitId, values: [{ key: 'DT01', input: 2 }] });
  expect((await progress()).at(-1)).toBe('reports:-');
  const submitted = await dispatch('reports.submit', { periodId: s.period.id, unitId, receivedDate: '2025-06-10' });
  expect(submitted.ok).toBe(true);
  expect((await progress()).at(-1)).toBe('reports:1');
});
