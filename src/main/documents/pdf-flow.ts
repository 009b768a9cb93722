// Pages of the PDF: the plan of documents/nd30 poured into A4 pages the way Word and LibreOffice
// pour the .docx — keep-with-next, table rows that do not split, header rows repeated on each
// page, footnotes at the page foot, no number on a section's first page, centred from its second.
import { A4, FOOTNOTE_SIZE, HEADER_DISTANCE, SEAL_MM, SIGNER_FIELD_MM } from './nd30/layout';
import type { CellContent, Element, Para, Plan, Row, Rule, Section, SignatureImages, Table } from './nd30/layout';
import { NOTE_RISE, NOTE_SCALE, type Line, type Metrics } from './pdf-lines';
import { BORDER, inner, Measure, PX, pt } from './pdf-measure';
import type { Face } from './pdf-fonts';

/** What the flow asks of the drawing side (PDFKit in pdf-writer.ts). */
export interface Canvas {
  /**
   * A table row's rules at once, after the row's texts (a cell's text never reaches its rules):
   * for each cell (x and width pairs in `cells`) its top, bottom, left and right, as `line` draws
   * them. Without it each rule is drawn with `line` after its cell's texts.
   */
  rowRules?(cells: number[], top: number, h: number, width: number): void;
  newPage(landscape: boolean): void;
  text(text: string, face: Face, size: number, x: number, baseline: number, wordSpacing: number): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number): void;
  image(data: Uint8Array, x: number, y: number, w: number, h: number): void;
  /** An empty signature field on the current page. */
  field(kind: 'signer' | 'seal', box: Box): void;
}

/** A rectangle on the current page, in points from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Note = ReturnType<Measure['note']>;

const SEAL = (SEAL_MM * 72) / 25.4;
const SIGNER_WIDTH = (SIGNER_FIELD_MM * 72) / 25.4;
/** Between the body and the footnotes: the separator's room. */
const NOTE_GAP = 8;

export class Flow {
  /** Pages so far (1-based number of the current one). */
  page = 0;
  /** Where the signature fields went, for the tests' sake. */
  readonly fields: { kind: 'signer' | 'seal'; page: number; box: Box }[] = [];
  private readonly measure: Measure;
  private sectionPage = 0;
  private y = 0;
  private pageW = 0;
  private pageH = 0;
  private landscape = false;
  private notes: Note[] = [];
  /** Space after the last block, still to give (the larger of it and the next one's before). */
  private after = 0;

  constructor(
    private readonly plan: Plan,
    private readonly m: Metrics,
    private readonly c: Canvas,
  ) {
    this.measure = new Measure(plan, m);
  }

  private get top(): number {
    return pt(this.plan.margins.top);
  }
  private get left(): number {
    return pt(this.plan.margins.left);
  }
  private get textWidth(): number {
    return this.pageW - this.left - pt(this.plan.margins.right);
  }
  /** The lowest the body may go: the bottom margin, above this page's footnotes. */
  private limit(more: Note[] = []): number {
    const all = more.length ? [...this.notes, ...more] : this.notes;
    const notes = all.reduce((s, n) => s + n.height, 0);
    return this.pageH - pt(this.plan.margins.bottom) - (all.length ? notes + NOTE_GAP : 0);
  }
  private get atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  run(): void {
    for (const s of this.plan.sections) this.section(s);
    this.finishPage();
  }

  private section(s: Section): void {
    this.finishPage();
    this.landscape = s.landscape;
    this.sectionPage = 0;
    this.newPage();
    for (let i = 0; i < s.elements.length; i++) {
      const e = s.elements[i]!;
      if (e.kind === 'rule' || (e.kind === 'para' && e.keepNext)) this.keepTogether(s.elements, i);
      this.element(e);
    }
  }

  private newPage(): void {
    if (this.sectionPage > 0) this.finishPage();
    this.page++;
    this.sectionPage++;
    this.pageW = pt(this.landscape ? A4.height : A4.width);
    this.pageH = pt(this.landscape ? A4.width : A4.height);
    this.c.newPage(this.landscape);
    this.y = this.top;
    this.after = 0;
    if (this.sectionPage >= 2) {
      const size = this.plan.bodySize;
      const text = String(this.sectionPage);
      const x = this.left + (this.textWidth - this.m.width(text, 'regular', size)) / 2;
      this.c.text(text, 'regular', size, x, pt(HEADER_DISTANCE) + this.measure.baseline(size), 0);
    }
  }

  /** Draws the footnotes of the page that ends, above its bottom margin, under a short rule. */
  private finishPage(): void {
    if (this.notes.length === 0) return;
    const total = this.notes.reduce((s, n) => s + n.height, 0);
    let y = this.pageH - pt(this.plan.margins.bottom) - total;
    this.c.line(this.left, y - NOTE_GAP / 2, this.left + this.textWidth / 4, y - NOTE_GAP / 2, 0.5);
    const lh = this.measure.lineHeight(FOOTNOTE_SIZE);
    for (const n of this.notes)
      for (const l of n.lines) {
        this.drawLine(l, this.left, this.textWidth, y, 'justify');
        y += lh;
      }
    this.notes = [];
  }

