// Files of a scoring round: the self-scoring workbook out and back in (with its bad cases), the
// results .xlsx read by openpyxl (formulas), the report .docx read by python-docx and rendered by
// LibreOffice to PNG, and the CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { approveScoring, createRound, saveScores } from '../../src/main/features/scoring/rounds';
import {
  exportScoringDocx,
  exportScoringXlsx,
  importScoringBook,
  scoringBookBytes,
} from '../../src/main/features/scoring/scoring-files';
import { saveAgency } from '../../src/main/features/agency/agency';
import { roundInput, saveScoresInput } from '../../src/shared/contract/scoring';
import { AppError } from '../../src/shared/errors';
import { runCli } from '../../src/main/cli';
import { databaseFingerprint, tempDir, freshCore } from './helpers';
import { checkDocx, paragraphs, tables, toPdf, toPngs, pdfPageCount, pdfPageSize, pageText } from '../integration/documents-helpers';

const OUT = path.resolve('test-output/scoring');
let core: Core;
let dir: string;
let roundId: number;
const unitIds: Record<string, number> = {};

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  dir = tempDir('bcnv-scoring-files-');
  fs.mkdirSync(OUT, { recursive: true });
  core = await freshCore({ dir, file: 'data.db' });
  await saveAgency(core.db, {
    parentName: 'UBND TỈNH QUẢNG NAM',
    name: 'SỞ NỘI VỤ',
    abbreviation: 'SNV',
    place: 'Quảng Nam',
    draftingUnit: 'XDCQ',
    signers: [
      {
        fullName: 'Nguyễn Văn Ánh',
        title: 'PHÓ GIÁM ĐỐC',
        authorityPrefix: 'KT.',
        authorityLine: 'GIÁM ĐỐC',
        isDefault: true,
      },
    ],
  } as never);
  const units: [string, string, 'so_nganh' | 'ubnd_xa' | 'ubnd_phuong'][] = [
    ['STP', 'Sở Tư pháp', 'so_nganh'],
    ['SYT', 'Sở Y tế', 'so_nganh'],
    ['XTB', 'UBND xã Tam Bình', 'ubnd_xa'],
    ['PAT', 'UBND phường An Tân', 'ubnd_phuong'],
  ];
  for (const [code, name, kind] of units) {
    unitIds[code] = (
      await createUnit(core.db, {
        code,
        name,
        shortName: '',
        kind,
        parentId: null,
        email: '',
        contactPerson: '',
        phone: '',
        activeFrom: null,
        activeTo: null,
      })
    ).id;
  }
  const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
  roundId = (
    await createRound(
      core.db,
      roundInput.parse({ year: 2025, setId, selfDeadline: '2025-11-20', appraisalDeadline: '2025-12-10' }),
    )
  ).id;
});

