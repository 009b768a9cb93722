// Filling office templates: a Word-made form and the same form saved by LibreOffice, filled with
// a seeded period, read back by python-docx (paragraph styles, merged cells, header fields) and
// rendered by LibreOffice (page numbers from page 2, values on the page). PNGs of the pages are
// kept in test-output/doc-templates for people to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { folderPlatform } from '../../src/main/platform/platform';
import { fillFile } from '../../src/main/features/doc-templates/fill';
import { saveImage } from '../../src/main/features/doc-templates/images';
import { fillFileInput } from '../../src/shared/contract/doc-templates';
import { databaseFingerprint, freshCore, tempDir } from '../unit/helpers';
import { seedCompile, type CompileFixture } from '../unit/compile-fixture';
import { officeProfile, pageText, pageTopText, profileArg, toPdf, toPngs } from './documents-helpers';
import { buildDocx, headerBlock, officeTemplate, p, pageHeader, png } from '../unit/doc-templates-fixtures';

const OUT = path.resolve('test-output/doc-templates');
const PROFILE = officeProfile('doc-templates-fill');

interface Facts {
  blocks: (
    | {
        type: 'p';
        text: string;
        first_line_twips: number | null;
        alignment: string | null;
        drawings: number;
        runs: { text: string; italic: boolean; bold: boolean }[];
      }
    | { type: 'table'; rows: { text: string; vmerge: string | null }[][] }
  )[];
  sections: {
    different_first_page: boolean;
    header: { text: string; fields: string[] }[];
    footer: { text: string }[];
  }[];
}

