// Line breaking of the PDF writer: greedy like Word, breaks at spaces and after a hyphen inside a
// word, a word longer than the line cut, justified lines filling the width exactly.
import { describe, expect, it } from 'vitest';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { breakLines, Metrics, type Piece } from '../../src/main/documents/pdf-lines';

const fonts = pdfFonts({ systemTimes: false });
const m = new Metrics(fonts);
const TEXT =
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; Sở Nội vụ báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025 như sau:';
const piece = (text: string, face: Piece['face'] = 'regular'): Piece => ({ text, face, size: 14 });
const lineText = (l: ReturnType<typeof breakLines>[number]) => l.segments.map((s) => s.text).join('');

describe('PDF line breaking', () => {
  it('bundles Liberation Serif 2 with every Vietnamese letter', () => {
    expect(fonts.family).toBe('Liberation Serif');
    expect(m.width('Ỹ', 'regular', 14)).toBeGreaterThan(0);
    // Same advance as Times New Roman: "a" is 0.444 em, a space 0.25 em.
    expect(m.width('a a', 'regular', 1000)).toBeCloseTo(444 + 250 + 444, 0);
  });

  it('fills each line greedily: the next word would not have fitted', () => {
    const width = 467.7;
    const lines = breakLines(m, [piece(TEXT)], width, 28.35);
    expect(lines.length).toBeGreaterThan(1);
    const words = TEXT.split(' ');
    let w = 0;
    lines.forEach((l, i) => {
      expect(l.indent).toBe(i === 0 ? 28.35 : 0);
      expect(l.indent + l.width).toBeLessThanOrEqual(width + 0.01);
      const count = lineText(l).split(' ').length;
      w += count;
      if (!l.last)
        expect(l.indent + l.width + m.width(' ' + words[w]!.split('-')[0]!, 'regular', 14)).toBeGreaterThan(width);
    });
    expect(lines.map(lineText).join(' ')).toBe(TEXT);
    expect(lines[lines.length - 1]!.last).toBe(true);
  });

  it('counts the gaps a justified line stretches, and mixed styles keep their words apart', () => {
    const lines = breakLines(
      m,
      [piece('Các cơ quan đã tiếp '), piece('2.318 lượt', 'bold'), piece(' công dân với 2.904 lượt người')],
      1000,
    );
    const l = lines[0]!;
    expect(l.segments.map((s) => [s.text, s.face])).toEqual([
      ['Các cơ quan đã tiếp', 'regular'],
      ['2.318 lượt', 'bold'],
      ['công dân với 2.904 lượt người', 'regular'],
    ]);
    expect(l.gaps).toBe(12);
    expect(l.segments.map((s) => s.gapsBefore)).toEqual([0, 5, 7]);
    // Segments follow one another with a space between them.
    const [a, b] = l.segments;
    expect(b!.x).toBeCloseTo(a!.x + a!.width + m.width(' ', 'regular', 14), 5);
  });

  it('breaks after a hyphen inside a word, and cuts a word longer than the line', () => {
    const hy = breakLines(m, [piece('Số 30/2020/NĐ-CP')], m.width('Số 30/2020/NĐ-C', 'regular', 14));
    expect(hy.map(lineText)).toEqual(['Số 30/2020/NĐ-', 'CP']);
    const long = 'X'.repeat(80);
    const cut = breakLines(m, [piece(long)], 200);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.map(lineText).join('')).toBe(long);
    for (const l of cut) expect(l.width).toBeLessThanOrEqual(200.01);
  });

  it('puts text after a tab at the tab stop', () => {
    const [l] = breakLines(m, [piece('Kính gửi:'), piece('\t'), piece('- Sở Tư pháp;')], 400, -80, 80);
    expect(l!.segments.map((s) => s.text)).toEqual(['Kính gửi:', '- Sở Tư pháp;']);
    expect(l!.segments[1]!.x).toBeCloseTo(80, 5);
  });
});
