// "Cùng kỳ" across a reorganisation (issue 20): the third quarter of 2025 (after 01/07/2025)
// against the third quarter of 2024, last year's figures read onto the new units by hand-checkable
// numbers. Old units (2024):        DT01  DT02  DT03  DV04
//   X1, X2, X3 → XM (merge)           10   100    50   có
//                                       5    20    20   không
//                                       7    30    15   có
//   S → XP1 60 %, XP2 40 % (split)     13    50    40   có
//   X4 → XP2 (merge with S's 40 %)      4    10     9   có
//   R goes on renamed                   8    40    30   có
//   H abolished (district)              3     5     5   —
// Restated: XM 22 | 150 | 85; XP1 7,8 | 30 | 24; XP2 9,2 | 30 | 25; R 8 | 40 | 30.
// Totals: DT01 47 (H's 3 left out, named), DT04 = 164 / 250 = 65,6 %, DV04 not comparable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { showCompile } from '../../src/main/features/compile/compile';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { periodInput } from '../../src/shared/contract/periods';
import { windowInput } from '../../src/shared/contract/compile';
import type { UnitKind } from '../../src/shared/model/unit';
import { partsAcross } from '../../src/shared/domain/restate';
import { scaleDec } from '../../src/shared/domain/decimal';
import ExcelJS from 'exceljs';
import { writeSummaryWorkbook } from '../../src/main/features/compile/summary-book';
import { getAgency } from '../../src/main/features/agency/agency';
import { freshCore } from './helpers';
import { report } from './compile-fixture';
import { mappingWorkbook, type MappingRow } from './reorganise-fixture';

let core: Core;
let templateId: number;
const ids: Record<string, number> = {};
const expected = { mode: 'kinds', kinds: ['ubnd_xa', 'ubnd_phuong', 'ubnd_huyen'] };

beforeEach(async () => {
  core = await freshCore();
  const unit = async (code: string, kind: UnitKind = 'ubnd_xa') =>
    (ids[code] = (
      await createUnit(
        core.db,
        {
          code,
          name: `UBND ${code}`,
          shortName: '',
          kind,
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        },
        new Date('2024-01-02T00:00:00Z'),
      )
    ).id);
  for (const c of ['X1', 'X2', 'X3', 'S', 'X4', 'R', 'U']) await unit(c);
  await unit('H', 'ubnd_huyen');
  templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
});
afterEach(async () => {
  await core.close();
});

const quarter = async (year: number) =>
  (await createPeriod(core.db, periodInput.parse({ type: 'quarter', year, index: 3, templateId, expected }))).id;

const row = (oldCode: string, newCode: string, newName = '', share: MappingRow['share'] = null): MappingRow => ({
  oldCode,
  oldName: '',
  newCode,
  newName,
  kind: '',
  share,
});

async function lastYear(): Promise<number> {
  const p = await quarter(2024);
  const r = (code: string, v: Record<string, string | number>) => report(core, p, ids[code]!, v, '2024-10-10');
  await r('X1', { DT01: 10, DT02: 100, DT03: 50, DV04: 'có' });
  await r('X2', { DT01: 5, DT02: 20, DT03: 20, DV04: 'không' });
  await r('X3', { DT01: 7, DT02: 30, DT03: 15, DV04: 'có' });
  await r('S', { DT01: 13, DT02: 50, DT03: 40, DV04: 'có' });
  await r('X4', { DT01: 4, DT02: 10, DT03: 9, DV04: 'có' });
  await r('R', { DT01: 8, DT02: 40, DT03: 30, DV04: 'có' });
  await r('H', { DT01: 3, DT02: 5, DT03: 5 });
  return p;
}

const MAPPING = [
  row('X1', 'XM', 'UBND xã Mới'),
  row('X2', 'XM'),
  row('X3', 'XM'),
  row('S', 'XP1', 'UBND xã Phú Một', '60%'),
  row('S', 'XP2', 'UBND xã Phú Hai', '40%'),
  row('X4', 'XP2'),
  row('R', 'R', 'UBND xã Đổi Tên'),
  row('U', 'U'),
  row('H', ''),
];

