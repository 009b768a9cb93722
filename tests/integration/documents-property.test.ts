// Property tests: any model the schema accepts — random Vietnamese text in decomposed form, long
// names, empty sections, a 1,000-row table, signature and seal images — yields a file that
// LibreOffice opens. The runs are few and converted in one LibreOffice call to stay fast.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import type { DocumentModelInput } from '../../src/shared/contract/document-model';
import { DOCUMENT_TYPE_NAMES } from '../../src/shared/model/document';
import { OUT_DIR, checkDocx, officeProfile, pageText, pdfPageCount, tempDir, toPdf, toPngs } from './documents-helpers';
import { png } from '../fixtures/png';

const PROFILE = officeProfile('property');

// Words with every kind of Vietnamese mark, decomposed (NFD) as some keyboards and PDFs give them.
const WORDS = [
  'Ủy',
  'ban',
  'nhân',
  'dân',
  'huyện',
  'Đắk',
  'Glong',
  'Quảng',
  'Nội',
  'vụ',
  'thực',
  'hiện',
  'dân',
  'chủ',
  'ở',
  'cơ',
  'sở',
  'Nguyễn',
  'Thị',
  'Ánh',
  'Tuyết',
  'Hà',
  'Giang',
  'ưu',
  'điểm',
  'hạn',
  'chế',
  'khiếu',
  'nại',
  '"Dân vận khéo"',
  '–',
  '100%',
  '(a)',
  '&',
  '<b>',
  "l'ơ",
];
const word = fc.constantFrom(...WORDS).map((w) => w.normalize('NFD'));
const sentence = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const upperSentence = (min: number, max: number) => sentence(min, max).map((s) => s.toLocaleUpperCase('vi'));

