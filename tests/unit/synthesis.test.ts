// The synthesis of the units' words, alone: points cut from any writing style, the same point in
// other words grouped with every unit that raised it, figures never credited to the wrong unit.
import { describe, expect, it } from 'vitest';
import {
  addressedToAgency,
  attribution,
  isProposalSection,
  pointLine,
  splitPoints,
  synthesize,
  withoutOwnName,
} from '../../src/shared/domain/synthesis';

describe('splitPoints', () => {
  it('cuts lines, list items and sentences, whatever the marks', () => {
    const text = [
      '- Tổ chức đối thoại. Tiếp nhận 15 ý kiến!',
      '+ Công khai thủ tục',
      '• Niêm yết đầy đủ',
      '1. Tập huấn cán bộ',
      '2) Kiểm tra định kỳ',
      'a) Rà soát quy chế',
      'Số liệu 1.234,5 triệu đồng, v.v. vẫn là một câu',
    ].join('\r\n');
    expect(splitPoints(text)).toEqual([
      'Tổ chức đối thoại.',
      'Tiếp nhận 15 ý kiến!',
      'Công khai thủ tục',
      'Niêm yết đầy đủ',
      'Tập huấn cán bộ',
      'Kiểm tra định kỳ',
      'Rà soát quy chế',
      'Số liệu 1.234,5 triệu đồng, v.v. vẫn là một câu',
    ]);
  });

  it('takes decomposed (NFD) text as the same words', () => {
    expect(splitPoints('Tổ chức đối thoại'.normalize('NFD'))).toEqual(['Tổ chức đối thoại']);
  });
});

describe('synthesize', () => {
  it('groups paraphrases across diacritics, word order and stop words, most-raised first', () => {
    const r = synthesize(
      [
        { unitName: 'A', text: 'Kinh phí cho công tác dân vận còn hạn chế.' },
        { unitName: 'B', text: 'kinh phi cho cong tac dan van con han che' },
        { unitName: 'C', text: 'Công tác dân vận: kinh phí còn hạn chế. Cán bộ kiêm nhiệm nhiều việc.' },
        { unitName: 'D', text: 'Cán bộ phụ trách kiêm nhiệm nhiều việc.' },
        { unitName: 'E', text: 'Trụ sở xuống cấp.' },
      ],
      { maxPoints: 5 },
    );
    expect(r.points.map((p) => p.units)).toEqual([['A', 'B', 'C'], ['C', 'D'], ['E']]);
    expect(r.omitted).toEqual([]);
  });

  it('keeps figures only when every unit of the group gave the same', () => {
    const differ = synthesize(
      [
        { unitName: 'A', text: 'Tổ chức 3 hội nghị đối thoại với Nhân dân.' },
        { unitName: 'B', text: 'Tổ chức 5 hội nghị đối thoại với Nhân dân.' },
      ],
      { maxPoints: 5 },
    );
    expect(differ.points).toEqual([{ text: 'Tổ chức hội nghị đối thoại với Nhân dân', units: ['A', 'B'] }]);
    const same = synthesize(
      [
        { unitName: 'A', text: 'Tổ chức 3 hội nghị đối thoại.' },
        { unitName: 'B', text: 'Đã tổ chức 3 hội nghị đối thoại.' },
      ],
      { maxPoints: 5 },
    );
    expect(same.points[0]!.text).toMatch(/3 hội nghị/);
  });

  it('counts a unit once per point, and leaves the rest past maxPoints', () => {
    const r = synthesize(
      [
        { unitName: 'A', text: 'Tăng cường tuyên truyền. Tăng cường công tác tuyên truyền.' },
        { unitName: 'B', text: 'Sửa chữa trụ sở. Mua sắm máy tính. Lắp camera an ninh.' },
      ],
      { maxPoints: 2 },
    );
    expect(r.points[0]).toEqual({ text: 'Tăng cường tuyên truyền', units: ['A'] });
    expect(r.points).toHaveLength(2);
    expect(r.omitted).toHaveLength(2);
  });

  it('drops a unit naming itself, so one unit never speaks for another', () => {
    expect(withoutOwnName('UBND xã Tiên Phước đã tổ chức đối thoại', 'UBND xã Tiên Phước')).toBe(
      'đã tổ chức đối thoại',
    );
    const r = synthesize(
      [
        { unitName: 'UBND xã A', text: 'UBND xã A đã tổ chức đối thoại với Nhân dân.' },
        { unitName: 'UBND xã B', text: 'UBND xã B đã tổ chức đối thoại với Nhân dân.' },
      ],
      { maxPoints: 5 },
    );
    expect(pointLine(r.points[0]!, 30)).toBe('- Đã tổ chức đối thoại với Nhân dân (UBND xã A, UBND xã B).');
  });

  it('handles empty, figure-only and huge inputs without failing', () => {
    expect(synthesize([], { maxPoints: 3 })).toEqual({ points: [], omitted: [] });
    expect(synthesize([{ unitName: 'A', text: '12. 34' }], { maxPoints: 3 }).points).toEqual([]);
    // Two thousand sentences that differ only by their figures are one point, said by one unit.
    const long = Array.from({ length: 2_000 }, (_, i) => `Nội dung thứ ${i} về chủ đề ${i % 50}.`).join(' ');
    const r = synthesize([{ unitName: 'A', text: long }], { maxPoints: 5 });
    expect(r.points).toEqual([{ text: 'Nội dung thứ về chủ đề', units: ['A'] }]);
  });
});

describe('attribution and proposals', () => {
  it('names up to three units, then counts the rest against the expected units', () => {
    expect(attribution(['A'], 30)).toBe('(A)');
    expect(attribution(['A', 'B', 'C'], 30)).toBe('(A, B, C)');
    expect(attribution(['A', 'B', 'C', 'D', 'E'], 30)).toBe('(5/30 cơ quan, đơn vị: A, B, C và 2 đơn vị khác)');
    // Outsiders beyond the expected count: no "x/y" that would be false.
    expect(attribution(['A', 'B', 'C', 'D'], 3)).toBe('(4 cơ quan, đơn vị: A, B, C và 1 đơn vị khác)');
  });

  it('tells proposals for the agency itself from those to forward upward', () => {
    const names = ['SỞ NỘI VỤ', 'Sở Nội vụ'];
    expect(addressedToAgency('Đề nghị Sở Nội vụ tổ chức tập huấn', names)).toBe(true);
    expect(addressedToAgency('de nghi so noi vu mo lop tap huan', names)).toBe(true);
    expect(addressedToAgency('Đề nghị Sở Nội vụ tham mưu UBND tỉnh bố trí kinh phí', names)).toBe(false);
    expect(addressedToAgency('Đề nghị Bộ Nội vụ sửa đổi hướng dẫn', names)).toBe(false);
    expect(addressedToAgency('Đề nghị tăng cường kiểm tra', names)).toBe(false);
    expect(isProposalSection('Kiến nghị, đề xuất')).toBe(true);
    expect(isProposalSection('KIẾN NGHỊ')).toBe(true);
    expect(isProposalSection('Ưu điểm')).toBe(false);
  });
});