  /** The space above a block: the larger of the previous block's after and this one's before. */
  private space(before: number): number {
    const s = Math.max(this.after, before);
    this.after = 0;
    return s;
  }

  private element(e: Element): void {
    switch (e.kind) {
      case 'para':
        return this.para(e);
      case 'rule': {
        const [before, body, after] = this.measure.parts(e, this.textWidth);
        this.y += this.space(before);
        this.drawRule(e, this.left, this.y);
        this.y += body;
        this.after = after;
        return;
      }
      case 'table':
        return this.table(e);
      case 'pageBreak':
        return this.newPage();
    }
  }

  /**
   * A body paragraph, split across pages line by line, its footnotes on its lines' pages; never
   * one line of it alone at a page's foot or head (widow and orphan control, as LibreOffice
   * renders the .docx).
   */
  private para(p: Para): void {
    const l = this.measure.para(p, this.textWidth);
    this.y += this.space(l.before);
    const lines = l.lines.length ? l.lines : [null];
    let i = 0;
    while (i < lines.length) {
      let k = this.fitting(lines, i, l.textHeight, l.lineHeight);
      const rest = lines.length - i;
      if (k < rest) {
        if (rest - k === 1 && k > 1) k--; // keep two lines for the next page
        if (i === 0 && k === 1 && lines.length > 1) k = 0; // not the first line alone
        if (k === 0 && this.atTop) k = 1; // a line taller than the page still goes somewhere
      }
      for (const line of lines.slice(i, i + k)) {
        if (line) {
          this.drawLine(line, this.left + l.left, l.width, this.y, l.align);
          this.notes.push(...line.notes.map((id) => this.measure.note(id, this.textWidth)));
        }
        this.y += l.lineHeight;
      }
      i += k;
      if (i < lines.length) this.newPage();
    }
    this.after = l.after;
  }