const reorganise = async (rows: MappingRow[]) =>
  applyReorganisation(
    core.db,
    'phu-luc.xlsx',
    await mappingWorkbook(rows),
    '2025-07-01',
    new Date('2025-07-05T08:00:00Z'),
  );

const compileQ3 = (periodId: number) =>
  showCompile(core.db, windowInput.parse({ periodIds: [periodId], today: '2025-10-20' }));

describe('comparing with last year across a reorganisation', () => {
  it('reads last year onto the new units: merges summed, the split by its shares, the abolished left out', async () => {
    const p2024 = await lastYear();
    const act = await reorganise(MAPPING);
    const p2025 = await quarter(2025);
    const byCode = async (code: string) =>
      (await core.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const r5 = (code: string, v: Record<string, string | number>) =>
      byCode(code).then((id) => report(core, p2025, id, v, '2025-10-10'));
    await r5('XM', { DT01: 30, DT02: 200, DT03: 150, DV04: 'có' });
    await r5('XP1', { DT01: 10, DT02: 20, DT03: 20, DV04: 'có' });
    await r5('XP2', { DT01: 6, DT02: 10, DT03: 5, DV04: 'không' });
    await r5('R', { DT01: 9, DT02: 10, DT03: 10, DV04: 'có' });

    const c = await compileQ3(p2025);
    expect(c.previous!.periods.map((p) => p.id)).toEqual([p2024]);
    const cmp = (code: string) => c.comparison.find((x) => x.code === code)!;
    // 10 + 5 + 7 + 13 + 4 + 8 = 47: H's 3 is left out (no unit took it over).
    expect(cmp('DT01')).toMatchObject({ current: '55', previous: '47', delta: '8' });
    // Rates from the restated parts: (85 + 24 + 25 + 30) / (150 + 30 + 30 + 40) = 164 / 250.
    const dt04 = c.previous!.indicators.find((i) => i.code === 'DT04')!;
    expect(dt04).toMatchObject({ value: '65.6', numerator: '164', denominator: '250' });
    // Yes/no answers cannot be added up through a merge: no figure, and why.
    expect(cmp('DV04')).toMatchObject({ previous: null, delta: null });
    expect(cmp('DV04').note).toMatch(/Không quy đổi được theo đơn vị mới/);

    const r = c.restatement!;
    expect(r.acts).toEqual([{ id: act.id, effectiveDate: '2025-07-01' }]);
    expect(r.dropped.map((d) => d.code)).toEqual(['H']);
    expect(r.footnote).toMatch(
      /^Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\)/,
    );
    expect(r.footnote).toMatch(/chia theo tỷ lệ/);
    expect(r.footnote).toMatch(/không tính số liệu của 1 đơn vị đã giải thể \(UBND H\)/);
    expect(c.current.notes).toContain(r.footnote);
    const unit = (code: string) => r.units.find((u) => u.code === code)!;
    expect(unit('XM').values).toMatchObject({ DT01: '22', DT02: '150', DT03: '85', DT04: '56.67', DV04: null });
    expect(unit('XM').sources.map((s) => [s.code, s.weight])).toEqual([
      ['X1', 1],
      ['X2', 1],
      ['X3', 1],
    ]);
    expect(unit('XP1').values).toMatchObject({ DT01: '7.8', DT02: '30', DT03: '24', DT04: '80' });
    expect(unit('XP2').values).toMatchObject({ DT01: '9.2', DT02: '30', DT03: '25', DT04: '83.33' });
    expect(unit('XP2').sources.map((s) => [s.code, s.weight])).toEqual([
      ['S', 0.4],
      ['X4', 1],
    ]);
    // A unit that simply goes on (renamed in place) is compared with itself: not listed.
    expect(r.units.map((u) => u.code).sort()).toEqual(['XM', 'XP1', 'XP2']);

    // The Excel summary's comparison sheet carries the footnote under its table.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(
        await writeSummaryWorkbook({ agency: await getAgency(core.db), title: 'Báo cáo', compile: c }),
      ) as unknown as ExcelJS.Buffer,
    );
    const sheet = book.getWorksheet('So sánh cùng kỳ')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain(r.footnote);
  });

  it('never compares a merged unit with part of its old units, nor a split without shares unit by unit', async () => {
    const p2024 = await quarter(2024);
    // X3 sent nothing last year; U (split without shares) had 12.
    await report(core, p2024, ids.X1!, { DT01: 10 }, '2024-10-10');
    await report(core, p2024, ids.X2!, { DT01: 5 }, '2024-10-10');
    await report(core, p2024, ids.U!, { DT01: 12 }, '2024-10-10');
    await reorganise([
      row('X1', 'XM', 'UBND xã Mới'),
      row('X2', 'XM'),
      row('X3', 'XM'),
      row('U', 'Y1', 'UBND xã Y Một'),
      row('U', 'Y2', 'UBND xã Y Hai'),
    ]);
    const p2025 = await quarter(2025);
    const c = await compileQ3(p2025);
    const r = c.restatement!;
    const unit = (code: string) => r.units.find((u) => u.code === code)!;
    expect(unit('XM').values.DT01).toBeNull();
    expect(unit('XM').note).toMatch(/thiếu số liệu của X3/);
    expect(unit('Y1').values.DT01).toBeNull();
    expect(unit('Y2').values.DT01).toBeNull();
    expect(unit('Y1').note).toMatch(/chia tách không ghi tỷ lệ/);
    // The total still counts every old unit once: 10 + 5 + 12.
    expect(c.previous!.indicators.find((i) => i.code === 'DT01')!.value).toBe('27');
    expect(r.footnote).toMatch(/không ghi tỷ lệ chỉ được tính vào tổng/);
  });

  it('leaves a comparison that does not cross the date as it was', async () => {
    await lastYear();
    await reorganise(MAPPING);
    // 2024 against 2023: both before the act.
    const p2023 = await quarter(2023);
    await report(core, p2023, ids.X1!, { DT01: 1 }, '2023-10-10');
    const p2024 = (await core.db.selectFrom('periods').select('id').where('year', '=', 2024).executeTakeFirstOrThrow())
      .id;
    const c = await compileQ3(p2024);
    expect(c.restatement).toBeNull();
    expect(c.comparison.find((x) => x.code === 'DT01')).toMatchObject({ current: '50', previous: '1' });
  });
});