const inline = fc.oneof(
  sentence(1, 80),
  fc.array(fc.record({ text: sentence(1, 10).map((s) => s + ' '), bold: fc.boolean(), italic: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
  }),
);

const table = fc.integer({ min: 1, max: 12 }).chain((cols) =>
  fc.record({
    kind: fc.constant('table' as const),
    header: fc.array(fc.array(sentence(1, 4), { minLength: cols, maxLength: cols }), { minLength: 0, maxLength: 2 }),
    rows: fc.array(
      fc.array(
        fc.oneof(sentence(0, 6), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        { minLength: cols, maxLength: cols },
      ),
      { minLength: 1, maxLength: 30 },
    ),
  }),
);

const block = fc.oneof(
  fc.record({ kind: fc.constant('basis' as const), text: inline }),
  fc.record({ kind: fc.constant('part' as const), label: fc.constantFrom('Phần I', 'Phần II'), title: sentence(0, 8) }),
  fc.record({
    kind: fc.constant('heading' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const),
    number: fc.constantFrom('I', '1', 'a', ''),
    title: sentence(0, 30),
  }),
  fc.record({ kind: fc.constant('paragraph' as const), text: inline }),
  fc.record({ kind: fc.constant('list' as const), items: fc.array(inline, { minLength: 1, maxLength: 5 }) }),
  table,
);

const model: fc.Arbitrary<DocumentModelInput> = fc.record({
  header: fc.record({
    parentAgency: upperSentence(0, 12),
    agency: upperSentence(1, 20),
    number: fc.option(fc.integer({ min: 1, max: 99999 }), { nil: null }),
    symbol: fc.constantFrom('BC-SNV', 'KH-UBND', 'UBND-VX', 'QĐ-UBND', 'TTr-SNV'),
    place: sentence(1, 4),
    date: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  }),
  type: fc.constantFrom(...DOCUMENT_TYPE_NAMES),
  summary: sentence(1, 40),
  to: fc.array(sentence(1, 12), { maxLength: 4 }),
  body: fc.array(block, { maxLength: 12 }),
  signature: fc.record({
    authorityPrefix: fc.constantFrom(
      '' as const,
      'TM.' as const,
      'KT.' as const,
      'Q.' as const,
      'TL.' as const,
      'TUQ.' as const,
    ),
    authorityLine: upperSentence(1, 6),
    title: upperSentence(1, 8),
    fullName: sentence(1, 12),
  }),
  recipients: fc.record({
    entries: fc.array(sentence(1, 15), { maxLength: 12 }),
    draftingUnit: fc.constantFrom('', 'VP', 'TCBC'),
  }),
  annexes: fc.array(
    fc.record({
      title: sentence(1, 20),
      orientation: fc.constantFrom('auto' as const, 'portrait' as const, 'landscape' as const),
      body: fc.array(block, { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});

describe('any valid model opens in LibreOffice', () => {
  it('random models (NFD diacritics, long names, empty sections) and a 1,000-row table', async () => {
    const dir = tempDir();
    const files: string[] = [];
    const models = fc.sample(model, { numRuns: 20, seed: 20_250_605 });
    for (const [i, raw] of models.entries()) {
      const m = parseDocumentModel(raw);
      // Everything that went in decomposed comes out composed.
      expect(m.summary).toBe(m.summary.normalize('NFC'));
      const f = path.join(dir, `random-${i}.docx`);
      fs.writeFileSync(f, await renderDocx(m));
      files.push(f);
    }
    // Edge shapes: nothing in the body at all, and a 1,000-row annex table.
    const empty = { ...models[0]!, body: [], to: [], annexes: [], recipients: { entries: [], draftingUnit: '' } };
    fs.writeFileSync(path.join(dir, 'empty.docx'), await renderDocx(parseDocumentModel(empty)));
    files.push(path.join(dir, 'empty.docx'));
    const big = {
      ...models[1]!,
      annexes: [
        {
          title: 'Danh sách một nghìn dòng',
          body: [
            {
              kind: 'table' as const,
              header: [['TT', 'Đơn vị', 'Số liệu', 'Ghi chú']],
              widths: [1, 5, 2, 3],
              rows: Array.from({ length: 1000 }, (_, i) => [
                String(i + 1),
                `Đơn vị số ${i + 1}`.normalize('NFD'),
                i * 17,
                i % 7 === 0 ? 'Có' : '',
              ]),
            },
          ],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'big.docx'), await renderDocx(parseDocumentModel(big)));
    files.push(path.join(dir, 'big.docx'));

    const pdfs = toPdf(files, dir, PROFILE);
    for (const pdf of pdfs) {
      expect(fs.existsSync(pdf), pdf).toBe(true);
      expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    }
    const bigPdf = pdfs.at(-1)!;
    const pages = pdfPageCount(bigPdf);
    expect(pages).toBeGreaterThan(15);
    // Every page of the long annex repeats the header row; the last row is there.
    const last = pageText(bigPdf, pages);
    expect(last).toContain('Đơn vị');
    expect(last).toContain('1000');
    const facts = checkDocx(path.join(dir, 'big.docx'), 2);
    const annexTable = facts.blocks.filter((b) => b.type === 'table').at(-1)!;
    expect(annexTable.type === 'table' && annexTable.row_count).toBe(1001);
    expect(annexTable.type === 'table' && annexTable.rows.every((r) => r.cant_split)).toBe(true);
  }, 170_000);

  it('signature and seal images are placed and the file opens', async () => {
    const raw = {
      header: { agency: 'SỞ NỘI VỤ', number: 3, symbol: 'BC-SNV', place: 'Quảng Nam', date: '2025-01-09' },
      type: 'Báo cáo' as const,
      summary: 'Kết quả ký số',
      body: [{ kind: 'paragraph' as const, text: 'Văn bản ký số có hình chữ ký và con dấu.' }],
      signature: {
        authorityPrefix: 'KT.' as const,
        authorityLine: 'GIÁM ĐỐC',
        title: 'PHÓ GIÁM ĐỐC',
        fullName: 'Nguyễn Văn An',
        signatureImage: png(240, 90, [20, 40, 200, 255]),
        sealImage: png(160, 160, [220, 20, 20, 200]),
      },
    };
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const f = path.join(OUT_DIR, 'ky-so-chu-ky-con-dau.docx');
    fs.writeFileSync(f, await renderDocx(parseDocumentModel(raw)));
    const facts = checkDocx(f);
    const sig = facts.blocks.filter((b) => b.type === 'table').at(-1)!;
    const right = sig.type === 'table' ? sig.rows[0]!.cells![1]!.paragraphs : [];
    const i = right.findIndex((p) => p.has_drawing);
    expect(right.slice(0, i).map((p) => p.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(right[i + 1]!.text).toBe('Nguyễn Văn An');
    const [pdf] = toPdf([f], OUT_DIR, PROFILE);
    expect(pdfPageCount(pdf!)).toBe(1);
    toPngs(pdf!, OUT_DIR, 80);
  }, 120_000);
});
