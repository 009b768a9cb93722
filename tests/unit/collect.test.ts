// Collecting reports by Excel: the workbook that goes out, the review of what comes back, and
// every bad input refused with a Vietnamese message naming file, sheet and cell — nothing stored.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { exportCollect, exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { buildCollectWorkbook, collectFileName, META_SHEET } from '../../src/main/features/collect/collect-book';
import { INPUT_SHEET } from '../../src/main/features/collect/collect-cells';
import { MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, readInputFile } from '../../src/main/workbooks/xlsx-input';
import { getReportForm, reportHistory, saveReportValues } from '../../src/main/features/reports/reports';
import { getTemplate, saveTemplate } from '../../src/main/features/templates/templates';
import { createPeriod, getPeriod } from '../../src/main/features/periods/periods';
import { updateExpected } from '../../src/main/features/periods/expected-update';
import { closeUnit, createUnit, getUnit } from '../../src/main/features/units/units';
import { getAgency } from '../../src/main/features/agency/agency';
import { bookSecret } from '../../src/main/features/safety/settings';
import { createDispatch } from '../../src/main/dispatch';
import { runCli } from '../../src/main/cli';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput } from '../../src/shared/contract/reports';
import { templateContentInput } from '../../src/shared/contract/templates';
import { AppError } from '../../src/shared/errors';
import type { CollectReview, ReviewItem } from '../../src/shared/model/collect';
import { cliDatabase, dataFingerprint, freshCore, tempDir } from './helpers';
import { fillWorkbook, filesIn, readBytes, rowOf, setupCollect, type CollectSetup } from './collect-helpers';

let core: Core;
let dir: string;
let s: CollectSetup;
let out: string;

