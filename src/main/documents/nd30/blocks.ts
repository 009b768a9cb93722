// The body of a document as plan elements: legal bases, parts, headings, paragraphs, lists,
// tables (with their title and note) and page breaks, in the sizes and spacing of the decree.
import { formatNumber } from '../../../shared/format';
import type { DocBlock, DocCell, DocInline, DocSettings, DocTable } from '../../../shared/contract/document-model';
import {
  FIRST_LINE,
  PARA_AFTER,
  SINGLE,
  ptToTwips,
  type Align,
  type Cell,
  type CellContent,
  type Element,
  type Para,
  type Row,
  type Rule,
  type Run,
  type RunStyle,
  type Table,
} from './plan';
import { span } from './text';

export function pngSize(data: Uint8Array): { width: number; height: number } {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

export const mmToPx = (mm: number): number => Math.round((mm / 25.4) * 96);
export const twipsToPx = (tw: number): number => Math.round((tw / 1440) * 96);
export const base64 = (s: string): Uint8Array => {
  const b = Buffer.from(s, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

/** Builds the elements of one model, with its settings. */
export class Planner {
  constructor(readonly s: DocSettings) {}

  get size(): number {
    return this.s.bodySize;
  }

  runs(value: DocInline, st: RunStyle, prefix = ''): Run[] {
    if (typeof value === 'string') return [{ ...st, text: prefix + value }];
    const out: Run[] = prefix ? [{ ...st, text: prefix }] : [];
    for (const r of value) {
      const run: Run = {
        text: r.text,
        size: st.size,
        bold: r.bold ?? st.bold,
        italic: r.italic ?? st.italic,
        underline: r.underline ?? st.underline,
      };
      if (r.footnote) run.footnote = r.footnote;
      out.push(run);
    }
    return out;
  }

  /** The header's borderless 2×2 grid (both systems): issuer and number on the left, heading and date on the right. */
  headerGrid(
    widths: [number, number],
    cellPad: number,
    top: [CellContent[], CellContent[]],
    bottom: [CellContent[], CellContent[]],
  ): Table {
    const row = (cells: [CellContent[], CellContent[]]): Row => ({
      cells: cells.map((content, i): Cell => ({ span: 1, width: widths[i]!, content })),
    });
    return {
      kind: 'table',
      widths: [...widths],
      borders: false,
      centred: false,
      padding: { left: cellPad, right: cellPad },
      cellSize: this.size,
      cellSpacing: 0,
      rows: [row(top), row(bottom)],
    };
  }

  /** A body paragraph: justified, 1 cm first-line indent, 6 pt after. */
  para(runs: Run[], opts: { align?: Align; indent?: boolean; keepNext?: boolean; before?: number } = {}): Para {
    const p: Para = {
      kind: 'para',
      runs,
      align: opts.align ?? 'justify',
      before: opts.before ?? 0,
      after: PARA_AFTER,
      line: Math.round(SINGLE * this.s.lineSpacing),
    };
    if (opts.indent !== false) p.firstLine = FIRST_LINE;
    if (opts.keepNext) p.keepNext = true;
    return p;
  }

  /** A centred line of the title blocks, single-spaced. */
  centred(text: string, st: RunStyle, after = 0, before = 0, keepNext = true): Para {
    return { kind: 'para', runs: [{ ...st, text }], align: 'center', before, after, line: SINGLE, keepNext };
  }

  rule(width: number, space: number, after = 0): Rule {
    return { kind: 'rule', width: Math.max(200, Math.min(width, space)), space, before: ptToTwips(3), after };
  }

  blocks(blocks: DocBlock[], width: number): Element[] {
    const out: Element[] = [];
    for (const b of blocks) out.push(...this.block(b, width));
    return out;
  }

  block(b: DocBlock, width: number): Element[] {
    const size = this.size;
    switch (b.kind) {
      case 'basis':
        return [this.para(this.runs(b.text, { size, italic: true }))];
      case 'part':
        return [
          this.centred(b.label, { size, bold: true }, 0, ptToTwips(6)),
          ...(b.title ? [this.centred(b.title.toLocaleUpperCase('vi'), { size, bold: true }, PARA_AFTER)] : []),
        ];
      case 'heading': {
        const label = b.number ? (b.level === 3 ? `${b.number}) ` : `${b.number}. `) : '';
        const title = b.level === 1 ? b.title.toLocaleUpperCase('vi') : b.title;
        return [this.para([{ text: label + title, size, bold: b.level !== 3 }], { keepNext: true })];
      }
      case 'paragraph':
        return [this.para(this.runs(b.text, { size }), { align: b.align, indent: b.indent })];
      case 'list':
        return b.items.map((item) => this.para(this.runs(item, { size }, '- ')));
      case 'table':
        return this.table(b, width);
      case 'pageBreak':
        return [{ kind: 'pageBreak' }];
    }
  }

  table(t: DocTable, width: number): Element[] {
    const first = t.header[0] ?? t.rows[0] ?? [];
    const columns = t.widths?.length ?? first.reduce<number>((n, c) => n + span(c), 0);
    const rel = t.widths ?? Array.from({ length: columns }, () => 1);
    const total = rel.reduce((a, b) => a + b, 0);
    const widths = rel.map((w) => Math.floor((w / total) * width));
    const size = this.s.tableSize;
    const cellPara = (c: DocCell, col: number, header: boolean): Para => {
      const obj = typeof c === 'object' ? c : null;
      const value = typeof c === 'object' ? c.text : c;
      const isNumber = typeof value === 'number';
      const align: Align = obj?.align ?? (header ? 'center' : (t.align?.[col] ?? (isNumber ? 'center' : 'left')));
      const run: Run = { text: isNumber ? formatNumber(value) : value, size };
      if (header || obj?.bold) run.bold = true;
      if (obj?.italic) run.italic = true;
      return { kind: 'para', runs: [run], align, before: 20, after: 20, line: SINGLE, cell: true };
    };
    const row = (cells: DocCell[], header: boolean): Row => {
      let col = 0;
      const r: Row = {
        cells: cells.map((c) => {
          const n = span(c);
          const cell: Cell = {
            span: n,
            width: widths.slice(col, col + n).reduce((a, b) => a + b, 0),
            content: [cellPara(c, col, header)],
          };
          if (header) cell.middle = true;
          col += n;
          return cell;
        }),
      };
      if (header) r.header = true;
      return r;
    };
    const out: Element[] = [];
    if (t.title) out.push(this.centred(t.title, { size: this.size, bold: true }, ptToTwips(6), ptToTwips(6)));
    out.push({
      kind: 'table',
      widths,
      borders: true,
      centred: true,
      padding: { left: 80, right: 80 },
      cellSize: size,
      cellSpacing: 20,
      rows: [...t.header.map((r) => row(r, true)), ...t.rows.map((r) => row(r, false))],
    });
    out.push({
      kind: 'para',
      runs: t.note ? [{ text: t.note, size, italic: true }] : [],
      align: 'left',
      before: ptToTwips(3),
      after: PARA_AFTER,
      line: SINGLE,
    });
    return out;
  }
}
