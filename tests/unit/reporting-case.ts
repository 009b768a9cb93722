// The shared case of the reporting tests: a fresh database each time, units, the default template,
// periods, saving and moving reports. The state is read through live bindings.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { saveReportValues } from '../../src/main/features/reports/reports';
import { transitionReport } from '../../src/main/features/reports/approval';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../../src/shared/contract/reports';
import { type ReportStatus } from '../../src/shared/model/report';
import type { UnitKind } from '../../src/shared/model/unit';
import { freshCore, tempDir } from './helpers';
import { blankUnit, expectAppError } from './refusals';

export let core: Core;
export let dir: string;

/** For a test that closes the database and opens it again. */
export async function reopenCore(): Promise<void> {
  core = await freshCore({ dir, exports: dir });
}

/** Each test of the file that calls this gets the case fresh. */
export function useReportingCase(): void {
  beforeEach(async () => {
    dir = tempDir('bcnv-reporting-');
    core = await freshCore({ dir, exports: dir });
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', name)));

export async function unit(code: string, kind: UnitKind = 'so_nganh', activeFrom: string | null = null) {
  return createUnit(core.db, blankUnit(code, { kind, activeFrom }));
}

export async function defaultTemplateId(): Promise<number> {
  return (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
}

export const period = (over: Record<string, unknown> = {}) =>
  periodInput.parse({
    type: 'half',
    year: 2025,
    templateId: 0,
    expected: { mode: 'kinds', kinds: ['so_nganh', 'ubnd_xa'] },
    ...over,
  });

export { expectAppError };

export const save = (
  periodId: number,
  unitId: number,
  values: Record<string, string | number | boolean | null>,
  reasons: Record<string, string> = {},
  actor = 'Chuyên viên A',
) =>
  saveReportValues(
    core.db,
    saveValuesInput.parse({
      periodId,
      unitId,
      actor,
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
      reasons: Object.entries(reasons).map(([expression, reason]) => ({ expression, reason })),
    }),
  );

export const move = (periodId: number, unitId: number, to: ReportStatus, extra: Record<string, unknown> = {}) =>
  transitionReport(core.db, transitionInput.parse({ periodId, unitId, to, actor: 'Chuyên viên B', ...extra }));
