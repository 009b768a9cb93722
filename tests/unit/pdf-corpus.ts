// Documents the PDF writer's faster paths are checked on against its plain PDFKit path: the
// samples and the two real plans, the bench's report (a 1,000-row annex split across pages),
// footnotes, signature and seal images, a landscape annex, Vietnamese text with combining marks,
// mixed styles and underlines, and texts the schema would refuse (line breaks, lone surrogates).
import { parseDocumentModel, type DocumentModel } from '../../src/main/documents/model';
import { SAMPLE_KINDS, sampleModel } from '../../src/main/features/documents/samples';
import type { DocumentModelInput } from '../../src/shared/contract/document-model';
import { SEED_FIXTURES, loadSeedFixture } from '../fixtures/documents';
import { TEXT, benchReport } from '../../bench/lib/report-model';
import { png } from '../fixtures/png';

/** Footnotes, runs of every style, combining marks, a wide (landscape) annex and both images. */
function mixed(): DocumentModelInput {
  const base = sampleModel('cong-van');
  const wide = Array.from({ length: 14 }, (_, i) => `Cột ${i + 1}`);
  return {
    ...base,
    body: [
      {
        kind: 'paragraph',
        text: [
          { text: 'Theo Kế hoạch số 12/KH-UBND', footnote: 'Kế hoạch ban hành ngày 05 tháng 02 năm 2025.' },
          { text: ', các xã ' },
          { text: 'phải hoàn thành', bold: true },
          { text: ' trước ngày ' },
          { text: '30 tháng 6', italic: true, underline: true },
          { text: ' năm 2025; ' },
          { text: 'đơn vị chậm trễ', bold: true, italic: true, footnote: 'Danh sách tại Phụ lục.' },
          { text: ' phải giải trình bằng văn bản. ' + TEXT },
        ],
      },
      // Marks NFC cannot join to their letter stay combining: drawn and extracted as they are.
      { kind: 'paragraph', text: 'Chữ có dấu rời: x\u0323 q\u0301 m\u0303 b\u0309 — “trích dẫn” ‘đơn’ … 1.234,5 %' },
      { kind: 'list', items: ['Mục thứ nhất có gạch nối liên-kết-dài;', 'Mục thứ hai.'] },
      ...Array.from({ length: 30 }, (_, i) => ({
        kind: 'paragraph' as const,
        text: [{ text: `${i + 1}. ${TEXT}`, footnote: i % 7 === 0 ? `Chú thích số ${i}: ${TEXT}` : undefined }],
      })),
    ],
    signature: {
      ...base.signature,
      signatureImage: png(240, 90, [20, 40, 200, 255]),
      sealImage: png(160, 160, [220, 20, 20, 200]),
    },
    annexes: [
      {
        title: 'Bảng rộng nằm ngang',
        body: [
          {
            kind: 'table',
            header: [wide],
            rows: Array.from({ length: 60 }, (_, r) =>
              wide.map((_, c) => (c === 0 ? `Hàng ${r + 1} có tên dài cần xuống dòng trong ô` : r * c + 0.25)),
            ),
          },
        ],
      },
    ],
  };
}

/** Texts the schema refuses, as a caller past it could pass: the writer must still draw the same. */
function unchecked(): DocumentModel {
  const m = parseDocumentModel(sampleModel('bao-cao'));
  const odd = ['dòng một\ndòng hai', 'nửa cặp \ud800 thay thế', 'tab\tgiữa', 'khoảng\u00a0cứng', '  hai  khoảng  ', ''];
  return {
    ...m,
    body: [
      ...odd.map((text) => ({ kind: 'paragraph' as const, text, align: 'justify' as const })),
      { kind: 'paragraph' as const, text: `${odd.join(' ')} ${TEXT}`, align: 'justify' as const },
      ...m.body,
    ],
  };
}

/** Name → validated model. */
export function pdfCorpus(): { name: string; model: DocumentModel }[] {
  return [
    ...SAMPLE_KINDS.map((k) => ({ name: k, model: parseDocumentModel(sampleModel(k)) })),
    ...SEED_FIXTURES.map((n) => ({ name: n, model: parseDocumentModel(loadSeedFixture(n)) })),
    { name: 'bench-report', model: parseDocumentModel(benchReport()) },
    { name: 'mixed', model: parseDocumentModel(mixed()) },
    { name: 'unchecked', model: unchecked() },
  ];
}