describe('where an old unit goes through several acts', () => {
  const link = (actId: number, date: string, fromId: number, toId: number | null, share: number | null = null) => ({
    actId,
    date,
    fromId,
    toId,
    share,
  });
  it('multiplies shares along the chain and keeps acts outside the two windows out', () => {
    const links = [
      link(1, '2025-07-01', 1, 10, 0.5),
      link(1, '2025-07-01', 1, 11, 0.5),
      link(2, '2026-01-01', 10, 20, 0.3),
      link(2, '2026-01-01', 10, 21, 0.7),
      link(2, '2026-01-01', 11, 21),
      link(3, '2027-01-01', 21, null),
    ];
    const parts = partsAcross(links, '2024-12-31', '2026-06-30', [1, 2]);
    expect(parts.get(1)).toEqual([
      { toId: 20, weight: 0.15 },
      { toId: 21, weight: 0.85 },
    ]);
    expect(parts.get(2)).toEqual([{ toId: 2, weight: 1 }]);
    // The abolition of 2027 is after the window: not read; read, 21's part goes nowhere.
    expect(partsAcross(links, '2024-12-31', '2027-06-30', [1]).get(1)).toEqual([{ toId: 20, weight: 0.15 }]);
    // A value split by 15 % and 85 %: exact, the parts adding up to the whole.
    expect(scaleDec('13', 0.15)).toBe('1.95');
    expect(scaleDec('1.005', 0.5, 2)).toBe('0.5');
    expect(scaleDec('-7', 0.4)).toBe('-2.8');
  });
});
