// The one writer: a document model → .docx bytes laid out as Nghị định 30/2020 says
// (see shared/design/ND30.md). Layout lives here and nowhere else.
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
import { formatDateLine, formatNumber } from '../../shared/format';
import type {
  DocAnnex,
  DocBlock,
  DocCell,
  DocInline,
  DocSettings,
  DocTable,
  DocumentModel,
} from '../../shared/contract/document-model';
import { A4, mmToTwips, parseDocumentModel, ptToTwips } from './model';
import { writeFileAtomic } from '../platform/files';
import { textWidthTwips } from './nd30/metrics';

export const FONT = 'Times New Roman';
/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = mmToTwips(10);
/** Space after body paragraphs: 6 pt. */
export const PARA_AFTER = ptToTwips(6);
/** Columns wider than this make an annex landscape when its orientation is "auto". */
const LANDSCAPE_FROM_COLUMNS = 7;

type Align = 'left' | 'center' | 'right' | 'justify';
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

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** State of one rendering: settings and the footnotes gathered on the way. */
class Writer {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  constructor(readonly s: DocSettings) {}

  get body(): number {
    return this.s.bodySize;
  }

  run(text: string, st: RunStyle): TextRun {
    return new TextRun({
      text,
      size: st.size * 2,
      bold: st.bold || undefined,
      italics: st.italic || undefined,
      underline: st.underline ? {} : undefined,
    });
  }

  inline(value: DocInline, st: RunStyle, prefix = ''): ParagraphChild[] {
    if (typeof value === 'string') return [this.run(prefix + value, st)];
    const out: ParagraphChild[] = [];
    if (prefix) out.push(this.run(prefix, st));
    for (const r of value) {
      out.push(
        this.run(r.text, {
          size: st.size,
          bold: r.bold ?? st.bold,
          italic: r.italic ?? st.italic,
          underline: r.underline ?? st.underline,
        }),
      );
      if (r.footnote) {
        const id = this.nextFootnote++;
        this.footnotes[String(id)] = {
          children: [
            new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [this.run(r.footnote, { size: 11 })] }),
          ],
        };
        out.push(new FootnoteReferenceRun(id));
      }
    }
    return out;
  }

  spacing(after = PARA_AFTER, before = 0) {
    return { before, after, line: Math.round(240 * this.s.lineSpacing), lineRule: LineRuleType.AUTO };
  }

  /** A body paragraph: justified, 1 cm first-line indent, 6 pt after. */
  para(
    children: ParagraphChild[],
    opts: { align?: Align; indent?: boolean; keepNext?: boolean; before?: number } = {},
  ): Paragraph {
    return new Paragraph({
      alignment: ALIGN[opts.align ?? 'justify'],
      indent: opts.indent === false ? undefined : { firstLine: FIRST_LINE },
      spacing: this.spacing(PARA_AFTER, opts.before ?? 0),
      keepNext: opts.keepNext,
      children,
    });
  }

  /** A centred line of the title blocks, single-spaced. */
  centred(text: string, st: RunStyle, after = 0, before = 0, keepNext = true): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
      keepNext,
      children: [this.run(text, st)],
    });
  }

  /** An empty paragraph whose top border is a centred rule `width` long in a space `space` wide. */
  rule(width: number, space: number, after = 0): Paragraph {
    const w = Math.max(200, Math.min(width, space));
    const side = Math.max(0, Math.round((space - w) / 2));
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: side, right: side },
      spacing: { before: ptToTwips(3), after, line: 240, lineRule: LineRuleType.AUTO },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      keepNext: true,
      children: [new TextRun({ text: '', size: 4 })],
    });
  }

  blocks(blocks: DocBlock[], width: number): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const b of blocks) out.push(...this.block(b, width));
    return out;
  }

  block(b: DocBlock, width: number): (Paragraph | Table)[] {
    const size = this.body;
    switch (b.kind) {
      case 'basis':
        return [this.para(this.inline(b.text, { size, italic: true }))];
      case 'part':
        return [
          this.centred(b.label, { size, bold: true }, 0, ptToTwips(6)),
          ...(b.title ? [this.centred(b.title.toLocaleUpperCase('vi'), { size, bold: true }, PARA_AFTER)] : []),
        ];
      case 'heading': {
        const label = b.number ? (b.level === 3 ? `${b.number}) ` : `${b.number}. `) : '';
        const title = b.level === 1 ? b.title.toLocaleUpperCase('vi') : b.title;
        return [this.para([this.run(label + title, { size, bold: b.level !== 3 })], { keepNext: true })];
      }
      case 'paragraph':
        return [this.para(this.inline(b.text, { size }), { align: b.align, indent: b.indent })];
      case 'list':
        return b.items.map((item) => this.para(this.inline(item, { size }, '- ')));
      case 'table':
        return this.table(b, width);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  }

  table(t: DocTable, width: number): (Paragraph | Table)[] {
    const first = t.header[0] ?? t.rows[0] ?? [];
    const columns = t.widths?.length ?? first.reduce<number>((n, c) => n + span(c), 0);
    const rel = t.widths ?? Array.from({ length: columns }, () => 1);
    const total = rel.reduce((a, b) => a + b, 0);
    const widths = rel.map((w) => Math.floor((w / total) * width));
    const size = this.s.tableSize;
    const cellPara = (c: DocCell, col: number, header: boolean): Paragraph => {
      const obj = typeof c === 'object' ? c : null;
      const value = typeof c === 'object' ? c.text : c;
      const isNumber = typeof value === 'number';
      const align: Align = obj?.align ?? (header ? 'center' : (t.align?.[col] ?? (isNumber ? 'center' : 'left')));
      const bold = header || obj?.bold;
      const italics = obj?.italic;
      return new Paragraph({
        style: CELL_STYLE,
        alignment: align === 'left' ? undefined : ALIGN[align],
        children: [
          new TextRun(
            bold || italics
              ? { text: isNumber ? formatNumber(value) : value, bold: bold || undefined, italics: italics || undefined }
              : isNumber
                ? formatNumber(value)
                : value,
          ),
        ],
      });
    };
    const row = (cells: DocCell[], header: boolean): TableRow => {
      let col = 0;
      return new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        children: cells.map((c) => {
          const n = span(c);
          const w = widths.slice(col, col + n).reduce((a, b) => a + b, 0);
          const p = cellPara(c, col, header);
          col += n;
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            columnSpan: n > 1 ? n : undefined,
            verticalAlign: header ? VerticalAlignTable.CENTER : undefined,
            children: [p],
          });
        }),
      });
    };
    const out: (Paragraph | Table)[] = [];
    if (t.title) out.push(this.centred(t.title, { size: this.body, bold: true }, ptToTwips(6), ptToTwips(6)));
    out.push(
      new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: TABLE_BORDERS,
        margins: { left: 80, right: 80, top: 0, bottom: 0 },
        rows: [...t.header.map((r) => row(r, true)), ...t.rows.map((r) => row(r, false))],
      }),
    );
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { before: ptToTwips(3), after: PARA_AFTER, line: 240, lineRule: LineRuleType.AUTO },
        children: t.note ? [this.run(t.note, { size: size, italic: true })] : [],
      }),
    );
    return out;
  }
}

