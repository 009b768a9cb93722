// A window that itself spans the reorganisation of 01/07/2025 (issue 20): the four quarters of
// 2025 added up ("lũy kế" from January), the first two reported by the old units, the last two
// by the new ones. The old units' reports are folded unit by unit into the units that took them
// over; every figure here is a hand computation from the table below, not the app's code.
//   old units, Q1 2025 (Q2: each value + 1)   DT01  DT02  DT03
//     X1, X2 → XM (merge)                        1    10     5  |  2   20   10
//     S → XP1 60 %, XP2 40 % (split)            10    50    25
//     X4 → XP2                                   4    40    20
//     R goes on renamed                          3    30    15
//     H abolished (district)                     7    70    35
//     U → Y1, Y2 (split without shares)          6    60    30
//   new units, Q3 (Q4: each value + 1): XM 5 50 25; XP1 6 60 30; XP2 7 70 35; R 8 80 40; Y1 1 1 1; Y2 1 1 1
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { showCompile } from '../../src/main/features/compile/compile';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { writeSummaryWorkbook } from '../../src/main/features/compile/summary-book';
import { getAgency } from '../../src/main/features/agency/agency';
import { periodInput } from '../../src/shared/contract/periods';
import { windowInput } from '../../src/shared/contract/compile';
import type { CompileResult } from '../../src/shared/model/compile';
import type { UnitKind } from '../../src/shared/model/unit';
import { freshCore } from './helpers';
import { report } from './compile-fixture';
import { mappingWorkbook, type MappingRow } from './reorganise-fixture';

type V = [number, number, number];
const Q1: Record<string, V> = {
  X1: [1, 10, 5],
  X2: [2, 20, 10],
  S: [10, 50, 25],
  X4: [4, 40, 20],
  R: [3, 30, 15],
  H: [7, 70, 35],
  U: [6, 60, 30],
};
const Q3: Record<string, V> = {
  XM: [5, 50, 25],
  XP1: [6, 60, 30],
  XP2: [7, 70, 35],
  R: [8, 80, 40],
  Y1: [1, 1, 1],
  Y2: [1, 1, 1],
};
const plusOne = (v: V): V => v.map((x) => x + 1) as V;
/** The annex, as the hand computation reads it: old code → [new code, share]. */
const MAP: [string, string, number | null][] = [
  ['X1', 'XM', 1],
  ['X2', 'XM', 1],
  ['S', 'XP1', 0.6],
  ['S', 'XP2', 0.4],
  ['X4', 'XP2', 1],
  ['R', 'R', 1],
  ['U', 'Y1', null],
  ['U', 'Y2', null],
];

let core: Core;
let c: CompileResult;
let compared: CompileResult;
const ids: Record<string, number> = {};
const expected = { mode: 'kinds', kinds: ['ubnd_xa', 'ubnd_phuong', 'ubnd_huyen'] };

beforeAll(async () => {
  core = await freshCore();
  for (const code of Object.keys(Q1))
    ids[code] = (
      await createUnit(
        core.db,
        {
          code,
          name: `UBND ${code}`,
          shortName: '',
          kind: (code === 'H' ? 'ubnd_huyen' : 'ubnd_xa') as UnitKind,
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        },
        new Date('2024-01-02T00:00:00Z'),
      )
    ).id;
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  const quarter = async (year: number, index: number) =>
    (await createPeriod(core.db, periodInput.parse({ type: 'quarter', year, index, templateId, expected }))).id;
  const send = (p: number, id: number, v: V, on: string) =>
    report(core, p, id, { DT01: v[0], DT02: v[1], DT03: v[2] }, on);
  // 2024: every old unit, each quarter the Q1 2025 values.
  for (let q = 1; q <= 4; q++) {
    const p = await quarter(2024, q);
    for (const [code, v] of Object.entries(Q1))
      await send(p, ids[code]!, v, q < 4 ? `2024-${String(q * 3 + 1).padStart(2, '0')}-05` : '2025-01-05');
  }
  const q1 = await quarter(2025, 1);
  const q2 = await quarter(2025, 2);
  for (const [code, v] of Object.entries(Q1)) {
    await send(q1, ids[code]!, v, '2025-04-05');
    await send(q2, ids[code]!, plusOne(v), '2025-07-05');
  }
  const rows: MappingRow[] = [
    ...MAP.map(([oldCode, newCode, share]) => ({
      oldCode,
      oldName: '',
      newCode,
      newName: `UBND ${newCode}${newCode === 'R' ? ' (tên mới)' : ''}`,
      kind: '',
      share: share === null || share === 1 ? null : share,
    })),
    { oldCode: 'H', oldName: '', newCode: '', newName: '', kind: '', share: null },
  ];
  await applyReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(rows), '2025-07-01', new Date('2025-07-02'));
  const byCode = new Map(
    (await core.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id] as const),
  );
  const q3 = await quarter(2025, 3);
  const q4 = await quarter(2025, 4);
  for (const [code, v] of Object.entries(Q3)) {
    await send(q3, byCode.get(code)!, v, '2025-10-05');
    await send(q4, byCode.get(code)!, plusOne(v), '2026-01-05');
  }
  c = await showCompile(core.db, windowInput.parse({ periodIds: [q1, q2, q3, q4], today: '2026-01-10' }));
  compared = c;
}, 60_000);
afterAll(async () => {
  await core.close();
});

