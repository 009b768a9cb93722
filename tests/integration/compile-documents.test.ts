// Tổng hợp's files read by other programs: the Word report by python-docx and LibreOffice, the
// workbook by openpyxl and recalculated by LibreOffice, the .eml by Python's email package, and the
// PDF of the command line against LibreOffice's rendering, pdffonts and qpdf.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { emailDraft, exportExcel, exportWord } from '../../src/main/features/compile/compile-export';
import { showCompile } from '../../src/main/features/compile/compile';
import { exportReportInput, windowInput } from '../../src/shared/contract/compile';
import { seedCompile, type CompileFixture } from '../unit/compile-fixture';
import { runCli } from '../../src/main/cli';
import {
  checkDocx,
  officeProfile,
  pageText,
  pageTopText,
  paragraphs,
  pdfPageCount,
  pdfPageSize,
  pdfWords,
  profileArg,
  tables,
  writeRecalcProfile,
  toPdf,
  toPngs,
} from './documents-helpers';
import { freshCore, tempDir } from '../unit/helpers';

const OUT = path.resolve('test-output/compile');
let core: Core;
let dir: string;
let fx: CompileFixture;
const opened: string[] = [];

beforeAll(async () => {
  dir = tempDir('bcnv-compile-');
  core = await freshCore({ dir, platform: { opened } });
  fx = await seedCompile(core);
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const win = (over: Record<string, unknown> = {}) =>
  windowInput.parse({ periodIds: [fx.period2025], today: '2025-07-01', ...over });
const py = (script: string, ...args: string[]) =>
  execFileSync('/usr/bin/python3', [path.resolve('tests/tools', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

describe('exports', () => {
  const profile = officeProfile('compile');

  it('writes the Word report through the official-format writer (python-docx, LibreOffice)', async () => {
    const r = await exportWord(
      core.db,
      core.platform,
      core.dataDir,
      exportReportInput.parse({ ...win(), takeNumber: true, date: '2025-07-05' }),
    );
    expect(r).toMatchObject({ saved: true, number: 1 });
    const file = path.join(OUT, 'bao-cao-tong-hop.docx');
    fs.copyFileSync(r.path!, file);
    const facts = checkDocx(file, 8);
    // Report: portrait A4; annex I portrait, II landscape, III portrait, IV (the units' words) portrait.
    expect(facts.sections.map((s) => s.orientation)).toEqual([
      'PORTRAIT',
      'PORTRAIT',
      'LANDSCAPE',
      'PORTRAIT',
      'PORTRAIT',
    ]);
    expect(facts.sections[0]!.width_mm).toBeCloseTo(210, 0);
    expect(facts.sections[0]!.height_mm).toBeCloseTo(297, 0);
    expect(facts.sections[0]!.different_first_page).toBe(true);
    const texts = paragraphs(facts).map((p) => p.text);
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain('Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025');
    expect(texts.some((t) => t.startsWith('Kính gửi:'))).toBe(true);
    expect(texts.some((t) => t.includes('125 cuộc') || t.includes('130 cuộc'))).toBe(true);
    expect(texts).toContain('- Tổ chức đối thoại định kỳ hằng quý (Sở Tư pháp).');
    expect(texts.some((t) => t.includes('{{'))).toBe(false);
    expect(texts).toContain('Phụ lục I');
    expect(texts).toContain('SỐ LIỆU THEO CƠ QUAN, ĐƠN VỊ');
    const all = JSON.stringify(facts);
    expect(all).toContain('Nguyễn Văn Ánh');
    expect(all).toContain('Số: 01/BC-SNV');
    expect(tables(facts, 2).length).toBeGreaterThan(0);

    const [pdf] = toPdf([file], path.join(OUT, 'pdf'), profile);
    const pages = pdfPageCount(pdf!);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pageTopText(pdf!, 1)).toBe('');
    expect(pageTopText(pdf!, 2)).toMatch(/^2$/);
    const landscape = [...Array(pages).keys()]
      .map((k) => pdfPageSize(pdf!, k + 1))
      .filter((s) => s.width > s.height).length;
    expect(landscape).toBeGreaterThanOrEqual(1);
    const text = [...Array(pages).keys()].map((k) => pageText(pdf!, k + 1)).join('\n');
    expect(text).toContain('Phụ lục III');
    expect(text).toContain('UBND xã Quế Sơn');
    expect(toPngs(pdf!, path.join(OUT, 'png'), 60).length).toBe(pages);
  }, 180_000);

  it('writes the summary workbook: live formulas, formats, print setup; LibreOffice recomputes the same totals', async () => {
    const r = await exportExcel(core.db, core.platform, win());
    expect(r.saved).toBe(true);
    const file = path.join(OUT, 'bieu-tong-hop.xlsx');
    fs.copyFileSync(r.path!, file);
    const facts = JSON.parse(py('check_xlsx.py', file)) as {
      sheets: {
        title: string;
        freeze: string;
        print_title_rows: string;
        print_title_cols: string | null;
        heights: Record<string, number>;
        merged: string[];
        orientation: string;
        paper: number;
        fit_width: number;
        fit_height: number;
        fit_to_page: boolean;
        fonts: string[];
        cells: Record<string, { value: unknown; type: string; format: string }>;
      }[];
    };
    expect(facts.sheets.map((s) => s.title)).toEqual([
      'Tổng hợp',
      'Theo đơn vị',
      'Tình hình báo cáo',
      'So sánh cùng kỳ',
    ]);
    for (const s of facts.sheets) {
      // the sheet by unit (30 indicators) is too wide for A4: A3 across pages with the unit columns
      // repeated, not shrunk to one unreadable page; the others fit A4 at full width
      if (s.title === 'Theo đơn vị') {
        expect(s).toMatchObject({ orientation: 'landscape', paper: 8, fit_height: 0, fit_to_page: true });
        expect(s.fit_width).toBeGreaterThan(1);
        expect(s.print_title_cols).toMatch(/^\$?A:\$?C$/);
        // its title stays on the first page instead of being centred over every page and cut
        const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const titleEnd = col(/^A4:([A-Z]+)4$/.exec(s.merged.find((m) => m.startsWith('A4:'))!)![1]!);
        const lastCol = Math.max(...Object.keys(s.cells).map((k) => col(/^[A-Z]+/.exec(k)![0])));
        expect(titleEnd).toBeGreaterThan(3);
        expect(titleEnd).toBeLessThan(lastCol / 2);
      } else
        expect(s).toMatchObject({ orientation: 'landscape', paper: 9, fit_width: 1, fit_height: 0, fit_to_page: true });
      expect(s.fonts).toEqual(['Times New Roman']);
      expect(s.freeze).toMatch(/^D\d+$/);
      expect(s.print_title_rows).toMatch(/^\$?7:\$?\d+$/);
    }
    const totals = facts.sheets[0]!;
    const rowOf = (code: string) =>
      Object.entries(totals.cells)
        .find(([k, c]) => k.startsWith('B') && c.value === code)![0]
        .slice(1);
    const dt01 = totals.cells[`F${rowOf('DT01')}`]!;
    expect(dt01.value).toMatch(/^=IF\(COUNT\('Theo đơn vị'!([A-Z]+9:[A-Z]+\d+)\)=0,"",SUM\('Theo đơn vị'!\1\)\)$/);
    expect(dt01.format).toBe('#,##0');
    // a wrapped "Cách tổng hợp" gets a row tall enough for its lines (LibreOffice does not re-measure)
    expect(totals.heights[rowOf('DT04')]).toBeGreaterThanOrEqual(2 * 15.75);
    expect(totals.heights['7']).toBeGreaterThanOrEqual(3 * 15.75); // "Số đơn vị phải báo cáo chưa có số liệu"
    const dt04 = totals.cells[`F${rowOf('DT04')}`]!;
    expect(dt04.value).toMatch(/SUM\(.*\)\/SUM\(.*\)/);
    expect(dt04.format).toBe('0.00%');
    expect(totals.cells[`F${rowOf('DV04')}`]!.value).toMatch(/COUNTIFS/);

    // LibreOffice recomputes the formulas from a copy without cached results.
    const stripped = path.join(OUT, 'bieu-tong-hop-khong-ket-qua.xlsx');
    py('check_xlsx.py', '--strip', file, stripped);
    const lo = path.join(OUT, 'lo');
    fs.rmSync(lo, { recursive: true, force: true });
    writeRecalcProfile(profile + '-calc');
    execFileSync(
      'libreoffice',
      [profileArg(profile + '-calc'), '--headless', '--convert-to', 'xlsx', '--outdir', lo, stripped],
      { timeout: 170_000, stdio: 'pipe' },
    );
    const values = JSON.parse(py('check_xlsx.py', '--values', path.join(lo, path.basename(stripped)))) as Record<
      string,
      Record<string, number | string>
    >;
    const app = await showCompile(core.db, win());
    for (const i of app.current.indicators.filter((x) => x.rule === 'SUM' || x.rule === 'RATE' || x.rule === 'SHARE')) {
      const got = values['Tổng hợp']![`F${rowOf(i.code)}`];
      if (i.value === null) expect(got === undefined || got === '').toBe(true);
      else if (i.rule === 'SUM') expect(got).toBe(Number(i.value));
      else expect((Number(got) * 100).toFixed(2)).toBe(Number(i.value).toFixed(2));
    }
    // The report-status block is complete, and LibreOffice's recomputation equals the app's counts.
    const status = values['Tình hình báo cáo']!;
    const block = Object.fromEntries(
      Object.entries(status)
        .filter(([k, v]) => k.startsWith('C') && typeof v === 'string')
        .map(([k, v]) => [v, status[`D${k.slice(1)}`]]),
    );
    const st = app.current.status;
    expect(block).toMatchObject({
      'Phải báo cáo': st.expected,
      'Đã gửi': st.reported,
      'Trong đó: đúng hạn': st.onTime,
      'Nộp muộn': st.late,
      'Chưa gửi': st.missing,
    });
  }, 180_000);

  it('makes an unsent .eml attaching the registered report byte for byte, citing its number and date', async () => {
    const r = await emailDraft(
      core.db,
      core.platform,
      core.dataDir,
      exportReportInput.parse({ ...win(), date: '2025-07-05' }),
    );
    expect(r).toMatchObject({ saved: true, opened: true, to: ['vanthu@quangnam.gov.vn'] });
    expect(opened.at(-1)).toBe(r.emlPath);
    fs.copyFileSync(r.emlPath!, path.join(OUT, 'thu-gui-bao-cao.eml'));
    const eml = JSON.parse(py('check_eml.py', r.emlPath!)) as {
      subject: string;
      to: string[];
      x_unsent: string;
      text: string;
      ascii_only: boolean;
      defects: string[];
      attachments: { filename: string; content_type: string; size: number; sha256: string }[];
    };
    // The Word report took number 01 above: the email sends that registered file, not a new one.
    expect(eml.subject).toBe(
      'Sở Nội vụ gửi Báo cáo số 01/BC-SNV ngày 05/07/2025 về kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025',
    );
    const registered = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(OUT, 'bao-cao-tong-hop.docx')))
      .digest('hex');
    expect(eml.attachments[0]!.sha256).toBe(registered);
    expect(eml.text).toContain('Báo cáo số 01/BC-SNV ngày 05/07/2025');
    expect(eml.to).toEqual(['vanthu@quangnam.gov.vn']);
    expect(eml.x_unsent).toBe('1');
    expect(eml.ascii_only).toBe(true);
    expect(eml.defects).toEqual([]);
    expect(eml.text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Quảng Nam; Bộ Nội vụ.');
    expect(eml.attachments.map((a) => a.filename)).toEqual([
      path.basename(r.docxPath!),
      'Bieu-tong-hop_6-thang-dau-nam-2025.xlsx',
    ]);
    expect(eml.attachments[0]!.size).toBe(fs.statSync(r.docxPath!).size);
    expect(eml.attachments[1]!.content_type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('command line', () => {
  it('export report as PDF: the words of LibreOffice’s rendering of the Word file, fonts embedded, signature fields', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => err.push(x) };
    const db = path.join(dir, 'test.db');
    const p = String(fx.period2025);
    const cliDir = path.join(dir, 'cli');
    fs.mkdirSync(cliDir);
    for (const name of ['bao-cao.docx', 'bao-cao.pdf'])
      expect(
        await runCli(
          ['export', 'report', '--period', p, '--out', path.join(cliDir, name), '--date', '2025-07-06', '--db', db],
          io,
        ),
        err.join('\n'),
      ).toBe(0);
    const pdf = path.join(cliDir, 'bao-cao.pdf');
    const [office] = toPdf([path.join(cliDir, 'bao-cao.docx')], path.join(cliDir, 'lo'), officeProfile('compile-pdf'));
    expect(pdfPageCount(pdf)).toBe(pdfPageCount(office!));
    for (let page = 1; page <= pdfPageCount(pdf); page++)
      expect(pdfWords(pdf, page).map((w) => w.text)).toEqual(pdfWords(office!, page).map((w) => w.text));
    expect(
      execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((l) => / yes yes yes /.test(l)),
    ).toBe(true);
    const form = execFileSync('qpdf', ['--json=2', '--json-key=acroform', pdf], { encoding: 'utf8' });
    expect(form).toContain('"fieldtype": "/Sig"');
  });
});
