// Issue 13, the figures around the statuses: targets about each unit judged unit by unit, the
// plausibility warnings of a review, the received date of each imported file, and the board,
// Tổng hợp, the reminder and scoring agreeing on one data set.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore, tempDir } from './helpers';
import { apiOf, addUnits, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { fillWorkbook, filesIn, readBytes, setupCollect } from './collect-helpers';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { proposeTargetScope } from '../../src/main/features/plan-import/reader/target-scope';
import { todayIso } from '../../src/shared/format';
import { addDays } from '../../src/shared/domain/periods';
import type ExcelJS from 'exceljs';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

const lastYear = thisYear - 1;

describe('targets about each unit', () => {
  it('"mỗi đơn vị có ít nhất 01 mô hình" is judged unit by unit: x/y đơn vị đạt, the others named', async () => {
    const ids = await addUnits(api, 30);
    const plan = await api('plans.create', {
      type: 'KH',
      summary: 'Dân vận khéo',
      targets: [
        {
          text: 'Mỗi cơ quan, đơn vị có ít nhất 01 mô hình "Dân vận khéo"',
          indicatorCode: 'DV01',
          comparator: 'it_nhat',
          value: '1',
          valueUnit: 'mô hình',
          scope: 'each_unit',
        },
        {
          text: 'Toàn tỉnh có ít nhất 30 mô hình',
          indicatorCode: 'DV01',
          comparator: 'it_nhat',
          value: 30,
          valueUnit: 'mô hình',
        },
      ],
    });
    expect(plan.targets.map((t) => t.scope)).toEqual(['each_unit', 'total']);
    const p = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      planId: plan.id,
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    // 20 units with models (one with 17: 37 in all), 9 with none, one never reported.
    for (const [k, id] of ids.entries()) {
      if (k === 29) continue;
      await sendReport(api, p.id, id, { DV01: k < 20 ? (k === 0 ? 18 : 1) : 0 }, `${lastYear}-06-16`);
    }
    const c = await api('compile.show', { periodIds: [p.id], compareIds: [] });
    const [each, total] = c.targets;
    expect(total).toMatchObject({ scope: 'total', actual: '37', met: true, units: null });
    expect(each).toMatchObject({ scope: 'each_unit', actual: '20', met: false, gap: '-10' });
    expect(each!.units).toMatchObject({ met: 20, judged: 30 });
    expect(each!.units!.missing.map((m) => [m.name, m.value])).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [`Xã số ${21 + i}`, '0']),
      ['Xã số 30', null],
    ]);
    expect(each!.measure).toBe('20/30 đơn vị đạt (đánh giá từng đơn vị), 1 đơn vị chưa có số liệu');
    // The Word report names the units that miss in its annex.
    await api('agency.save', {
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [
        { fullName: 'Nguyễn Văn An', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
      ],
    });
    const word = await api('compile.exportWord', { periodIds: [p.id], compareIds: [] });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(word.path!))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Chưa đạt: 20/30 đơn vị đạt');
    expect(text).toContain('chưa đạt gồm Xã số 21 (0); Xã số 22 (0)');
    expect(text).toContain('Xã số 30 (chưa có số liệu)');
  });

  it('the plan reader proposes the scope from the words of the target', () => {
    const line = 'Phấn đấu mỗi cơ quan, đơn vị có ít nhất 01 mô hình "Dân vận khéo"; trên 80% xã đạt chuẩn.';
    expect(proposeTargetScope(line, line.indexOf('ít nhất'), line.indexOf(';'), 'mô hình')).toBe('each_unit');
    expect(proposeTargetScope(line, line.indexOf('trên 80'), line.length - 1, '%')).toBe('rate');
    const total = 'Toàn tỉnh có ít nhất 50 mô hình.';
    expect(proposeTargetScope(total, total.indexOf('ít nhất'), total.length - 1, 'mô hình')).toBe('total');
    const each = '100% xã, phường; từng xã tổ chức ít nhất 02 hội nghị đối thoại.';
    expect(proposeTargetScope(each, each.indexOf('ít nhất'), each.length - 1, 'hội nghị')).toBe('each_unit');
  });
});

