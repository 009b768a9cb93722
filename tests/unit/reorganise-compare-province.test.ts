// Issue 20, "done when": a province of 200 units reorganised into 60 by the realistic annex
// (merges, one split 60/40, renames, abolished districts); the third quarter of 2025 compared with
// that of 2024: every restated figure equals the hand computation from the old units' values
// (computed here from the annex rows, independently of the app's lineage code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { showCompile } from '../../src/main/features/compile/compile';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { periodInput } from '../../src/shared/contract/periods';
import { windowInput } from '../../src/shared/contract/compile';
import type { CompileResult } from '../../src/shared/model/compile';
import { freshCore } from './helpers';
import { report } from './compile-fixture';
import { DATE, DISTRICTS, mappingWorkbook, provinceMapping, seedProvince } from './reorganise-fixture';

let core: Core;
let c: CompileResult;
/** This year's values of each unit of today, by code. */
const current: Record<string, Record<string, number>> = {};
/** Last year's values of each old unit: distinct, so that a wrong mapping cannot hide. */
const valuesOf = (code: string): Record<string, number> => {
  const m = /^H(\d+)(?:X(\d+))?$/.exec(code)!;
  const d = Number(m[1]);
  const x = m[2] ? Number(m[2]) : 0;
  return x ? { DT01: d * 100 + x, DT02: 10 * x + d, DT03: x } : { DT01: 1000 + d, DT02: 5, DT03: 1 };
};

beforeAll(async () => {
  core = await freshCore();
  await seedProvince(core.db);
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  const expected = { mode: 'kinds', kinds: ['ubnd_xa', 'ubnd_phuong', 'ubnd_huyen'] };
  const quarter = async (year: number) =>
    (await createPeriod(core.db, periodInput.parse({ type: 'quarter', year, index: 3, templateId, expected }))).id;
  const p2024 = await quarter(2024);
  const old = await core.db.selectFrom('units').select(['id', 'code']).where('code', 'like', 'H%').execute();
  for (const u of old.filter((x) => x.code !== 'H1PNV'))
    await report(core, p2024, u.id, valuesOf(u.code), '2024-10-10');
  await applyReorganisation(
    core.db,
    'phu-luc.xlsx',
    await mappingWorkbook(provinceMapping()),
    DATE,
    new Date('2025-07-05T08:00:00Z'),
  );
  const p2025 = await quarter(2025);
  // This year: each unit of today that reports (the 50 xã/phường) sends distinct values.
  const now = await core.db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('active_to', 'is', null)
    .where('kind', 'in', ['ubnd_xa', 'ubnd_phuong'])
    .orderBy('code')
    .execute();
  now.forEach((u, k) => (current[u.code] = { DT01: 50 + k, DT02: 300 + 2 * k, DT03: 100 + k }));
  for (const u of now) await report(core, p2025, u.id, current[u.code]!, '2025-10-10');
  c = await showCompile(core.db, windowInput.parse({ periodIds: [p2025], today: '2025-10-20' }));
}, 120_000);
afterAll(async () => {
  await core.close();
});

describe('200 units into 60: last year compared on the new units', () => {
  it('restates every new unit as the sum of its old units, the split by 60/40', () => {
    // The hand computation: each annex row adds the old unit's value (times its share) to the new code.
    const hand = new Map<string, Record<string, number>>();
    for (const r of provinceMapping()) {
      if (!r.newCode) continue;
      const share =
        r.share === null ? 1 : typeof r.share === 'number' ? r.share : Number(r.share.replace('%', '')) / 100;
      const acc = hand.get(r.newCode) ?? { DT01: 0, DT02: 0, DT03: 0 };
      for (const [k, v] of Object.entries(valuesOf(r.oldCode))) acc[k] = acc[k]! + v * share;
      hand.set(r.newCode, acc);
    }
    const r = c.restatement!;
    // Units that only go on under their own code (…X17, renamed in place) compare with themselves.
    const listed = new Map(r.units.map((u) => [u.code, u]));
    let checked = 0;
    for (const [code, want] of hand) {
      if (/^H\d+X17$/.test(code)) {
        expect(listed.has(code)).toBe(false);
        continue;
      }
      const got = listed.get(code)!;
      for (const k of ['DT01', 'DT02', 'DT03']) expect(Number(got.values[k]), `${code} ${k}`).toBeCloseTo(want[k]!, 10);
      expect(got.note).toBe('');
      checked++;
    }
    expect(checked).toBe(DISTRICTS * 4);
    expect(listed.get('X1-1')!.values.DT01).toBe(String(101 + 102 + 103 + 104 + 105 + 0.6 * 118));
    expect(listed.get('X1-2')!.sources.map((s) => [s.code, s.weight])).toContainEqual(['H1X18', 0.4]);
  });

  it('gives totals from the communes only (the ten districts abolished, named) and rates from the restated parts', () => {
    let dt01 = 0;
    let dt02 = 0;
    let dt03 = 0;
    for (let d = 1; d <= DISTRICTS; d++)
      for (let x = 1; x <= 18; x++) {
        const v = valuesOf(`H${d}X${x}`);
        dt01 += v.DT01!;
        dt02 += v.DT02!;
        dt03 += v.DT03!;
      }
    const prev = (code: string) => c.previous!.indicators.find((i) => i.code === code)!;
    expect(prev('DT01').value).toBe(String(dt01));
    expect(prev('DT04')).toMatchObject({ numerator: String(dt03), denominator: String(dt02) });
    expect(c.restatement!.dropped.map((u) => u.code).sort()).toEqual(
      Array.from({ length: DISTRICTS }, (_, i) => `H${i + 1}`).sort(),
    );
    expect(c.restatement!.footnote).toMatch(/không tính số liệu của 10 đơn vị đã giải thể/);
  });
});

describe('the compared figures, by hand', () => {
  it('gives this year, last year restated and the change of every added-up figure and the rate', () => {
    const sum = (vals: Record<string, number>[], k: string) => vals.reduce((t, v) => t + v[k]!, 0);
    const nowVals = Object.values(current);
    expect(nowVals).toHaveLength(DISTRICTS * 5);
    // Last year: every commune's value (the districts abolished, left out), by the annex's rows.
    const lastYear = [
      ...new Set(
        provinceMapping()
          .filter((r) => r.newCode)
          .map((r) => r.oldCode),
      ),
    ].map(valuesOf);
    for (const k of ['DT01', 'DT02', 'DT03']) {
      const row = c.comparison.find((x) => x.code === k)!;
      expect(row, k).toMatchObject({
        current: String(sum(nowVals, k)),
        previous: String(sum(lastYear, k)),
        delta: String(sum(nowVals, k) - sum(lastYear, k)),
      });
    }
    // The rate: each side from its own summed parts, the change in percentage points.
    const pct = (n: number, d: number) => Math.round((n / d) * 10000) / 100;
    const cur = pct(sum(nowVals, 'DT03'), sum(nowVals, 'DT02'));
    const prev = pct(sum(lastYear, 'DT03'), sum(lastYear, 'DT02'));
    const dt04 = c.comparison.find((x) => x.code === 'DT04')!;
    expect(Number(dt04.current)).toBeCloseTo(cur, 10);
    expect(Number(dt04.previous)).toBeCloseTo(prev, 10);
    expect(Number(dt04.delta)).toBeCloseTo(cur - prev, 10);
  });
});
