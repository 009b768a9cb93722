// Every rule of Nghị định 30/2020 (shared/design/ND30.md) that can be read from the file, checked
// on the four samples and the two seed plans through python-docx, LibreOffice, pdftotext.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentModel, type DocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { SAMPLE_FILE_NAMES, SAMPLE_KINDS, sampleModel } from '../../src/main/features/documents/samples';
import { formatDateLine } from '../../src/shared/format';
import { SEED_FIXTURES, loadSeedFixture } from '../fixtures/documents';
import {
  OUT_DIR,
  checkDocx,
  officeProfile,
  pageText,
  pageTopCentre,
  pageTopText,
  paragraphs,
  pdfPageCount,
  pdfPageSize,
  tables,
  textRuns,
  toPdf,
  toPngs,
  type DocxFacts,
  type ParaFacts,
  type TableFacts,
} from './documents-helpers';

interface Case {
  name: string;
  model: DocumentModel;
  docx: string;
  pdf: string;
  facts: DocxFacts;
}

const cases: Case[] = [];
const PROFILE = officeProfile('nd30');

beforeAll(async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const inputs: { name: string; raw: unknown }[] = [
    ...SAMPLE_KINDS.map((k) => ({ name: SAMPLE_FILE_NAMES[k].replace(/\.docx$/, ''), raw: sampleModel(k) })),
    ...SEED_FIXTURES.map((n) => ({ name: n, raw: loadSeedFixture(n) })),
  ];
  for (const { name, raw } of inputs) {
    const model = parseDocumentModel(raw);
    const docx = path.join(OUT_DIR, `${name}.docx`);
    fs.writeFileSync(docx, await renderDocx(model));
    cases.push({ name, model, docx, pdf: '', facts: checkDocx(docx) });
  }
  const pdfs = toPdf(
    cases.map((c) => c.docx),
    OUT_DIR,
    PROFILE,
  );
  cases.forEach((c, i) => {
    c.pdf = pdfs[i]!;
    toPngs(c.pdf, OUT_DIR);
  });
}, 170_000);

const near = (a: number, b: number, tol = 0.06) => Math.abs(a - b) <= tol;
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');
const allRuns = (ps: ParaFacts[]) => ps.flatMap(textRuns);
const sizeOf = (p: ParaFacts) => textRuns(p)[0]?.size ?? null;
const bold = (p: ParaFacts) => textRuns(p).length > 0 && textRuns(p).every((r) => r.bold);
const italic = (p: ParaFacts) => textRuns(p).length > 0 && textRuns(p).every((r) => r.italic);
const upright = (p: ParaFacts) => textRuns(p).every((r) => !r.italic);
const cellParas = (t: TableFacts, row: number, col: number): ParaFacts[] => t.rows[row]!.cells![col]!.paragraphs;
const byName = (name: string): Case => cases.find((c) => c.name === name)!;
/** Section 0's paragraphs between the header block and the signature block. */
function bodyParas(c: Case): ParaFacts[] {
  const blocks = c.facts.blocks.filter((b) => b.section === 0);
  const first = blocks.findIndex((b) => b.type === 'table');
  const sig = blocks.map((b) => b.type).lastIndexOf('table');
  return blocks.slice(first + 1, sig).filter((b): b is ParaFacts => b.type === 'p');
}

