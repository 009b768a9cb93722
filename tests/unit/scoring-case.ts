// The shared case of the scoring tests: a fresh database (opened files recorded), criteria sets,
// units, rounds and a refusal catcher. The state is read through live bindings.
import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { saveCriteriaSet } from '../../src/main/features/scoring/criteria-sets';
import { saveScores } from '../../src/main/features/scoring/unit-scoring';
import { createRound } from '../../src/main/features/scoring/rounds';
import {
  criteriaSetInput,
  roundInput,
  saveScoresInput,
  type CriteriaSetInput,
} from '../../src/shared/contract/scoring';
import type { CriteriaSetContent, ScoreClass } from '../../src/shared/model/scoring';
import type { UnitKind } from '../../src/shared/model/unit';
import { AppError } from '../../src/shared/errors';
import { tempDir, freshCore } from './helpers';
import { blankUnit } from './refusals';
import defaultFile from '../../resources/scoring/dan-van-chinh-quyen.json';

export let core: Core;
export let dir: string;
export let opened: string[];

/** Each test of the file that calls this gets the case fresh. */
export function useScoringCase(): void {
  beforeEach(async () => {
    dir = tempDir('bcnv-scoring-');
    opened = [];
    core = await freshCore({ dir, platform: { opened } });
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export const DEFAULT_CLASSES: ScoreClass[] = defaultFile.classes as ScoreClass[];
export const STAR_CLASSES: ScoreClass[] = [
  { code: '4S', label: '4 sao', from: 95, to: null },
  { code: '3S', label: '3 sao', from: 90, to: 95 },
  { code: '2S', label: '2 sao', from: 80, to: 90 },
  { code: '1S', label: '1 sao', from: 0, to: 80 },
];

export function defaultContent(): CriteriaSetContent {
  const { format: _f, formatVersion: _v, version: _ver, ...rest } = defaultFile;
  return criteriaSetInput.parse(rest);
}

/** A small set: two groups (60 + 40), bonus cap 5 from two items of 3, deductions capped at 8. */
export function smallSet(over: Partial<CriteriaSetInput> = {}): CriteriaSetInput {
  return {
    code: 'bo-nho',
    name: 'Bộ nhỏ',
    province: 'Thử',
    year: 2025,
    totalPoints: 100,
    groups: [
      {
        code: 'A',
        title: 'Nhóm A',
        maxPoints: 60,
        criteria: [
          { code: 'A1', title: 'Tiêu chí A1', maxPoints: 30 },
          { code: 'A2', title: 'Tiêu chí A2', maxPoints: 30 },
        ],
      },
      { code: 'B', title: 'Nhóm B', maxPoints: 40, criteria: [{ code: 'B1', title: 'Tiêu chí B1', maxPoints: 40 }] },
    ],
    bonus: {
      cap: 5,
      items: [
        { code: 'T1', title: 'Thưởng 1', maxPoints: 3 },
        { code: 'T2', title: 'Thưởng 2', maxPoints: 3 },
      ],
    },
    deductions: {
      cap: 8,
      items: [
        { code: 'D1', title: 'Trừ 1', maxPoints: 5 },
        { code: 'D2', title: 'Trừ 2', maxPoints: 5 },
      ],
    },
    classes: DEFAULT_CLASSES,
    ...over,
  };
}

export const scores = (o: Record<string, number | null>) => new Map(Object.entries(o));

export async function unit(code: string, kind: UnitKind = 'so_nganh') {
  return createUnit(core.db, blankUnit(code, { kind }));
}

export async function saveSet(input: CriteriaSetInput = smallSet()) {
  return (await saveCriteriaSet(core.db, null, criteriaSetInput.parse(input))).set;
}

export async function round(setId: number, unitIds?: number[]) {
  return createRound(core.db, roundInput.parse({ year: 2025, setId, unitIds }));
}

export const save = (
  roundId: number,
  unitId: number,
  side: 'self' | 'appraisal',
  lines: { code: string; score: number | null; note?: string }[],
) => saveScores(core.db, saveScoresInput.parse({ roundId, unitId, side, lines }));

export async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
