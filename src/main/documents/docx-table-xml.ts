// The data tables of a plan (nd30/blocks.ts: grids with borders whose cells hold one paragraph of
// the table style each) written straight as WordprocessingML text. The docx library builds an
// object per element and per attribute and walks them twice before it writes a character: for the
// 1,000-unit consolidated report (48,000 cells) that was nine tenths of renderDocx's time and most
// of its garbage. This writer emits exactly the XML the library writes for the same table, byte for
// byte (tests/unit/docx-table-xml.test.ts renders a corpus both ways and compares document.xml);
// every other element (header and signature blocks, paragraphs, images, footnotes, sections) is
// still the library's.
import type { Align, Para, Table } from './nd30/plan';

/** Characters the library escapes, and those XML 1.0 forbids, which it drops (stringify.ts of docx). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as the library writes it in an element: & " ' < > escaped, forbidden control characters dropped. */
export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c] ?? '');
}

const JC: Record<Align, string> = { left: '', center: 'center', right: 'right', justify: 'both' };

const LINE = 'w:val="single" w:color="000000" w:sz="6" w:space="1"/>';
const BORDERS =
  `<w:tblBorders><w:top ${LINE}<w:left ${LINE}<w:bottom ${LINE}<w:right ${LINE}` +
  `<w:insideH ${LINE}<w:insideV ${LINE}</w:tblBorders>`;

/** The cells' paragraphs of a data table: one run each, in the cell style, only alignment of their own. */
function cellParas(content: Table['rows'][number]['cells'][number]['content']): content is Para[] {
  return content.length > 0 && content.every((x) => x.kind === 'para' && x.cell === true && x.runs.length > 0);
}

/** Whether this writer writes the table: a data table with borders whose every cell holds cell paragraphs. */
export function isDataTable(t: Table): boolean {
  return (
    t.borders &&
    t.rows.length > 0 &&
    t.rows.every((r) => r.cells.length > 0 && r.cells.every((c) => cellParas(c.content)))
  );
}

/** One cell paragraph, as docx-writer.ts's `para` has the library write it. */
function paraXml(p: Para, style: string): string {
  const r = p.runs[0]!;
  const jc = p.align ? JC[p.align] : '';
  const rPr =
    r.bold || r.italic ? `<w:rPr>${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
  return (
    `<w:p><w:pPr><w:pStyle w:val="${escapeXml(style)}"/>${jc ? `<w:jc w:val="${jc}"/>` : ''}</w:pPr>` +
    `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r></w:p>`
  );
}

/** The `<w:tbl>` of a data table (isDataTable), `style` the paragraph style of its cells. */
export function dataTableXml(t: Table, style: string): string {
  const width = t.widths.reduce((a, b) => a + b, 0);
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${t.centred ? '<w:jc w:val="center"/>' : ''}${BORDERS}` +
      `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/>` +
      `<w:left w:type="dxa" w:w="${t.padding.left}"/><w:bottom w:type="dxa" w:w="0"/>` +
      `<w:right w:type="dxa" w:w="${t.padding.right}"/></w:tblCellMar></w:tblPr><w:tblGrid>`,
  ];
  for (const w of t.widths) out.push(`<w:gridCol w:w="${w}"/>`);
  out.push('</w:tblGrid>');
  for (const row of t.rows) {
    out.push(
      row.header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>',
    );
    for (const c of row.cells) {
      out.push(
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}` +
          `${c.middle ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>`,
      );
      for (const p of c.content as Para[]) out.push(paraXml(p, style));
      out.push('</w:tc>');
    }
    out.push('</w:tr>');
  }
  out.push('</w:tbl>');
  return out.join('');
}