describe('page (A4, margins, font, numbering)', () => {
  it('every section is A4 with the default margins and a page-number header from page 2', () => {
    for (const c of cases) {
      for (const s of c.facts.sections) {
        const portrait = s.orientation === 'PORTRAIT';
        expect(
          near(portrait ? s.width_mm : s.height_mm, 210, 0.1) && near(portrait ? s.height_mm : s.width_mm, 297, 0.1),
          c.name,
        ).toBe(true);
        expect(
          near(s.top_mm, 20) && near(s.bottom_mm, 20) && near(s.left_mm, 30) && near(s.right_mm, 15),
          `${c.name} margins`,
        ).toBe(true);
        expect(s.different_first_page, c.name).toBe(true);
        expect(s.page_start, c.name).toBe(1);
        const first = s.header_first as ParaFacts[];
        expect(
          first.every((p) => p.text === '' && !p.has_page_field),
          c.name,
        ).toBe(true);
        const def = s.header_default as ParaFacts[];
        const num = def.find((p) => p.has_page_field)!;
        expect(num.alignment).toBe('CENTER');
        expect(num.runs.every((r) => (r.size === 13 || r.size === 14) && !r.bold && !r.italic)).toBe(true);
      }
    }
  });

  it('every run is Times New Roman and the body size is 13 or 14', () => {
    for (const c of cases) {
      expect(c.facts.default_font).toBe('Times New Roman');
      const ps = [
        ...paragraphs(c.facts),
        ...tables(c.facts).flatMap((t) => t.rows.flatMap((r) => r.cells ?? []).flatMap((cell) => cell.paragraphs)),
      ];
      expect(
        allRuns(ps).every((r) => r.font === 'Times New Roman'),
        c.name,
      ).toBe(true);
      for (const p of bodyParas(c).filter((p) => p.alignment === 'JUSTIFY')) expect([13, 14]).toContain(sizeOf(p));
    }
  });

  it('LibreOffice renders: no number on page 1, "2" centred at the top of page 2, PNGs kept', () => {
    for (const c of cases) {
      const pages = pdfPageCount(c.pdf);
      expect(pages, c.name).toBeGreaterThanOrEqual(c.name === 'mau-cong-van' ? 1 : 2);
      expect(pageTopText(c.pdf, 1), `${c.name} page 1`).not.toMatch(/\d/);
      expect(fs.readdirSync(OUT_DIR).filter((f) => new RegExp(`^${c.name}-\\d+\\.png$`).test(f)).length).toBe(pages);
      if (pages < 2) continue;
      expect(pageTopText(c.pdf, 2), `${c.name} page 2`).toBe('2');
      const { width } = pdfPageSize(c.pdf, 2);
      const left = (30 / 25.4) * 72;
      const right = width - (15 / 25.4) * 72;
      expect(Math.abs(pageTopCentre(c.pdf, 2)! - (left + right) / 2)).toBeLessThan(6);
    }
    expect(pdfPageCount(byName('mau-cong-van').pdf)).toBe(1);
  });
});