beforeEach(async () => {
  dir = tempDir('bcnv-collect-');
  core = await freshCore(dir);
  s = await setupCollect(core.db, 3);
  out = path.join(dir, 'out');
  await exportCollectBooks(core.db, out, { periodId: s.period.id, unitId: null });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const book = (i: number) => readBytes(filesIn(out)[i]!);
const analyze = (files: { fileName: string; data: Uint8Array }[], periodId = s.period.id, jobId?: string) =>
  analyzeCollect(core, periodId, files, jobId);
const sourcesDir = () => path.join(core.dataDir, 'sources');
const countSources = () =>
  fs.existsSync(sourcesDir())
    ? fs.readdirSync(sourcesDir(), { recursive: true }).filter((f) => String(f).endsWith('.xlsx')).length
    : 0;

/** Analyses one bad file: it must be a problem, its message must match, and nothing may be stored. */
async function expectProblem(fileName: string, data: Uint8Array, pattern: RegExp): Promise<ReviewItem> {
  const before = await dataFingerprint(core);
  const sourcesBefore = countSources();
  const review = await analyze([{ fileName, data }]);
  const item = review.items[0]!;
  expect(item.status).toBe('problem');
  expect(item.acceptable).toBe(false);
  expect(item.problems[0]!.message).toMatch(pattern);
  expect(item.problems[0]!.message).toContain(fileName);
  await expect(commitCollect(core, review.batchId, [{ index: 0, map: false }])).rejects.toThrow(AppError);
  expect(await dataFingerprint(core)).toBe(before);
  expect(countSources()).toBe(sourcesBefore);
  return item;
}

async function expectRefusal(p: Promise<unknown>, pattern: RegExp): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(pattern);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

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
    const other = await createUnit(core.db, {
      code: 'S001',
      name: 'Sở Tư pháp',
      shortName: '',
      kind: 'so_nganh',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
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

describe('bad input: a message naming file, sheet and cell, and nothing stored', () => {
  it('not an .xlsx', async () => {
    await expectProblem(
      'bao-cao.xlsx',
      new TextEncoder().encode('Đây là văn bản, không phải bảng tính'),
      /không phải là bảng tính Excel \(\.xlsx\)/,
    );
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectProblem('cu.xls', ole, /Excel cũ \(\.xls\)/);
  });

  it('a corrupt or truncated zip', async () => {
    const whole = book(0);
    await expectProblem('cut.xlsx', whole.slice(0, Math.floor(whole.length / 2)), /bị hỏng hoặc không đọc được/);
    const scrambled = whole.slice();
    for (let i = 200; i < 2000; i++) scrambled[i] = (scrambled[i]! * 7 + 13) & 0xff;
    await expectProblem('scrambled.xlsx', scrambled, /bị hỏng|không đọc được|không phải/);
  });

  it(`a zip bomb: a part expanding over ${MAX_COMPRESSION_RATIO}× (limits: that ratio, ${MAX_UNCOMPRESSED_BYTES / 1048576} MB in all), or sizes that lie`, async () => {
    const zip = await JSZip.loadAsync(book(0));
    zip.file('xl/media/image1.bin', new Uint8Array(64 * 1024 * 1024)); // 64 MB of zeros, ~64 KB packed
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectProblem('bom.xlsx', bomb, /nén bất thường.*có thể là tệp độc hại/);

    // A central directory that claims a huge size.
    const small = await JSZip.loadAsync(book(0));
    small.file('xl/media/a.bin', 'abc', { compression: 'STORE' });
    const bytes = await small.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const name = new TextEncoder().encode('xl/media/a.bin');
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 46; i++) {
      if (
        view.getUint32(i, true) === 0x02014b50 &&
        bytes.slice(i + 46, i + 46 + name.length).every((b, k) => b === name[k])
      ) {
        view.setUint32(i + 24, 300 * 1024 * 1024, true); // uncompressed size in the central directory
        view.setUint32(i + 20, 300 * 1024 * 1024, true); // and compressed, so the ratio looks normal
      }
    }
    // The sizes no longer match the entry itself: refused as a damaged package, nothing expanded.
    await expectProblem('lon.xlsx', bytes, /bị hỏng hoặc không đọc được/);
  });

  it('a workbook not made by the app', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Báo cáo 6 tháng';
    await expectProblem(
      'tu-lam.xlsx',
      new Uint8Array(await wb.xlsx.writeBuffer()),
      /không phải biểu nhập liệu do phần mềm Báo cáo Nội vụ tạo ra/,
    );
  });

  it('tampered metadata (checksum) and tampered layout', async () => {
    const meta = await fillWorkbook(book(0), {}, (wb) => {
      const m = wb.getWorksheet(META_SHEET)!;
      m.eachRow((row) => {
        const v = row.getCell(2).value;
        if (typeof v === 'string' && v.includes('"unitId"'))
          row.getCell(2).value = v.replace(/"unitId":\d+/, '"unitId":2');
      });
    });
    const item = await expectProblem('sua-an.xlsx', meta, /thông tin nhận dạng ẩn.*đã bị sửa/);
    expect(item.problems[0]!.where).toMatchObject({
      file: 'sua-an.xlsx',
      sheet: META_SHEET,
      cell: expect.stringMatching(/^B\d+$/),
    });

    const layout = await fillWorkbook(book(0), { DT01: 2 }, (_wb, ws) => {
      ws.getCell(rowOf(ws, 'DT02'), 2).value = 'Ý kiến (đã sửa tên)';
    });
    const it2 = await expectProblem(
      'sua-bo-cuc.xlsx',
      layout,
      /trang “Nhập liệu”, ô B\d+: nội dung đã khóa .* đã bị sửa/,
    );
    expect(it2.problems[0]!.where).toMatchObject({ sheet: INPUT_SHEET, cell: expect.stringMatching(/^B\d+$/) });
  });

  it('text where a number belongs, a date, an error value, a wrong yes/no', async () => {
    const data = await fillWorkbook(
      book(0),
      {
        DT01: 'mười hai',
        DT02: new Date('2025-03-01'),
        TD01: { error: '#DIV/0!' } as ExcelJS.CellErrorValue,
        LD04: 'Có lẽ',
        DN01: -3,
        DN02: 2.5,
      },
      (_wb, ws) => {
        const cell = ws.getCell(rowOf(ws, 'DT02'), 4);
        cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' }; // Excel formats a typed date as a date (a style of its own: exceljs shares them)
      },
    );
    const item = await expectProblem(
      'chu-trong-so.xlsx',
      data,
      /^Tệp “chu-trong-so.xlsx”, trang “Nhập liệu”, ô D\d+: LD04 .*chỉ nhận “Có” hoặc “Không” \(đã nhập “Có lẽ”\)/,
    );
    const all = item.problems.map((p) => p.message).join('\n');
    expect(all).toMatch(/trang “Nhập liệu”, ô D\d+: DT01 .*“mười hai” không phải là số/);
    expect(all).toMatch(/ô D\d+ \(DT02\): ô chứa ngày tháng \(2025-03-01\), không phải số/);
    expect(all).toMatch(/ô D\d+ \(TD01\): ô có lỗi công thức #DIV\/0!/);
    expect(all).toMatch(/ô D\d+: LD04 .*chỉ nhận “Có” hoặc “Không”/);
    expect(all).toMatch(/ô D\d+: DN01 .*không được âm/);
    expect(all).toMatch(/ô D\d+: DN02 .*số nguyên/);
    for (const p of item.problems)
      expect(p.where).toMatchObject({
        file: 'chu-trong-so.xlsx',
        sheet: INPUT_SHEET,
        cell: expect.stringMatching(/^D\d+$/),
      });
  });

  it('a workbook of another period: offered for mapping when the indicators are the same', async () => {
    const other = await createPeriod(
      core.db,
      periodInput.parse({
        type: 'year',
        year: 2024,
        templateId: s.period.templateId,
        expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
      }),
    );
    const folder = path.join(dir, 'other');
    await exportCollectBooks(core.db, folder, { periodId: other.id, unitId: s.units[0]!.id });
    const data = await fillWorkbook(readBytes(filesIn(folder)[0]!), { DT01: 4 });
    const before = await dataFingerprint(core);
    const review = await analyze([{ fileName: 'nam-2024.xlsx', data }]);
    const item = review.items[0]!;
    expect(item.status).toBe('problem');
    expect(item.problems[0]!.message).toMatch(
      /“nam-2024.xlsx” là biểu của kỳ “Năm 2024”, không phải kỳ “6 tháng đầu năm 2025”.*có thể gán/,
    );
    expect(item).toMatchObject({ mappable: true, acceptable: true, suggested: false, sourcePeriod: { id: other.id } });
    expect(item.changes.map((c) => c.key)).toEqual(['DT01']);
    await expectRefusal(
      commitCollect(core, review.batchId, [{ index: 0, map: false }]),
      /hãy đánh dấu “Gán vào kỳ này”/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    await commitCollect(core, review.batchId, [{ index: 0, map: true }]);
    expect((await getReportForm(core.db, s.period.id, s.units[0]!.id)).values.DT01).toBe('4');
  });

  it('a workbook of another template version: mapped when the same, refused when not', async () => {
    const template = await getTemplate(core.db, s.period.templateId);
    const base = {
      agency: await getAgency(core.db),
      unit: await getUnit(core.db, s.units[0]!.id),
      period: await getPeriod(core.db, s.period.id),
      values: {},
      generatedAt: new Date().toISOString(),
      secret: await bookSecret(core.db),
    };
    const same = await buildCollectWorkbook({ ...base, template: { ...template, id: 900, version: 7 } });
    const r1 = await analyze([{ fileName: 'v7.xlsx', data: await fillWorkbook(same, { DT01: 1 }) }]);
    expect(r1.items[0]!.problems[0]!.message).toMatch(
      /theo mẫu “dan-van-chinh-quyen” phiên bản 7, còn kỳ .* dùng phiên bản 1\. Các chỉ tiêu giống hệt nhau/,
    );
    expect(r1.items[0]!.mappable).toBe(true);
    const fewer = await buildCollectWorkbook({
      ...base,
      template: { ...template, id: 901, version: 8, indicators: template.indicators.filter((i) => i.code !== 'TX05') },
    });
    const item = await expectProblem('v8.xlsx', fewer, /phiên bản 8.*Các chỉ tiêu khác nhau nên không nhập được/);
    expect(item.mappable).toBe(false);
  });

  it('a workbook of another unit: one not in this database, one no longer reporting', async () => {
    const template = await getTemplate(core.db, s.period.templateId);
    const stranger = await buildCollectWorkbook({
      agency: await getAgency(core.db),
      unit: { id: 77, code: 'Z077', name: 'Xã Lạ', shortName: '' },
      period: s.period,
      template,
      values: {},
      generatedAt: new Date().toISOString(),
      secret: await bookSecret(core.db),
    });
    await expectProblem(
      'la.xlsx',
      stranger,
      /được tạo cho đơn vị “Xã Lạ” \(mã Z077\) nhưng đơn vị này không có trong danh sách/,
    );
    // Closed before the cut-off and taken off the period's (frozen) list.
    await closeUnit(core.db, s.units[2]!.id, '2025-01-01');
    await updateExpected(core.db, {
      id: s.period.id,
      add: [],
      remove: [s.units[2]!.id],
      reason: 'Đã giải thể',
      actor: 'test',
    });
    await expectProblem('da-dong.xlsx', await fillWorkbook(book(2), { DT01: 1 }), /không thuộc danh sách phải báo cáo/);
  });

  it('a file that is still open or locked', async () => {
    await expectProblem(
      '~$Bieu-nhap-lieu_6-thang-dau-nam-2025_X001-Tam-Xuan.xlsx',
      new Uint8Array(162),
      /tệp khóa tạm của Excel\/LibreOffice.*đang được mở/,
    );
    const busy = () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    };
    expect(() => readInputFile('/tmp/a/bao-cao.xlsx', busy)).toThrow(
      /Không đọc được tệp “bao-cao.xlsx”: tệp đang được mở hoặc bị khóa/,
    );
  });

  it('the same file dropped twice', async () => {
    const data = await fillWorkbook(book(0), { DT01: 1 });
    const before = await dataFingerprint(core);
    const review = await analyze([
      { fileName: 'a.xlsx', data },
      { fileName: 'a - Copy.xlsx', data },
    ]);
    expect(review.items[0]!.status).toBe('new');
    expect(review.items[1]).toMatchObject({ status: 'problem', duplicateOf: 0, acceptable: false });
    expect(review.items[1]!.problems[0]!.message).toBe(
      'Tệp “a - Copy.xlsx” trùng nội dung với tệp “a.xlsx” đã chọn trong lần này; chỉ nhập một lần.',
    );
    await expectRefusal(commitCollect(core, review.batchId, [{ index: 1, map: false }]), /trùng nội dung/);
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('two different files for the same unit and period: the user chooses one', async () => {
    const first = await fillWorkbook(book(0), { DT01: 1 });
    const second = await fillWorkbook(book(0), { DT01: 2 });
    const before = await dataFingerprint(core);
    const review = await analyze([
      { fileName: 'ban-dau.xlsx', data: first },
      { fileName: 'ban-sua.xlsx', data: second },
    ]);
    expect(review.items.map((i) => [i.conflictGroup, i.suggested, i.acceptable])).toEqual([
      [`unit-${s.units[0]!.id}`, false, true],
      [`unit-${s.units[0]!.id}`, false, true],
    ]);
    await expectRefusal(
      commitCollect(core, review.batchId, [
        { index: 0, map: false },
        { index: 1, map: false },
      ]),
      /hai tệp khác nhau trong lần này \(“ban-dau.xlsx” và “ban-sua.xlsx”\): chỉ chọn một tệp/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    expect(countSources()).toBe(0);
    await commitCollect(core, review.batchId, [{ index: 1, map: false }]);
    expect((await getReportForm(core.db, s.period.id, s.units[0]!.id)).values.DT01).toBe('2');
  });

  it('a report changed after the review is not overwritten; a submitted one must be returned first', async () => {
    const review = await analyze([{ fileName: 'a.xlsx', data: await fillWorkbook(book(0), { DT01: 1 }) }]);
    await saveReportValues(
      core.db,
      saveValuesInput.parse({ periodId: s.period.id, unitId: s.units[0]!.id, values: [{ key: 'DT01', input: 9 }] }),
    );
    const before = await dataFingerprint(core);
    await expectRefusal(
      commitCollect(core, review.batchId, [{ index: 0, map: false }]),
      /vừa được sửa sau khi đọc tệp “a.xlsx”/,
    );
    expect(await dataFingerprint(core)).toBe(before);
    expect(countSources()).toBe(0);

    const ok = await analyze([{ fileName: 'b.xlsx', data: await fillWorkbook(book(1), { DT01: 1 }) }]);
    await commitCollect(core, ok.batchId, [{ index: 0, map: false }]);
    await expectProblem(
      'b-sua.xlsx',
      await fillWorkbook(book(1), { DT01: 2 }),
      /đang ở trạng thái “Đã nộp”.*hãy trả lại báo cáo trước/,
    );
  });

  it('an expired batch and unknown indices are refused', async () => {
    await expectRefusal(commitCollect(core, '00000000-0000-4000-8000-000000000000', []), /đã hết hạn/);
    const review = await analyze([{ fileName: 'a.xlsx', data: book(0) }]);
    await expectRefusal(commitCollect(core, review.batchId, [{ index: 5, map: false }]), /Không có tệp thứ 6/);
  });
});

describe('through the contract and the CLI', () => {
  it('collect.analyze / collect.commit / jobs.progress validate and answer as data', async () => {
    const dispatch = createDispatch(core);
    const bad = await dispatch('collect.analyze', { periodId: s.period.id, files: [] });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGS', message: expect.stringContaining('Chưa chọn tệp nào') },
    });
    const review = (await dispatch('collect.analyze', {
      periodId: s.period.id,
      files: [{ fileName: 'a.xlsx', data: await fillWorkbook(book(0), { DT01: 2 }) }],
      jobId: 'job-abc-123',
    })) as {
      ok: true;
      value: CollectReview;
    };
    expect(review.ok).toBe(true);
    expect(await dispatch('jobs.progress', { jobId: 'job-abc-123' })).toMatchObject({
      ok: true,
      value: { done: 1, total: 1, finished: true },
    });
    expect(await dispatch('jobs.progress', { jobId: 'nothing-here' })).toEqual({ ok: true, value: null });
    const commit = await dispatch('collect.commit', { batchId: review.value.batchId, accept: [{ index: 0 }] });
    expect(commit).toMatchObject({ ok: true, value: { saved: [{ unitCode: 'X001', revision: 1 }] } });
  });

  it('collect export and collect import --accept all --json', async () => {
    const dbPath = cliDatabase(core);
    await core.close();
    const lines: string[] = [];
    const errs: string[] = [];
    const io = { out: (x: string) => lines.push(x), err: (x: string) => errs.push(x) };
    const cliOut = path.join(dir, 'cli-out');
    expect(
      await runCli(
        ['collect', 'export', '--period', String(s.period.id), '--out', cliOut, '--unit', 'X002', '--db', dbPath],
        io,
      ),
    ).toBe(0);
    expect(fs.readdirSync(cliOut)).toEqual(['Bieu-nhap-lieu_6-thang-dau-nam-2025_X002-Xa-Dai-Loc.xlsx']);
    const filled = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(filled, await fillWorkbook(readBytes(path.join(cliOut, fs.readdirSync(cliOut)[0]!)), { DT01: 6 }));
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'không phải excel');
    lines.length = 0;
    expect(
      await runCli(['collect', 'import', filled, junk, '--period', String(s.period.id), '--json', '--db', dbPath], io),
    ).toBe(0);
    const dry = JSON.parse(lines.join('\n')) as { review: CollectReview; commit: null };
    expect(dry.commit).toBeNull();
    expect(dry.review.items.map((i) => i.status)).toEqual(['new', 'problem']);
    lines.length = 0;
    expect(
      await runCli(
        [
          'collect',
          'import',
          filled,
          junk,
          '--period',
          String(s.period.id),
          '--accept',
          'all',
          '--confirm-warnings',
          '--json',
          '--db',
          dbPath,
        ],
        io,
      ),
    ).toBe(3);
    const done = JSON.parse(lines.join('\n')) as { commit: { saved: { unitCode: string }[] } };
    expect(done.commit.saved.map((x) => x.unitCode)).toEqual(['X002']);
    lines.length = 0;
    expect(
      await runCli(
        ['collect', 'import', path.join(dir, 'missing.xlsx'), '--period', String(s.period.id), '--db', dbPath],
        io,
      ),
    ).toBe(2);
    expect(errs.at(-1)).toMatch(/Không tìm thấy tệp/);
    core = await freshCore(dir); // afterEach closes it
  });
});