const span = (c: DocCell): number => (typeof c === 'object' ? (c.colSpan ?? 1) : 1);

const pad2 = (n: number): string => String(n).padStart(2, '0');

const NAME_HEADS = ['ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'UBND', 'HĐND'];

/**
 * An agency name too wide for its box is broken where an official would break it: after
 * "ỦY BAN NHÂN DÂN" and the like, otherwise at the word that best balances the two lines.
 */
export function splitLine(text: string, width: number, size: number, bold: boolean): string[] {
  if (textWidthTwips(text, size, bold) <= width) return [text];
  const head = NAME_HEADS.find((h) => text.startsWith(h + ' '));
  if (head && textWidthTwips(text.slice(head.length + 1), size, bold) <= width)
    return [head, text.slice(head.length + 1)];
  const words = text.split(' ');
  let best: [string, string] = [text, ''];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const wmax = Math.max(textWidthTwips(a, size, bold), textWidthTwips(b, size, bold));
    if (wmax < bestWidth) {
      bestWidth = wmax;
      best = [a, b];
    }
  }
  return best[1] ? best : [text];
}

/** "Số: 05/BC-SNV", or "Số:        /BC-SNV" for the clerk to fill in. */
export function numberLine(number: number | null, symbol: string): string {
  return number === null ? `Số:${'\u00A0'.repeat(8)}/${symbol}` : `Số: ${pad2(number)}/${symbol}`;
}

export function toRoman(n: number): string {
  const map: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of map)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Ends the punctuation of the bases: ";" after each, "." after the last (a ":" is kept). */