describe('header block', () => {
  it('is a borderless two-column table: agency and its rule, national title, motto and its rule', () => {
    for (const c of cases) {
      const t = tables(c.facts, 0)[0]!;
      expect(
        Object.values(t.borders).every((v) => v === 'none' || v === 'nil'),
        c.name,
      ).toBe(true);
      expect(t.rows[0]!.cells!.length).toBe(2);
      const left = cellParas(t, 0, 0).filter((p) => p.text !== '');
      const leftRule = cellParas(t, 0, 0).find((p) => p.border_top)!;
      const h = c.model.header;
      const agencyParas = left.filter((p) => bold(p));
      expect(agencyParas.map((p) => p.text).join(' ')).toBe(h.agency);
      for (const p of agencyParas) {
        expect(isUpper(p.text) && p.alignment === 'CENTER').toBe(true);
        expect([12, 13]).toContain(sizeOf(p));
      }
      if (h.parentAgency) {
        const parent = left.filter((p) => !bold(p));
        expect(parent.map((p) => p.text).join(' ')).toBe(h.parentAgency);
        for (const p of parent) expect([12, 13].includes(sizeOf(p)!) && isUpper(p.text) && upright(p)).toBe(true);
      }
      // The rule under the agency: 1/3 to 1/2 of the text width, centred.
      const agencyWidth = Math.max(...agencyParas.map((p) => p.text_width_mm!));
      expect(leftRule.line_width_mm! / agencyWidth, c.name).toBeGreaterThanOrEqual(1 / 3 - 0.01);
      expect(leftRule.line_width_mm! / agencyWidth, c.name).toBeLessThanOrEqual(1 / 2 + 0.01);
      expect(near(leftRule.left_mm ?? 0, leftRule.right_mm ?? 0, 0.1)).toBe(true);

      const right = cellParas(t, 0, 1);
      expect(right[0]!.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(bold(right[0]!) && [12, 13].includes(sizeOf(right[0]!)!)).toBe(true);
      expect(right[1]!.text).toBe('Độc lập - Tự do - Hạnh phúc');
      expect(bold(right[1]!) && [13, 14].includes(sizeOf(right[1]!)!) && right[1]!.alignment === 'CENTER').toBe(true);
      // The motto's rule is as long as the motto.
      expect(right[2]!.border_top).toBe(true);
      expect(Math.abs(right[2]!.line_width_mm! - right[1]!.text_width_mm!) / right[1]!.text_width_mm!).toBeLessThan(
        0.03,
      );
    }
  });

  it('number and symbol, place and date follow the leading-zero rules', () => {
    for (const c of cases) {
      const t = tables(c.facts, 0)[0]!;
      const h = c.model.header;
      const num = cellParas(t, 1, 0)[0]!;
      expect(num.text.startsWith('Số:')).toBe(true);
      expect(num.text).toMatch(/^Số:(\s|\u00A0)*(\d{2,})?\/[\p{L}\d]+(-[\p{L}\d]+)*$/u);
      if (h.number !== null) expect(num.text).toBe(`Số: ${String(h.number).padStart(2, '0')}/${h.symbol}`);
      else expect(num.text).toMatch(new RegExp(`^Số:[\\s\\u00A0]{3,}/${h.symbol}$`));
      expect(sizeOf(num)).toBe(13);
      const date = cellParas(t, 1, 1)[0]!;
      expect(date.text).toBe(`${h.place}, ${formatDateLine(h.date)}`);
      expect(date.text).toMatch(/^[^,]+, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
      expect(italic(date) && [13, 14].includes(sizeOf(date)!)).toBe(true);
    }
    expect(cellParas(tables(byName('mau-bao-cao').facts, 0)[0]!, 1, 0)[0]!.text).toBe('Số: 05/BC-SNV');
    expect(cellParas(tables(byName('ke-hoach-dan-van-chinh-quyen-long-khanh-2024').facts, 0)[0]!, 1, 1)[0]!.text).toBe(
      'Long Khánh, ngày 27 tháng 3 năm 2024',
    );
    expect(cellParas(tables(byName('ke-hoach-dan-chu-co-so-chi-lang-2024').facts, 0)[0]!, 1, 1)[0]!.text).toBe(
      'TT Chi Lăng, ngày 01 tháng 4 năm 2024',
    );
  });
});

describe('title, summary, Kính gửi', () => {
  it('type name UPPER bold centred, summary bold centred with a rule of 1/3–1/2 of its width', () => {
    for (const c of cases.filter((c) => c.model.type !== 'Công văn')) {
      const ps = paragraphs(c.facts, 0);
      const i = ps.findIndex((p) => p.text === c.model.type.toLocaleUpperCase('vi'));
      expect(i, c.name).toBeGreaterThanOrEqual(0);
      const [type, summary, rule] = [ps[i]!, ps[i + 1]!, ps[i + 2]!];
      expect(bold(type) && type.alignment === 'CENTER' && [13, 14].includes(sizeOf(type)!)).toBe(true);
      expect(summary.text).toBe(c.model.summary);
      expect(bold(summary) && summary.alignment === 'CENTER' && [13, 14].includes(sizeOf(summary)!)).toBe(true);
      expect(rule.border_top).toBe(true);
      const width = Math.min(summary.text_width_mm!, summary.line_width_mm!);
      expect(rule.line_width_mm! / width).toBeGreaterThanOrEqual(1 / 3 - 0.01);
      expect(rule.line_width_mm! / width).toBeLessThanOrEqual(1 / 2 + 0.01);
    }
  });

  it('a công văn has no type name; its V/v sits under the number, 12–13, not bold', () => {
    const c = byName('mau-cong-van');
    const t = tables(c.facts, 0)[0]!;
    const vv = cellParas(t, 1, 0)[1]!;
    expect(vv.text.startsWith('V/v ')).toBe(true);
    expect([12, 13].includes(sizeOf(vv)!) && !bold(vv)).toBe(true);
    expect(paragraphs(c.facts, 0).some((p) => p.text === 'CÔNG VĂN')).toBe(false);
  });

  it('Kính gửi: one recipient on the line; several one per line, "- …;" and the last "."', () => {
    const one = paragraphs(byName('mau-bao-cao').facts, 0).find((p) => p.text.startsWith('Kính gửi'))!;
    expect(one.text).toBe('Kính gửi: Ủy ban nhân dân tỉnh Quảng Nam.');
    expect(upright(one) && [13, 14].includes(sizeOf(one)!)).toBe(true);
    const ps = paragraphs(byName('mau-cong-van').facts, 0);
    const i = ps.findIndex((p) => p.text.startsWith('Kính gửi'));
    expect(ps[i]!.text.replace(/\t/, ' ')).toBe('Kính gửi: - Các sở, ban, ngành thuộc tỉnh;');
    expect(ps[i + 1]!.text).toBe('- UBND các huyện, thị xã, thành phố.');
    // The second recipient lines up under the first.
    expect(near(ps[i + 1]!.left_mm!, ps[i]!.left_mm!, 0.1)).toBe(true);
  });
});

describe('body', () => {
  it('paragraphs are justified, 1 cm first-line indent, ≥ 6 pt after, spacing single to 1.5', () => {
    for (const c of cases) {
      const body = bodyParas(c).filter((p) => p.alignment === 'JUSTIFY');
      expect(body.length).toBeGreaterThanOrEqual(3);
      for (const p of body) {
        expect(near(p.first_line_mm!, 10, 0.1), `${c.name}: ${p.text.slice(0, 40)}`).toBe(true);
        expect(p.space_after_pt!).toBeGreaterThanOrEqual(6);
        expect(p.line_spacing!).toBeGreaterThanOrEqual(1);
        expect(p.line_spacing!).toBeLessThanOrEqual(1.5);
        expect(sizeOf(p)).toBe(c.model.settings.bodySize);
      }
    }
  });

  it('legal bases are italic, ";" after each and "." after the last', () => {
    for (const c of cases.filter((c) => c.model.body.some((b) => b.kind === 'basis'))) {
      // The bases open the body, before its first other paragraph.
      const body = bodyParas(c);
      const start = body.findIndex((p) => p.text.startsWith('Căn cứ'));
      const end = body.findIndex((p, i) => i > start && !p.text.startsWith('Căn cứ'));
      const bases = body.slice(start, end);
      expect(bases.length, c.name).toBeGreaterThan(0);
      bases.forEach((p, i) => {
        expect(italic(p), p.text).toBe(true);
        if (!p.text.endsWith(':')) expect(p.text.endsWith(i === bases.length - 1 ? '.' : ';'), p.text).toBe(true);
      });
    }
  });

  it('headings: Phần centred bold, "I. …" UPPER bold, "1. …" bold, "a) …" upright, dashes', () => {
    const c = byName('mau-ke-hoach');
    const ps = bodyParas(c);
    const part = ps.find((p) => p.text === 'Phần I')!;
    expect(bold(part) && part.alignment === 'CENTER').toBe(true);
    const partTitle = ps[ps.indexOf(part) + 1]!;
    expect(partTitle.text).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(bold(partTitle) && partTitle.alignment === 'CENTER').toBe(true);
    const report = bodyParas(byName('mau-bao-cao'));
    const h1 = report.find((p) => p.text === 'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TUYÊN TRUYỀN')!;
    expect(bold(h1) && h1.keep_next).toBe(true);
    const h2 = report.find((p) => p.text === '1. Tiếp công dân, đối thoại với Nhân dân')!;
    expect(bold(h2)).toBe(true);
    const h3 = report.find((p) => p.text === 'a) Tiếp công dân thường xuyên và định kỳ')!;
    expect(upright(h3) && !bold(h3)).toBe(true);
    const dashes = report.filter((p) => p.text.startsWith('- '));
    expect(dashes.length).toBeGreaterThanOrEqual(3);
    // A run of its own keeps its emphasis, and a footnote reference is written.
    const withBold = report.find((p) => p.text.includes('2.318 lượt'))!;
    expect(withBold.runs.find((r) => r.text === '2.318 lượt')!.bold).toBe(true);
    expect(withBold.text).toContain('đã tiếp 2.318 lượt công dân');
    expect(withBold.has_footnote_ref).toBe(true);
  });

  it('the body ends with "./."', () => {
    for (const c of cases) {
      const body = bodyParas(c).filter((p) => p.text !== '');
      expect(body.at(-1)!.text.endsWith('./.'), c.name).toBe(true);
    }
  });

  it('tables repeat their header rows and never split a row', () => {
    const all = cases.flatMap((c) =>
      tables(c.facts).filter((t) => !Object.values(t.borders).every((v) => v === 'none')),
    );
    const data = all.filter((t) => t.rows.some((r) => r.header));
    expect(data.length).toBeGreaterThanOrEqual(3);
    for (const t of data) {
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows.every((r) => r.cant_split)).toBe(true);
      expect(t.rows.filter((r) => r.header).length).toBeLessThan(t.row_count);
      const headerRun = textRuns(t.rows[0]!.cells![0]!.paragraphs[0]!)[0]!;
      expect(headerRun.bold).toBe(true);
      expect(Object.values(t.rows[0]!.cells![0]!.borders).every((v) => v === 'single')).toBe(true);
    }
  });
});

describe('signature block and recipients', () => {
  it('Nơi nhận (12 bold italic, entries 11, "Lưu: VT, …" last) beside the signature', () => {
    for (const c of cases) {
      const t = tables(c.facts, 0).at(-1)!;
      expect(t.rows[0]!.cells!.length).toBe(2);
      const left = cellParas(t, 0, 0);
      expect(left[0]!.text).toBe('Nơi nhận:');
      expect(bold(left[0]!) && italic(left[0]!) && sizeOf(left[0]!) === 12 && left[0]!.alignment !== 'CENTER').toBe(
        true,
      );
      const entries = left.slice(1);
      entries.forEach((p, i) => {
        expect(sizeOf(p)).toBe(11);
        expect(upright(p)).toBe(true);
        expect(p.text.startsWith('- ')).toBe(true);
        expect(p.text.endsWith(i === entries.length - 1 ? '.' : ';'), p.text).toBe(true);
      });
      expect(entries.at(-1)!.text.startsWith('- Lưu: VT')).toBe(true);
      if (c.model.to.length > 0) expect(entries[0]!.text).toBe('- Như trên;');
    }
    const lk = cellParas(tables(byName('ke-hoach-dan-van-chinh-quyen-long-khanh-2024').facts, 0).at(-1)!, 0, 0);
    expect(lk.at(-1)!.text).toBe('- Lưu: VT, TH (VX).');
  });

  it('authority lines UPPER bold (KT. over two lines), room for signature and seal, full name bold', () => {
    for (const c of cases) {
      const t = tables(c.facts, 0).at(-1)!;
      const right = cellParas(t, 0, 1).filter((p) => p.text !== '');
      const s = c.model.signature;
      const expected = s.authorityPrefix ? [`${s.authorityPrefix} ${s.authorityLine}`, s.title] : [s.title];
      expect(right.map((p) => p.text)).toEqual([...expected, s.fullName]);
      for (const p of right) expect(bold(p) && p.alignment === 'CENTER' && [13, 14].includes(sizeOf(p)!)).toBe(true);
      for (const p of right.slice(0, -1)) expect(isUpper(p.text)).toBe(true);
      // 25–30 mm for the hand signature and the seal.
      const name = right.at(-1)!;
      const mm = ((name.space_before_pt ?? 0) * 25.4) / 72;
      expect(mm).toBeGreaterThanOrEqual(25);
      expect(mm).toBeLessThanOrEqual(30);
      // "Nơi nhận:" is level with the authority line: both open their cells.
      expect(cellParas(t, 0, 1)[0]!.text).toBe(expected[0]);
    }
    expect(tables(byName('mau-bao-cao').facts, 0).at(-1)!.rows[0]!.cells![1]!.paragraphs[0]!.text).toBe('KT. GIÁM ĐỐC');
  });
});

describe('annexes', () => {
  it('each annex is its own landscape section, numbered from 1, with its title block', () => {
    const c = byName('mau-bao-cao-kem-phu-luc');
    expect(c.facts.sections.length).toBe(3);
    ['I', 'II'].forEach((roman, i) => {
      const s = c.facts.sections[i + 1]!;
      expect(s.orientation).toBe('LANDSCAPE');
      expect(near(s.width_mm, 297, 0.1) && near(s.height_mm, 210, 0.1)).toBe(true);
      expect(s.page_start).toBe(1);
      const ps = paragraphs(c.facts, i + 1);
      expect(ps[0]!.text).toBe(`Phụ lục ${roman}`);
      expect(bold(ps[0]!) && sizeOf(ps[0]!) === 14 && ps[0]!.alignment === 'CENTER').toBe(true);
      expect(isUpper(ps[1]!.text) && bold(ps[1]!)).toBe(true);
      expect(ps[2]!.text).toBe('(Kèm theo Báo cáo số 07/BC-SNV ngày 05 tháng 6 năm 2025 của Sở Nội vụ)');
      expect(italic(ps[2]!) && ps[2]!.alignment === 'CENTER').toBe(true);
      const t = tables(c.facts, i + 1)[0]!;
      expect(t.rows[0]!.header && t.rows.every((r) => r.cant_split)).toBe(true);
    });
  });

  it('the annex pages are landscape in the PDF and number themselves from 1', () => {
    const c = byName('mau-bao-cao-kem-phu-luc');
    const pages = pdfPageCount(c.pdf);
    const first = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
      /^\s*Phụ lục I\s*$/m.test(pageText(c.pdf, p)),
    )!;
    expect(first).toBeGreaterThan(1);
    const size = pdfPageSize(c.pdf, first);
    expect(size.width).toBeGreaterThan(size.height);
    expect(pageTopText(c.pdf, first)).not.toMatch(/\d/);
    expect(pageTopText(c.pdf, first + 1)).toBe('2');
    // The header row is repeated on the annex's second page.
    expect(pageText(c.pdf, first + 1)).toContain('Cơ quan, đơn vị');
    const second = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
      /^\s*Phụ lục II\s*$/m.test(pageText(c.pdf, p)),
    )!;
    expect(second).toBeGreaterThan(first + 1);
    expect(pageTopText(c.pdf, second)).not.toMatch(/\d/);
  });
});

