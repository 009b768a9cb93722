// The bench's report model: 200 justified paragraphs under headings and a 1,000-row annex table
// (62 pages). bench/documents.ts times it; tests/unit/pdf-corpus.ts checks the PDF writer on it.
import { sampleModel } from '../../src/main/features/documents/samples';
import type { DocumentModelInput } from '../../src/shared/contract/document-model';

export const PARAGRAPHS = 200;
export const ROWS = 1000;
export const TEXT =
  'Trong kỳ báo cáo, các cơ quan, đơn vị, địa phương đã tập trung triển khai công tác dân vận chính quyền, tiếp công dân, đối thoại với Nhân dân, giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh; đẩy mạnh cải cách hành chính gắn với chuyển đổi số, xây dựng chính quyền thân thiện, vì Nhân dân phục vụ.';

/** The report of `bench/documents.ts`, with `count` annex rows (1,000 by default). */
export function benchReport(count = ROWS): DocumentModelInput {
  const base = sampleModel('bao-cao');
  const body: DocumentModelInput['body'] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i % 10 === 0)
      body.push({ kind: 'heading', level: 2, number: String(i / 10 + 1), title: `Nội dung số ${i / 10 + 1}` });
    body.push({ kind: 'paragraph', text: `${TEXT} (${i + 1})` });
  }
  const rows = Array.from({ length: count }, (_, i) => [
    String(i + 1),
    `UBND xã số ${i + 1}`,
    100 + (i % 37),
    90 + (i % 29),
    80 + (i % 11),
    (i % 5) + 1,
    95.5,
    i % 3 ? 'Có' : 'Không',
  ]);
  return {
    ...base,
    body,
    annexes: [
      {
        title: 'Số liệu chi tiết của các đơn vị',
        body: [
          {
            kind: 'table',
            widths: [0.6, 4, 1.4, 1.4, 1.4, 1.2, 1.3, 1.3],
            header: [
              ['TT', 'Đơn vị', 'Tiếp công dân', 'Đối thoại', 'Ý kiến', 'Đoàn đông người', 'Tỷ lệ (%)', 'Có xin lỗi'],
            ],
            rows,
          },
        ],
      },
    ],
  };
}
