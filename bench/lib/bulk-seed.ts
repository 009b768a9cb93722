// The benchmarks' data set written in bulk: the same register and periods through the app's
// services (seedRegister), then each period's reports as multi-row INSERTs in one transaction,
// the very rows that saving and submitting each report writes (values, the first revision and its
// changes, the two status events and their days); tests/unit/bench-seed.test.ts checks that they
// equal the services' rows. Seeding 10,000 units × 10 periods report by report takes the best part
// of an hour; this takes about a minute. The audit triggers are off while it runs: a made-up data
// set is not a change anyone made (as a copy is not).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openCore } from '../../src/main/app';
import type { Core } from '../../src/main/core/core';
import { latestMigration } from '../../src/main/db/migrations';
import type { DB } from '../../src/main/db/schema';
import { folderPlatform } from '../../src/main/platform/platform';
import { formatDateShort, todayIso } from '../../src/shared/format';
import { seedRegister, silent, valuesOf } from './seed';
import { getTemplate } from '../../src/main/features/templates/templates';
import { breachCounter } from '../../src/main/features/reports/rule-checks';
import { standingOfEvents } from '../../src/main/features/reports/standings-kept';

const ACTOR = 'bench';

/** Rows of one table in statements of at most `size` rows (well under both engines' parameter limits). */
async function insertAll<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Record<string, unknown>[],
  size: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

/** Ids of the rows just inserted, in insertion order (each table's ids count up from the last one). */
async function insertReturningIds<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Record<string, unknown>[],
  size: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const got = (await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .returning('id' as never)
      .execute()) as unknown as { id: number }[];
    ids.push(...got.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** The stored form of what `valuesOf` types: integers, DV04 yes → 1, no → 0. */
const stored = (input: string): number => (input === 'Có' ? 1 : input === 'Không' ? 0 : Number(input));

/** The same data set as `seed` (bench/lib/seed.ts), written in bulk on the core's database. */
export async function bulkSeed(core: Core, units: number, now = new Date()): Promise<void> {
  const unitIds: number[] = [];
  const periodIds: number[] = [];
  await seedRegister(core.db, units, unitIds, periodIds);
  await core.database.dropAuditTriggers();
  try {
    for (const [p, periodId] of periodIds.entries()) {
      const at = now.toISOString();
      const received = `${2016 + p}-12-10`;
      const period = await core.db
        .selectFrom('periods')
        .select('template_id')
        .where('id', '=', periodId)
        .executeTakeFirstOrThrow();
      const breaches = breachCounter(await getTemplate(core.db, period.template_id));
      await core.db.transaction().execute(async (trx) => {
        const reporting = unitIds.map((unitId, k) => ({ unitId, k })).filter(({ k }) => !silent(k, p));
        const values = reporting.map(({ k }) => valuesOf(k, p));
        const reportIds = await insertReturningIds(
          trx,
          'reports',
          reporting.map(({ unitId }, i) => ({
            period_id: periodId,
            unit_id: unitId,
            status: 'da_nop',
            received_date: received,
            channel: 'typed',
            revision: 1,
            created_at: at,
            updated_at: at,
            // kept with the values' revision, as saving does (reports/rule-checks.ts)
            breach_count: breaches.count(Object.fromEntries(values[i]!.map((v) => [v.key, String(stored(v.input))]))),
            breach_revision: 1,
          })),
          500,
        );
        await insertAll(
          trx,
          'report_values',
          reportIds.flatMap((reportId, i) =>
            values[i]!.map((v) => ({ report_id: reportId, field_key: v.key, int_value: stored(v.input) })),
          ),
          1000,
        );
        const revisionIds = await insertReturningIds(
          trx,
          'report_revisions',
          reportIds.map((reportId) => ({ report_id: reportId, number: 1, actor: ACTOR, at, note: '' })),
          1000,
        );
        await insertAll(
          trx,
          'report_value_changes',
          revisionIds.flatMap((revisionId, i) =>
            values[i]!.map((v) => ({
              revision_id: revisionId,
              field_key: v.key,
              old_value: null,
              new_value: String(stored(v.input)),
            })),
          ),
          1000,
        );
        const eventIds = await insertReturningIds(
          trx,
          'report_events',
          reportIds.flatMap((reportId) => [
            {
              report_id: reportId,
              from_status: 'chua_nop',
              to_status: 'dang_nhap',
              actor: ACTOR,
              at,
              note: 'Bắt đầu nhập',
            },
            {
              report_id: reportId,
              from_status: 'dang_nhap',
              to_status: 'da_nop',
              actor: ACTOR,
              at,
              note: `Ngày nhận ${formatDateShort(received)}`,
            },
          ]),
          1000,
        );
        await insertAll(
          trx,
          'report_event_dates',
          eventIds.map((eventId, i) => ({ event_id: eventId, on_date: i % 2 === 0 ? todayIso(now) : received })),
          1000,
        );
        // the day from which each row is its standing, as saving and submitting keep it (standings-kept.ts)
        for (const [i, reportId] of reportIds.entries())
          await trx
            .updateTable('reports')
            .set(
              standingOfEvents('da_nop', received, [
                { id: eventIds[2 * i]!, to: 'dang_nhap', onDate: todayIso(now) },
                { id: eventIds[2 * i + 1]!, to: 'da_nop', onDate: received },
              ]),
            )
            .where('id', '=', reportId)
            .execute();
      });
    }
  } finally {
    await core.database.installAuditTriggers();
  }
}

/**
 * The data set of `units` units as a SQLite file, written once and kept in the temp folder (keyed
 * by the schema and the seed's code); returns the kept file (copy it before opening it).
 */
export async function bulkSeededFile(units: number): Promise<{ file: string; seededMs: number | null }> {
  const key = crypto
    .createHash('sha1')
    .update(latestMigration + bulkSeed.toString() + seedRegister.toString() + valuesOf.toString())
    .digest('hex')
    .slice(0, 10);
  const keep = path.join(os.tmpdir(), `bcnv-bench-bulk-${units}-${key}.db`);
  if (fs.existsSync(keep)) return { file: keep, seededMs: null };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-bulk-'));
  const core = await openCore({ dbPath: path.join(dir, 'seed.db'), platform: folderPlatform(dir) });
  const t0 = performance.now();
  await bulkSeed(core, units);
  const seededMs = performance.now() - t0;
  await sql`VACUUM INTO ${keep + '.part'}`.execute(core.db);
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(keep + '.part', keep);
  return { file: keep, seededMs };
}
