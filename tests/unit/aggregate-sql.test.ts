// The SQL path of Tổng hợp (src/main/compile/aggregate-sql.ts) against the pure rules of
// shared/aggregate.ts on random data sets: every figure, by kind, each unit's line and value,
// the notes and the targets must be the same, for one period and for windows of several
// (cumulative indicators, yes/no states, a template mix), with decimals, huge integers, texts,
// units that reported without being expected, and reports not counted (typing, returned).
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { aggregateWindow } from '../../src/main/features/compile/aggregate-sql';
import { aggregate } from '../../src/shared/domain/aggregate';
import { evaluateTargets } from '../../src/shared/domain/aggregate-compare';
import {
  rate,
  windowIndicators,
  type AggPeriod,
  type AggReport,
  type AggUnit,
} from '../../src/shared/domain/aggregate-figures';
import { ratePercent } from '../../src/shared/domain/decimal';
import { createUnit } from '../../src/main/features/units/units';
import { saveTemplate } from '../../src/main/features/templates/templates';
import { createPeriod, expectedUnitsOf, getPeriod } from '../../src/main/features/periods/periods';
import { getTemplate } from '../../src/main/features/templates/templates';
import { saveReportValues } from '../../src/main/features/reports/reports';
import { transitionReport } from '../../src/main/features/reports/approval';
import { todayIso } from '../../src/shared/format';
import { templateContentInput } from '../../src/shared/contract/templates';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../../src/shared/contract/reports';
import type { ReportStatus } from '../../src/shared/model/report';
import type { UnitKind } from '../../src/shared/model/unit';
import type { PlanTarget } from '../../src/shared/model/plan';
import { freshCore, tempDir } from './helpers';

let core: Core;
let dir: string;

