// Sizes of the plan's blocks in the PDF, measured the way Word and LibreOffice measure the .docx:
// line heights in whole twips from the font's own metrics, the space between two blocks the
// larger of the first one's after and the second one's before, footnotes numbered once.
import { FOOTNOTE_SIZE, SINGLE, type CellContent, type Para, type Plan, type Row, type Table } from './nd30/layout';
import { breakLines, faceOf, type Line, type Metrics, type Piece } from './pdf-lines';

export const pt = (tw: number): number => tw / 20;
/** Images are sized in px at 96 dpi. */
export const PX = 0.75;
/** Table rules: Word's size 6 (eighths of a point). */
export const BORDER = 0.75;

/** A paragraph broken into lines for a width. */
export interface Laid {
  lines: Line[];
  lineHeight: number;
  /** The single-spaced height: what must fit above the bottom margin (the extra may overflow). */
  textHeight: number;
  before: number;
  after: number;
  left: number;
  width: number;
  align: Para['align'];
}

/** Plain paragraphs up to this long are kept by their text (a table's values); longer ones rarely repeat. */
const SHORT = 64;
/** Paragraphs kept otherwise: the last ones laid out. */
const RECENT = 32;

export class Measure {
  /** Footnote numbers in reading order, given once (a paragraph may be measured twice). */
  private readonly noteIds = new Map<object, number>();
  private readonly noteText = new Map<number, string>();
  /**
   * The last paragraphs laid out that are not kept by their text: a body paragraph is measured,
   * perhaps again to keep it with a heading, then drawn, and not needed after (kept for the whole
   * document they were most of what each of its scavenges copied, and then promoted).
   */
  private readonly recent: { p: Para | null; width: number; laid: Laid | null }[] = Array.from(
    { length: RECENT },
    () => ({ p: null, width: 0, laid: null }),
  );
  private next = 0;
  /** The paragraph measured last: a cell's is asked for its size and then drawn, one after the other. */
  private last: { p: Para | null; width: number; laid: Laid | null } = { p: null, width: 0, laid: null };
  private readonly rows = new Map<Row, number>();
  /** Texts of short plain paragraphs laid out once. */
  private readonly met = new Set<string>();
  /** Laid paragraphs of one short plain run by their text: a data table repeats its values. */
  private readonly same = new Map<string, { p: Para; width: number; laid: Laid }[]>();

  constructor(
    readonly plan: Plan,
    readonly m: Metrics,
  ) {
    for (const s of plan.sections)
      for (const e of s.elements)
        if (e.kind === 'para')
          for (const r of e.runs)
            if (r.footnote) {
              const id = this.noteIds.size + 1;
              this.noteIds.set(r, id);
              this.noteText.set(id, r.footnote);
            }
  }

  /** Line height in whole twips, as the word processors keep it (no drift down a long page). */
  lineHeight(size: number, line = SINGLE): number {
    const single = Math.round(this.m.lineHeight * size * 20);
    return Math.round((single * line) / SINGLE) / 20;
  }

  /** From a line's top to its baseline: the extra of a wider spacing goes below the text. */
  baseline(size: number): number {
    return (this.m.lineHeight - this.m.descent) * size;
  }

  private pieces(p: Para): Piece[] {
    const out: Piece[] = [];
    for (const r of p.runs) {
      out.push({
        text: r.text,
        face: faceOf(r.bold, r.italic),
        size: r.size,
        ...(r.underline ? { underline: true } : {}),
      });
      const id = this.noteIds.get(r);
      if (id !== undefined) out.push({ text: String(id), face: 'regular', size: r.size, note: id });
    }
    return out;
  }

  para(p: Para, width: number): Laid {
    const last = this.last;
    if (last.p === p && last.width === width) return last.laid!;
    const laid = this.layout(p, width);
    last.p = p;
    last.width = width;
    last.laid = laid;
    return laid;
  }

  /**
   * A plain paragraph is found by its text among those laid out (not also by itself: a table's
   * thousands of cells would each add an entry), any other by itself.
   */
  private layout(p: Para, width: number): Laid {
    const plain = isPlain(p) && p.runs[0]!.text.length <= SHORT;
    let kin: { p: Para; width: number; laid: Laid }[] | undefined;
    if (plain) {
      kin = this.same.get(p.runs[0]!.text);
      if (kin) for (const k of kin) if (k.width === width && samePlain(k.p, p)) return k.laid;
    }
    for (const r of this.recent) if (r.p === p && r.width === width) return r.laid!;
    const left = pt(p.left ?? 0);
    const w = width - left - pt(p.right ?? 0);
    const first = p.firstLine !== undefined ? pt(p.firstLine) : -pt(p.hanging ?? 0);
    const pieces = this.pieces(p);
    // An empty paragraph is as tall as its mark, in the document's default size.
    const size = pieces.reduce((s, x) => Math.max(s, x.note ? 0 : x.size), 0) || this.plan.bodySize;
    const tab = p.tab !== undefined ? pt(p.tab) - left : undefined;
    const laid: Laid = {
      lines: pieces.length ? breakLines(this.m, pieces, w, first, tab) : [],
      lineHeight: this.lineHeight(size, p.line ?? SINGLE),
      textHeight: this.lineHeight(size),
      before: pt(p.before ?? 0),
      after: pt(p.after ?? 0),
      left,
      width: w,
      align: p.align,
    };
    // A short text is kept by its text from its second paragraph on (a cell's value met once, as
    // the table's numbering and names are, is only among the recent ones).
    const again = plain && (kin !== undefined || this.met.has(p.runs[0]!.text));
    if (plain && !again) this.met.add(p.runs[0]!.text);
    if (!again) {
      const r = this.recent[this.next]!;
      this.next = (this.next + 1) % RECENT;
      r.p = p;
      r.width = width;
      r.laid = laid;
    } else if (kin) kin.push({ p, width, laid });
    else this.same.set(p.runs[0]!.text, [{ p, width, laid }]);
    return laid;
  }