const check = (file: string): Facts =>
  JSON.parse(
    execFileSync('/usr/bin/python3', [path.resolve('tests/tools/check_filled_docx.py'), file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Facts;
const paras = (f: Facts) =>
  f.blocks.filter((b): b is Extract<Facts['blocks'][number], { type: 'p' }> => b.type === 'p');
const tables = (f: Facts) =>
  f.blocks.filter((b): b is Extract<Facts['blocks'][number], { type: 'table' }> => b.type === 'table');

let dir: string;
let core: Core;
let fx: CompileFixture;

async function fill(bytes: Uint8Array, name: string, extra: Record<string, unknown> = {}) {
  const platform = folderPlatform(OUT);
  const r = await fillFile(
    core.db,
    { ...platform, chooseSavePath: async () => path.join(OUT, name) },
    fillFileInput.parse({ fileName: name, data: bytes, periodId: fx.period2025, date: '2025-06-25', ...extra }),
  );
  expect(r.saved).toBe(true);
  return r;
}

beforeAll(async () => {
  dir = tempDir('bcnv-doctpl-');
  core = await freshCore(dir);
  fx = await seedCompile(core);
  fs.mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('filling a Word-made office template', () => {
  let facts: Facts;
  let file: string;
  beforeAll(async () => {
    const r = await fill(await officeTemplate(), 'mau-bao-cao.docx');
    file = r.path!;
    facts = check(file);
    expect(r.warnings).toContain(
      'Chưa có dữ liệu cho {signature} (ảnh chữ ký của người ký (PNG nền trong, đã tải lên)): chỗ này để trống.',
    );
  });

  it('writes the header block, the Vietnamese date and the blank number for the clerk', () => {
    const head = tables(facts)[0]!.rows;
    expect(head[0]![0]!.text).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nSỞ NỘI VỤ');
    expect(head[1]![0]!.text).toBe('Số:      /BC-SNV');
    expect(head[1]![1]!.text).toBe('Quảng Nam, ngày 25 tháng 6 năm 2025');
  });

  it('joins tags split by spell-check and tracked changes, and leaves no revision behind', async () => {
    const texts = paras(facts).map((x) => x.text);
    expect(texts).toContain('Căn cứ Kế hoạch số 468/KH-UBND ngày 27/3/2025 của UBND tỉnh;');
    expect(texts).toContain('Kỳ báo cáo: 6 tháng đầu năm 2025 (từ ngày 15/12/2024 đến ngày 14/06/2025).');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<w:(ins|del|delText|proofErr)\b/);
    expect(xml).not.toContain('{');
  });

  it('turns the multi-line draft into paragraphs that keep the template paragraph’s indent and alignment', () => {
    const all = paras(facts);
    const first = all.findIndex((x) => x.text.startsWith('Thực hiện Kế hoạch số 468/KH-UBND'));
    const last = all.findIndex((x) => x.text.startsWith('Số đơn vị phải báo cáo'));
    const body = all.slice(first, last);
    expect(body.length).toBeGreaterThan(10);
    for (const x of body) {
      expect(x.first_line_twips).toBe(567);
      expect(x.alignment).toBe('JUSTIFY (3)');
    }
    expect(body.map((x) => x.text)).toContain('II.1. Tiếp công dân, đối thoại');
  });

  it('repeats the indicator row with Vietnamese numbers, and evaluates the conditions', () => {
    const t = tables(facts)[1]!.rows;
    const dt01 = t.find((r) => r[1]!.text.startsWith('Hội nghị đối thoại'))!;
    expect(dt01.map((c) => c.text)).toEqual([
      dt01[0]!.text,
      'Hội nghị đối thoại của người đứng đầu với Nhân dân (cuộc)',
      '125',
      '113',
      '+12',
    ]);
    const rate = t.find((r) => r[1]!.text.startsWith('Tỷ lệ giải quyết ý kiến'))!;
    expect(rate[2]!.text).toBe('80,59%');
    expect(t.slice(1).map((r) => r[0]!.text)).toEqual(t.slice(1).map((_, k) => String(k + 1)));
    const texts = paras(facts).map((x) => x.text);
    expect(texts).toContain('Còn 1 đơn vị chưa gửi: UBND xã Quế Sơn.');
    expect(texts).not.toContain('Tất cả đơn vị đã gửi báo cáo.');
  });

  it('merges the STT and unit cells vertically over each unit’s rows', () => {
    const t = tables(facts)[2]!.rows.slice(1);
    const starts = t.map((r, k) => (r[0]!.vmerge === 'restart' ? k : -1)).filter((k) => k >= 0);
    expect(starts.length).toBe(5);
    for (let g = 0; g < starts.length; g++) {
      const from = starts[g]!;
      const to = starts[g + 1] ?? t.length;
      expect(t[from]![0]!.text).toBe(String(g + 1));
      expect(t[from]![1]!.vmerge).toBe('restart');
      for (const r of t.slice(from + 1, to)) {
        expect([r[0]!.vmerge, r[1]!.vmerge, r[0]!.text, r[1]!.text]).toEqual(['continue', 'continue', '', '']);
        expect(r[2]!.vmerge).toBeNull();
      }
    }
    const u1 = t[starts[0]!]!;
    expect(u1[1]!.text).toBe('Sở Tư pháp');
    expect(t.find((r) => r[2]!.text.startsWith('Hội nghị đối thoại'))![3]!.text).toBe('40');
  });

  it('keeps the header’s PAGE field and the different first page, and LibreOffice numbers pages from 2', () => {
    expect(facts.sections[0]!.different_first_page).toBe(true);
    expect(facts.sections[0]!.header[0]!.fields[0]).toMatch(/^PAGE/);
    expect(facts.sections[0]!.footer.map((x) => x.text)).toEqual(['Sở Nội vụ · 25/06/2025']);
    const [pdf] = toPdf([file], OUT, PROFILE);
    expect(pageTopText(pdf!, 1)).toBe('');
    expect(pageTopText(pdf!, 2)).toBe('2');
    expect(pageText(pdf!, 1)).toContain('ngày 25 tháng 6 năm 2025');
    expect(toPngs(pdf!, OUT).length).toBeGreaterThan(2);
  });
});

describe('a template saved by LibreOffice, images, numbers, refusals', () => {
  it('fills the same form after LibreOffice has re-saved it (its own runs and styles)', async () => {
    const src = path.join(OUT, 'mau-libreoffice-goc.docx');
    fs.writeFileSync(src, await officeTemplate());
    const loDir = path.join(OUT, 'lo');
    fs.mkdirSync(loDir, { recursive: true });
    execFileSync(
      'libreoffice',
      [profileArg(PROFILE), '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', loDir, src],
      { timeout: 170_000, stdio: 'pipe' },
    );
    const saved = new Uint8Array(fs.readFileSync(path.join(loDir, 'mau-libreoffice-goc.docx')));
    const r = await fill(saved, 'mau-libreoffice.docx');
    const f = check(r.path!);
    expect(tables(f)[0]!.rows[1]![1]!.text).toBe('Quảng Nam, ngày 25 tháng 6 năm 2025');
    const merged = tables(f)[2]!.rows.slice(1);
    const names = merged.filter((x) => x[0]!.vmerge === 'restart').map((x) => x[1]!.text);
    expect(names).toHaveLength(5);
    expect([names[0], names[4]]).toEqual(['Sở Tư pháp', 'UBND xã Quế Sơn']);
    expect(paras(f).map((x) => x.text)).toContain('Còn 1 đơn vị chưa gửi: UBND xã Quế Sơn.');
    const [pdf] = toPdf([r.path!], OUT, PROFILE);
    expect(pageTopText(pdf!, 2)).toBe('2');
  });

  it('puts the stored signature image beside its label at its size, and takes a register number', async () => {
    await saveImage(core.db, 'signature', 'chu-ky.png', png(400, 200, [20, 40, 200, 255], Math.round(400 / 0.04)));
    const bytes = await buildDocx({
      body: headerBlock() + p('Người ký: {%signature}') + p('{signer.fullName}'),
      header: pageHeader(),
      firstHeader: '',
    });
    const r = await fill(bytes, 'mau-chu-ky.docx', { takeNumber: true });
    const f = check(r.path!);
    const sig = paras(f).find((x) => x.drawings === 1)!;
    expect(sig.text).toBe('Người ký: ');
    expect(tables(f)[0]!.rows[1]![0]!.text).toBe('Số: 01/BC-SNV');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(r.path!))).file('word/document.xml')!.async('string');
    expect(/<wp:extent cx="(\d+)"/.exec(xml)![1]).toBe(String(151 * 9525));
    const reg = await core.db.selectFrom('document_register').selectAll().execute();
    expect(reg.map((x) => [x.document_type, x.number, x.symbol, x.file_path])).toEqual([
      ['Báo cáo', 1, 'BC-SNV', r.path],
    ]);
  });

  it('draws {%chart.reporting} as a Word chart with the period’s figures, rendered by LibreOffice', async () => {
    const bytes = await buildDocx({
      body: headerBlock() + p('Biểu đồ 1.') + p('{%chart.reporting}') + p('Hết.'),
      header: pageHeader(),
      firstHeader: '',
    });
    const r = await fill(bytes, 'mau-bieu-do.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync(r.path!));
    const chart = await zip.file('word/charts/chart1.xml')!.async('string');
    expect([...chart.matchAll(/<c:pt idx="\d"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual([
      'Đúng hạn',
      'Nộp muộn',
      'Chưa nộp',
      '3',
      '1',
      '1',
    ]);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/word/charts/chart1.xml');
    const [pdf] = toPdf([r.path!], OUT, PROFILE);
    const text = pageText(pdf!, 1);
    for (const label of ['Tình hình gửi báo cáo 6 tháng đầu năm 2025', 'Đúng hạn', 'Nộp muộn', 'Chưa nộp'])
      expect(text).toContain(label);
    toPngs(pdf!, OUT);
  });

  it('refuses a broken template and changes nothing', async () => {
    const before = databaseFingerprint(core);
    const bytes = await buildDocx({ body: p('{#units}{name}') });
    await expect(fill(bytes, 'hong.docx', { takeNumber: true })).rejects.toThrow(
      /có 1 lỗi nên chưa điền được: Thẻ mở \{#units\} không có thẻ đóng/,
    );
    expect(databaseFingerprint(core)).toBe(before);
  });

  it('inserts values as text: braces, markers and new lines from the data are never template syntax', async () => {
    await core.db
      .updateTable('units')
      .set({ name: 'Đơn vị {agency.name}\uE000R' })
      .where('id', '=', fx.units.U1)
      .execute();
    const bytes = await buildDocx({ body: p('{#units}[{name}]{/units}'), header: pageHeader(), firstHeader: '' });
    const r = await fill(bytes, 'mau-an-toan.docx');
    const texts = paras(check(r.path!)).map((x) => x.text);
    // The private mark is dropped on the way in; the braces stay plain text.
    expect(texts[0]).toBe(
      '[Đơn vị {agency.name}R][Sở Tài chính][UBND phường Hội An][UBND xã Duy Xuyên][UBND xã Quế Sơn]',
    );
    await core.db.updateTable('units').set({ name: 'Sở Tư pháp' }).where('id', '=', fx.units.U1).execute();
  });
});
