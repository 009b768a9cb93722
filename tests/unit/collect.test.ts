// Collecting reports by Excel: the workbook that goes out and the review of what comes back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollect, exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { buildCollectWorkbook, collectFileName } from '../../src/main/features/collect/collect-book';
import { INPUT_SHEET } from '../../src/main/features/collect/collect-cells';
import { getReportForm, reportHistory, saveReportValues } from '../../src/main/features/reports/reports';
import { getTemplate, saveTemplate } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { createUnit } from '../../src/main/features/units/units';
import { bookSecret } from '../../src/main/features/safety/settings';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { templateContentInput } from '../../src/shared/contract/templates';
import { dataFingerprint } from './helpers';
import { fillWorkbook, filesIn, readBytes } from './collect-helpers';
import { core, dir, s, out, book, analyze, expectRefusal, useCollectCase } from './collect-case';
import { blankUnit } from './refusals';

useCollectCase();

describe('export', () => {
  it('writes one workbook per expected unit, named Bieu-nhap-lieu_period_code-short name, atomically, with progress', async () => {
    const names = fs.readdirSync(out).sort();
    expect(names).toEqual([
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X001-Tam-Xuan.xlsx',
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X002-Xa-Dai-Loc.xlsx',
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X003-Phuong-Hoi-An.xlsx',
    ]);
    const one = path.join(dir, 'one');
    const files = await exportCollectBooks(core.db, one, {
      periodId: s.period.id,
      unitId: s.units[1]!.id,
    });
    expect(files.map((f) => f.unitCode)).toEqual(['X002']);
    expect(fs.readdirSync(one)).toEqual(['Bieu-nhap-lieu_6-thang-dau-nam-2025_X002-Xa-Dai-Loc.xlsx']);
    // Through the contract: the platform is asked for the folder; the core follows the job.
    const r = await exportCollect(core, { periodId: s.period.id, unitId: null, jobId: 'job-export-1' });
    expect(core.jobs.progress('job-export-1')).toMatchObject({
      done: 3,
      total: 3,
      finished: true,
      label: 'Xuất biểu nhập liệu',
    });
    expect(r.saved).toBe(true);
    expect(r.files).toHaveLength(3);
    expect(fs.readdirSync(r.folder!).filter((f) => f.endsWith('.xlsx'))).toHaveLength(3);
  });

  it('makes file names safe whatever the names are', () => {
    expect(
      collectFileName(
        { name: 'Quý I/2025: "đặc biệt"' },
        { code: 'A/B\\C', shortName: '', name: 'UBND xã Đắk Pring <mới>' },
      ),
    ).toBe('Bieu-nhap-lieu_Quy-I-2025-dac-biet_A-B-C-UBND-xa-Dak-Pring-moi.xlsx');
  });

  it('refuses a unit that does not report in the period', async () => {
    const other = await createUnit(core.db, blankUnit('S001', { name: 'Sở Tư pháp' }));
    await expectRefusal(
      exportCollectBooks(core.db, path.join(dir, 'x'), { periodId: s.period.id, unitId: other.id }),
      /không thuộc danh sách phải báo cáo/,
    );
  });

  it('writes every outside text as text, never as a formula', async () => {
    const evil = await createUnit(core.db, {
      code: 'X999',
      name: '=HYPERLINK("http://x","Bấm")',
      shortName: '+cmd',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    const bytes = await buildCollectWorkbook({
      agency: { parentName: '@SUM(A1)', name: '-2+3' },
      unit: evil,
      period: s.period,
      template: await getTemplate(core.db, s.period.templateId),
      values: { TX05: '=1+2', 'muc:I': '\tTab đầu dòng' },
      generatedAt: new Date().toISOString(),
      secret: await bookSecret(core.db),
    });
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/worksheets/sheet'))
        .map((n) => zip.file(n)!.async('string')),
    );
    const formulas = sheets.flatMap((x) => [...x.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!));
    // The only formulas are the app's own (rates and rule checks), none carries an outside text.
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^(IF|AND)\(/);
    expect(formulas.join(' ')).not.toMatch(/HYPERLINK|SUM\(A1\)|1\+2|cmd/);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;Bấm&quot;)');
  });
});

