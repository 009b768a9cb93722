// Scoring across a reorganisation (issue 20): the 2025 round compared with the 2024 round of the
// same criteria set through the lineage. The rule (shared/domain/restate-scores.ts): a unit that
// took over one old unit whole is compared with that unit's score and rank; a unit formed from
// several old units or from a part of a split is not comparable (scores are not added, split or
// averaged), its old units' scores named beside it.
//   2024: A 10, B 20 → M (merge) | C 30, renamed in place | S 40 → P1 60 %, P2 40 % | D 50 → D2 (new code)
//   2025: M 25 | C 33 | P1 41 | P2 39 | D2 48
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { createRound } from '../../src/main/features/scoring/rounds';
import { saveScores } from '../../src/main/features/scoring/unit-scoring';
import { roundResults } from '../../src/main/features/scoring/round-results';
import { scoringReportModel } from '../../src/main/features/scoring/scoring-report';
import { buildResultsBook, RESULTS_SHEET } from '../../src/main/features/scoring/results-book';
import ExcelJS from 'exceljs';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { getAgency } from '../../src/main/features/agency/agency';
import { roundInput, saveScoresInput } from '../../src/shared/contract/scoring';
import type { RoundResults } from '../../src/shared/model/scoring';
import { freshCore } from './helpers';
import { mappingWorkbook, type MappingRow } from './reorganise-fixture';

let core: Core;
let res: RoundResults;
let plain: RoundResults;
const LAST: Record<string, number> = { A: 10, B: 20, C: 30, S: 40, D: 50 };
const NOW: Record<string, number> = { M: 25, C: 33, P1: 41, P2: 39, D2: 48 };

/** A total of n points on the built-in set: whole points on its first criteria, in order. */
async function score(roundId: number, unitId: number, n: number) {
  const set = await core.db
    .selectFrom('scoring_rounds as r')
    .innerJoin('scoring_sets as s', 's.id', 'r.set_id')
    .select('s.content')
    .where('r.id', '=', roundId)
    .executeTakeFirstOrThrow();
  const groups = (JSON.parse(set.content) as { groups: { criteria: { code: string; maxPoints: number }[] }[] }).groups;
  const lines: { code: string; score: number }[] = [];
  let left = n;
  for (const c of groups.flatMap((g) => g.criteria)) {
    const s = Math.min(left, Math.floor(c.maxPoints));
    lines.push({ code: c.code, score: s });
    left -= s;
  }
  expect(left).toBe(0);
  await saveScores(core.db, saveScoresInput.parse({ roundId, unitId, side: 'self', lines }));
}