afterAll(async () => {
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Fills the yellow cells of a self-scoring book like a unit would. */
async function fill(
  data: Uint8Array,
  values: Record<string, number | string | ExcelJS.CellValue>,
  edit?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Tự chấm')!;
  ws.eachRow((row) => {
    const code = row.getCell(1).value;
    if (typeof code === 'string' && code in values) row.getCell(4).value = values[code] as ExcelJS.CellValue;
  });
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const FULL: Record<string, number> = {
  '1.1': 4,
  '1.2': 3,
  '1.3': 2.5,
  '2.1': 4,
  '2.2': 3,
  '2.3': 2,
  '3.1': 8,
  '3.2': 5,
  '3.3': 6,
  '4.1': 7,
  '4.2': 6,
  '4.3': 5,
  '5.1': 6,
  '5.2': 7,
  '5.3': 6,
  '6.1': 7,
  '6.2': 5,
  '6.3': 6,
  T1: 2,
};

describe('the self-scoring workbook', () => {
  it('goes out protected with a checksummed hidden sheet, and comes back in as the self-score', async () => {
    const book = await scoringBookBytes(core.db, roundId, unitIds.XTB!);
    expect(book.name).toBe('phieu-tu-cham-cham-diem-cong-tac-dan-van-chi-xtb-ubnd-xa-tam-binh.xlsx');
    fs.writeFileSync(path.join(OUT, 'phieu-tu-cham.xlsx'), book.data);
    const zip = await JSZip.loadAsync(book.data);
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/name="bcnv_meta"[^>]*state="veryHidden"/);
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /xl\/worksheets\/sheet\d\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(sheets.every((s) => s.includes('<sheetProtection'))).toBe(true);
    const filled = await fill(book.data, { ...FULL, '1.3': '2,5', '3.2': 5 }, (wb) => {
      const ws = wb.getWorksheet('Tự chấm')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === '3.1') row.getCell(5).value = '=HYPERLINK("http://x")';
      });
    });
    const s = await importScoringBook(core.db, roundId, 'phieu-XTB.xlsx', filled);
    expect(s.self).toMatchObject({
      base: 92.5,
      bonus: 2,
      total: 94.5,
      classLabel: 'Hoàn thành xuất sắc nhiệm vụ',
      missing: 0,
    });
    expect(s.lines.find((l) => l.code === '3.1')!.selfNote).toBe('=HYPERLINK("http://x")');
    expect(s.events.at(-1)!.kind).toBe('imported');
    // The book issued again shows the note as text, never as a formula.
    const again = await scoringBookBytes(core.db, roundId, unitIds.XTB!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(again.data) as unknown as ArrayBuffer);
    let noteCell: ExcelJS.Cell | null = null;
    wb.getWorksheet('Tự chấm')!.eachRow((row) => {
      if (row.getCell(1).value === '3.1') noteCell = row.getCell(5);
    });
    expect(noteCell!.type).toBe(ExcelJS.ValueType.String);
    expect(noteCell!.numFmt).toBe('@');
  });

  it('refuses bad books naming file, sheet and cell; nothing is stored', async () => {
    const book = await scoringBookBytes(core.db, roundId, unitIds.STP!);
    const before = databaseFingerprint(core);
    const overMax = await refused(
      importScoringBook(
        core.db,
        roundId,
        'phieu-STP.xlsx',
        await fill(book.data, { '1.1': 5, '2.2': -1, '3.1': 'tám' }),
      ),
    );
    expect(overMax.code).toBe('INVALID_BOOK');
    expect(overMax.message).toMatch(
      /^Tệp "phieu-STP.xlsx", trang tính "Tự chấm", ô D\d+ \(1.1\): điểm 5 vượt điểm tối đa 4\. \(và 2 lỗi khác\)\. Chưa nhập điểm nào\.$/,
    );
    expect(overMax.where).toMatchObject({ file: 'phieu-STP.xlsx', sheet: 'Tự chấm' });
    expect(overMax.details!.map((d) => d.message).join('\n')).toMatch(
      /\(2.2\): điểm không được âm \(-1\)\.[\s\S]*\(3.1\): "tám" không phải là số điểm/,
    );
    const formula = await refused(
      importScoringBook(core.db, roundId, 'f.xlsx', await fill(book.data, { '1.1': { formula: '2+2', result: 4 } })),
    );
    expect(formula.message).toContain('có công thức; hãy nhập trực tiếp số điểm.');
    const tampered = await fill(book.data, {}, (wb) => {
      const meta = wb.getWorksheet('bcnv_meta')!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'layout.1')
          row.getCell(2).value = String(row.getCell(2).value).replace(
            `"unitId":${unitIds.STP}`,
            `"unitId":${unitIds.SYT}`,
          );
      });
    });
    expect((await refused(importScoringBook(core.db, roundId, 't.xlsx', tampered))).message).toContain(
      'thông tin nhận dạng ẩn (trang "bcnv_meta", ô B8) không khớp dấu xác thực của dữ liệu này: đã bị sửa',
    );
    const moved = await fill(book.data, {}, (wb) => {
      const ws = wb.getWorksheet('Tự chấm')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === '2.1') row.getCell(1).value = '9.9';
      });
    });
    expect((await refused(importScoringBook(core.db, roundId, 'm.xlsx', moved))).message).toMatch(
      /ô A\d+: phải là mã "2.1" nhưng là "9.9"/,
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    expect((await refused(importScoringBook(core.db, roundId, 'cu.xls', xls))).message).toContain(
      'là bảng tính Excel cũ (.xls)',
    );
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'x';
    expect(
      (await refused(importScoringBook(core.db, roundId, 'khac.xlsx', new Uint8Array(await plain.xlsx.writeBuffer()))))
        .message,
    ).toContain('không phải phiếu tự chấm điểm do phần mềm Báo cáo Nội vụ tạo ra');
    expect(databaseFingerprint(core)).toBe(before);
  });

  it('refuses a book of another round, and a book for an approved scoring', async () => {
    const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
    const other = await createRound(
      core.db,
      roundInput.parse({ year: 2024, setId, name: 'Đợt thử 2024', unitIds: [unitIds.SYT!] }),
    );
    const book = await scoringBookBytes(core.db, other.id, unitIds.SYT!);
    expect((await refused(importScoringBook(core.db, roundId, 'x.xlsx', await fill(book.data, FULL)))).message).toBe(
      `Tệp "x.xlsx" là phiếu tự chấm của đợt "Đợt thử 2024", không phải của đợt "Chấm điểm công tác dân vận chính quyền năm 2025" đang mở.`,
    );
    await importScoringBook(core.db, other.id, 'x.xlsx', await fill(book.data, FULL));
    await approveScoring(core.db, other.id, unitIds.SYT!, '', '');
    expect((await refused(importScoringBook(core.db, other.id, 'x.xlsx', await fill(book.data, FULL)))).code).toBe(
      'LOCKED',
    );
  });
});

