// The shared case of the collect tests: a fresh database with 3 units and their exported workbooks,
// and the checks that a bad file is refused with nothing stored. The state is read through live bindings.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { AppError } from '../../src/shared/errors';
import type { ReviewItem } from '../../src/shared/model/collect';
import { dataFingerprint, freshCore, tempDir } from './helpers';
import { filesIn, readBytes, setupCollect, type CollectSetup } from './collect-helpers';
import { expectAppError } from './refusals';

export let core: Core;
export let dir: string;
export let s: CollectSetup;
export let out: string;

/** For a test that closed the database to let the command line use it. */
export async function reopenCore(): Promise<void> {
  core = await freshCore(dir);
}

/** Each test of the file that calls this gets a fresh database with 3 units and their workbooks exported. */
export function useCollectCase(): void {
  beforeEach(async () => {
    dir = tempDir('bcnv-collect-');
    core = await freshCore(dir);
    s = await setupCollect(core.db, 3);
    out = path.join(dir, 'out');
    await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export const book = (i: number) => readBytes(filesIn(out)[i]!);
export const analyze = (files: { fileName: string; data: Uint8Array }[], periodId = s.period.id, jobId?: string) =>
  analyzeCollect(core, periodId, files, jobId);
export const sourcesDir = () => path.join(core.dataDir, 'sources');
export const countSources = () =>
  fs.existsSync(sourcesDir())
    ? fs.readdirSync(sourcesDir(), { recursive: true }).filter((f) => String(f).endsWith('.xlsx')).length
    : 0;

/** Analyses one bad file: it must be a problem, its message must match, and nothing may be stored. */
export async function expectProblem(fileName: string, data: Uint8Array, pattern: RegExp): Promise<ReviewItem> {
  const before = await dataFingerprint(core);
  const sourcesBefore = countSources();
  const review = await analyze([{ fileName, data }]);
  const item = review.items[0]!;
  expect(item.status).toBe('problem');
  expect(item.acceptable).toBe(false);
  expect(item.problems[0]!.message).toMatch(pattern);
  expect(item.problems[0]!.message).toContain(fileName);
  await expect(commitCollect(core, review.batchId, [{ index: 0, map: false }])).rejects.toThrow(AppError);
  expect(await dataFingerprint(core)).toBe(before);
  expect(countSources()).toBe(sourcesBefore);
  return item;
}

/** The refusal check every service test uses, under the name these tests know it by. */
export const expectRefusal = expectAppError;