/** The hand computation: each new unit's own Q3 + Q4, plus each old unit's Q1 + Q2 times its share. */
function hand(): Map<string, V> {
  const out = new Map<string, V>();
  const add = (code: string, v: V, share: number) => {
    const acc = out.get(code) ?? [0, 0, 0];
    out.set(code, acc.map((x, k) => x + v[k]! * share) as V);
  };
  for (const [code, v] of Object.entries(Q3)) {
    add(code, v, 1);
    add(code, plusOne(v), 1);
  }
  for (const [from, to, share] of MAP) {
    if (share === null) continue;
    add(to, Q1[from]!, share);
    add(to, plusOne(Q1[from]!), share);
  }
  return out;
}

describe('a window spanning the reorganisation date', () => {
  it('folds the old units’ first-half reports into the units that took them over, unit by unit', () => {
    const lines = new Map(c.current.units.map((u) => [u.code, u]));
    for (const [code, want] of hand()) {
      if (code === 'Y1' || code === 'Y2') continue;
      const got = lines.get(code)!;
      ['DT01', 'DT02', 'DT03'].forEach((k, i) =>
        expect(Number(got.values[k]), `${code} ${k}`).toBeCloseTo(want[i]!, 10),
      );
      // The rate from the folded numerator and denominator, never an average of rates.
      expect(Number(got.values.DT04)).toBeCloseTo(Math.round((want[2]! / want[1]!) * 10000) / 100, 10);
    }
    // XM = 5 + 6 + (1 + 2) + (2 + 3) = 19: written out once.
    expect(lines.get('XM')!.values.DT01).toBe('19');
    // The old units merged or split with shares are no longer lines of their own; the split without shares is.
    for (const gone of ['X1', 'X2', 'S', 'X4', 'H']) expect(lines.has(gone), gone).toBe(false);
    expect(lines.get('U')!.expected).toBe(false);
    expect(lines.get('Y1')!.values.DT01).toBe(String(1 + 2));
  });

  it('keeps the totals the sum of the lines, leaving out only the abolished district, and says so', () => {
    const total = (k: number) => {
      let t = 0;
      for (const v of Object.values(Q3)) t += v[k]! + plusOne(v)[k]!;
      for (const [code, v] of Object.entries(Q1)) if (code !== 'H') t += v[k]! + plusOne(v)[k]!;
      return t;
    };
    const ind = (code: string) => c.current.indicators.find((i) => i.code === code)!;
    expect(Number(ind('DT01').value)).toBeCloseTo(total(0), 10);
    expect(ind('DT04')).toMatchObject({ numerator: String(total(2)), denominator: String(total(1)) });
    expect(c.current.units.reduce((s, u) => s + Number(u.values.DT01 ?? 0), 0)).toBeCloseTo(total(0), 10);
    // By kind: the communes' figure carries everything but the split-without-shares U, which is also a xã.
    expect(ind('DT01').byKind.map((k) => k.kind)).toEqual(['ubnd_xa']);
    const f = c.folding!;
    expect(f.footnote).toMatch(
      /^Số liệu kỳ này được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\): số liệu đã báo cáo trong kỳ này của 4 đơn vị cũ được cộng vào 3 đơn vị mới/,
    );
    expect(f.footnote).toMatch(/1 đơn vị chia tách không ghi tỷ lệ \(UBND U\) giữ nguyên dòng riêng/);
    expect(f.footnote).toMatch(/không tính số liệu của 1 đơn vị đã giải thể \(UBND H\)/);
    expect(c.current.notes).toContain(f.footnote);
    // The outsiders' note names only U now.
    expect(c.current.notes.find((n) => n.includes('không thuộc danh sách'))).toMatch(/^1 đơn vị .*\(UBND U\)/);
    const xp2 = f.units.find((u) => u.code === 'XP2')!;
    expect(xp2.sources.map((s) => [s.code, s.weight])).toEqual([
      ['S', 0.4],
      ['X4', 1],
    ]);
    // What XP2 took over: 40 % of S (10 + 11) and X4 (4 + 5).
    expect(xp2.values.DT01).toBe('17.4');
  });

  it('compares with the whole of 2024 restated onto the same units', () => {
    const cmp = (code: string) => compared.comparison.find((x) => x.code === code)!;
    // 2024: four quarters of Q1's values of every old unit but H (abolished: left out on both sides).
    let prev = 0;
    for (const [code, v] of Object.entries(Q1)) if (code !== 'H') prev += 4 * v[0];
    expect(Number(cmp('DT01').previous)).toBeCloseTo(prev, 10);
    expect(Number(cmp('DT01').delta)).toBeCloseTo(Number(cmp('DT01').current) - prev, 10);
    const xm = compared.restatement!.units.find((u) => u.code === 'XM')!;
    expect(xm.values.DT01).toBe(String(4 * (1 + 2)));
  });

  it('writes the footnote under the Excel summary’s comparison', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(
        await writeSummaryWorkbook({ agency: await getAgency(core.db), title: 'Báo cáo', compile: c }),
      ) as unknown as ExcelJS.Buffer,
    );
    const byUnit: string[] = [];
    book.getWorksheet('Theo đơn vị')!.eachRow((row) => row.eachCell((cell) => byUnit.push(String(cell.value))));
    expect(byUnit).toContain(c.folding!.footnote);
    const texts: string[] = [];
    book.getWorksheet('So sánh cùng kỳ')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    // Both sides were read onto today's units: last year's is said once more only where it differs.
    expect(texts).toContain(
      `${c.folding!.footnote} Số liệu cùng kỳ cũng được quy đổi như trên; đơn vị chia tách không ghi tỷ lệ chỉ được tính vào tổng.`,
    );
  });
});
