// The data tables written as text (docx-table-xml.ts, put in place by docx-package.ts) are the
// document the docx library writes: a corpus of models is rendered both ways and every part of
// the two packages compared byte for byte (only docProps/core.xml, which holds the time of
// writing, may differ).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { escapeXml, isDataTable } from '../../src/main/documents/docx-table-xml';
import { planDocument } from '../../src/main/documents/nd30/layout';
import { sampleModel, SAMPLE_KINDS } from '../../src/main/features/documents/samples';
import type { DocumentModel, DocumentModelInput } from '../../src/shared/contract/document-model';

type Cell = DocumentModelInput['body'][number] extends infer B
  ? B extends { kind: 'table'; rows: (infer C)[][] }
    ? C
    : never
  : never;

/** Every part of a package, by name, as text (binary parts as base64). */
async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir || name === 'docProps/core.xml') continue;
    out.set(name, await f.async(name.endsWith('.png') ? 'base64' : 'string'));
  }
  return out;
}

/** How many tables of the model the text writer writes (the rest are the library's). */
const dataTables = (model: DocumentModel): number =>
  planDocument(model)
    .sections.flatMap((s) => s.elements)
    .filter((e) => e.kind === 'table' && isDataTable(e)).length;

async function expectSameDocument(model: DocumentModel, tables = 1): Promise<string> {
  expect(dataTables(model)).toBeGreaterThanOrEqual(tables);
  const fast = await parts(await renderDocx(model));
  const library = await parts(await renderDocx(model, { libraryTables: true }));
  expect([...fast.keys()]).toEqual([...library.keys()]);
  for (const [name, text] of library) expect(fast.get(name), name).toBe(text);
  return fast.get('word/document.xml')!;
}

const WIDE_HEADER: Cell[][] = [
  [{ text: 'STT' }, { text: 'Đơn vị', colSpan: 2 }, { text: 'Kết quả', colSpan: 3 }],
  ['', 'Tên', 'Loại', 'Kỳ này', 'Cùng kỳ', 'Tăng (+), giảm (−)'],
];

function tableModel(rows: Cell[][], extra: Partial<Record<'title' | 'note', string>> = {}): DocumentModel {
  const m = sampleModel('bao-cao');
  m.body = [
    { kind: 'paragraph', text: 'Số liệu tổng hợp như sau:' },
    { kind: 'table', header: WIDE_HEADER, rows, widths: [1, 4, 2, 2, 2, 2], ...extra },
    {
      kind: 'paragraph',
      text: [
        { text: 'Đậm', bold: true },
        { text: ' và nghiêng', italic: true },
      ],
    },
    { kind: 'table', rows: [['Một ô duy nhất']] },
  ];
  return parseDocumentModel(m);
}

describe('data tables written as text are the library’s tables', () => {
  it('every sample document', async () => {
    for (const kind of SAMPLE_KINDS) await expectSameDocument(parseDocumentModel(sampleModel(kind)), 0);
    expect(SAMPLE_KINDS.some((k) => dataTables(parseDocumentModel(sampleModel(k))) > 0)).toBe(true);
  });

  it('spans, header rows, bold and italic cells, alignments, numbers, empty cells, Vietnamese text', async () => {
    const rows: Cell[][] = [
      [{ text: 'A', colSpan: 6, bold: true }],
      [1, 'Ủy ban nhân dân xã Điện Bàn Đông', 'ubnd_xa', 1234.5, 0, -12],
      [2, { text: 'Nghiêng', italic: true }, { text: 'Cả hai', bold: true, italic: true }, '', { text: '' }, 7],
      [
        { text: '3', align: 'right' },
        { text: 'Đều hai bên', align: 'justify' },
        { text: 'giữa', align: 'center' },
        'x',
        'y',
        'z',
      ],
      [
        { text: 'Hai ô', colSpan: 2 },
        { text: 'Bốn ô gộp', colSpan: 4, align: 'left' },
      ],
    ];
    const xml = await expectSameDocument(
      tableModel(rows, { title: 'Bảng 1. Kết quả', note: 'Ghi chú: số liệu tạm tính.' }),
    );
    expect(xml).toContain('<w:gridSpan w:val="4"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Ủy ban nhân dân xã Điện Bàn Đông');
  });

  it('XML-special characters, quotes and characters outside the basic plane', async () => {
    const rows: Cell[][] = [
      [1, 'A & B <c> "d" \'e\' &amp;', '𝔘𝔫𝔦 😀', '<w:t>', ']]>', '&#x1F;'],
      [{ text: 'Tổng', colSpan: 5, bold: true }, 1e21],
    ];
    const xml = await expectSameDocument(tableModel(rows));
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &amp;amp;');
  });

  it('control characters a model cannot hold (dropped as the library drops them) and lone surrogates', async () => {
    // the schema refuses control characters; the writer is checked past it anyway
    const m = tableModel([[1, 'x', 'y', 'z', 'w', 'v']]);
    const table = m.body.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    table.rows.push([
      2,
      'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg',
      'tab\there',
      'line\nbreak\r',
      '\uD800 lone',
      '\uFFFE\uFFFF',
    ]);
    const xml = await expectSameDocument(m);
    expect(xml).toContain('abcdefg');
  });

  it('a long table (1,000 rows) and several tables in annexes', async () => {
    const rows: Cell[][] = Array.from({ length: 1000 }, (_, i) =>
      i % 100 === 0
        ? [{ text: `Nhóm ${i / 100 + 1}`, colSpan: 6, bold: true }]
        : [i, `Đơn vị số ${i}`, i % 3 ? 'xã' : 'phường', i * 1.5, i % 7, { text: String(-i), align: 'right' }],
    );
    const m = sampleModel('bao-cao');
    m.annexes = [
      { title: 'Số liệu theo đơn vị', body: [{ kind: 'table', header: WIDE_HEADER, rows }] },
      {
        title: 'Phụ lục nhỏ',
        orientation: 'landscape',
        body: [{ kind: 'table', header: [['A', 'B']], rows: [['1', '2']] }],
      },
    ];
    const xml = await expectSameDocument(parseDocumentModel(m), 2);
    expect(xml.match(/<w:tr>/g)!.length).toBeGreaterThan(1000);
  });
});

describe('escapeXml', () => {
  it('escapes as the library does and drops what XML 1.0 forbids', () => {
    expect(escapeXml('a&b<c>d"e\'f')).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('\u0000\u0008\t\n\u000B\u000C\r\u000E\u001F')).toBe('\t\n\r');
    expect(escapeXml('Tiếng Việt')).toBe('Tiếng Việt');
  });
});