  /** A footnote's lines (its number first, raised) and their height. */
  note(id: number, width: number): { id: number; lines: Line[]; height: number } {
    const pieces: Piece[] = [
      // The number is sized from the document's default size, as the .docx gives it.
      { text: String(id), face: 'regular', size: this.plan.bodySize, note: id },
      { text: this.noteText.get(id) ?? '', face: 'regular', size: FOOTNOTE_SIZE },
    ];
    const lines = breakLines(this.m, pieces, width);
    return { id, lines, height: lines.length * this.lineHeight(FOOTNOTE_SIZE) };
  }

  /** Space before, body and space after of a block stacked in the flow or in a cell. */
  parts(c: CellContent, width: number): [number, number, number] {
    const part = this.partOf(c, width);
    return [part.before, part.body, part.after];
  }

  /** `parts` in one reused record (stacking a table's cells made a list of three per cell). */
  private readonly part = { before: 0, body: 0, after: 0 };
  private partOf(c: CellContent, width: number): { before: number; body: number; after: number } {
    const part = this.part;
    if (c.kind === 'para') {
      const l = this.para(c, width);
      part.before = l.before;
      part.body = Math.max(1, l.lines.length) * l.lineHeight;
      part.after = l.after;
    } else if (c.kind === 'rule') {
      // A rule is an empty paragraph with a top border: the border, 1 pt, the empty line.
      part.before = pt(c.before);
      part.body = BORDER + 1 + this.lineHeight(this.plan.bodySize);
      part.after = pt(c.after);
    } else {
      part.before = pt(c.before);
      part.body = c.signature ? c.signature.height * PX + this.m.descent * this.plan.bodySize : pt(c.gap);
      part.after = pt(c.after);
    }
    return part;
  }

  /** Walks blocks stacked from `top`, giving each one's top (below its space before). */
  stack(
    list: CellContent[],
    width: number,
    top: number,
    fn: ((c: CellContent, y: number, body: number) => void) | null,
    from = 0,
  ): number {
    let y = top;
    let after = from;
    const part = this.part;
    for (const c of list) {
      this.partOf(c, width);
      const { before, body } = part;
      const a = part.after; // read before `fn`, which may measure again
      y += Math.max(after, before);
      fn?.(c, y, body);
      y += body;
      after = a;
    }
    return y + after - top;
  }

  /** Height of blocks stacked one after another. */
  stackHeight(list: CellContent[], width: number, from = 0): number {
    return this.stack(list, width, 0, null, from);
  }

  row(t: Table, r: Row): number {
    let h = this.rows.get(r);
    if (h !== undefined) return h;
    h = 0;
    for (const cell of r.cells) h = Math.max(h, this.stackHeight(cell.content, inner(t, cell.width)));
    h += t.borders ? BORDER : 0;
    this.rows.set(r, h);
    return h;
  }

  /** A table's header rows and first body row: what must fit on a page for it to start there. */
  tableStart(t: Table): number {
    let h = 0;
    for (const r of t.rows) {
      h += this.row(t, r);
      if (!r.header) break;
    }
    return h;
  }
}

/** A paragraph of one run without a footnote: laid out from its text, its style and the width. */
const isPlain = (p: Para): boolean => p.runs.length === 1 && p.runs[0]!.footnote === undefined;

/**
 * Two plain paragraphs of the same text break into the same lines when everything else that
 * decides them is the same (compared field by field: building a key string per cell cost more).
 */
function samePlain(a: Para, b: Para): boolean {
  const r = a.runs[0]!;
  const s = b.runs[0]!;
  return (
    r.size === s.size &&
    !r.bold === !s.bold &&
    !r.italic === !s.italic &&
    !r.underline === !s.underline &&
    a.align === b.align &&
    a.before === b.before &&
    a.after === b.after &&
    a.line === b.line &&
    a.firstLine === b.firstLine &&
    a.left === b.left &&
    a.hanging === b.hanging &&
    a.tab === b.tab &&
    a.right === b.right
  );
}

/** The text width of a cell: its width less its side paddings. */
export const inner = (t: Table, width: number): number => pt(width) - pt(t.padding.left + t.padding.right);