beforeAll(async () => {
  core = await freshCore();
  const ids: Record<string, number> = {};
  for (const code of Object.keys(LAST))
    ids[code] = (
      await createUnit(core.db, {
        code,
        name: `UBND xã ${code}`,
        shortName: '',
        kind: 'ubnd_xa',
        parentId: null,
        email: '',
        contactPerson: '',
        phone: '',
        activeFrom: '2020-01-01',
        activeTo: null,
      })
    ).id;
  const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
  const r2024 = (await createRound(core.db, roundInput.parse({ year: 2024, setId }))).id;
  for (const [code, n] of Object.entries(LAST)) await score(r2024, ids[code]!, n);
  const row = (oldCode: string, newCode: string, share: MappingRow['share'] = null): MappingRow => ({
    oldCode,
    oldName: '',
    newCode,
    newName: newCode === 'C' ? 'UBND xã C (tên mới)' : `UBND xã ${newCode}`,
    kind: '',
    share,
  });
  const rows = [
    row('A', 'M'),
    row('B', 'M'),
    row('C', 'C'),
    row('S', 'P1', '60%'),
    row('S', 'P2', '40%'),
    row('D', 'D2'),
  ];
  await applyReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(rows), '2025-07-01', new Date('2025-07-02'));
  const now = new Map((await core.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const r2025 = (
    await createRound(
      core.db,
      roundInput.parse({ year: 2025, setId, unitIds: Object.keys(NOW).map((c) => now.get(c)!) }),
    )
  ).id;
  for (const [code, n] of Object.entries(NOW)) await score(r2025, now.get(code)!, n);
  res = await roundResults(core.db, r2025);
  plain = await roundResults(core.db, r2024);
}, 60_000);
afterAll(async () => {
  await core.close();
});

describe('the 2025 round against the 2024 round across the reorganisation', () => {
  const row = (code: string) => {
    const unitId = res.ranking.find((r) => r.unitCode === code)!.unitId;
    return res.previous!.rows.find((p) => p.unitId === unitId)!;
  };

  it('compares a unit that took over one old unit whole with that unit’s score and rank', () => {
    expect(res.previous!.round.year).toBe(2024);
    // Ranks of 2024: D 50 (1), S 40 (2), C 30 (3), B 20 (4), A 10 (5).
    expect(row('C')).toMatchObject({ total: LAST.C, rankLabel: '3', change: NOW.C! - LAST.C!, note: '' });
    expect(row('D2')).toMatchObject({ total: LAST.D, rankLabel: '1', change: NOW.D2! - LAST.D! });
    expect(row('D2').note).toBe('Điểm năm trước của UBND xã D (D).');
  });

  it('does not compare a merged unit or a part of a split, naming the old units’ scores', () => {
    expect(row('M')).toMatchObject({ total: null, rankLabel: null, change: null });
    expect(row('M').sources.map((s) => [s.code, s.total])).toEqual([
      ['A', LAST.A],
      ['B', LAST.B],
    ]);
    expect(row('M').note).toBe(
      'Hình thành từ 2 đơn vị cũ (UBND xã A: 10 điểm; UBND xã B: 20 điểm): điểm chấm không cộng, chia hay lấy bình quân được nên không so sánh với năm trước.',
    );
    expect(row('P1')).toMatchObject({ total: null, change: null });
    expect(row('P1').note).toMatch(/^Nhận một phần của đơn vị cũ \(UBND xã S \(60%\): 40 điểm\)/);
    expect(res.previous!.footnote).toMatch(
      /^Điểm năm trước được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\)/,
    );
    // The 2024 round has no 2023 round to compare with.
    expect(plain.previous).toBeNull();
  });

  it('prints last year’s column and the rule on the results report', async () => {
    const model = scoringReportModel(res, await getAgency(core.db), '2026-01-15');
    const table = model.annexes![0]!.body[0] as { header: string[][]; rows: unknown[][]; note: string };
    expect(table.header[0]!.slice(-2)).toEqual(['Năm 2024', 'Tăng (+), giảm (−)']);
    const byName = new Map(table.rows.map((r) => [r[1], r.slice(-2)]));
    expect(byName.get('UBND xã C (tên mới)')).toEqual(['30', '+3']);
    expect(byName.get('UBND xã D2')).toEqual(['50', '−2']);
    expect(byName.get('UBND xã M')).toEqual(['Không so sánh', '']);
    expect(table.note).toContain(res.previous!.footnote);
    const text = JSON.stringify(model.body);
    expect(text).toContain(
      '2 đơn vị so sánh được, trong đó 1 đơn vị tăng điểm, 1 đơn vị giảm điểm; 3 đơn vị hình thành từ sắp xếp đơn vị hành chính không so sánh được',
    );
  });

  it('carries last year’s score, rank, change (a formula) and the note into the results workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildResultsBook(res, 'Sở Nội vụ')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(RESULTS_SHEET)!;
    const header = (ws.getRow(4).values as unknown[]).slice(1).map(String);
    const at = (h: string) => header.indexOf(h) + 1;
    expect(header.slice(-4)).toEqual([
      'Điểm năm 2024',
      'Hạng năm 2024',
      'Tăng (+), giảm (−)',
      'Ghi chú so với năm 2024',
    ]);
    const rowOf = (code: string) => {
      for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === code) return ws.getRow(r);
      throw new Error(code);
    };
    const totalCol = at('Tổng điểm');
    const d2 = rowOf('D2');
    expect(d2.getCell(at('Điểm năm 2024')).value).toBe(LAST.D);
    expect(d2.getCell(at('Hạng năm 2024')).value).toBe('1');
    const change = d2.getCell(at('Tăng (+), giảm (−)')).value as { formula: string; result: number };
    // The change is this year's total less last year's, by formula over the two cells of the row.
    expect(change.formula).toBe(
      `${ws.getColumn(totalCol).letter}${d2.number}-${ws.getColumn(at('Điểm năm 2024')).letter}${d2.number}`,
    );
    expect(change.result).toBe(NOW.D2! - LAST.D!);
    // shown as the Word report shows it: “+3”, “−2” with a true minus sign
    expect(d2.getCell(at('Tăng (+), giảm (−)')).numFmt).toBe('+0.##;"−"0.##;0');
    expect(d2.getCell(at('Ghi chú so với năm 2024')).value).toBe('Điểm năm trước của UBND xã D (D).');
    const m = rowOf('M');
    expect(m.getCell(at('Điểm năm 2024')).value).toBe('Không so sánh');
    expect(m.getCell(at('Tăng (+), giảm (−)')).value).toBeNull();
    expect(String(m.getCell(at('Ghi chú so với năm 2024')).value)).toMatch(/^Hình thành từ 2 đơn vị cũ/);
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain(res.previous!.footnote);
    // A round with nothing to compare has none of these columns.
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await buildResultsBook(plain, 'Sở Nội vụ')) as unknown as ArrayBuffer);
    const h2 = (wb2.getWorksheet(RESULTS_SHEET)!.getRow(4).values as unknown[]).slice(1).map(String);
    expect(h2.at(-1)).toBe('Tự chấm');
  });
});
