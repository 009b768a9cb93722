// Chấm điểm, xếp loại: the arithmetic (totals, caps, deductions, every threshold boundary, ties) and
// criteria sets (soundness, versions, freezing, JSON). Real SQLite on a temp file.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  deleteCriteriaSet,
  exportCriteriaSetJson,
  getCriteriaSet,
  importCriteriaSet,
  installDefaultCriteriaSet,
  listCriteriaSets,
  saveCriteriaSet,
} from '../../src/main/features/scoring/criteria-sets';
import { criteriaSetInput } from '../../src/shared/contract/scoring';
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
import { dataFingerprint } from './helpers';
import {
  core,
  DEFAULT_CLASSES,
  STAR_CLASSES,
  scores,
  unit,
  saveSet,
  round,
  refused,
  defaultContent,
  smallSet,
  useScoringCase,
} from './scoring-case';

useScoringCase();

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
