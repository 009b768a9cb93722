// Issue 13, points the first round of tests left unproved (see docs/WORKFLOW.md, "Issue 13: what
// proves each point"): the compiled draft of a closed period after a 1,000-unit import, the
// plausibility warnings against a unit's own history and with nothing to compare, a returned
// report's next workbook as a new revision with its own received date, and the scoring report's
// words about units not scored yet.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore, tempDir } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { fillWorkbook, filesIn, readBytes, setupCollect } from './collect-helpers';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';

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
const kinds = { mode: 'kinds' as const, kinds: ['ubnd_xa' as const] };

const AGENCY = {
  parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
  name: 'SỞ NỘI VỤ',
  abbreviation: 'SNV',
  place: 'Quảng Nam',
  draftingUnit: 'XDCQ',
  signers: [
    { fullName: 'Nguyễn Văn An', title: 'GIÁM ĐỐC', authorityPrefix: '' as const, authorityLine: '', isDefault: true },
  ],
};

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('the compiled draft of a closed period', () => {
  it('after 1,000 units are imported still says 8/21 and names only the 13 expected units that did not send', async () => {
    const ids = await addUnits(api, 21);
    const half = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: kinds,
    });
    for (const id of ids.slice(0, 8)) await sendReport(api, half.id, id, { DT01: 3 }, half.deadline);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã', 'Tên đơn vị', 'Loại']);
    for (let i = 1; i <= 1000; i++) ws.addRow([`N${String(i).padStart(4, '0')}`, `Xã mới số ${i}`, 'UBND xã']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await api('units.importCommit', { fileName: 'don-vi.xlsx', data })).created).toBe(1000);

    const draft = await api('compile.draft', { periodIds: [half.id], compareIds: [] });
    const text = draft.rendered.sections.map((s) => s.text).join('\n');
    expect(text).toContain('Có 8/21 cơ quan, đơn vị gửi báo cáo (8 đúng hạn, 0 nộp muộn)');
    const missing = /còn 13 cơ quan, đơn vị chưa gửi báo cáo: ([^(]*) \(chi tiết/.exec(text);
    expect(missing).not.toBeNull();
    expect(missing![1]!.split(', ')).toEqual(Array.from({ length: 13 }, (_, i) => `Xã số ${i + 9}`));
    expect(text).not.toContain('Xã mới số');
    expect(text).not.toMatch(/\/1021/);
    // The Word report says the same.
    await api('agency.save', AGENCY);
    const word = await api('compile.exportWord', { periodIds: [half.id], compareIds: [] });
    const doc = await docxText(word.path!);
    expect(doc).toContain('Số cơ quan, đơn vị phải báo cáo: 21; đã gửi: 8');
    expect(doc).not.toContain('Xã mới số');
  });
});

describe('plausibility against the unit itself', () => {
  it("warns about a value ten times the unit's own largest, and a huge count with nothing to compare", async () => {
    const s = await setupCollect(core.db, 2, { year: lastYear });
    const tpl = s.period.templateId;
    // Last year's first half: X001 reported 4 dialogues.
    await sendReport(api, s.period.id, s.units[0]!.id, { DT01: 4 }, s.period.deadline);
    const next = await api('periods.create', {
      type: 'quarter',
      year: lastYear,
      index: 4,
      templateId: tpl,
      expected: kinds,
    });
    const out = tempDir('bcnv-wf-own-');
    await exportCollectBooks(core.db, out, { periodId: next.id, unitId: null });
    const books = filesIn(out).map(readBytes);
    const own = await fillWorkbook(books[0]!, { DT01: 41 });
    const lone = await fillWorkbook(books[1]!, { DT01: 20_000_000 });
    const review = await analyzeCollect(core, next.id, [
      { fileName: 'tam-xuan.xlsx', data: own },
      { fileName: 'dai-loc.xlsx', data: lone },
    ]);
    const warningsOf = (i: number) =>
      review.items[i]!.warnings.map((w) => w.message).filter((m) => !/chỉ điền/.test(m));
    expect(warningsOf(0)).toEqual([
      expect.stringMatching(/^Ô D\d+ \(DT01 — .*\): 41 cao bất thường \(số lớn nhất đơn vị từng báo cáo là 4\)/),
    ]);
    expect(warningsOf(1)).toEqual([
      expect.stringMatching(/^Ô D\d+ \(DT01 — .*\): 20\.000\.000 cao bất thường \(số đếm quá lớn đối với một đơn vị\)/),
    ]);
    // Warnings, never refusals: both can be taken once confirmed.
    expect(review.items.map((i) => [i.acceptable, i.suggested, i.problems.length])).toEqual([
      [true, false, 0],
      [true, false, 0],
    ]);
    // Forty is not ten times four: no warning.
    const fine = await analyzeCollect(core, next.id, [
      { fileName: 'tam-xuan-2.xlsx', data: await fillWorkbook(books[0]!, { DT01: 40 }) },
    ]);
    expect(fine.items[0]!.warnings.filter((w) => /DT01/.test(w.message))).toEqual([]);
  });
});

