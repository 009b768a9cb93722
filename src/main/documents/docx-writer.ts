// The Word writer: draws the plan of nd30-layout.ts as .docx. Every decision of Nghị định 30/2020
// (texts, sizes, spacing, widths) is made there; this file only maps it onto the docx library,
// except the data tables, which docx-table-xml.ts writes as text in their place (docx-package.ts):
// the library's object per attribute made a 1,000-row table cost seconds.
import { randomUUID } from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { DocumentModel } from '../../shared/contract/document-model';
import { parseDocumentModel } from './model';
import { writeFileAtomic } from '../platform/files';
import { dataTableXml, isDataTable } from './docx-table-xml';
import { fillTables } from './docx-package';
import {
  A4,
  FONT,
  FOOTNOTE_SIZE,
  HEADER_DISTANCE,
  planDocument,
  type Align,
  type CellContent,
  type Element,
  type Para,
  type Rule,
  type Run,
  type SignatureImages,
  type Table as PlanTable,
} from './nd30/layout';

export { annexNote, numberLine, splitLine, toRoman, annexIsLandscape } from './nd30/layout';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};
/** Paragraph style of table cells: set once, not on each of thousands of cells. */
const CELL_STYLE = 'BangNoiDung';
const pxToEmu = (px: number): number => px * 9525;

/** State of one rendering: the footnotes gathered on the way, the data tables written as text. */
class Writer {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  /** The XML of the data tables, each standing in the document as the paragraph `marker(i)`. */
  readonly tables: string[] = [];
  private readonly nonce = randomUUID();

  /** `libraryTables`: the library builds the data tables too (the reference the tests compare with). */
  constructor(private readonly libraryTables = false) {}

  marker(i: number): string {
    return `docx-table-${this.nonce}-${i}`;
  }

  run(r: Run): TextRun {
    return new TextRun({
      text: r.text,
      size: r.size * 2,
      bold: r.bold || undefined,
      italics: r.italic || undefined,
      underline: r.underline ? {} : undefined,
    });
  }

  runs(runs: Run[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const r of runs) {
      out.push(r.text === '\t' ? new TextRun({ text: '\t', size: r.size * 2 }) : this.run(r));
      if (r.footnote) {
        const id = this.nextFootnote++;
        this.footnotes[String(id)] = {
          children: [
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              children: [this.run({ text: r.footnote, size: FOOTNOTE_SIZE })],
            }),
          ],
        };
        out.push(new FootnoteReferenceRun(id));
      }
    }
    return out;
  }

  para(p: Para): Paragraph {
    if (p.cell) {
      const r = p.runs[0]!;
      return new Paragraph({
        style: CELL_STYLE,
        alignment: !p.align || p.align === 'left' ? undefined : ALIGN[p.align],
        children: [
          new TextRun(
            r.bold || r.italic ? { text: r.text, bold: r.bold || undefined, italics: r.italic || undefined } : r.text,
          ),
        ],
      });
    }
    const indent =
      p.firstLine !== undefined
        ? { firstLine: p.firstLine }
        : p.left !== undefined
          ? { left: p.left, hanging: p.hanging ?? 0 }
          : undefined;
    return new Paragraph({
      alignment: p.align && ALIGN[p.align],
      indent,
      tabStops: p.tab !== undefined ? [{ type: TabStopType.LEFT, position: p.tab }] : undefined,
      spacing:
        p.line === undefined
          ? { before: p.before, after: p.after }
          : { before: p.before, after: p.after, line: p.line, lineRule: LineRuleType.AUTO },
      keepNext: p.keepNext,
      children: this.runs(p.runs),
    });
  }

  /** An empty paragraph whose top border is the rule, its indents centring it. */
  rule(r: Rule): Paragraph {
    const side = Math.max(0, Math.round((r.space - r.width) / 2));
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: side, right: side },
      spacing: { before: r.before, after: r.after, line: 240, lineRule: LineRuleType.AUTO },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      keepNext: true,
      children: [new TextRun({ text: '', size: 4 })],
    });
  }

  images(im: SignatureImages): Paragraph {
    const children: ParagraphChild[] = [];
    if (im.signature)
      children.push(
        new ImageRun({
          type: 'png',
          data: im.signature.data,
          transformation: { width: im.signature.width, height: im.signature.height },
        }),
      );
    if (im.seal) {
      children.push(
        new ImageRun({
          type: 'png',
          data: im.seal.data,
          transformation: { width: im.seal.width, height: im.seal.height },
          floating: {
            horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: pxToEmu(im.seal.x) },
            verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: pxToEmu(im.seal.y) },
            allowOverlap: true,
            layoutInCell: true,
            behindDocument: false,
            wrap: { type: TextWrappingType.NONE },
          },
        }),
      );
    }
    if (!im.signature) children.unshift(new TextRun({ text: '', size: 2 }));
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: im.before,
        after: im.after,
        line: im.signature ? 240 : im.gap,
        lineRule: im.signature ? LineRuleType.AUTO : LineRuleType.EXACT,
      },
      keepNext: true,
      children,
    });
  }

  content(c: CellContent): Paragraph {
    return c.kind === 'para' ? this.para(c) : c.kind === 'rule' ? this.rule(c) : this.images(c);
  }

  table(t: PlanTable): Table | Paragraph {
    if (!this.libraryTables && isDataTable(t)) {
      this.tables.push(dataTableXml(t, CELL_STYLE));
      return new Paragraph({ children: [new TextRun(this.marker(this.tables.length - 1))] });
    }
    const noCellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
    return new Table({
      width: { size: t.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: t.widths,
      layout: TableLayoutType.FIXED,
      alignment: t.centred ? AlignmentType.CENTER : undefined,
      borders: t.borders ? TABLE_BORDERS : NO_BORDERS,
      margins: t.borders ? { left: t.padding.left, right: t.padding.right, top: 0, bottom: 0 } : undefined,
      rows: t.rows.map(
        (r) =>
          new TableRow({
            tableHeader: r.header,
            cantSplit: true,
            children: r.cells.map(
              (c) =>
                new TableCell({
                  width: { size: c.width, type: WidthType.DXA },
                  columnSpan: c.span > 1 ? c.span : undefined,
                  verticalAlign: c.middle ? VerticalAlignTable.CENTER : undefined,
                  borders: t.borders ? undefined : noCellBorders,
                  margins: t.borders ? undefined : { left: t.padding.left, right: t.padding.right, top: 0, bottom: 0 },
                  children: c.content.map((x) => this.content(x)),
                }),
            ),
          }),
      ),
    });
  }

  element(e: Element): Paragraph | Table {
    switch (e.kind) {
      case 'para':
        return this.para(e);
      case 'rule':
        return this.rule(e);
      case 'table':
        return this.table(e);
      case 'pageBreak':
        return new Paragraph({ children: [new PageBreak()] });
    }
  }
}