describe('plausibility and received dates in the Excel review', () => {
  it('warns (never refuses) about a value far outside history and peers; each file keeps its received day', async () => {
    const s = await setupCollect(core.db, 7);
    const out = tempDir('bcnv-wf-collect-');
    await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
    const books = filesIn(out).map(readBytes);
    const full = (dt01: number): Record<string, ExcelJS.CellValue> => ({
      DT01: dt01,
      DT02: 10,
      DT03: 8,
      TD01: 4,
      TD02: 20,
      TD03: 1,
      TD04: 2,
      LD01: 3,
      LD02: 1,
      LD03: 40,
      LD04: 'Có',
      DN01: 1,
      DN02: 2,
      DN03: 1,
      DN04: 1,
      HC01: 10,
      HC02: 9,
      HC03: 9,
      HC04: 0,
      DC01: 1,
      DC02: 'Có',
      DC03: 2,
      DV01: 1,
      DV02: 1,
      DV03: 0,
      DV04: 'Có',
    });
    // Six peers report a few dialogues; the seventh types 10^15.
    const peers = await Promise.all(books.slice(0, 6).map((b, i) => fillWorkbook(b, full(2 + i))));
    const first = await analyzeCollect(
      core,
      s.period.id,
      peers.map((data, i) => ({ fileName: `don-vi-${i + 1}.xlsx`, data })),
    );
    expect(first.items.map((i) => i.warnings)).toEqual(peers.map(() => []));
    const r = await commitCollect(
      core,
      first.batchId,
      first.items.map((i) => ({
        index: i.index,
        map: false,
        receivedDate: i.index === 0 ? `${s.period.year}-06-10` : null,
      })),
      'Văn thư',
      new Date(),
      `${s.period.year}-06-16`,
    );
    expect(r.saved.map((x) => x.receivedDate)).toEqual([
      `${s.period.year}-06-10`,
      ...Array.from({ length: 5 }, () => `${s.period.year}-06-16`),
    ]);
    const wild = await fillWorkbook(books[6]!, full(1_000_000_000_000_000));
    const second = await analyzeCollect(core, s.period.id, [{ fileName: 'so-lieu-la.xlsx', data: wild }]);
    const item = second.items[0]!;
    expect(item).toMatchObject({ status: 'new', acceptable: true, suggested: false, problems: [] });
    expect(item.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^Ô D\d+ \(DT01 — .*\): 1\.000\.000\.000\.000\.000 cao bất thường \(các đơn vị cùng loại thường không quá 7\)/,
      ),
    ]);
    expect(item.warnings[0]!.where).toMatchObject({ file: 'so-lieu-la.xlsx', cell: expect.stringMatching(/^D\d+$/) });
    // Confirmed by ticking: received on the day it came, not today.
    await refusedFuture(second.batchId, addDays(todayIso(), 1));
    const saved = await commitCollect(
      core,
      second.batchId,
      [{ index: 0, map: false }],
      'Văn thư',
      new Date(),
      `${s.period.year}-06-25`,
    );
    expect(saved.saved[0]).toMatchObject({ status: 'da_nop', receivedDate: `${s.period.year}-06-25` });
    const board = await api('dashboard.board', { periodId: s.period.id, asOf: `${s.period.year}-06-20` });
    expect(board.counts).toMatchObject({ expected: 7, received: 6, onTime: 6 });
  });
});

async function refusedFuture(batchId: string, day: string): Promise<void> {
  await expect(commitCollect(core, batchId, [{ index: 0, map: false, receivedDate: day }])).rejects.toThrow(
    /sau hôm nay: chỉ ghi nhận tệp đã đến\. Chưa nhập gì\./,
  );
}

