// Chấm điểm, xếp loại: rounds, self-score and appraisal, approval and reopening, evidence files, and
// the bad input of issue 8. Real SQLite on a temp file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDispatch } from '../../src/main/dispatch';
import { createUnit } from '../../src/main/features/units/units';
import { addEvidence, openEvidence, removeEvidence } from '../../src/main/features/scoring/scoring-evidence';
import { approveScoring, reopenScoring } from '../../src/main/features/scoring/unit-scoring';
import { changeRoundUnits, deleteRound, roundCandidates } from '../../src/main/features/scoring/rounds';
import { roundResults } from '../../src/main/features/scoring/round-results';
import { MAX_EVIDENCE_BYTES } from '../../src/main/features/scoring/evidence';
import { saveScoresInput } from '../../src/shared/contract/scoring';
import { dataFingerprint } from './helpers';
import { core, opened, save, unit, saveSet, round, refused, useScoringCase } from './scoring-case';
import { blankUnit } from './refusals';

useScoringCase();

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
    const closed = await createUnit(core.db, blankUnit('C', { activeTo: '2020-12-31' }));
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
