// Chấm điểm, xếp loại: the arithmetic (totals, caps, deductions, every threshold boundary, ties),
// criteria sets (soundness, versions, freezing, JSON), rounds, self-score and appraisal, approval
// and reopening, evidence files, and the bad input of issue 8. Real SQLite on a temp file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { createUnit } from '../../src/main/features/units/units';
import {
  deleteCriteriaSet,
  exportCriteriaSetJson,
  getCriteriaSet,
  importCriteriaSet,
  installDefaultCriteriaSet,
  listCriteriaSets,
  saveCriteriaSet,
} from '../../src/main/features/scoring/criteria-sets';
import { addEvidence, openEvidence, removeEvidence } from '../../src/main/features/scoring/scoring-evidence';
import { approveScoring, reopenScoring, saveScores } from '../../src/main/features/scoring/unit-scoring';
import { changeRoundUnits, createRound, deleteRound, roundCandidates } from '../../src/main/features/scoring/rounds';
import { roundResults } from '../../src/main/features/scoring/round-results';
import { MAX_EVIDENCE_BYTES } from '../../src/main/features/scoring/evidence';
import {
  criteriaSetInput,
  roundInput,
  saveScoresInput,
  type CriteriaSetInput,
} from '../../src/shared/contract/scoring';
import {
  checkClasses,
  checkCriteriaSet,
  classify,
  computeTotals,
  formatPoints,
  parsePoints,
  rankByTotal,
  toCenti,
} from '../../src/shared/domain/scoring';
import type { CriteriaSetContent, ScoreClass } from '../../src/shared/model/scoring';
import type { UnitKind } from '../../src/shared/model/unit';
import { AppError } from '../../src/shared/errors';
import { dataFingerprint, tempDir, freshCore } from './helpers';
import defaultFile from '../../resources/scoring/dan-van-chinh-quyen.json';

let core: Core;
let dir: string;
let opened: string[];

