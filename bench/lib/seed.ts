// The benchmarks' data set: a register of n units, ten yearly periods of the default template and
// every unit's figures submitted, as the app itself stores them (shared by compile and screens).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { migrations } from '../../src/main/db/migrations';
import type { DB } from '../../src/main/db/schema';
import { insertUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { saveReportValuesIn } from '../../src/main/features/reports/reports';
import { transitionReportIn } from '../../src/main/features/reports/approval';
import { saveAgency } from '../../src/main/features/agency/agency';
import { agencyInput } from '../../src/shared/contract/agency';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../../src/shared/contract/reports';

export const PERIODS = 10;
const COUNTS = [
  'LD01',
  'LD02',
  'LD03',
  'TD01',
  'TD02',
  'DT01',
  'DT02',
  'DT03',
  'DN01',
  'DN02',
  'DN03',
  'DN04',
  'HC01',
  'HC02',
  'HC03',
  'DV01',
  'DV02',
];
export const KINDS = ['so_nganh', 'ubnd_xa', 'ubnd_phuong'] as const;

/** Whether unit `k` never reports in period `p` (every 17th unit, in turn). */
export const silent = (k: number, p: number): boolean => (k + p) % 17 === 0;

/** What unit `k` types for period `p`: the counts, and DV04 (yes/no). */
export function valuesOf(k: number, p: number): { key: string; input: string }[] {
  const values = COUNTS.map((code, j) => ({
    key: code,
    input: String(
      ((k * 7 + j * 13 + p) % 50) + (code === 'DT03' || code === 'DN04' || code === 'HC03' || code === 'DV02' ? 0 : 50),
    ),
  }));
  values.push({ key: 'DV04', input: k % 4 === 0 ? 'Không' : 'Có' });
  return values;
}

/** `units` units of three kinds, ten yearly periods of the default template, each unit's values submitted
 * (every 17th unit missing in turn). */
export async function seed(db: Kysely<DB>, units: number, unitIds: number[], periodIds: number[]): Promise<void> {
  await seedRegister(db, units, unitIds, periodIds);
  for (const [p, periodId] of periodIds.entries()) {
    await db.transaction().execute(async (trx) => {
      for (const [k, unitId] of unitIds.entries()) {
        if (silent(k, p)) continue;
        await saveReportValuesIn(
          trx,
          saveValuesInput.parse({ periodId, unitId, actor: 'bench', values: valuesOf(k, p) }),
        );
        await transitionReportIn(
          trx,
          transitionInput.parse({
            periodId,
            unitId,
            to: 'da_nop',
            receivedDate: `${2016 + p}-12-10`,
            channel: 'typed',
            actor: 'bench',
          }),
        );
      }
    });
  }
}

/** The agency, the register of units and the ten periods (their expected lists frozen), through the app's services. */
export async function seedRegister(
  db: Kysely<DB>,
  units: number,
  unitIds: number[],
  periodIds: number[],
): Promise<void> {
  await saveAgency(
    db,
    agencyInput.parse({
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [
        { fullName: 'Nguyễn Văn Ánh', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
      ],
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < units; i++) {
      const kind = KINDS[i % 3]!;
      unitIds.push(
        (
          await insertUnit(
            trx,
            {
              code: `U${i}`,
              name: `Đơn vị số ${i}`,
              shortName: '',
              kind,
              parentId: null,
              email: '',
              contactPerson: '',
              phone: '',
              activeFrom: null,
              activeTo: null,
              // What the register would give the next unit (the last one's + 10), without asking it
              // each time: asking scans the register, 10,000 times over for 10,000 units.
              sortOrder: (i + 1) * 10,
            },
            new Date(),
            true,
          )
        ).id,
      );
    }
  });
  const templateId = (await listTemplates(db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  for (let p = 0; p < PERIODS; p++) {
    const period = await createPeriod(
      db,
      periodInput.parse({ type: 'year', year: 2016 + p, templateId, expected: { mode: 'kinds', kinds: [...KINDS] } }),
    );
    periodIds.push(period.id);
  }
}

/** A copy of the data set of `units` units, seeded once and kept in the temp folder (keyed by schema and seed). */
export async function seededCopy(units: number): Promise<string> {
  const key = crypto
    .createHash('sha1')
    // every migration's name: one landing below the last (ranges land in any order) still seeds afresh
    .update(Object.keys(migrations).join() + seed.toString())
    .digest('hex')
    .slice(0, 10);
  const keep = path.join(os.tmpdir(), `bcnv-bench-screens-${units}-${key}.db`);
  if (!fs.existsSync(keep)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-seed-'));
    const core = await openCore({ dbPath: path.join(dir, 'seed.db'), platform: folderPlatform(dir) });
    const t0 = performance.now();
    await seed(core.db, units, [], []);
    await sql`VACUUM INTO ${keep + '.part'}`.execute(core.db);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(keep + '.part', keep);
    console.log(`seeded ${units} units × 10 periods in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-screens-'));
  fs.copyFileSync(keep, path.join(dir, 'data.db'));
  return path.join(dir, 'data.db');
}