/** Builds the docx Document of a (validated) model, with the writer holding its data tables. */
function buildDocument(model: DocumentModel, libraryTables: boolean): { document: Document; w: Writer } {
  const plan = planDocument(model);
  const w = new Writer(libraryTables);
  const size = plan.bodySize;
  const margin = { ...plan.margins, header: HEADER_DISTANCE, footer: HEADER_DISTANCE };
  // No number on a section's first page; the number centred in the header from its second.
  const pageHeaders = () => ({
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: size * 2 })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  });
  const sections: ISectionOptions[] = plan.sections.map((s) => ({
    properties: {
      titlePage: true,
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin,
        pageNumbers: { start: 1 },
      },
    },
    headers: pageHeaders(),
    children: s.elements.map((e) => w.element(e)),
  }));
  const document = new Document({
    creator: plan.properties.author,
    title: plan.properties.title,
    styles: {
      default: { document: { run: { font: FONT, size: size * 2 } } },
      paragraphStyles: [
        {
          id: CELL_STYLE,
          name: 'Bảng - nội dung',
          basedOn: 'Normal',
          run: { font: FONT, size: plan.tableSize * 2 },
          paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    footnotes: w.footnotes,
    sections,
  });
  return { document, w };
}

/**
 * A validated model → .docx bytes. `libraryTables` has the docx library build the data tables
 * as well: the same document.xml, only slower (the tests' reference).
 */
export async function renderDocx(model: DocumentModel, opts: { libraryTables?: boolean } = {}): Promise<Uint8Array> {
  const { document, w } = buildDocument(model, opts.libraryTables ?? false);
  const buf = await Packer.toBuffer(document);
  const out = w.tables.length > 0 ? fillTables(buf, (i) => w.marker(i), w.tables) : buf;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Validates a raw model and writes it atomically: a model that breaks the schema is refused
 * with an AppError naming the field, and nothing is written.
 */
export async function writeDocx(raw: unknown, target: string): Promise<DocumentModel> {
  const model = parseDocumentModel(raw);
  writeFileAtomic(target, await renderDocx(model));
  return model;
}
