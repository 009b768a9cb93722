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
// eslint-disable-next-line no-control-regex -- the same class, to test before replacing
const ANY_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as the library writes it in an element: & " ' < > escaped, forbidden control characters dropped. */
export function escapeXml(text: string): string {
  return ANY_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? '') : text;
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

/**
 * The XML of a cell paragraph up to its text, as docx-writer.ts's `para` has the library write it:
 * the style, the alignment unless left, bold and italic. A table has only a few kinds, built once.
 */
function paraOpening(p: Para, style: string): string {
  const r = p.runs[0]!;
  const jc = p.align ? JC[p.align] : '';
  const rPr =
    r.bold || r.italic ? `<w:rPr>${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
  return (
    `<w:p><w:pPr><w:pStyle w:val="${escapeXml(style)}"/>${jc ? `<w:jc w:val="${jc}"/>` : ''}</w:pPr>` +
    `<w:r>${rPr}<w:t xml:space="preserve">`
  );
}

type PlanCell = Table['rows'][number]['cells'][number];

/** The cell's opening with its properties: width, span, centred vertically. */
const cellOpening = (c: PlanCell): string =>
  `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}` +
  `${c.middle ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>`;

/** A value built once per key (NaN: not kept): tens of thousands of cells share a handful of openings. */
function cached<T>(make: (x: T) => string, key: (x: T) => number): (x: T) => string {
  const seen = new Map<number, string>();
  return (x) => {
    const k = key(x);
    if (Number.isNaN(k)) return make(x);
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = make(x)));
    return v;
  };
}

const ALIGNS: (Align | undefined)[] = [undefined, 'left', 'center', 'right', 'justify'];

/** The `<w:tbl>` of a data table (isDataTable), `style` the paragraph style of its cells. */
export function dataTableXml(t: Table, style: string): string {
  const width = t.widths.reduce((a, b) => a + b, 0);
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${t.centred ? '<w:jc w:val="center"/>' : ''}${BORDERS}` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/>` +
    `<w:left w:type="dxa" w:w="${t.padding.left}"/><w:bottom w:type="dxa" w:w="0"/>` +
    `<w:right w:type="dxa" w:w="${t.padding.right}"/></w:tblCellMar></w:tblPr><w:tblGrid>`;
  for (const w of t.widths) xml += `<w:gridCol w:w="${w}"/>`;
  xml += '</w:tblGrid>';
  // keys are numbers, not strings: one string per cell was most of this writer's garbage
  const cell = cached(cellOpening, (c) =>
    Number.isInteger(c.width) && c.span < 128 ? (c.width * 128 + c.span) * 2 + (c.middle ? 1 : 0) : NaN,
  );
  const para = cached(
    (p: Para) => paraOpening(p, style),
    (p) => ALIGNS.indexOf(p.align) * 4 + (p.runs[0]!.bold ? 2 : 0) + (p.runs[0]!.italic ? 1 : 0),
  );
  for (const row of t.rows) {
    xml += row.header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (const c of row.cells) {
      xml += cell(c);
      for (const p of c.content as Para[]) xml += `${para(p)}${escapeXml(p.runs[0]!.text)}</w:t></w:r></w:p>`;
      xml += '</w:tc>';
    }
    xml += '</w:tr>';
  }
  return xml + '</w:tbl>';
}