describe('one data set, the same counts everywhere', () => {
  it('board, Tổng hợp, reminder and scoring agree', async () => {
    const ids = await addUnits(api, 8);
    const p = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const d = p.deadline;
    await sendReport(api, p.id, ids[0]!, { DT01: 1 }, d);
    await sendReport(api, p.id, ids[1]!, { DT01: 2 }, addDays(d, 4));
    await sendReport(api, p.id, ids[2]!, { DT01: 3, DT02: 1, DT03: 5 }, addDays(d, -2), true);
    await sendReport(api, p.id, ids[3]!, { DT01: 4 }, d);
    await api('reports.accept', { periodId: p.id, unitId: ids[3]! });
    await sendReport(api, p.id, ids[4]!, { DT01: 5 }, d);
    await api('reports.return', { periodId: p.id, unitId: ids[4]!, reason: 'Thiếu số liệu' });
    await sendReport(api, p.id, ids[5]!, { DT01: 6 }, null);
    const board = await api('dashboard.board', { periodId: p.id });
    const compiled = await api('compile.show', { periodIds: [p.id], compareIds: [] });
    const st = compiled.current.status;
    expect(board.counts).toEqual(st.counts);
    // X3's breach was recorded as received without a reason: Tổng hợp says its figures are added as sent.
    expect(compiled.current.notes).toContainEqual(
      expect.stringMatching(
        /^1 báo cáo đã nhận có quy tắc kiểm tra chưa đạt mà chưa ghi lý do \(Xã số 3: DT03 \(5\) ≤ DT02 \(1\)\)/,
      ),
    );
    expect(board.counts).toMatchObject({
      expected: 8,
      received: 4,
      onTime: 3,
      late: 1,
      notReceived: 4,
      withBreaches: 1,
    });
    expect([st.expected, st.reported, st.onTime, st.late, st.missing]).toEqual([8, 4, 3, 1, 4]);
    expect(compiled.current.indicators.find((i) => i.code === 'DT01')!.value).toBe('10'); // 1 + 2 + 3 + 4
    const labels = Object.fromEntries(board.rows.map((r) => [r.unitId, r.label]));
    for (const u of compiled.current.units) expect(u.label, u.name).toBe(labels[u.unitId]);
    // The reminder goes to exactly the units not received; a received one is refused by name.
    await api('agency.save', {
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [
        { fullName: 'Nguyễn Văn An', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
      ],
    });
    const notReceived = board.rows.filter((r) => r.status !== 'da_nop' && r.status !== 'da_duyet');
    expect(notReceived.length).toBe(board.counts.notReceived);
    await expect(
      api('reports.reminder', { periodId: p.id, unitIds: [ids[0]!], newDeadline: addDays(todayIso(), 5) }),
    ).rejects.toThrow(/Xã số 1: đã nộp đúng hạn, không cần đôn đốc/);
    // Scoring of the same units: one scored, the rest "chưa chấm", outside ranking and classes.
    const set = (await api('scoring.sets.list', undefined))[0]!;
    const round = await api('scoring.rounds.create', { year: lastYear, setId: set.id });
    expect(round.units.length).toBe(board.counts.expected);
    const sheet = await api('scoring.unit.get', { roundId: round.id, unitId: ids[0]! });
    await api('scoring.unit.save', {
      roundId: round.id,
      unitId: ids[0]!,
      side: 'self',
      lines: sheet.lines.map((l) => ({ code: l.code, score: 0 })),
    });
    const results = await api('scoring.results', { roundId: round.id });
    expect(results.ranking.map((r) => r.unitId)).toEqual([ids[0]]);
    expect(results.incomplete).toEqual([]);
    expect(results.unscored.length).toBe(7);
    expect(Object.values(results.classCounts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(path.basename(core.dataDir)).toBeTruthy();
  });
});
