// Files of a scoring round: the self-scoring workbook out and back in (with its bad cases), and the
// CLI. The results files read by other programs: tests/integration/scoring-results.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { approveScoring } from '../../src/main/features/scoring/unit-scoring';
import { createRound } from '../../src/main/features/scoring/rounds';
import { importScoringBook, scoringBookBytes } from '../../src/main/features/scoring/scoring-files';
import { roundInput } from '../../src/shared/contract/scoring';
import { AppError } from '../../src/shared/errors';
import { runCli } from '../../src/main/cli';
import { cliDatabaseOf, dataFingerprint, tempDir, freshCore } from './helpers';
import { FULL, seedScoringRound } from './scoring-fixture';

const OUT = path.resolve('test-output/scoring');
let core: Core;
let dir: string;
let roundId: number;
let unitIds: Record<string, number> = {};

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
  ({ roundId, unitIds } = await seedScoringRound(core));
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

describe('the self-scoring workbook', () => {
  it('goes out protected with a checksummed hidden sheet, and comes back in as the self-score', async () => {
    const book = await scoringBookBytes(core.db, roundId, unitIds.XTB!);
    expect(book.name).toMatch(/^Phieu-tu-cham_Cham-diem-cong-tac-dan-van-[\w-]+_XTB-UBND-xa-Tam-Binh\.xlsx$/);
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
    const before = await dataFingerprint(core);
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
      /^Tệp “phieu-STP.xlsx”, trang tính “Tự chấm”, ô D\d+ \(1.1\): điểm 5 vượt điểm tối đa 4\. \(và 2 lỗi khác\)\. Chưa nhập điểm nào\.$/,
    );
    expect(overMax.where).toMatchObject({ file: 'phieu-STP.xlsx', sheet: 'Tự chấm' });
    expect(overMax.details!.map((d) => d.message).join('\n')).toMatch(
      /\(2.2\): điểm không được âm \(-1\)\.[\s\S]*\(3.1\): “tám” không phải là số điểm/,
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
      'thông tin nhận dạng ẩn (trang “bcnv_meta”, ô B8) không khớp dấu xác thực của dữ liệu này: đã bị sửa',
    );
    const moved = await fill(book.data, {}, (wb) => {
      const ws = wb.getWorksheet('Tự chấm')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === '2.1') row.getCell(1).value = '9.9';
      });
    });
    expect((await refused(importScoringBook(core.db, roundId, 'm.xlsx', moved))).message).toMatch(
      /ô A\d+: phải là mã “2.1” nhưng là “9.9”/,
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
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('refuses a book of another round, and a book for an approved scoring', async () => {
    const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
    const other = await createRound(
      core.db,
      roundInput.parse({ year: 2024, setId, name: 'Đợt thử 2024', unitIds: [unitIds.SYT!] }),
    );
    const book = await scoringBookBytes(core.db, other.id, unitIds.SYT!);
    expect((await refused(importScoringBook(core.db, roundId, 'x.xlsx', await fill(book.data, FULL)))).message).toBe(
      `Tệp “x.xlsx” là phiếu tự chấm của đợt “Đợt thử 2024”, không phải của đợt “Chấm điểm công tác dân vận chính quyền năm 2025” đang mở.`,
    );
    await importScoringBook(core.db, other.id, 'x.xlsx', await fill(book.data, FULL));
    await approveScoring(core.db, other.id, unitIds.SYT!, '', '');
    expect((await refused(importScoringBook(core.db, other.id, 'x.xlsx', await fill(book.data, FULL)))).code).toBe(
      'LOCKED',
    );
  });
});

describe('the CLI', () => {
  it('lists sets, creates a round, sets scores, shows results and exports', async () => {
    // A database of its own: the file's other tests share the one of `dir`.
    const cliDir = path.join(dir, 'cli');
    fs.mkdirSync(cliDir, { recursive: true });
    const db = await cliDatabaseOf(cliDir, 'cli.db');
    const lines: string[] = [];
    const errs: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => errs.push(s) };
    const cli = (...argv: string[]) => runCli([...argv, '--db', db], io);
    expect(await cli('units', 'list')).toBe(0);
    const c = await freshCore({ dir: cliDir, file: 'cli.db', exports: dir });
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
    expect(lines.pop()).toMatch(
      /^Đã lưu\. UBND xã A: tự chấm 3,5, tổng điểm 3,5 — chưa xếp loại \(còn \d+ tiêu chí chưa chấm\)\.$/,
    );
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
    const res = JSON.parse(lines.pop()!) as {
      ranking: { unitCode: string; rank: number }[];
      unscored: { unitCode: string }[];
      incomplete: { unitCode: string; missing: number }[];
      classCounts: Record<string, number>;
    };
    // B is not scored yet, A only on one criterion: both outside the ranking and the class counts,
    // listed apart ("chưa chấm", "chấm chưa đủ tiêu chí"), never put in the lowest class.
    expect(res.ranking).toEqual([]);
    expect(res.unscored.map((x) => x.unitCode)).toEqual(['B']);
    expect(res.incomplete.map((x) => x.unitCode)).toEqual(['A']);
    expect(res.incomplete[0]!.missing).toBeGreaterThan(10);
    expect(Object.values(res.classCounts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await cli('scoring', 'results', '--round', String(round.id))).toBe(0);
    expect(lines.join('\n')).toMatch(/Chấm chưa đủ tiêu chí: 1 đơn vị \(UBND xã A: còn \d+\/\d+ tiêu chí\)/);
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
    expect(errs).toEqual([]);
  });
});