  /** How many of the lines from `from` fit on this page, with their footnotes. */
  private fitting(lines: (Line | null)[], from: number, textHeight: number, lineHeight: number): number {
    const notes: Note[] = [];
    let y = this.y;
    let k = 0;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i];
      if (line) for (const id of line.notes) notes.push(this.measure.note(id, this.textWidth));
      if (y + textHeight > this.limit(notes) + 0.01) break;
      y += lineHeight;
      k++;
    }
    return k;
  }

  /** A chain of keep-with-next blocks goes to the next page with the first line that follows it. */
  private keepTogether(list: Element[], i: number): void {
    const prev = list[i - 1];
    if (prev && (prev.kind === 'rule' || (prev.kind === 'para' && prev.keepNext))) return; // measured from the chain's start
    const chain: CellContent[] = [];
    let k = i;
    for (; k < list.length; k++) {
      const e = list[k]!;
      if (e.kind === 'rule' || (e.kind === 'para' && e.keepNext)) chain.push(e);
      else break;
    }
    let h = this.measure.stackHeight(chain, this.textWidth, this.after);
    const next = list[k];
    if (next?.kind === 'para') {
      // Its first line, or its first two when it has more (it will not leave one alone).
      const l = this.measure.para(next, this.textWidth);
      h += l.before + (l.lines.length > 1 ? l.lineHeight : 0) + l.textHeight;
    } else if (next?.kind === 'table') h += this.measure.tableStart(next);
    if (h > this.limit() - this.y && h <= this.limit() - this.top && !this.atTop) this.newPage();
  }

  drawLine(line: Line, x0: number, width: number, top: number, align: Para['align'] = 'left'): void {
    const baseline = top + this.measure.baseline(line.size);
    const free = width - line.indent - line.width;
    const justify = align === 'justify' && !line.last && line.gaps > 0 ? free / line.gaps : 0;
    const shift = align === 'center' ? free / 2 : align === 'right' ? free : 0;
    for (const s of line.segments) {
      const x = x0 + s.x + shift + justify * s.gapsBefore;
      if (s.note) this.c.text(s.text, s.face, s.size * NOTE_SCALE, x, baseline - s.size * NOTE_RISE, 0);
      else this.c.text(s.text, s.face, s.size, x, baseline, justify);
      if (s.underline) {
        const y = baseline + s.size * 0.12;
        this.c.line(x, y, x + s.width + justify * s.gaps, y, s.size * 0.05);
      }
    }
  }

  private drawRule(r: Rule, x0: number, top: number): void {
    const x = x0 + (pt(r.space) - pt(r.width)) / 2;
    this.c.line(x, top + BORDER / 2, x + pt(r.width), top + BORDER / 2, BORDER);
  }

  // ---- tables -------------------------------------------------------------------------------

  /** Rows never split; a table that goes on repeats its header rows at the top of each page. */
  private table(t: Table): void {
    const total = pt(t.widths.reduce((a, b) => a + b, 0));
    const x0 = t.centred ? this.left + (this.textWidth - total) / 2 : this.left;
    const headers = t.rows.filter((r) => r.header);
    // A table takes the space after the paragraph above it and has none of its own.
    this.y += this.after;
    this.after = 0;
    let onPage = 0;
    for (const r of t.rows) {
      const h = this.measure.row(t, r);
      if (this.y + h > this.limit() + 0.01 && !this.atTop && !(r.header && onPage > 0)) {
        this.newPage();
        onPage = 0;
        if (!r.header)
          for (const hr of headers) {
            this.row(t, hr, x0);
            onPage++;
          }
      }
      this.row(t, r, x0);
      onPage++;
    }
  }

  private row(t: Table, r: Row, x0: number): void {
    const h = this.measure.row(t, r);
    const top = this.y;
    const border = t.borders ? BORDER : 0;
    const later = t.borders && this.c.rowRules ? ([] as number[]) : null;
    let x = x0;
    for (const cell of r.cells) {
      const w = pt(cell.width);
      const width = inner(t, cell.width);
      const cx = x + pt(t.padding.left);
      let y = top + border / 2;
      if (cell.middle) y += (h - border - this.measure.stackHeight(cell.content, width)) / 2;
      this.cellX = cx;
      this.cellWidth = width;
      this.measure.stack(cell.content, width, y, this.drawContent);
      if (t.signature && cell === r.cells[r.cells.length - 1]) this.signatureFields(cell.content, cx, width, y);
      if (later) later.push(x, w);
      else if (t.borders) this.cellRules(x, top, w, h);
      x += w;
    }
    if (later) this.c.rowRules!(later, top, h, BORDER);
    this.y = top + h;
  }

  /** Where the cell being drawn is (drawContent is made once, not a closure per cell). */
  private cellX = 0;
  private cellWidth = 0;
  private readonly drawContent = (c: CellContent, cy: number): void => {
    const cx = this.cellX;
    const width = this.cellWidth;
    if (c.kind === 'para') {
      const l = this.measure.para(c, width);
      const lines = l.lines;
      for (let n = 0; n < lines.length; n++)
        this.drawLine(lines[n]!, cx + l.left, l.width, cy + n * l.lineHeight, l.align);
    } else if (c.kind === 'rule') this.drawRule(c, cx, cy);
    else this.images(c, cx, width, cy);
  };

  /** A cell's four rules: top, bottom, left, right. */
  private cellRules(x: number, top: number, w: number, h: number): void {
    this.c.line(x, top, x + w, top, BORDER);
    this.c.line(x, top + h, x + w, top + h, BORDER);
    this.c.line(x, top, x, top + h, BORDER);
    this.c.line(x + w, top, x + w, top + h, BORDER);
  }

  private images(im: SignatureImages, cx: number, width: number, y: number): void {
    if (im.signature) {
      const w = im.signature.width * PX;
      this.c.image(im.signature.data, cx + (width - w) / 2, y, w, im.signature.height * PX);
    }
    // The seal floats from the paragraph's top, above its space before, as Word anchors it.
    const top = y - pt(im.before);
    if (im.seal)
      this.c.image(im.seal.data, cx + im.seal.x * PX, top + im.seal.y * PX, im.seal.width * PX, im.seal.height * PX);
  }

  /**
   * The two signature fields: the signer's over the space between the title and the name (or
   * over the signature image), the agency's over the seal, a third of the signature on its left.
   */
  private signatureFields(content: CellContent[], cx: number, width: number, top: number): void {
    let signer: Box | null = null;
    let seal: Box | null = null;
    const last = content[content.length - 1];
    this.measure.stack(content, width, top, (c, y, body) => {
      if (c.kind === 'images') {
        const w = c.signature ? c.signature.width * PX : Math.min(width, SIGNER_WIDTH);
        signer = { x: cx + (width - w) / 2, y, w, h: c.signature ? c.signature.height * PX : body };
        const top = y - pt(c.before);
        if (c.seal)
          seal = { x: cx + c.seal.x * PX, y: top + c.seal.y * PX, w: c.seal.width * PX, h: c.seal.height * PX };
      } else if (c === last && c.kind === 'para' && !signer) {
        const gap = pt(c.before ?? 0);
        const w = Math.min(width, SIGNER_WIDTH);
        signer = { x: cx + (width - w) / 2, y: y - gap, w, h: gap };
      }
    });
    if (!signer) return;
    const s: Box = signer;
    seal ??= { x: s.x + s.w / 3 - SEAL, y: s.y + s.h / 2 - SEAL / 2, w: SEAL, h: SEAL };
    for (const [kind, box] of [
      ['signer', s],
      ['seal', seal],
    ] as const) {
      this.c.field(kind, box);
      this.fields.push({ kind, page: this.page, box });
    }
  }
}