function punctuateBases(body: DocBlock[]): DocBlock[] {
  const out = body.slice();
  const idx = out.map((b, i) => (b.kind === 'basis' ? i : -1)).filter((i) => i >= 0);
  idx.forEach((i, k) => {
    const b = out[i] as Extract<DocBlock, { kind: 'basis' }>;
    const isLast = k === idx.length - 1 || idx[k + 1] !== i + 1;
    out[i] = { ...b, text: mapEnd(b.text, (s) => (/[:!?]$/.test(s) ? s : s.replace(/[;.,]*$/, isLast ? '.' : ';'))) };
  });
  return out;
}

function mapEnd(value: DocInline, f: (s: string) => string): DocInline {
  if (typeof value === 'string') return f(value);
  if (value.length === 0) return value;
  const last = value[value.length - 1]!;
  return [...value.slice(0, -1), { ...last, text: f(last.text) }];
}

/** The body ends with "./.". */
function closeBody(body: DocBlock[]): DocBlock[] {
  const close = (s: string) => (s.endsWith('./.') ? s : s.replace(/[.;,:]*$/, '') + './.');
  const out = body.slice();
  const last = out[out.length - 1];
  if (last?.kind === 'paragraph' || last?.kind === 'basis')
    out[out.length - 1] = { ...last, text: mapEnd(last.text, close) };
  else if (last?.kind === 'list')
    out[out.length - 1] = {
      ...last,
      items: [...last.items.slice(0, -1), mapEnd(last.items[last.items.length - 1]!, close)],
    };
  else out.push({ kind: 'paragraph', text: './.' });
  return out;
}