describe('round trip', () => {
  it('reads back every indicator type exactly, then sees a re-issued book as identical', async () => {
    const content = templateContentInput.parse({
      code: 'kieu-du-lieu',
      name: 'Mẫu đủ các kiểu dữ liệu',
      sections: [
        { number: 'I', title: 'Nội dung', hint: 'Viết ngắn gọn', level: 1, hasText: true },
        { number: 'II', title: 'Nhóm', hint: '', level: 1, hasText: false },
      ],
      indicators: [
        {
          code: 'C1',
          name: 'Số đếm',
          unit: 'cuộc',
          type: 'count',
          rule: 'SUM',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Số liệu',
        },
        {
          code: 'C2',
          name: 'Số đếm lớn',
          unit: 'lượt',
          type: 'count',
          rule: 'SUM',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Số liệu',
        },
        {
          code: 'A1',
          name: 'Số tiền',
          unit: 'triệu đồng',
          type: 'amount',
          rule: 'SUM',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Số liệu',
        },
        {
          code: 'P1',
          name: 'Tỷ lệ tự báo',
          unit: '%',
          type: 'percent',
          rule: 'NONE',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Số liệu',
        },
        {
          code: 'R1',
          name: 'Tỷ lệ tính',
          unit: '%',
          type: 'percent',
          rule: 'RATE',
          numerator: 'C1',
          denominator: 'C2',
          accumulation: 'period',
          group: 'Số liệu',
        },
        {
          code: 'B1',
          name: 'Có hay không',
          unit: '',
          type: 'yesno',
          rule: 'SHARE',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Khác',
        },
        {
          code: 'B2',
          name: 'Có hay không 2',
          unit: '',
          type: 'yesno',
          rule: 'SHARE',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Khác',
        },
        {
          code: 'T1',
          name: 'Văn bản',
          unit: '',
          type: 'text',
          rule: 'TEXT',
          numerator: null,
          denominator: null,
          accumulation: 'period',
          group: 'Khác',
        },
      ],
      rules: [{ expression: 'C1 <= C2', message: '' }],
    });
    const { template } = await saveTemplate(core.db, null, content);
    const period = await createPeriod(
      core.db,
      periodInput.parse({
        type: 'year',
        year: 2025,
        templateId: template.id,
        expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
      }),
    );
    const folder = path.join(dir, 'types');
    await exportCollectBooks(core.db, folder, { periodId: period.id, unitId: s.units[0]!.id });
    const filled = await fillWorkbook(readBytes(filesIn(folder)[0]!), {
      C1: 12,
      C2: 1234567,
      A1: 1234.56,
      P1: 0.1 + 0.2, // a float as Excel would keep it: read as 0.3
      B1: 'Có',
      B2: 'Không',
      T1: '=không phải công thức\nDòng hai',
      'muc:I': 'Mục I: số liệu "đầy đủ", có dấu tiếng Việt ở đây.',
    });
    const review = await analyzeCollect(core, period.id, [{ fileName: 'du-kieu.xlsx', data: filled }]);
    const item = review.items[0]!;
    expect(item.problems).toEqual([]);
    expect(item.status).toBe('new');
    expect(item.changedCount).toBe(8);
    const expected = {
      C1: '12',
      C2: '1234567',
      A1: '1234.56',
      P1: '0.3',
      B1: '1',
      B2: '0',
      T1: '=không phải công thức\nDòng hai',
      'muc:I': 'Mục I: số liệu "đầy đủ", có dấu tiếng Việt ở đây.',
    };
    expect(Object.fromEntries(item.changes.map((c) => [c.key, c.newValue]))).toEqual(expected);
    expect(item.changes.find((c) => c.key === 'A1')!.newText).toBe('1.234,56');
    expect(item.changes.find((c) => c.key === 'B1')!.newText).toBe('Có');
    await commitCollect(core, review.batchId, [{ index: 0, map: false }]);
    const form = await getReportForm(core.db, period.id, s.units[0]!.id);
    expect(form.values).toEqual(expected);
    expect(form.computed.R1).toBe('0');
    expect(form.report.status).toBe('da_nop');
    expect(form.report.channel).toBe('imported');

    // A book issued again carries the stored values and reads back as identical.
    const again = path.join(dir, 'again');
    await exportCollectBooks(core.db, again, { periodId: period.id, unitId: s.units[0]!.id });
    const second = await analyzeCollect(core, period.id, [
      { fileName: 'lan-2.xlsx', data: readBytes(filesIn(again)[0]!) },
    ]);
    expect(second.items[0]!.problems).toEqual([]);
    expect(second.items[0]!.status).toBe('identical');
    expect(second.items[0]!.acceptable).toBe(false); // already submitted: nothing to do
  });

  it('stores accepted files as revisions with the file name and SHA-256, and keeps a copy', async () => {
    const good = await fillWorkbook(book(0), {
      DT01: 3,
      DT02: 10,
      DT03: 7,
      LD04: 'Có',
      'muc:I': 'Đã ban hành 2 kế hoạch.',
    });
    const review = await analyze([{ fileName: 'Tam Xuân.xlsx', data: good }], s.period.id, 'job-read-1');
    expect(core.jobs.progress('job-read-1')).toMatchObject({ done: 1, total: 1, finished: true });
    const item = review.items[0]!;
    // 5 of the input cells filled: a warning to confirm, so the file is not ticked for the user.
    expect(item).toMatchObject({ status: 'new', changedCount: 5, suggested: false, willSubmit: true, breaches: [] });
    expect(item.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/chỉ điền 5\/\d+ ô nhập liệu/)]);
    const result = await commitCollect(core, review.batchId, [{ index: 0, map: false }]);
    expect(result.saved).toEqual([
      expect.objectContaining({
        fileName: 'Tam Xuân.xlsx',
        unitCode: 'X001',
        revision: 1,
        status: 'da_nop',
        changedCount: 5,
        breachCount: 0,
      }),
    ]);
    const history = await reportHistory(core.db, s.period.id, s.units[0]!.id);
    expect(history.revisions[0]!.note).toContain('Tam Xuân.xlsx');
    expect(history.revisions[0]!.note).toContain(item.sha256.slice(0, 16));
    expect(history.revisions[0]!.actor).toBe('Nhập biểu Excel');
    const src = await core.db.selectFrom('collect_sources').selectAll().executeTakeFirstOrThrow();
    expect(src).toMatchObject({
      channel: 'excel',
      file_name: 'Tam Xuân.xlsx',
      sha256: item.sha256,
      revision: 1,
      size: good.length,
    });
    const kept = path.join(core.dataDir, src.stored_path);
    expect(src.stored_path.startsWith('sources/')).toBe(true);
    expect(Buffer.compare(fs.readFileSync(kept), Buffer.from(good))).toBe(0);
    // The same file again: identical, and the review says it was imported before.
    const again = await analyze([{ fileName: 'Tam Xuân (1).xlsx', data: good }]);
    expect(again.items[0]).toMatchObject({ status: 'identical', previouslyImported: { fileName: 'Tam Xuân.xlsx' } });
  });

  it('shows the diff old → new of a changed report', async () => {
    await saveReportValues(
      core.db,
      saveValuesInput.parse({
        periodId: s.period.id,
        unitId: s.units[1]!.id,
        values: [
          { key: 'TD01', input: 4 },
          { key: 'TD02', input: 30 },
        ],
      }),
    );
    const changed = await fillWorkbook(book(1), { TD01: 5, TD02: 30, TD03: 1 });
    const review = await analyze([{ fileName: 'dai-loc.xlsx', data: changed }]);
    const item = review.items[0]!;
    expect(item.status).toBe('changed');
    expect(item.changedCount).toBe(2);
    expect(item.changes.map((c) => [c.key, c.oldText, c.newText])).toEqual([
      ['TD01', '4', '5'],
      ['TD03', '', '1'],
    ]);
  });

  it('imports a value that breaks a rule: the report is received ("đã nộp"), the breach flagged', async () => {
    const before = await dataFingerprint(core);
    const bad = await fillWorkbook(book(0), { DT02: 10, DT03: 12 });
    const review = await analyze([{ fileName: 'vuot.xlsx', data: bad }]);
    const item = review.items[0]!;
    expect(item.status).toBe('new');
    expect(item.breaches).toEqual([
      { detail: 'DT03 (12) ≤ DT02 (10)', message: expect.stringContaining('không thể nhiều hơn') },
    ]);
    expect(item.willSubmit).toBe(true);
    expect(await dataFingerprint(core)).toBe(before);
    const r = await commitCollect(core, review.batchId, [{ index: 0, map: false }]);
    expect(r.saved[0]).toMatchObject({ status: 'da_nop', breachCount: 1 });
    const form = await getReportForm(core.db, s.period.id, s.units[0]!.id);
    expect(form.values.DT03).toBe('12');
    expect(form.checks.find((c) => c.expression === 'DT03 <= DT02')!.holds).toBe(false);
  });

  it('imports a workbook with extra sheets and rows at the end, and with a row inserted above the table', async () => {
    const data = await fillWorkbook(book(2), { HC01: 100, HC02: 80, HC03: 75 }, (wb, ws) => {
      wb.addWorksheet('Ghi chú của đơn vị').getCell('A1').value = 'Số liệu đã được lãnh đạo duyệt';
      const last = ws.rowCount;
      ws.getCell(last + 3, 2).value = 'Người lập biểu: Nguyễn Văn A';
      ws.getCell(last + 4, 4).value = 999;
    });
    const review = await analyze([{ fileName: 'them-dong.xlsx', data }]);
    expect(review.items[0]!.problems).toEqual([]);
    expect(review.items[0]!.changes.map((c) => c.key)).toEqual(['HC01', 'HC02', 'HC03']);

    // Rows inserted above move every cell down: the reader finds them by their code.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await fillWorkbook(book(2), { HC01: 7 })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(INPUT_SHEET)!;
    ws.unMergeCells('A1:D1'); // exceljs cannot shift merged cells
    ws.spliceRows(1, 0, ['Dòng đơn vị tự thêm ở đầu']);
    const moved = new Uint8Array(await wb.xlsx.writeBuffer());
    const r2 = await analyze([{ fileName: 'chen-dong.xlsx', data: moved }]);
    const item = r2.items[0]!;
    expect(item.problems).toEqual([]);
    expect(item.changes.map((c) => [c.key, c.newValue])).toEqual([['HC01', '7']]);
    expect(item.notes.some((n) => /đã dời từ dòng \d+ sang dòng \d+/.test(n.message))).toBe(true);
  });

  it('reads the cached value of a formula typed into an input cell, never evaluating it', async () => {
    const data = await fillWorkbook(book(0), {
      DT02: { formula: '5+5', result: 10 } as ExcelJS.CellFormulaValue,
      // A cached value that disagrees with the formula proves nothing is recomputed.
      DT01: { formula: '1+1', result: 7 } as ExcelJS.CellFormulaValue,
      TD01: { formula: 'WEBSERVICE("http://example.invalid")' } as ExcelJS.CellFormulaValue,
    });
    const review = await analyze([{ fileName: 'cong-thuc.xlsx', data }]);
    const item = review.items[0]!;
    expect(item.problems).toEqual([]);
    expect(Object.fromEntries(item.changes.map((c) => [c.key, c.newValue]))).toEqual({ DT01: '7', DT02: '10' });
    expect(item.notes.map((n) => n.message).join('\n')).toMatch(
      /ô D\d+ \(DT01\) có công thức “=1\+1”; lấy giá trị đã tính sẵn/i,
    );
    expect(item.notes.map((n) => n.message).join('\n')).not.toMatch(/TD01/);
    expect(item.warnings.map((n) => n.message).join('\n')).toMatch(
      /Ô D\d+ \(TD01[^)]*\) có công thức “=WEBSERVICE.*” nhưng tệp không lưu giá trị đã tính: .* coi là trống/,
    );
    expect(item.suggested).toBe(false);
  });
});
