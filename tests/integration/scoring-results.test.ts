// The results files of a scoring round read by other programs: the .xlsx by openpyxl (formulas)
// and recalculated by LibreOffice, the report .docx by python-docx and rendered by LibreOffice to
// PNG, the PDF of the command line by pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { approveScoring, saveScores } from '../../src/main/features/scoring/unit-scoring';
import { exportScoringDocx, exportScoringXlsx } from '../../src/main/features/scoring/scoring-files';
import { saveScoresInput } from '../../src/shared/contract/scoring';
import { runCli } from '../../src/main/cli';
import { freshCore, tempDir } from '../unit/helpers';
import { FULL, seedScoringRound } from '../unit/scoring-fixture';
import {
  checkDocx,
  officeProfile,
  pageText,
  paragraphs,
  pdfPageCount,
  pdfPageSize,
  profileArg,
  tables,
  toPdf,
  toPngs,
} from './documents-helpers';

const OUT = path.resolve('test-output/scoring');
let core: Core;
let dir: string;
let roundId: number;
let unitIds: Record<string, number> = {};
const profile = officeProfile('scoring');

beforeAll(async () => {
  dir = tempDir('bcnv-scoring-results-');
  fs.mkdirSync(OUT, { recursive: true });
  core = await freshCore({ dir, file: 'data.db' });
  ({ roundId, unitIds } = await seedScoringRound(core));
  // XTB sent its self-scoring book with every line filled (94.5).
  await saveScores(
    core.db,
    saveScoresInput.parse({
      roundId,
      unitId: unitIds.XTB!,
      side: 'self',
      lines: Object.entries(FULL).map(([code, score]) => ({ code, score })),
    }),
  );
});

afterAll(async () => {
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
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
        profileArg(profile),
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
    const [pdf] = toPdf([file], path.join(OUT, 'pdf'), profile);
    const pages = pdfPageCount(pdf!);
    expect(pages).toBeGreaterThanOrEqual(2);
    const last = pdfPageSize(pdf!, pages);
    expect(last.width).toBeGreaterThan(last.height);
    expect(pageText(pdf!, pages)).toContain('UBND phường An Tân');
    expect(toPngs(pdf!, path.join(OUT, 'png'), 60).length).toBe(pages);
  });
});

describe('the CLI', () => {
  it('exports the results report as a PDF that pdftotext reads', async () => {
    const pdf = path.join(dir, 'kq.pdf');
    const errs: string[] = [];
    const io = { out: () => {}, err: (x: string) => errs.push(x) };
    expect(
      await runCli(
        ['export', 'scoring', '--round', String(roundId), '--out', pdf, '--db', path.join(dir, 'data.db')],
        io,
      ),
      errs.join('\n'),
    ).toBe(0);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('BÁO CÁO');
  });
});