function pngSize(data: Uint8Array): { width: number; height: number } {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

const mmToPx = (mm: number): number => Math.round((mm / 25.4) * 96);
const twipsToPx = (tw: number): number => Math.round((tw / 1440) * 96);
const pxToEmu = (px: number): number => px * 9525;

/** Does this annex need a landscape section? */
export function annexIsLandscape(a: DocAnnex): boolean {
  if (a.orientation !== 'auto') return a.orientation === 'landscape';
  return a.body.some((b) => {
    if (b.kind !== 'table') return false;
    const first = b.header[0] ?? b.rows[0] ?? [];
    return (b.widths?.length ?? first.reduce<number>((n, c) => n + span(c), 0)) >= LANDSCAPE_FROM_COLUMNS;
  });
}

/** Builds the docx Document of a (validated) model. */
export function buildDocument(model: DocumentModel): Document {
  const s = model.settings;
  const w = new Writer(s);
  const size = s.bodySize;
  const m = s.margins;
  const margin = {
    top: mmToTwips(m.top),
    bottom: mmToTwips(m.bottom),
    left: mmToTwips(m.left),
    right: mmToTwips(m.right),
    header: mmToTwips(10),
    footer: mmToTwips(10),
  };
  const textWidth = A4.width - margin.left - margin.right;
  const h = model.header;
  const isLetter = model.type === 'Công văn';

  // Header block: a borderless two-column table (boxes 1–4 of the decree).
  const natTitle = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const cellPad = 60;
  const rightWidth = Math.max(Math.round(textWidth * 0.6), textWidthTwips(natTitle, 12, true) + 2 * cellPad + 200);
  const leftWidth = textWidth - rightWidth;
  const leftInner = leftWidth - 2 * cellPad;
  const rightInner = rightWidth - 2 * cellPad;
  const agencyLines = splitLine(h.agency, leftInner, 13, true);
  const agencyWidth = Math.min(leftInner, Math.max(...agencyLines.map((l) => textWidthTwips(l, 13, true))));
  const leftTop: Paragraph[] = [
    ...(h.parentAgency ? splitLine(h.parentAgency, leftInner, 13, false).map((l) => w.centred(l, { size: 13 })) : []),
    ...agencyLines.map((l) => w.centred(l, { size: 13, bold: true })),
    w.rule(Math.round(agencyWidth * 0.4), leftInner),
  ];
  const rightTop: Paragraph[] = [
    w.centred(natTitle, { size: 12, bold: true }),
    w.centred(motto, { size: 13, bold: true }),
    w.rule(textWidthTwips(motto, 13, true), rightInner),
  ];
  const leftBottom: Paragraph[] = [w.centred(numberLine(h.number, h.symbol), { size: 13 }, 0, ptToTwips(6))];
  if (isLetter) {
    const summary = /^V\/v\s/i.test(model.summary) ? model.summary : `V/v ${model.summary}`;
    leftBottom.push(w.centred(summary, { size: 12 }, 0, ptToTwips(4)));
  }
  const rightBottom = [w.centred(`${h.place}, ${formatDateLine(h.date)}`, { size, italic: true }, 0, ptToTwips(6))];
  const hcell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { left: cellPad, right: cellPad, top: 0, bottom: 0 },
      children,
    });
  const headerTable = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ cantSplit: true, children: [hcell(leftTop, leftWidth), hcell(rightTop, rightWidth)] }),
      new TableRow({ cantSplit: true, children: [hcell(leftBottom, leftWidth), hcell(rightBottom, rightWidth)] }),
    ],
  });

  const children: (Paragraph | Table)[] = [headerTable];

  // Title and summary with its rule (a công văn has none: its V/v sits under the number).
  if (!isLetter) {
    children.push(w.centred(model.type.toLocaleUpperCase('vi'), { size, bold: true }, 0, ptToTwips(18)));
    if (model.summary) {
      children.push(w.centred(model.summary, { size, bold: true }));
      const summaryWidth = Math.min(textWidth, textWidthTwips(model.summary, size, true));
      children.push(w.rule(Math.round(summaryWidth * 0.4), textWidth, ptToTwips(12)));
    } else children.push(new Paragraph({ spacing: { after: ptToTwips(12) }, children: [] }));
  }

  // Kính gửi: one recipient on the line; several one per line, "- …;" and the last ".".
  if (model.to.length > 0) {
    const label = 'Kính gửi:';
    const before = isLetter ? ptToTwips(18) : 0;
    if (model.to.length === 1) {
      children.push(w.centred(`${label} ${model.to[0]!.replace(/[.;,]*$/, '')}.`, { size }, ptToTwips(12), before));
    } else {
      const k = textWidthTwips(`${label} `, size, false) + mmToTwips(2);
      const items = model.to.map(
        (t, i) => `- ${t.replace(/^-\s*/, '').replace(/[.;,]*$/, '')}${i === model.to.length - 1 ? '.' : ';'}`,
      );
      const longest = Math.max(...items.map((t) => textWidthTwips(t, size, false)));
      const x = Math.max(0, Math.min(Math.round((textWidth - k - longest) / 2), mmToTwips(30)));
      items.forEach((item, i) =>
        children.push(
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { left: x + k, hanging: i === 0 ? k : 0 },
            tabStops: [{ type: TabStopType.LEFT, position: x + k }],
            spacing: {
              before: i === 0 ? before : 0,
              after: i === items.length - 1 ? ptToTwips(12) : 0,
              line: 240,
              lineRule: LineRuleType.AUTO,
            },
            keepNext: true,
            children:
              i === 0
                ? [w.run(label, { size }), new TextRun({ text: '\t', size: size * 2 }), w.run(item, { size })]
                : [w.run(item, { size })],
          }),
        ),
      );
    }
  } else if (isLetter) children.push(new Paragraph({ spacing: { after: ptToTwips(12) }, children: [] }));

  children.push(...w.blocks(closeBody(punctuateBases(model.body)), textWidth));
  children.push(
    new Paragraph({
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: [],
    }),
  );
  children.push(signatureTable(w, model, textWidth));

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

  const sections: ISectionOptions[] = [
    {
      properties: {
        titlePage: true,
        page: {
          size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
          margin,
          pageNumbers: { start: 1 },
        },
      },
      headers: pageHeaders(),
      children,
    },
  ];

  model.annexes.forEach((a, i) => {
    const landscape = annexIsLandscape(a);
    const width = (landscape ? A4.height : A4.width) - margin.left - margin.right;
    const number = a.number ?? (model.annexes.length >= 2 ? toRoman(i + 1) : '');
    const note = a.note ?? annexNote(model);
    sections.push({
      properties: {
        titlePage: true,
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin,
          pageNumbers: { start: 1 },
        },
      },
      headers: pageHeaders(),
      children: [
        w.centred(number ? `Phụ lục ${number}` : 'Phụ lục', { size: 14, bold: true }),
        w.centred(a.title.toLocaleUpperCase('vi'), { size, bold: true }),
        ...(note ? [w.centred(note, { size, italic: true })] : []),
        w.rule(Math.round(Math.min(width, textWidthTwips(note || a.title, size, false)) * 0.4), width, ptToTwips(12)),
        ...w.blocks(a.body, width),
      ],
    });
  });

  return new Document({
    creator: model.header.agency,
    title: `${model.type} ${model.summary}`.trim(),
    styles: {
      default: { document: { run: { font: FONT, size: size * 2 } } },
      paragraphStyles: [
        {
          id: CELL_STYLE,
          name: 'Bảng - nội dung',
          basedOn: 'Normal',
          run: { font: FONT, size: s.tableSize * 2 },
          paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    footnotes: w.footnotes,
    sections,
  });
}

/** "(Kèm theo Báo cáo số 05/BC-SNV ngày 05 tháng 02 năm 2025 của Sở Nội vụ)". */
export function annexNote(model: DocumentModel): string {
  const h = model.header;
  const num = h.number === null ? '\u00A0'.repeat(6) : pad2(h.number);
  return `(Kèm theo ${model.type} số ${num}/${h.symbol} ${formatDateLine(h.date)} của ${h.issuerName ?? h.agency})`;
}

/** Nơi nhận (left) beside the signature block (right). */
function signatureTable(w: Writer, model: DocumentModel, textWidth: number): Table {
  const size = w.body;
  const sig = model.signature;
  const leftWidth = Math.round(textWidth * 0.45);
  const rightWidth = textWidth - leftWidth;
  const tight = (after = 0) => ({ before: 0, after, line: 240, lineRule: LineRuleType.AUTO });

  const r = model.recipients;
  const entries = [
    ...(model.to.length > 0 && !r.entries.some((e) => /^-?\s*Như trên/i.test(e)) ? ['Như trên'] : []),
    ...r.entries,
  ];
  const lines = entries.map((e) => `- ${e.replace(/^-\s*/, '').replace(/[.;,]*$/, '')};`);
  const archive = ['VT', r.draftingUnit].filter(Boolean).join(', ');
  lines.push(`- Lưu: ${archive}${r.copies ? ` (${pad2(r.copies)} bản)` : ''}.`);
  const left = [
    new Paragraph({
      spacing: tight(),
      keepNext: true,
      children: [w.run('Nơi nhận:', { size: 12, bold: true, italic: true })],
    }),
    ...lines.map((l) => new Paragraph({ spacing: tight(), children: [w.run(l, { size: 11 })] })),
  ];

  const authority: string[] = [];
  if (sig.authorityPrefix) {
    authority.push(`${sig.authorityPrefix} ${sig.authorityLine}`);
    if (sig.title && sig.title !== sig.authorityLine) authority.push(sig.title);
  } else authority.push(sig.title);
  const right: Paragraph[] = authority.map((a) => w.centred(a, { size, bold: true }));
  const gap = mmToTwips(28);
  if (sig.signatureImage || sig.sealImage) {
    const inner = rightWidth - 120;
    const children: ParagraphChild[] = [];
    const sigData = sig.signatureImage ? Buffer.from(sig.signatureImage, 'base64') : null;
    const sealData = sig.sealImage ? Buffer.from(sig.sealImage, 'base64') : null;
    let sigW = 0;
    let sigH = mmToPx(22);
    if (sigData) {
      const px = pngSize(sigData);
      sigH = mmToPx(22);
      sigW = Math.round((px.width / px.height) * sigH);
      const maxW = twipsToPx(inner) - 20;
      if (sigW > maxW) {
        sigH = Math.round((sigH * maxW) / sigW);
        sigW = maxW;
      }
      children.push(new ImageRun({ type: 'png', data: sigData, transformation: { width: sigW, height: sigH } }));
    }
    if (sealData) {
      const px = pngSize(sealData);
      const sealW = mmToPx(36);
      const sealH = Math.round((px.height / px.width) * sealW);
      // The seal covers about a third of the signature, on its left.
      const sigLeft = (twipsToPx(inner) - sigW) / 2;
      const x =
        sigW > 0 ? Math.round(sigLeft + sigW / 3 - sealW) : Math.round((twipsToPx(inner) - sealW) / 2 - sealW / 3);
      const y = Math.round((sigH - sealH) / 2);
      children.push(
        new ImageRun({
          type: 'png',
          data: sealData,
          transformation: { width: sealW, height: sealH },
          floating: {
            horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: pxToEmu(Math.max(0, x)) },
            verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: pxToEmu(y) },
            allowOverlap: true,
            layoutInCell: true,
            behindDocument: false,
            wrap: { type: TextWrappingType.NONE },
          },
        }),
      );
    }
    if (!sigData) children.unshift(new TextRun({ text: '', size: 2 }));
    right.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          before: mmToTwips(2),
          after: mmToTwips(2),
          line: sigData ? 240 : Math.max(240, gap),
          lineRule: sigData ? LineRuleType.AUTO : LineRuleType.EXACT,
        },
        keepNext: true,
        children,
      }),
    );
    right.push(w.centred(sig.fullName, { size, bold: true }, 0, 0, false));
  } else {
    right.push(w.centred(sig.fullName, { size, bold: true }, 0, gap, false));
  }

  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { left: 60, right: 60, top: 0, bottom: 0 },
      children,
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

/** A validated model → .docx bytes. */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(buildDocument(model));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
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