describe('the seed plans read as the originals, element for element', () => {
  it('Chi Lăng: blank number, headings, footnote, nine recipients and the signer', () => {
    const c = byName('ke-hoach-dan-chu-co-so-chi-lang-2024');
    const text = bodyParas(c)
      .map((p) => p.text)
      .filter(Boolean);
    for (const line of [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NỘI DUNG THỰC HIỆN',
      'III. TỔ CHỨC THỰC HIỆN',
    ])
      expect(text).toContain(line);
    expect(bodyParas(c).filter((p) => p.has_footnote_ref).length).toBe(1);
    expect(text.at(-1)).toBe(
      'Ủy ban nhân dân thị trấn đề nghị các ban ngành đoàn thể, các cán bộ, công chức nghiêm túc triển khai thực hiện./.',
    );
    const left = cellParas(tables(c.facts, 0).at(-1)!, 0, 0);
    expect(left.length).toBe(10);
    expect(left.at(-1)!.text).toBe('- Lưu: VT.');
    const pdfText = Array.from({ length: pdfPageCount(c.pdf) }, (_, i) => pageText(c.pdf, i + 1)).join('\n');
    expect(pdfText).toContain('Triệu Văn Thanh');
  });

  it('Long Khánh: number 468, KT. signature over two lines, a) items and dashes', () => {
    const c = byName('ke-hoach-dan-van-chinh-quyen-long-khanh-2024');
    const text = bodyParas(c).map((p) => p.text);
    expect(text.filter((t) => /^[a-h]\) /.test(t)).length).toBe(8);
    expect(text.filter((t) => t.startsWith('- ')).length).toBe(7);
    expect(text).toContain('IV. TỔ CHỨC THỰC HIỆN:');
    const theme = bodyParas(c).find((p) => p.text.startsWith('Chủ đề năm 2024'))!;
    expect(theme.runs.find((r) => r.text === 'Xây dựng chính quyền thân thiện')!.bold).toBe(true);
    const right = cellParas(tables(c.facts, 0).at(-1)!, 0, 1).filter((p) => p.text);
    expect(right.map((p) => p.text)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Bùi Quốc Thế']);
  });
});