beforeEach(async () => {
  dir = tempDir('bcnv-scoring-');
  opened = [];
  core = await freshCore({ dir, platform: { opened } });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const DEFAULT_CLASSES: ScoreClass[] = defaultFile.classes as ScoreClass[];
const STAR_CLASSES: ScoreClass[] = [
  { code: '4S', label: '4 sao', from: 95, to: null },
  { code: '3S', label: '3 sao', from: 90, to: 95 },
  { code: '2S', label: '2 sao', from: 80, to: 90 },
  { code: '1S', label: '1 sao', from: 0, to: 80 },
];

function defaultContent(): CriteriaSetContent {
  const { format: _f, formatVersion: _v, version: _ver, ...rest } = defaultFile;
  return criteriaSetInput.parse(rest);
}

/** A small set: two groups (60 + 40), bonus cap 5 from two items of 3, deductions capped at 8. */
function smallSet(over: Partial<CriteriaSetInput> = {}): CriteriaSetInput {
  return {
    code: 'bo-nho',
    name: 'Bộ nhỏ',
    province: 'Thử',
    year: 2025,
    totalPoints: 100,
    groups: [
      {
        code: 'A',
        title: 'Nhóm A',
        maxPoints: 60,
        criteria: [
          { code: 'A1', title: 'Tiêu chí A1', maxPoints: 30 },
          { code: 'A2', title: 'Tiêu chí A2', maxPoints: 30 },
        ],
      },
      { code: 'B', title: 'Nhóm B', maxPoints: 40, criteria: [{ code: 'B1', title: 'Tiêu chí B1', maxPoints: 40 }] },
    ],
    bonus: {
      cap: 5,
      items: [
        { code: 'T1', title: 'Thưởng 1', maxPoints: 3 },
        { code: 'T2', title: 'Thưởng 2', maxPoints: 3 },
      ],
    },
    deductions: {
      cap: 8,
      items: [
        { code: 'D1', title: 'Trừ 1', maxPoints: 5 },
        { code: 'D2', title: 'Trừ 2', maxPoints: 5 },
      ],
    },
    classes: DEFAULT_CLASSES,
    ...over,
  };
}

const scores = (o: Record<string, number | null>) => new Map(Object.entries(o));

async function unit(code: string, kind: UnitKind = 'so_nganh') {
  return createUnit(core.db, {
    code,
    name: `Đơn vị ${code}`,
    shortName: '',
    kind,
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });
}

async function saveSet(input: CriteriaSetInput = smallSet()) {
  return (await saveCriteriaSet(core.db, null, criteriaSetInput.parse(input))).set;
}

async function round(setId: number, unitIds?: number[]) {
  return createRound(core.db, roundInput.parse({ year: 2025, setId, unitIds }));
}

const save = (
  roundId: number,
  unitId: number,
  side: 'self' | 'appraisal',
  lines: { code: string; score: number | null; note?: string }[],
) => saveScores(core.db, saveScoresInput.parse({ roundId, unitId, side, lines }));

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the arithmetic', () => {
  it('classifies every boundary of the default four classes', () => {
    const at = (t: number) => classify(DEFAULT_CLASSES, toCenti(t)!).label;
    expect(at(100)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(at(90)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(at(89.99)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(at(80)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(at(79.99)).toBe('Hoàn thành nhiệm vụ');
    expect(at(65)).toBe('Hoàn thành nhiệm vụ');
    expect(at(64.99)).toBe('Không hoàn thành nhiệm vụ');
    expect(at(0)).toBe('Không hoàn thành nhiệm vụ');
    expect(at(105)).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('expresses the star preset and classifies its boundaries', () => {
    expect(checkClasses(STAR_CLASSES)).toEqual([]);
    const at = (t: number) => classify(STAR_CLASSES, toCenti(t)!).label;
    expect([at(95), at(94.99), at(90), at(89.99), at(80), at(79.99), at(0)]).toEqual([
      '4 sao',
      '3 sao',
      '3 sao',
      '2 sao',
      '2 sao',
      '1 sao',
      '1 sao',
    ]);
  });

  it('adds in hundredths: 89,99 made of decimals is exactly 89,99 and stays below 90', () => {
    const set = criteriaSetInput.parse(
      smallSet({ bonus: { cap: 5, items: [] }, deductions: { cap: null, items: [] } }),
    );
    const t = computeTotals(set, scores({ A1: 29.33, A2: 29.33, B1: 31.33 }));
    expect(t.base).toBe(89.99);
    expect(t.total).toBe(89.99);
    expect(t.classLabel).toBe('Hoàn thành tốt nhiệm vụ');
    const t2 = computeTotals(set, scores({ A1: 0.1, A2: 0.2, B1: 89.7 }));
    expect(t2.total).toBe(90);
    expect(t2.classLabel).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('caps the bonus, takes off deductions up to their cap, and never goes below zero', () => {
    const set = criteriaSetInput.parse(smallSet());
    const t = computeTotals(set, scores({ A1: 30, A2: 25, B1: 30, T1: 3, T2: 3, D1: 2 }));
    expect(t).toMatchObject({
      base: 85,
      bonusUncapped: 6,
      bonus: 5,
      deductions: 2,
      total: 88,
      missing: 0,
      classLabel: 'Hoàn thành tốt nhiệm vụ',
    });
    const capped = computeTotals(set, scores({ A1: 30, A2: 30, B1: 30, D1: 5, D2: 5 }));
    expect(capped).toMatchObject({ deductionsUncapped: 10, deductions: 8, total: 82 });
    const floor = computeTotals(set, scores({ A1: 1, D1: 5, D2: 5 }));
    expect(floor.total).toBe(0);
    expect(floor.missing).toBe(2);
    const noCap = computeTotals(
      criteriaSetInput.parse(
        smallSet({ deductions: { cap: null, items: [{ code: 'D1', title: 'x', maxPoints: 20 }] } }),
      ),
      scores({ A1: 30, A2: 30, B1: 40, D1: 15 }),
    );
    expect(noCap.total).toBe(85);
  });

  it('ranks 1, 2, 2, 4: equal totals share a rank, the order of the register decides who is listed first', () => {
    const ranked = rankByTotal([
      { name: 'C', total: 85 },
      { name: 'A', total: 90 },
      { name: 'B', total: 85 },
      { name: 'D', total: 70.5 },
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}${r.tied ? '=' : ''}`)).toEqual(['1A', '2C=', '2B=', '4D']);
  });

  it('reads and shows points the Vietnamese way', () => {
    expect(parsePoints('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parsePoints('')).toEqual({ ok: true, value: null });
    expect(parsePoints('7,555').ok).toBe(false);
    expect(parsePoints('abc').ok).toBe(false);
    expect(formatPoints(89.99)).toBe('89,99');
    expect(formatPoints(1234.5)).toBe('1.234,5');
  });
});

describe('criteria sets', () => {
  it('ships the default set, installed once and sound', async () => {
    const sets = await listCriteriaSets(core.db);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ code: 'dan-van-chinh-quyen', version: 1, totalPoints: 100, frozen: false });
    expect(checkCriteriaSet(defaultContent())).toEqual([]);
    const set = await getCriteriaSet(core.db, sets[0]!.id);
    expect(set.groups.map((g) => g.maxPoints)).toEqual([10, 10, 20, 20, 20, 20]);
    expect(set.bonus.cap).toBe(5);
    expect(await installDefaultCriteriaSet(core.db)).toBe(false);
    // A user who deletes the built-in set does not get it back at the next start.
    await deleteCriteriaSet(core.db, set.id);
    expect(await installDefaultCriteriaSet(core.db)).toBe(false);
    expect(await listCriteriaSets(core.db)).toHaveLength(0);
  });

  it('refuses maximums that do not add up, naming the group and the numbers; nothing is saved', async () => {
    const before = await dataFingerprint(core);
    const bad = smallSet({ groups: [{ ...smallSet().groups[0]!, maxPoints: 50 }, smallSet().groups[1]!] });
    const err = await refused(saveCriteriaSet(core.db, null, criteriaSetInput.parse(bad)));
    expect(err.code).toBe('INVALID_CRITERIA_SET');
    expect(err.message).toContain('Tổng điểm tối đa của các nhóm tiêu chí là 90, không bằng thang điểm 100');
    expect(err.details!.map((d) => d.message)).toContain(
      'Nhóm “A. Nhóm A”: tổng điểm tối đa của các tiêu chí là 60, không bằng điểm tối đa của nhóm (50).',
    );
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('refuses thresholds that overlap or leave a gap', () => {
    const overlap = checkClasses([
      { code: 'A', label: 'Tốt', from: 80, to: null },
      { code: 'B', label: 'Khá', from: 0, to: 85 },
    ]);
    expect(overlap.map((p) => p.message)).toEqual([
      'Mức “Khá” (dưới 85 điểm) và mức “Tốt” (từ 80 điểm trở lên) chồng lên nhau.',
    ]);
    const gap = checkClasses([
      { code: 'A', label: 'Tốt', from: 90, to: null },
      { code: 'B', label: 'Khá', from: 0, to: 80 },
    ]);
    expect(gap[0]!.message).toBe(
      'Có khoảng trống giữa mức “Khá” (dưới 80 điểm) và mức “Tốt” (từ 90 điểm trở lên): điểm từ 80 đến dưới 90 không thuộc mức nào.',
    );
    expect(checkClasses([{ code: 'A', label: 'Tốt', from: 10, to: null }])[0]!.message).toContain(
      'mức thấp nhất phải bắt đầu từ 0',
    );
    expect(checkClasses([{ code: 'A', label: 'Tốt', from: 0, to: 100 }])[0]!.message).toContain(
      'phải không có cận trên',
    );
  });

  it('refuses duplicate codes and sub-criteria that do not add up', () => {
    const s = smallSet();
    s.groups[1]!.criteria[0]!.code = 'A1';
    s.groups[0]!.criteria[0]!.subCriteria = [
      { title: 'Một', maxPoints: 10 },
      { title: 'Hai', maxPoints: 10 },
    ];
    const msgs = checkCriteriaSet(criteriaSetInput.parse(s)).map((p) => p.message);
    expect(msgs).toContain('Mã “A1” bị trùng (đã dùng ở groups[0].criteria[0]).');
    expect(msgs).toContain('Tiêu chí A1: tổng điểm các nội dung con là 20, không bằng điểm tối đa của tiêu chí (30).');
  });

  it('freezes a set once a round uses it: saving makes a new version, the database refuses a direct edit', async () => {
    const set = await saveSet();
    const u = await unit('X1');
    const r1 = await saveCriteriaSet(core.db, set.id, criteriaSetInput.parse({ ...smallSet(), name: 'Bộ nhỏ (sửa)' }));
    expect(r1).toMatchObject({ newVersion: false, set: { id: set.id, version: 1, name: 'Bộ nhỏ (sửa)' } });
    await round(set.id, [u.id]);
    expect((await getCriteriaSet(core.db, set.id)).frozen).toBe(true);
    const r2 = await saveCriteriaSet(
      core.db,
      set.id,
      criteriaSetInput.parse({ ...smallSet(), name: 'Bộ nhỏ 2026', year: 2026 }),
    );
    expect(r2.newVersion).toBe(true);
    expect(r2.set).toMatchObject({ version: 2, basedOnId: set.id, frozen: false, name: 'Bộ nhỏ 2026' });
    expect((await getCriteriaSet(core.db, set.id)).name).toBe('Bộ nhỏ (sửa)');
    await expect(sql`UPDATE scoring_sets SET content = '{}' WHERE id = ${set.id}`.execute(core.db)).rejects.toThrow(
      /không được sửa/,
    );
    expect((await refused(deleteCriteriaSet(core.db, set.id))).code).toBe('SET_IN_USE');
  });

  it('exports and imports JSON; a second import of the same code becomes the next version', async () => {
    const set = await saveSet();
    const bytes = exportCriteriaSetJson(set);
    const text = new TextDecoder().decode(bytes);
    expect(JSON.parse(text)).toMatchObject({
      format: 'bao-cao-noi-vu/bo-tieu-chi',
      formatVersion: 1,
      code: 'bo-nho',
      totalPoints: 100,
    });
    const again = await importCriteriaSet(core.db, 'bo-nho.json', bytes);
    expect(again).toMatchObject({ newVersion: true, set: { code: 'bo-nho', version: 2 } });
    const star = { ...JSON.parse(text), code: 'bo-sao', classes: STAR_CLASSES };
    const imported = await importCriteriaSet(core.db, 'bo-sao.json', new TextEncoder().encode(JSON.stringify(star)));
    expect(imported.set.classes.map((c) => c.label)).toEqual(['4 sao', '3 sao', '2 sao', '1 sao']);
  });

  it('names the file and the field of a bad set file; nothing is saved', async () => {
    const before = await dataFingerprint(core);
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    expect((await refused(importCriteriaSet(core.db, 'x.json', new TextEncoder().encode('{ nope')))).message).toMatch(
      /^Tệp “x.json” không phải là tệp JSON hợp lệ/,
    );
    expect((await refused(importCriteriaSet(core.db, 'y.json', enc({ a: 1 })))).message).toContain(
      'không phải là tệp bộ tiêu chí chấm điểm',
    );
    const negative = { format: 'bao-cao-noi-vu/bo-tieu-chi', formatVersion: 1, ...smallSet() };
    negative.groups[0]!.criteria[0]!.maxPoints = -3;
    expect((await refused(importCriteriaSet(core.db, 'z.json', enc(negative)))).message).toBe(
      'Tệp “z.json”, trường groups[0].criteria[0].maxPoints: Điểm tối đa của tiêu chí không được âm.',
    );
    const gap = {
      format: 'bao-cao-noi-vu/bo-tieu-chi',
      formatVersion: 1,
      ...smallSet({
        classes: [
          { code: 'A', label: 'Tốt', from: 90, to: null },
          { code: 'B', label: 'Yếu', from: 0, to: 80 },
        ],
      }),
    };
    const err = await refused(importCriteriaSet(core.db, 'gap.json', enc(gap)));
    expect(err.message).toContain('Tệp “gap.json”: Bộ tiêu chí “Bộ nhỏ” không hợp lệ: Có khoảng trống giữa mức “Yếu”');
    expect(err.where?.file).toBe('gap.json');
    expect(await dataFingerprint(core)).toBe(before);
  });
});

describe('a scoring round', () => {
  it('takes the active units by default, self-score and appraisal with live totals', async () => {
    const set = await saveSet();
    const a = await unit('A', 'ubnd_xa');
    await unit('B', 'so_nganh');
    const r = await round(set.id);
    expect(r.units.map((u) => u.code)).toEqual(['A', 'B']);
    expect(r.units.every((u) => u.stage === 'chua_cham')).toBe(true);
    let s = await save(r.id, a.id, 'self', [
      { code: 'A1', score: 30, note: 'Đủ' },
      { code: 'A2', score: 28.5 },
      { code: 'B1', score: 35 },
      { code: 'T1', score: 2 },
    ]);
    expect(s.stage).toBe('tu_cham');
    expect(s.self).toMatchObject({ base: 93.5, bonus: 2, total: 95.5, classLabel: 'Hoàn thành xuất sắc nhiệm vụ' });
    s = await save(r.id, a.id, 'appraisal', [
      { code: 'B1', score: 25, note: 'Minh chứng không đủ' },
      { code: 'D1', score: 3, note: 'Có 1 đoàn đông người' },
    ]);
    expect(s.stage).toBe('tham_dinh');
    expect(s.final).toMatchObject({
      base: 83.5,
      bonus: 2,
      deductions: 3,
      total: 82.5,
      classLabel: 'Hoàn thành tốt nhiệm vụ',
    });
    expect(s.events.map((e) => e.kind)).toEqual(['self_saved', 'appraisal_saved']);
    expect(s.events[1]!.note).toContain('B1: — → 25 (Minh chứng không đủ)');
  });

  it('changes the units of a round: adds active units, removes unscored ones, refuses to remove a unit with a score or history', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const b = await unit('B');
    const r = await round(set.id, [a.id]);
    const closed = await createUnit(core.db, {
      code: 'C',
      name: 'Đơn vị C',
      shortName: '',
      kind: 'so_nganh',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: '2020-12-31',
    });
    expect((await roundCandidates(core.db, r.id)).map((u) => u.code)).toEqual(['B']);
    // Adding: the new unit gets a line per item, after the others.
    let changed = await changeRoundUnits(core.db, r.id, [b.id], []);
    expect(changed.units.map((u) => u.code)).toEqual(['A', 'B']);
    expect(
      await core.db
        .selectFrom('scoring_lines as l')
        .innerJoin('scorings as s', 's.id', 'l.scoring_id')
        .select('l.code')
        .where('s.unit_id', '=', b.id)
        .execute(),
    ).toHaveLength(7);
    expect(await roundCandidates(core.db, r.id)).toEqual([]);
    expect((await refused(changeRoundUnits(core.db, r.id, [b.id], []))).message).toBe(
      'Đơn vị B đã có trong đợt “Chấm điểm công tác dân vận chính quyền năm 2025”.',
    );
    expect((await refused(changeRoundUnits(core.db, r.id, [closed.id], []))).message).toBe(
      'Đơn vị C không hoạt động trong năm 2025, không thêm vào đợt được.',
    );
    // A unit with a score cannot be removed; nothing changes, even the part of the request that was fine.
    await save(r.id, a.id, 'self', [{ code: 'A1', score: 10 }]);
    const before = await dataFingerprint(core);
    const err = await refused(changeRoundUnits(core.db, r.id, [], [a.id, b.id]));
    expect(err.code).toBe('UNIT_SCORED');
    expect(err.message).toBe(
      'Không bỏ được Đơn vị A khỏi đợt “Chấm điểm công tác dân vận chính quyền năm 2025”: đơn vị đã có điểm hoặc lịch sử chấm điểm (lịch sử được giữ nguyên).',
    );
    expect(await dataFingerprint(core)).toBe(before);
    // A score cleared again still leaves history: still refused.
    await save(r.id, a.id, 'self', [{ code: 'A1', score: null }]);
    expect((await refused(changeRoundUnits(core.db, r.id, [], [a.id]))).code).toBe('UNIT_SCORED');
    // The unscored unit goes, and can come back.
    changed = await changeRoundUnits(core.db, r.id, [], [b.id]);
    expect(changed.units.map((u) => u.code)).toEqual(['A']);
    expect((await roundCandidates(core.db, r.id)).map((u) => u.code)).toEqual(['B']);
    // Through the contract: errors cross as data.
    const dispatch = createDispatch(core);
    const res = await dispatch('scoring.rounds.units', { roundId: r.id, remove: [a.id] });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNIT_SCORED' } });
  });

  it('refuses a changed appraisal without a reason, and a score above the maximum; nothing is saved', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const r = await round(set.id);
    await save(r.id, a.id, 'self', [{ code: 'A1', score: 20 }]);
    const before = await dataFingerprint(core);
    const e1 = await refused(
      save(r.id, a.id, 'appraisal', [
        { code: 'A2', score: 10, note: '' },
        { code: 'A1', score: 15, note: '  ' },
      ]),
    );
    expect(e1.message).toBe('Chưa lưu: Tiêu chí A1: điểm thẩm định 15 khác điểm tự chấm 20 nên phải ghi lý do.');
    expect(e1.where?.field).toBe('A1');
    const e2 = await refused(
      save(r.id, a.id, 'self', [
        { code: 'A1', score: 20 },
        { code: 'B1', score: 40.5 },
        { code: 'ZZ', score: 1 },
      ]),
    );
    expect(e2.message).toBe('Chưa lưu: Tiêu chí B1: điểm 40,5 vượt điểm tối đa 40. (và 1 lỗi khác).');
    expect(e2.details!.map((d) => d.message)).toContain('Không có tiêu chí mã “ZZ” trong bộ tiêu chí “Bộ nhỏ”.');
    expect(await dataFingerprint(core)).toBe(before);
    // Below zero never passes the contract; the database refuses both bounds by itself.
    expect(
      saveScoresInput.safeParse({ roundId: r.id, unitId: a.id, side: 'self', lines: [{ code: 'A1', score: -1 }] }).error
        ?.issues[0]?.message,
    ).toBe('Điểm không được âm.');
    expect(
      saveScoresInput.safeParse({ roundId: r.id, unitId: a.id, side: 'self', lines: [{ code: 'A1', score: 1.234 }] })
        .error?.issues[0]?.message,
    ).toBe('Điểm chỉ được có tối đa hai chữ số thập phân.');
    await expect(sql`UPDATE scoring_lines SET self_c = 3001 WHERE code = 'A1'`.execute(core.db)).rejects.toThrow(
      /check constraint/i,
    );
    await expect(sql`UPDATE scoring_lines SET self_c = -1 WHERE code = 'A1'`.execute(core.db)).rejects.toThrow(
      /check constraint/i,
    );
    await expect(
      sql`UPDATE scoring_lines SET appraised_c = 100, reason = '' WHERE code = 'A1'`.execute(core.db),
    ).rejects.toThrow(/check constraint/i);
    // Same score as the self-score needs no reason.
    const ok = await save(r.id, a.id, 'appraisal', [{ code: 'A1', score: 20 }]);
    expect(ok.lines.find((l) => l.code === 'A1')).toMatchObject({ selfScore: 20, appraisedScore: 20, reason: '' });
    // Once appraised, the self-score stays as the department saw it.
    expect((await refused(save(r.id, a.id, 'self', [{ code: 'A1', score: 25 }]))).message).toContain(
      'đã được thẩm định (20 điểm)',
    );
  });

  it('approval locks; reopening needs a reason and is recorded in an append-only history', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const r = await round(set.id);
    await save(r.id, a.id, 'self', [
      { code: 'A1', score: 30 },
      { code: 'A2', score: 30 },
    ]);
    expect((await refused(approveScoring(core.db, r.id, a.id, '', ''))).message).toContain(
      'còn 1 tiêu chí chưa có điểm (B1)',
    );
    await save(r.id, a.id, 'self', [{ code: 'B1', score: 30 }]);
    const approved = await approveScoring(core.db, r.id, a.id, 'Hội đồng thống nhất', 'Trưởng phòng');
    expect(approved).toMatchObject({ stage: 'da_duyet', locked: true, final: { total: 90 } });
    expect(approved.lines.every((l) => l.appraisedScore === l.selfScore)).toBe(true);
    expect((await refused(save(r.id, a.id, 'appraisal', [{ code: 'B1', score: 20, note: 'x' }]))).code).toBe('LOCKED');
    await expect(
      sql`UPDATE scoring_lines SET appraised_c = 0, reason = 'x' WHERE code = 'B1'`.execute(core.db),
    ).rejects.toThrow(/đã được duyệt/);
    expect(saveScoresInput.safeParse({ roundId: r.id, unitId: a.id, side: 'self', lines: [] }).success).toBe(true);
    const reopened = await reopenScoring(core.db, r.id, a.id, 'Phát hiện sai sót ở tiêu chí B1', 'Giám đốc');
    expect(reopened.locked).toBe(false);
    const changed = await save(r.id, a.id, 'appraisal', [{ code: 'B1', score: 29.99, note: 'Trừ 0,01 do sai sót' }]);
    expect(changed.final).toMatchObject({ total: 89.99, classLabel: 'Hoàn thành tốt nhiệm vụ' });
    const again = await approveScoring(core.db, r.id, a.id, '', '');
    expect(again.events.map((e) => e.kind)).toEqual([
      'self_saved',
      'self_saved',
      'approved',
      'reopened',
      'appraisal_saved',
      'approved',
    ]);
    expect(again.events[3]).toMatchObject({ actor: 'Giám đốc', note: 'Phát hiện sai sót ở tiêu chí B1' });
    await expect(sql`DELETE FROM scoring_events`.execute(core.db)).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(sql`UPDATE scoring_events SET note = 'x'`.execute(core.db)).rejects.toThrow(/chỉ được ghi thêm/);
    expect((await refused(deleteRound(core.db, r.id))).code).toBe('ROUND_IN_USE');
  });

  it('ranks the round with ties explained and counts classes by unit kind', async () => {
    const set = await saveSet();
    const ids: number[] = [];
    for (const [code, kind] of [
      ['X1', 'ubnd_xa'],
      ['X2', 'ubnd_xa'],
      ['S1', 'so_nganh'],
      ['S2', 'so_nganh'],
    ] as const)
      ids.push((await unit(code, kind)).id);
    const r = await round(set.id);
    const give = (id: number, a1: number, a2: number, b1: number) =>
      save(r.id, id, 'self', [
        { code: 'A1', score: a1 },
        { code: 'A2', score: a2 },
        { code: 'B1', score: b1 },
      ]);
    await give(ids[0]!, 30, 30, 25); // 85
    await give(ids[1]!, 30, 30, 35); // 95
    await give(ids[2]!, 30, 25, 30); // 85
    await give(ids[3]!, 20, 20, 24.99); // 64.99
    const res = await roundResults(core.db, r.id);
    // The register lists X1, X2, S1, S2: within the tie, X1 comes first.
    expect(res.ranking.map((x) => [x.rankLabel, x.unitCode, x.total])).toEqual([
      ['1', 'X2', 95],
      ['2 (đồng hạng)', 'X1', 85],
      ['2 (đồng hạng)', 'S1', 85],
      ['4', 'S2', 64.99],
    ]);
    expect(res.ties).toEqual(['Hạng 2: Đơn vị X1, Đơn vị S1 cùng đạt 85 điểm, xếp đồng hạng; hạng kế tiếp là 4.']);
    expect(res.tieRule).toContain('đồng hạng');
    expect(res.classCounts).toEqual({ HTXS: 1, HTT: 2, HT: 0, KHT: 1 });
    expect(res.byKind).toEqual([
      { kind: 'so_nganh', kindLabel: 'Sở, ban, ngành', counts: { HTXS: 0, HTT: 1, HT: 0, KHT: 1 }, total: 2 },
      { kind: 'ubnd_xa', kindLabel: 'UBND xã', counts: { HTXS: 1, HTT: 1, HT: 0, KHT: 0 }, total: 2 },
    ]);
    expect(res.notApproved).toBe(4);
  });
});

describe('evidence files', () => {
  it('stores a file under the data folder with its SHA-256 and opens it through the platform', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const r = await round(set.id);
    const bytes = new TextEncoder().encode('%PDF-1.4 kế hoạch số 12');
    const s = await addEvidence(core.db, core.dataDir, r.id, a.id, 'A1', 'Kế hoạch 12.pdf', bytes);
    expect(s.evidence).toHaveLength(1);
    const e = s.evidence[0]!;
    expect(e).toMatchObject({ itemCode: 'A1', fileName: 'Kế hoạch 12.pdf', size: bytes.length });
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    const o = await openEvidence(core.db, core.dataDir, core.platform, e.id);
    expect(o.path.startsWith(path.join(core.dataDir, 'evidence') + path.sep)).toBe(true);
    expect(fs.readFileSync(o.path)).toEqual(Buffer.from(bytes));
    expect(opened).toEqual([o.path]);
    // A file changed behind the app's back is not opened.
    fs.writeFileSync(o.path, 'khác');
    expect((await refused(openEvidence(core.db, core.dataDir, core.platform, e.id))).code).toBe('EVIDENCE_CHANGED');
    const removed = await removeEvidence(core.db, r.id, a.id, e.id);
    expect(removed.evidence).toHaveLength(0);
    expect(removed.events.map((x) => x.kind)).toEqual(['evidence_added', 'evidence_removed']);
  });

  it('refuses executables (by name or by content) and files over the limit; nothing is stored', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const r = await round(set.id);
    const before = await dataFingerprint(core);
    const exe = await refused(
      addEvidence(core.db, core.dataDir, r.id, a.id, 'A1', 'caidat.exe', new Uint8Array([1, 2, 3])),
    );
    expect(exe.message).toContain('Tệp minh chứng “caidat.exe” có kiểu “.exe” không được nhận');
    const disguised = await refused(
      addEvidence(core.db, core.dataDir, r.id, a.id, 'A1', 'bao-cao.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0])),
    );
    expect(disguised.message).toBe(
      'Tệp minh chứng “bao-cao.pdf” thực chất là chương trình Windows (.exe/.dll), không được nhận vì lý do an toàn.',
    );
    const big = await refused(
      addEvidence(core.db, core.dataDir, r.id, a.id, 'A1', 'scan.pdf', new Uint8Array(MAX_EVIDENCE_BYTES + 1)),
    );
    expect(big.message).toMatch(/^Tệp minh chứng “scan.pdf” quá lớn \(hơn 25 MB\); mỗi tệp tối đa 25 MB/);
    expect(big.where?.file).toBe('scan.pdf');
    expect(await dataFingerprint(core)).toBe(before);
    expect(fs.existsSync(path.join(core.dataDir, 'evidence'))).toBe(false);
  });

  it('goes through the contract: bytes from the renderer, errors as data', async () => {
    const set = await saveSet();
    const a = await unit('A');
    const r = await round(set.id);
    const dispatch = createDispatch(core);
    const bad = await dispatch('scoring.evidence.add', {
      roundId: r.id,
      unitId: a.id,
      itemCode: 'A1',
      file: { fileName: 'x.bat', data: new Uint8Array([1]) },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_TYPE', where: { file: 'x.bat' } } });
    const good = await dispatch('scoring.evidence.add', {
      roundId: r.id,
      unitId: a.id,
      itemCode: 'A1',
      file: { fileName: 'anh.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    });
    expect(good.ok).toBe(true);
  });
});
