// The benchmarks' bulk data set (bench/lib/bulk-seed.ts) is the very data the app's services write
// when each report is saved and submitted: every row of the reporting tables equal apart from the
// moments it was written, and so Tổng hợp's figures are equal too. The bench's 10,000 units are
// seeded in bulk on the strength of this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Core } from '../../src/main/core/core';
import { compileWindow } from '../../src/main/features/compile/compile';
import { windowInput } from '../../src/shared/contract/compile';
import { seed } from '../../bench/lib/seed';
import { bulkSeed } from '../../bench/lib/bulk-seed';
import { freshCore } from './helpers';

const UNITS = 20;
let bySteps: Core;
let inBulk: Core;

beforeAll(async () => {
  bySteps = await freshCore();
  inBulk = await freshCore();
  await seed(bySteps.db, UNITS, [], []);
  await bulkSeed(inBulk, UNITS);
}, 0);
afterAll(async () => {
  await bySteps?.close();
  await inBulk?.close();
});

const MOMENTS = new Set(['created_at', 'updated_at', 'at', 'expected_frozen_at']);

/** A table's rows in key order, without the moments they were written. */
async function rows(core: Core, table: string, orderBy: string): Promise<Record<string, unknown>[]> {
  const all = (
    await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(orderBy)}`.execute(core.db)
  ).rows;
  return all.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !MOMENTS.has(k))));
}

/** The moments things were written (the template's, the periods') become one placeholder. */
const withoutMoments = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(x) ? '<moment>' : x,
    ),
  );

describe('the bench’s bulk data set', () => {
  it.each([
    ['units', 'id'],
    ['periods', 'id'],
    ['period_expected', 'period_id, unit_id'],
    ['reports', 'id'],
    ['report_values', 'report_id, field_key'],
    ['report_revisions', 'id'],
    ['report_value_changes', 'id'],
    ['report_events', 'id'],
    ['report_event_dates', 'event_id'],
  ])('writes the same %s rows as saving and submitting each report', async (table, key) => {
    const expected = await rows(bySteps, table, key);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows(inBulk, table, key)).toEqual(expected);
  });

  it('gives the same Tổng hợp figures', async () => {
    const periods = await bySteps.db.selectFrom('periods').select('id').orderBy('id').execute();
    const args = windowInput.parse({ periodIds: [periods.at(-1)!.id], today: '2026-01-01' });
    expect(withoutMoments(await compileWindow(inBulk.db, args))).toEqual(
      withoutMoments(await compileWindow(bySteps.db, args)),
    );
  });
});