beforeAll(async () => {
  dir = tempDir('bcnv-aggsql-');
  core = await freshCore({ dir, exports: dir });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ind = (code: string, type: string, rule: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Chỉ số ${code}`,
  unit: type === 'amount' ? 'triệu đồng' : 'cuộc',
  type,
  rule,
  group: code.slice(0, 1) === 'B' ? 'Nhóm B' : 'Nhóm A',
  ...over,
});

// The as-of day of both paths: today, so that every status recorded counts (as-of views: workflow.test.ts).
const TODAY = todayIso();

const MAIN = [
  ind('C1', 'count', 'SUM'),
  ind('C2', 'count', 'SUM'),
  ind('K1', 'count', 'SUM', { accumulation: 'cumulative' }),
  ind('A1', 'amount', 'SUM'),
  ind('N1', 'count', 'NONE'),
  ind('P1', 'percent', 'NONE'),
  ind('R1', 'percent', 'RATE', { numerator: 'C1', denominator: 'C2' }),
  ind('R2', 'percent', 'RATE', { numerator: 'A1', denominator: 'C2' }),
  ind('B1', 'yesno', 'SHARE'),
  ind('B2', 'yesno', 'SHARE', { accumulation: 'cumulative' }),
  ind('T1', 'text', 'TEXT'),
];
/** An older version: no A1 nor B2, a code the new one dropped. */
const OLD = [...MAIN.filter((i) => i.code !== 'A1' && i.code !== 'B2' && i.code !== 'R2'), ind('O1', 'count', 'SUM')];

/** A small deterministic generator (the data set must be the same on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Fixture {
  windows: number[][];
}

async function seed(rnd: () => number, tag: string): Promise<Fixture> {
  const template = async (code: string, indicators: typeof MAIN) =>
    (
      await saveTemplate(
        core.db,
        null,
        templateContentInput.parse({
          code,
          name: `Mẫu ${code}`,
          sections: [{ number: 'I', title: 'Nhóm A', hasText: true }],
          indicators,
        }),
      )
    ).template.id;
  const main = await template(`moi-${tag}`, MAIN);
  const old = await template(`cu-${tag}`, OLD);
  const kinds: UnitKind[] = ['so_nganh', 'ubnd_xa', 'ubnd_phuong', 'khac'];
  const units: number[] = [];
  for (let k = 0; k < 36; k++) {
    const u = await createUnit(core.db, {
      code: `${tag}-${String(k).padStart(2, '0')}`,
      name: `Đơn vị ${tag} ${k}`,
      shortName: '',
      kind: kinds[k % 4]!,
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    units.push(u.id);
  }
  const expected = { mode: 'kinds', kinds };
  const periods: number[] = [];
  for (const [year, index, templateId] of [
    [2024, 4, old],
    [2025, 1, main],
    [2025, 2, main],
    [2025, 3, main],
  ] as const) {
    const p = await createPeriod(
      core.db,
      periodInput.parse({ type: 'quarter', year, index, name: `Quý ${index}/${year} ${tag}`, templateId, expected }),
    );
    periods.push(p.id);
    const codes = templateId === main ? MAIN : OLD;
    for (const unitId of units) {
      const r = rnd();
      if (r < 0.12) continue; // never reported
      const values: { key: string; input: string }[] = [];
      for (const i of codes) {
        if (i.rule === 'RATE' || rnd() < 0.15) continue; // computed, or left blank
        const big = rnd() < 0.03;
        switch (i.type) {
          case 'count':
            values.push({
              key: i.code,
              input: big ? '9007199254740991' : String(Math.floor(rnd() * (rnd() < 0.2 ? 2 : 60))),
            });
            break;
          case 'amount':
          case 'percent':
            values.push({
              key: i.code,
              input: `${Math.floor(rnd() * 1000)},${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`,
            });
            break;
          case 'yesno':
            values.push({ key: i.code, input: rnd() < 0.6 ? 'Có' : 'Không' });
            break;
          case 'text':
            if (rnd() < 0.4) values.push({ key: i.code, input: `Ý kiến ${unitId} kỳ ${p.id}` });
            break;
        }
      }
      if (rnd() < 0.3) values.push({ key: 'muc:I', input: `Tường thuật của đơn vị ${unitId}` });
      if (values.length === 0) continue;
      await saveReportValues(core.db, saveValuesInput.parse({ periodId: p.id, unitId, actor: 'test', values }));
      const status: ReportStatus = r < 0.2 ? 'dang_nhap' : r < 0.8 ? 'da_nop' : r < 0.9 ? 'da_duyet' : 'tra_lai';
      if (status === 'dang_nhap') continue;
      const received = `${p.windowEnd.slice(0, 8)}${String(10 + Math.floor(rnd() * 18)).padStart(2, '0')}`;
      await transitionReport(
        core.db,
        transitionInput.parse({
          periodId: p.id,
          unitId,
          to: 'da_nop',
          receivedDate: received < p.windowEnd ? p.windowEnd : received,
          actor: 'test',
        }),
      );
      if (status !== 'da_nop')
        await transitionReport(
          core.db,
          transitionInput.parse({ periodId: p.id, unitId, to: status, actor: 'test', note: 'x' }),
        );
    }
  }
  // Units closed since they reported, and taken off the periods' (frozen) lists: not expected, yet
  // their reports count.
  const closed = units.filter((_, k) => k % 7 === 3);
  await core.db.updateTable('units').set({ active_to: '2024-06-30' }).where('id', 'in', closed).execute();
  await core.db.deleteFrom('period_expected').where('unit_id', 'in', closed).execute();
  return {
    windows: [
      [periods[1]!],
      [periods[3]!],
      [periods[0]!],
      [periods[1]!, periods[2]!, periods[3]!],
      [periods[0]!, periods[1]!],
    ],
  };
}

/** The pure path's input: every report of the period with every stored value. */
async function loadPure(periodId: number): Promise<AggPeriod> {
  const period = await getPeriod(core.db, periodId);
  const template = await getTemplate(core.db, period.templateId);
  const expected = await expectedUnitsOf(core.db, period);
  const rows = await core.db
    .selectFrom('reports as r')
    .leftJoin('report_values as v', 'v.report_id', 'r.id')
    .select(['r.unit_id', 'r.status', 'r.received_date', 'v.field_key', 'v.int_value', 'v.dec_value', 'v.text_value'])
    .where('r.period_id', '=', periodId)
    .execute();
  const reports = new Map<number, AggReport>();
  for (const row of rows) {
    let r = reports.get(row.unit_id);
    if (!r)
      reports.set(
        row.unit_id,
        (r = { unitId: row.unit_id, status: row.status as ReportStatus, receivedDate: row.received_date, values: {} }),
      );
    if (row.field_key !== null)
      r.values[row.field_key] =
        row.int_value !== null ? String(row.int_value) : (row.dec_value ?? row.text_value ?? '');
  }
  return {
    id: period.id,
    name: period.name,
    windowStart: period.windowStart,
    windowEnd: period.windowEnd,
    deadline: period.deadline,
    indicators: template.indicators,
    templateLabel: `“${template.name}” phiên bản ${template.version}`,
    expectedUnitIds: expected.map((u) => u.id),
    reports: [...reports.values()],
  };
}

async function allUnits(): Promise<AggUnit[]> {
  const rows = await core.db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind }));
}

const TARGETS: PlanTarget[] = [
  {
    text: 'Tổng C1',
    indicatorCode: 'C1',
    comparator: 'it_nhat',
    value: '500',
    valueUnit: 'cuộc',
    unitKinds: [],
    scope: 'total',
  },
  {
    text: '100% đơn vị có C2',
    indicatorCode: 'C2',
    comparator: 'it_nhat',
    value: '100',
    valueUnit: '%',
    unitKinds: [],
    scope: 'rate',
  },
  {
    text: 'Tỷ lệ B1 ở xã',
    indicatorCode: 'B1',
    comparator: 'tren',
    value: '50',
    valueUnit: '%',
    unitKinds: ['ubnd_xa'],
    scope: 'rate',
  },
  {
    text: 'R2',
    indicatorCode: 'R2',
    comparator: 'duoi',
    value: '40',
    valueUnit: '%',
    unitKinds: ['so_nganh', 'ubnd_phuong'],
    scope: 'rate',
  },
  {
    text: 'A1 ở phường',
    indicatorCode: 'A1',
    comparator: 'khong_qua',
    value: '3000.5',
    valueUnit: 'triệu đồng',
    unitKinds: ['ubnd_phuong'],
    scope: 'total',
  },
];

describe('SQL totals equal the pure rules', () => {
  for (const seedValue of [1, 7, 2025]) {
    it(`random data set ${seedValue}: every window, with and without each unit's values`, async () => {
      const fx = await seed(random(seedValue), `s${seedValue}`);
      const units = await allUnits();
      for (const ids of fx.windows) {
        const pure = await Promise.all(ids.map(loadPure));
        const expectedPure = aggregate(pure, units, TODAY);
        const last = [...pure].sort((a, b) => a.windowEnd.localeCompare(b.windowEnd)).at(-1)!;
        const lastPeriod = await getPeriod(core.db, last.id);
        const expectedUnits = await expectedUnitsOf(core.db, lastPeriod);
        const infos = pure.map(({ reports: _r, ...info }) => info);

        const withValues = await aggregateWindow(core.db, infos, expectedUnits, TODAY, { detail: true });
        expect(withValues.aggregation).toEqual(expectedPure);
        // The data set really exercises the rules.
        expect(expectedPure.indicators.find((i) => i.code === 'C1')!.value).not.toBeNull();
        expect(expectedPure.units.some((u) => !u.expected && u.periodsCounted > 0)).toBe(true);

        const totalsOnly = await aggregateWindow(core.db, infos, expectedUnits, TODAY, { detail: false });
        expect(totalsOnly.aggregation.indicators).toEqual(expectedPure.indicators);
        expect(totalsOnly.aggregation.status).toEqual(expectedPure.status);
        expect(totalsOnly.aggregation.notes).toEqual(expectedPure.notes);
        expect(totalsOnly.aggregation.units).toEqual(expectedPure.units.map((u) => ({ ...u, values: {} })));

        const inds = windowIndicators(pure);
        expect(evaluateTargets(TARGETS, totalsOnly.aggregation, inds, totalsOnly.stats)).toEqual(
          evaluateTargets(TARGETS, expectedPure, inds),
        );
      }
    });
  }

  it('huge integers add up exactly in SQL (beyond 2^53)', async () => {
    const fx = await seed(random(99), 'big');
    const pure = await loadPure(fx.windows[0]![0]!);
    const values = pure.reports
      .filter((r) => r.status === 'da_nop' || r.status === 'da_duyet')
      .map((r) => r.values['C1']);
    const period = await getPeriod(core.db, pure.id);
    const sqlAgg = await aggregateWindow(core.db, [{ ...pure }], await expectedUnitsOf(core.db, period), TODAY, {
      detail: false,
    });
    const exact = values.reduce((a, v) => (v === undefined || v === '' ? a : a + BigInt(v)), 0n);
    expect(exact > 2n ** 53n).toBe(true);
    expect(sqlAgg.aggregation.indicators.find((i) => i.code === 'C1')!.value).toBe(String(exact));
  });
});

describe('rates of small integers without BigInt', () => {
  it('equal the exact decimal rate, rounding half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 2 ** 52 }), (n, d) => {
        expect(rate(String(n), String(d))).toBe(ratePercent(String(n), String(d)));
      }),
      { numRuns: 5000 },
    );
    for (const [n, d] of [
      [1, 8],
      [1, 3],
      [2, 3],
      [5, 10000000],
      [0, 0],
      [137, 170],
      [1, 200],
      [1, 400],
    ]) {
      expect(rate(String(n), String(d))).toBe(ratePercent(String(n), String(d)));
    }
    // Decimals and large numbers take the exact path.
    expect(rate('0.1', '3')).toBe(ratePercent('0.1', '3'));
    expect(rate('99999999999', '7')).toBe(ratePercent('99999999999', '7'));
  });
});