describe('results files', () => {
  beforeAll(async () => {
    const save = (code: string, side: 'self' | 'appraisal', lines: { code: string; score: number; note?: string }[]) =>
      saveScores(core.db, saveScoresInput.parse({ roundId, unitId: unitIds[code]!, side, lines }));
    const all = (delta: Record<string, number>) =>
      Object.entries({ ...FULL, ...delta }).map(([code, score]) => ({ code, score }));
    await save('STP', 'self', all({ '1.3': 3, T1: 0 })); // 93
    await save('SYT', 'self', all({ '4.1': 3, '5.2': 4, T1: 0 })); // 85.5
    await save('PAT', 'self', all({ '6.1': 2, '6.2': 1, T1: 0 })); // 83.5
    await save('PAT', 'appraisal', [
      { code: '6.1', score: 0, note: 'Mô hình chưa được công nhận' },
      { code: 'TR2', score: 5, note: 'Vụ việc kéo dài ở thôn 3' },
    ]); // 76.5
    await save('SYT', 'appraisal', [{ code: 'TR1', score: 2, note: '1 vụ đông người' }]); // 83.5
    await approveScoring(core.db, roundId, unitIds.STP!, '', '');
  });

  it('writes the scores with formulas (openpyxl reads them) and the same results', async () => {
    const r = await exportScoringXlsx(core.db, core.platform, roundId);
    expect(r.saved).toBe(true);
    fs.copyFileSync(r.path!, path.join(OUT, 'ket-qua.xlsx'));
    const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
vals = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws, wv = wb['Kết quả'], vals['Kết quả']
head = [c.value for c in ws[4]]
rows = []
for r in range(5, ws.max_row + 1):
    rows.append({'formulas': {h: ws.cell(r, i + 1).value for i, h in enumerate(head) if isinstance(ws.cell(r, i + 1).value, str) and ws.cell(r, i + 1).value.startswith('=')},
                 'values': [wv.cell(r, i + 1).value for i in range(len(head))]})
cs = wb['Xếp loại theo loại đơn vị']
print(json.dumps({'head': head, 'rows': rows, 'counts': [[c.value for c in row] for row in cs.iter_rows()]}, ensure_ascii=False))
`;
    const facts = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, r.path!], { encoding: 'utf8' })) as {
      head: string[];
      rows: { formulas: Record<string, string>; values: (string | number | null)[] }[];
      counts: (string | number)[][];
    };
    expect(facts.head.slice(0, 4)).toEqual(['Hạng', 'Mã', 'Đơn vị', 'Loại đơn vị']);
    const col = (h: string) => facts.head.indexOf(h);
    expect(
      facts.rows.map((x) => [
        x.values[col('Mã')],
        x.values[col('Tổng điểm')],
        x.values[col('Hạng')],
        x.values[col('Xếp loại')],
      ]),
    ).toEqual([
      ['XTB', 94.5, 1, 'Hoàn thành xuất sắc nhiệm vụ'],
      ['STP', 93, 2, 'Hoàn thành xuất sắc nhiệm vụ'],
      ['SYT', 83.5, 3, 'Hoàn thành tốt nhiệm vụ'],
      ['PAT', 76.5, 4, 'Hoàn thành nhiệm vụ'],
    ]);
    const f = facts.rows[0]!.formulas;
    expect(f['Hạng']).toMatch(/^=RANK\([A-Z]+5,\$[A-Z]+\$5:\$[A-Z]+\$8,0\)$/);
    expect(f['Tổng điểm tiêu chí']).toMatch(/^=SUM\(/);
    expect(f['Điểm thưởng']).toMatch(/^=MIN\(SUM\(.*\),5\)$/);
    expect(f['Tổng điểm']).toMatch(/^=MAX\(0,/);
    expect(f['Xếp loại']).toMatch(/^=IF\([A-Z]+5>=90,"Hoàn thành xuất sắc nhiệm vụ",IF\(/);
    expect(facts.counts[0]).toEqual([
      'Loại đơn vị',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
      'Tổng số',
    ]);
    expect(String(facts.counts[1]![1])).toMatch(/^=COUNTIFS\('Kết quả'!\$D\$5:\$D\$8,\$A2,'Kết quả'!/);
    // Recalculated by LibreOffice, the formulas give the same numbers as the app.
    const csvDir = path.join(dir, 'csv');
    execFileSync(
      'libreoffice',
      [
        '-env:UserInstallation=file:///tmp/lo-scoring',
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        csvDir,
        r.path!,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const csv = fs
      .readdirSync(csvDir)
      .map((f) => fs.readFileSync(path.join(csvDir, f), 'utf8'))
      .join('\n');
    expect(csv).toMatch(/4,"?PAT"?,"?UBND phường An Tân"?[^\n]*76[.,]5,"?Hoàn thành nhiệm vụ"?/);
    expect(csv).toMatch(/"?Tổng cộng"?,2,1,1,0,4/);
  });

  it('writes the official report with the ranking as a landscape annex (python-docx, LibreOffice → PNG)', async () => {
    const r = await exportScoringDocx(core.db, core.platform, roundId, true);
    expect(r.saved).toBe(true);
    expect(r.entry?.number).toBe(1);
    const file = path.join(OUT, 'bao-cao-ket-qua-cham-diem.docx');
    fs.copyFileSync(r.path!, file);
    const facts = checkDocx(file, 10);
    expect(facts.sections).toHaveLength(2);
    expect(facts.sections[0]).toMatchObject({ orientation: 'PORTRAIT', different_first_page: true });
    expect(facts.sections[0]!.width_mm).toBeCloseTo(210, 0);
    expect(facts.sections[0]!.height_mm).toBeCloseTo(297, 0);
    expect(facts.sections[1]).toMatchObject({ orientation: 'LANDSCAPE', page_start: 1 });
    expect(facts.sections[1]!.width_mm).toBeGreaterThan(facts.sections[1]!.height_mm);
    const body = paragraphs(facts, 0).map((p) => p.text);
    expect(body).toContain('BÁO CÁO');
    expect(body).toContain('Kết quả đánh giá, xếp loại công tác dân vận chính quyền năm 2025');
    expect(
      body.find((t) => t.startsWith('- Hoàn thành xuất sắc nhiệm vụ (từ 90 điểm trở lên): 2 đơn vị, chiếm 50%')),
    ).toBeTruthy();
    expect(body.some((t) => t.includes('chưa duyệt: 3 (điểm của các đơn vị này là điểm tạm tính)'))).toBe(true);
    const annexText = paragraphs(facts, 1).map((p) => p.text);
    expect(annexText).toContain('BẢNG XẾP HẠNG KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2025');
    const annex = tables(facts, 1).at(-1)!;
    const cells = (i: number) => annex.rows[i]!.cells!.map((c) => c.paragraphs.map((p) => p.text).join(' '));
    expect(cells(0).slice(0, 3)).toEqual(['Hạng', 'Cơ quan, đơn vị, địa phương', 'I (10)']);
    expect(annex.rows[0]!.header).toBe(true);
    expect(cells(1)[1]).toBe('UBND xã Tam Bình');
    expect(cells(4)).toContain('76,5');
    const runs = paragraphs(facts)
      .flatMap((p) => p.runs)
      .filter((x) => x.text.trim());
    expect(new Set(runs.map((x) => x.font))).toEqual(new Set(['Times New Roman']));
    const [pdf] = toPdf([file], path.join(OUT, 'pdf'), '/tmp/lo-scoring');
    const pages = pdfPageCount(pdf!);
    expect(pages).toBeGreaterThanOrEqual(2);
    const last = pdfPageSize(pdf!, pages);
    expect(last.width).toBeGreaterThan(last.height);
    expect(pageText(pdf!, pages)).toContain('UBND phường An Tân');
    expect(toPngs(pdf!, path.join(OUT, 'png'), 60).length).toBe(pages);
  });
});

describe('the CLI', () => {
  it('lists sets, creates a round, sets scores, shows results and exports', async () => {
    const db = path.join(dir, 'cli.db');
    const lines: string[] = [];
    const errs: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => errs.push(s) };
    const cli = (...argv: string[]) => runCli([...argv, '--db', db], io);
    expect(await cli('units', 'list')).toBe(0);
    const c = await freshCore({ dir, file: path.basename(db), exports: dir });
    await createUnit(c.db, {
      code: 'A',
      name: 'UBND xã A',
      shortName: '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    await createUnit(c.db, {
      code: 'B',
      name: 'UBND xã B',
      shortName: '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    await c.close();
    expect(await cli('scoring', 'sets', 'list', '--json')).toBe(0);
    const sets = JSON.parse(lines.pop()!) as { id: number; code: string }[];
    expect(sets[0]!.code).toBe('dan-van-chinh-quyen');
    const setFile = path.join(dir, 'set.json');
    expect(await cli('scoring', 'sets', 'export', String(sets[0]!.id), setFile)).toBe(0);
    expect(JSON.parse(fs.readFileSync(setFile, 'utf8')).format).toBe('bao-cao-noi-vu/bo-tieu-chi');
    expect(await cli('scoring', 'round', 'create', '--year', '2025', '--set', String(sets[0]!.id), '--json')).toBe(0);
    const round = JSON.parse(lines.pop()!) as { id: number; units: unknown[] };
    expect(round.units).toHaveLength(2);
    expect(
      await cli('scoring', 'set-score', '--round', String(round.id), '--unit', 'A', '--code', '1.1', '--score', '3,5'),
    ).toBe(0);
    expect(lines.pop()).toBe('Đã lưu. UBND xã A: tự chấm 3,5, tổng điểm 3,5 — Không hoàn thành nhiệm vụ.');
    expect(
      await cli(
        'scoring',
        'set-score',
        '--round',
        String(round.id),
        '--unit',
        'A',
        '--code',
        '1.1',
        '--score',
        '2',
        '--side',
        'appraisal',
      ),
    ).toBe(2);
    expect(errs.pop()).toBe(
      'Lỗi: Chưa lưu: Tiêu chí 1.1: điểm thẩm định 2 khác điểm tự chấm 3,5 nên phải ghi lý do. (trường 1.1)',
    );
    expect(
      await cli('scoring', 'set-score', '--round', String(round.id), '--unit', 'A', '--code', '1.1', '--score', '9'),
    ).toBe(2);
    expect(errs.pop()).toContain('điểm 9 vượt điểm tối đa 4');
    expect(await cli('scoring', 'results', '--round', String(round.id), '--json')).toBe(0);
    const res = JSON.parse(lines.pop()!) as { ranking: { unitCode: string; rank: number }[] };
    expect(res.ranking.map((x) => [x.unitCode, x.rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    const docx = path.join(dir, 'kq.docx');
    const xlsx = path.join(dir, 'kq.xlsx');
    expect(await cli('export', 'scoring', '--round', String(round.id), '--out', docx)).toBe(0);
    expect(await cli('export', 'scoring', '--round', String(round.id), '--out', xlsx)).toBe(0);
    expect(fs.statSync(docx).size).toBeGreaterThan(5000);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(5000);
    // The results report as a PDF ready for ký số.
    const pdf = path.join(dir, 'kq.pdf');
    expect(await cli('export', 'scoring', '--round', String(round.id), '--out', pdf)).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('BÁO CÁO');
    expect(errs).toEqual([]);
  });
});
