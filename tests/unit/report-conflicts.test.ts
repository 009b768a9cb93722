// Two people editing the same report (issue 19): each save names the revision it was made on; a
// save made on an older one is refused with who saved and when, and nothing of it is written. Runs
// on SQLite and, in the `postgres` project, with two clients of one PostgreSQL database racing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { getReportForm, saveReportValues } from '../../src/main/features/reports/reports';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { AppError } from '../../src/shared/errors';
import { seedCompile, type CompileFixture } from './compile-fixture';
import { DEFAULT_ENGINE, freshCore, tempDir } from './helpers';

let dir: string;
let a: Core;
let b: Core;
let fx: CompileFixture;

beforeAll(async () => {
  dir = tempDir();
  a = await freshCore({ dir });
  fx = await seedCompile(a);
  // A second client on the same data: another laptop on the server, another process on the file.
  b = await freshCore({ dir });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const save = (core: Core, actor: string, values: Record<string, string>, expectedRevision: number | null) =>
  saveReportValues(
    core.db,
    saveValuesInput.parse({
      periodId: fx.period2025,
      unitId: fx.units.U5,
      actor,
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
      expectedRevision,
    }),
  );

describe(`two people editing one report (${DEFAULT_ENGINE})`, () => {
  it('refuses a save made on an older revision, naming who saved and when; nothing of it is written', async () => {
    const opened = (await getReportForm(a.db, fx.period2025, fx.units.U5)).report.revision;
    expect((await getReportForm(b.db, fx.period2025, fx.units.U5)).report.revision).toBe(opened);
    const first = await save(a, 'Nguyễn Văn A', { DT01: '7' }, opened);
    expect(first.report.revision).toBe(opened + 1);
    const refused = await save(b, 'Trần Thị B', { DT01: '9', DT02: '40' }, opened).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('EDIT_CONFLICT');
    expect((refused as AppError).message).toMatch(
      /^Báo cáo này đã được Nguyễn Văn A sửa lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(lần sửa thứ \d+\) sau khi anh\/chị mở\./,
    );
    const now = await getReportForm(b.db, fx.period2025, fx.units.U5);
    expect(now.values.DT01).toBe('7');
    expect(now.values.DT02 ?? null).toBeNull();
    // B sees A's change, and saves on it.
    const second = await save(b, 'Trần Thị B', { DT02: '40' }, now.report.revision);
    expect(second.values).toMatchObject({ DT01: '7', DT02: '40' });
  });

  // Racing needs two connections that wait for each other's lock: a server's clients do. Two SQLite
  // connections in one Node process cannot (better-sqlite3 waits for the lock synchronously).
  const racing = DEFAULT_ENGINE === 'postgres' ? it : null;
  racing?.(
    'of two saves racing on the same revision, one is kept and the other refused: no change is lost silently',
    async () => {
      const opened = (await getReportForm(a.db, fx.period2025, fx.units.U5)).report.revision;
      const results = await Promise.allSettled([
        save(a, 'Nguyễn Văn A', { DT03: '11' }, opened),
        save(b, 'Trần Thị B', { DT03: '22' }, opened),
      ]);
      const kept = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(kept).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(((refused[0] as PromiseRejectedResult).reason as AppError).code).toBe('EDIT_CONFLICT');
      const form = await getReportForm(a.db, fx.period2025, fx.units.U5);
      expect(form.report.revision).toBe(opened + 1);
      const winner = kept[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof save>>>;
      expect(form.values.DT03).toBe(winner.value.values.DT03);
    },
  );

  it('a save without a revision (scripts, the CLI) is not checked', async () => {
    const form = await save(a, 'Kịch bản', { DT01: '8' }, null);
    expect(form.values.DT01).toBe('8');
  });
});
