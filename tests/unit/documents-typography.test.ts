// The document's typography: straight quotes paired into “…”, the last paragraph kept with the
// signature, and the text cleaning that keeps spaces between runs without a quadratic pattern.
import { describe, expect, it } from 'vitest';
import { curlyQuotes } from '../../src/shared/text';
import { planDocument } from '../../src/main/documents/nd30/layout';
import { parseDocumentModel } from '../../src/main/documents/model';
import { sampleModel } from '../../src/main/features/documents/samples';

type AnyElement = { kind: string; runs?: { text: string }[]; keepNext?: boolean };
const texts = (els: AnyElement[]) =>
  els.filter((e) => e.kind === 'para').map((e) => (e.runs ?? []).map((r) => r.text).join(''));

describe('quotes', () => {
  it('pairs straight quotes, and leaves an odd one alone', () => {
    expect(curlyQuotes('phong trào "Dân vận khéo" và "Chính quyền thân thiện"')).toBe(
      'phong trào “Dân vận khéo” và “Chính quyền thân thiện”',
    );
    expect(curlyQuotes('cỡ 12" màn hình')).toBe('cỡ 12" màn hình');
    expect(curlyQuotes('không có ngoặc')).toBe('không có ngoặc');
  });

  it('in the document, across the runs of one paragraph, in lists and headings', () => {
    const m = sampleModel('bao-cao');
    m.body = [
      { kind: 'heading', level: 2, number: '1.', title: 'Phong trào "Dân vận khéo"' },
      { kind: 'paragraph', text: [{ text: 'Mô hình "' }, { text: '12', bold: true }, { text: ' xã" tiêu biểu' }] },
      { kind: 'list', items: ['Tặng "Bằng khen"'] },
    ];
    const els = planDocument(parseDocumentModel(m)).sections[0]!.elements as AnyElement[];
    const all = texts(els).join('\n');
    expect(all).toContain('Phong trào “Dân vận khéo”');
    expect(all).toContain('Mô hình “12 xã” tiêu biểu');
    expect(all).toContain('Tặng “Bằng khen”');
    expect(all).not.toContain('"');
  });
});

describe('the signature never stands alone on a page', () => {
  it('the last body paragraph is kept with the signature', () => {
    const m = sampleModel('bao-cao');
    m.body = [
      { kind: 'paragraph', text: 'Đoạn thứ nhất.' },
      { kind: 'paragraph', text: 'Đoạn cuối cùng' },
    ];
    const els = planDocument(parseDocumentModel(m)).sections[0]!.elements as AnyElement[];
    const lastBody = els.findIndex((e) => e.kind === 'para' && texts([e])[0] === 'Đoạn cuối cùng./.');
    expect(lastBody).toBeGreaterThan(0);
    expect(els[lastBody]!.keepNext).toBe(true);
    const first = els.findIndex((e) => e.kind === 'para' && texts([e])[0] === 'Đoạn thứ nhất.');
    expect(els[first]!.keepNext).toBeFalsy();
    expect(els[lastBody + 1]!.keepNext).toBe(true); // the spacer before the signature table
    expect(els[lastBody + 2]!.kind).toBe('table');
  });
});

describe('text cleaning keeps the spaces between runs', () => {
  it('long blank runs inside and at the edges', () => {
    const m = sampleModel('bao-cao');
    const middle = ('x' + ' '.repeat(60)).repeat(300) + 'y';
    m.body = [{ kind: 'paragraph', text: [{ text: '   ' + middle + '  ' }, { text: 'z' }] }];
    const p = parseDocumentModel(m).body[0] as { text: { text: string }[] };
    expect(p.text[0]!.text).toBe('   ' + middle + '  ');
  });

  it('the ending "./." replaces any run of punctuation', () => {
    const m = sampleModel('bao-cao');
    m.body = [{ kind: 'paragraph', text: 'Kết thúc' + '.;,:'.repeat(4000) }];
    const els = planDocument(parseDocumentModel(m)).sections[0]!.elements as AnyElement[];
    expect(texts(els)).toContain('Kết thúc./.');
  });
});

describe('a long summary is broken into even lines', () => {
  it('as few lines as a full fill, the last not a lone word, all words kept in order', () => {
    const m = sampleModel('bao-cao');
    m.summary =
      'Kết quả thực hiện công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở sáu tháng đầu năm 2025 mới';
    const els = planDocument(parseDocumentModel(m)).sections[0]!.elements as AnyElement[];
    const all = texts(els);
    const start = all.findIndex((t) => t.startsWith('Kết quả thực hiện'));
    const lines = all.slice(start, start + 2);
    expect(lines.join(' ')).toBe(m.summary);
    const words = lines.map((l) => l.split(' ').length);
    expect(Math.min(...words)).toBeGreaterThan(5);
  });

  it('a short summary stays one line', () => {
    const m = sampleModel('bao-cao');
    m.summary = 'Kết quả 6 tháng đầu năm 2025';
    const all = texts(planDocument(parseDocumentModel(m)).sections[0]!.elements as AnyElement[]);
    expect(all).toContain('Kết quả 6 tháng đầu năm 2025');
  });
});