describe('a returned report', () => {
  it("takes the unit's next workbook as a new revision, received on the day it came", async () => {
    const s = await setupCollect(core.db, 1, { year: lastYear });
    const out = tempDir('bcnv-wf-ret-');
    await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
    const [book] = filesIn(out).map(readBytes);
    const first = await analyzeCollect(core, s.period.id, [
      { fileName: 'lan-1.xlsx', data: await fillWorkbook(book!, { DT01: 2, DT02: 5, DT03: 9 }) },
    ]);
    await commitCollect(core, first.batchId, [{ index: 0, map: false }], 'Văn thư', new Date(), `${lastYear}-06-16`);
    const unitId = s.units[0]!.id;
    await api('reports.return', { periodId: s.period.id, unitId, reason: 'DT03 lớn hơn DT02' });
    const board = await api('dashboard.board', { periodId: s.period.id });
    expect(board.rows[0]).toMatchObject({ status: 'tra_lai', receivedDate: null });
    const second = await analyzeCollect(core, s.period.id, [
      { fileName: 'lan-2.xlsx', data: await fillWorkbook(book!, { DT01: 2, DT02: 9, DT03: 5 }) },
    ]);
    expect(second.items[0]).toMatchObject({ status: 'changed', acceptable: true, problems: [] });
    const saved = await commitCollect(
      core,
      second.batchId,
      [{ index: 0, map: false }],
      'Văn thư',
      new Date(),
      `${lastYear}-06-24`,
    );
    expect(saved.saved[0]).toMatchObject({ revision: 2, status: 'da_nop', receivedDate: `${lastYear}-06-24` });
    const h = await api('reports.history', { periodId: s.period.id, unitId });
    expect(h.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(h.events.map((e) => e.to)).toEqual(['dang_nhap', 'da_nop', 'tra_lai', 'dang_nhap', 'da_nop']);
    // As of the day before the second file the first one stood (the return was recorded today).
    const before = await api('dashboard.board', { periodId: s.period.id, asOf: `${lastYear}-06-23` });
    expect(before.rows[0]).toMatchObject({ status: 'da_nop', receivedDate: `${lastYear}-06-16` });
  });
});

describe('scoring documents and units not scored yet', () => {
  it('the Word report and the results book name them apart, never as a class, never as "điểm tạm tính"', async () => {
    const ids = await addUnits(api, 4);
    await api('agency.save', AGENCY);
    const set = (await api('scoring.sets.list', undefined))[0]!;
    const round = await api('scoring.rounds.create', { year: lastYear, setId: set.id });
    // Xã số 1 scored on every line, Xã số 2 on one criterion only, the others not at all.
    const sheet = await api('scoring.unit.get', { roundId: round.id, unitId: ids[0]! });
    await api('scoring.unit.save', {
      roundId: round.id,
      unitId: ids[0]!,
      side: 'self',
      lines: sheet.lines.map((l) => ({ code: l.code, score: 0 })),
    });
    await api('scoring.unit.save', {
      roundId: round.id,
      unitId: ids[1]!,
      side: 'self',
      lines: sheet.lines.slice(0, 1).map((l) => ({ code: l.code, score: 1 })),
    });
    const results = await api('scoring.results', { roundId: round.id });
    expect(results.unscored.map((u) => u.unitName)).toEqual(['Xã số 3', 'Xã số 4']);
    expect(results.ranking.map((u) => u.unitName)).toEqual(['Xã số 1']);
    expect(results.incomplete.map((u) => u.unitName)).toEqual(['Xã số 2']);
    const doc = await api('scoring.export.docx', { roundId: round.id, takeNumber: false });
    const text = await docxText(doc.path!);
    expect(text).toContain('Tổng số cơ quan, đơn vị, địa phương được đánh giá: 1; đã được duyệt kết quả: 0');
    expect(text).toContain('chưa duyệt: 1 (điểm của đơn vị này là điểm tạm tính)');
    expect(text).toContain(
      'Chưa chấm điểm: 2 đơn vị (Xã số 3, Xã số 4), không xếp loại, không xếp hạng và không tính vào số liệu trên.',
    );
    expect(text).toMatch(
      /Chấm chưa đủ tiêu chí: 1 đơn vị \(Xã số 2: còn (\d+)\/\d+ tiêu chí\), chưa xếp loại, không xếp hạng và không tính vào số liệu trên\./,
    );
    const xlsx = await api('scoring.export.xlsx', { roundId: round.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path!);
    const cells = wb.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    });
    expect(cells.some((t) => t.includes('Chưa chấm điểm: 2 đơn vị (Xã số 3, Xã số 4)'))).toBe(true);
    expect(cells.some((t) => t.includes('Chấm chưa đủ tiêu chí: 1 đơn vị (Xã số 2: còn'))).toBe(true);
    expect(cells.filter((t) => t === 'Xã số 2')).toEqual([]);
  });
});
