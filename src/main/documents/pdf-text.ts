// Text pieces written straight into a page's content: the marks PDFKit's `doc.text` makes for them
// (the subset's glyph ids at the same text matrix, in the same font and size, under the same flip),
// without its per-call option objects, line splitting, width measuring and layout of every word.
// A table of 8,000 cells spent a third of the PDF's time there. Pieces drawn one after another
// share one text block (q, the flip, BT … ET, Q; the font set when it changes) where PDFKit wraps
// each piece in its own: the same glyphs at the same places, a fifth less content to write and
// deflate (tests/unit/documents-pdf-same.test.ts compares the marks, tests/integration/
// documents-pdf-pixels.test.ts the rendered pages).

/** PDFKit's number format (PDFObject.number): six decimals at most, no trailing zeros. */
export const num = (n: number): string => {
  if (n > -1e21 && n < 1e21) return String(Math.round(n * 1e6) / 1e6);
  throw new Error(`unsupported number: ${n}`);
};

/** The parts of PDFKit's embedded font (EmbeddedFont) that text encoding uses. */
export interface KitFont {
  id: string;
  scale: number;
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

/** A code point's glyph as drawn: its subset id in hex and its advance in 1/1000 em. */
interface Glyph {
  hex: string;
  advance: number;
}

const SPACE = 0x20;

/** White space as JavaScript's `\s` and `trim` know it. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The page a piece goes on: its height (for the flip) and its font resources. */
export interface KitPage {
  height: number;
  readonly fonts: Record<string, unknown>;
}

/**
 * A page's operators in parts, joined once at the page's end. One list serves every page of a
 * document: it keeps its room from page to page instead of growing again for each (a table page
 * holds thousands of parts); the places a shorter page leaves are emptied before the join.
 */
export class Parts {
  list: string[] = [];
  n = 0;

  push(s: string): void {
    this.list[this.n++] = s;
  }

  /** The parts so far as one string; the list is then empty. */
  take(): string {
    const list = this.list;
    if (this.n < list.length) list.fill('', this.n);
    this.n = 0;
    return list.join('');
  }
}

/**
 * One document's text writer: its glyph table follows the font subsets of that document. Operators
 * go in parts onto the current page's list (`out`), joined once when the page ends: no string
 * built per piece or per row only to be copied again into the page's.
 */
export class TextOps {
  /** The current page's operators, in parts (pdf-writer.ts's gatherContent). */
  readonly out = new Parts();
  private readonly glyphs = new Map<KitFont, Map<number, Glyph>>();
  private readonly spaces = new Map<KitFont, number>();
  /** The show operator of each plain text drawn, by font. */
  private readonly shown = new Map<KitFont, Map<string, string>>();
  /** Numbers already written: a table repeats its columns' x and its rows' y thousands of times. */
  private readonly numbers = new Map<number, string>();
  /** The text block open on the page, with its font and size so far; null when none is open. */
  private block: { font: KitFont | null; size: number } | null = null;

  /** Ends the open text block: before any other mark (a rule, an image) and at the page's end. */
  close(): void {
    if (!this.block) return;
    this.block = null;
    this.out.push('ET\nQ\n');
  }

  /** `num`, remembered (turning a fraction into text costs more than looking it up). */
  n(v: number): string {
    let s = this.numbers.get(v);
    if (s === undefined) this.numbers.set(v, (s = num(v)));
    return s;
  }

  /**
   * `1 0 0 1 x ` and `y Tm\n`, remembered by x and by y (a table's columns and rows repeat them):
   * two parts per text matrix instead of five. Made flat (joined), as a rope would be walked again
   * at each page's join.
   */
  private tmX(x: number): string {
    let s = this.xs.get(x);
    if (s === undefined) this.xs.set(x, (s = ['1 0 0 1 ', this.n(x), ' '].join('')));
    return s;
  }
  private tmY(y: number): string {
    let s = this.ys.get(y);
    if (s === undefined) this.ys.set(y, (s = [this.n(y), ' Tm\n'].join('')));
    return s;
  }
  private readonly xs = new Map<number, string>();
  private readonly ys = new Map<number, string>();

  /** A straight line as PDFKit's moveTo, lineTo writes it (the stroke follows). */
  line(x1: number, y1: number, x2: number, y2: number): void {
    this.out.push(`${this.n(x1)} ${this.n(y1)} m\n${this.n(x2)} ${this.n(y2)} l\n`);
  }

  /** A table row's rules: each cell's (x and width pairs) top, bottom, left and right, stroked one by one. */
  rowRules(cells: number[], top: number, h: number): void {
    const t = this.n(top);
    const b = this.n(top + h);
    const [tm, tl, bm, bl] = [` ${t} m\n`, ` ${t} l\nS\n`, ` ${b} m\n`, ` ${b} l\nS\n`];
    // Parts straight onto the page's list (joined with it once): adding them up made a short-lived
    // string per `+`, and joining them per row a string copied again into the page's.
    const out = this.out.list;
    let k = this.out.n;
    for (let i = 0; i < cells.length; i += 2) {
      const x = this.n(cells[i]!);
      const r = this.n(cells[i]! + cells[i + 1]!);
      // top, bottom, left, right
      out[k++] = x;
      out[k++] = tm;
      out[k++] = r;
      out[k++] = tl;
      out[k++] = x;
      out[k++] = bm;
      out[k++] = r;
      out[k++] = bl;
      out[k++] = x;
      out[k++] = tm;
      out[k++] = x;
      out[k++] = bl;
      out[k++] = r;
      out[k++] = tm;
      out[k++] = r;
      out[k++] = bl;
    }
    this.out.n = k;
  }

  /**
   * A piece of text as `doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', wordSpacing })`
   * draws it: with word spacing, runs of white space become one space; each line after a line
   * break starts where the last one ended, as wide as PDFKit measures it.
   */
  text(page: KitPage, font: KitFont, size: number, text: string, x: number, y: number, wordSpacing: number): void {
    if (!text.includes('\n')) return this.fragment(page, font, size, text, x, y, wordSpacing);
    if (wordSpacing) text = text.replace(/\s{2,}/g, ' ');
    for (const line of text.split('\n')) {
      this.fragment(page, font, size, line, x, y, wordSpacing);
      x += this.widthOf(font, size, line);
    }
  }

  /**
   * PDFKit's widthOfString: the text measured in pieces ending after each space or tab, each summed
   * from zero, then scaled (the same sums in the same order give the same position to the last bit).
   */
  private widthOf(font: KitFont, size: number, text: string): number {
    let total = 0;
    let piece = 0;
    for (const ch of text) {
      piece += this.advanceOf(font, ch.codePointAt(0)!);
      if (ch === ' ' || ch === '\t') {
        total += piece;
        piece = 0;
      }
    }
    total += piece;
    return ((total * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
  }

  /**
   * The operators of one piece of text without a line break, with the glyphs and positions PDFKit's
   * `_fragment` gives for `{ lineBreak: false, baseline: 'alphabetic', wordSpacing }` (plain
   * glyph-by-glyph layout: no kerning, no offsets), in the open text block (opened if none is);
   * nothing for an empty piece, which PDFKit skips.
   */
  fragment(page: KitPage, font: KitFont, size: number, text: string, x: number, y: number, wordSpacing: number): void {
    if (text.length === 0) return;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const out = this.out;
    if (!this.block) {
      out.push('q\n1 0 0 -1 0 ');
      out.push(this.n(page.height));
      out.push(' cm\nBT\n');
      this.block = { font: null, size: 0 };
    }
    // The text matrix set absolutely (not moved from the last piece): the same numbers, the same places.
    out.push(this.tmX(x));
    out.push(this.tmY(page.height - y - 0));
    if (this.block.font !== font || this.block.size !== size) {
      out.push(`/${font.id} ${this.n(size)} Tf\n`);
      this.block.font = font;
      this.block.size = size;
    }
    const table = this.tableOf(font);
    if (wordSpacing) {
      // PDFKit drops the spaces and widens each word's last glyph by the word spacing plus a space.
      // Measured as PDFKit's widthOfString(' ') measures it; the space itself is not drawn.
      const spaceWidth = (((0 + this.spaceOf(font)) * (size / 1000) + 0 * 0) * 100) / 100;
      const extra = (wordSpacing + (spaceWidth + 0)) * (1000 / size);
      // `[<glyphs> adjustment …] TJ` in parts onto the page's list: a command per word whose last
      // glyph is widened, the glyphs of words that are not (adjustment 0) joining the next one's.
      // The words of `text.trim().split(/\s+/)`, read in place (no string per word).
      let started = false;
      let inCommand = false;
      const end = text.length;
      let i = 0;
      for (;;) {
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        if (i >= end) break;
        let last: Glyph | undefined;
        while (i < end && !isSpace(text.charCodeAt(i))) {
          const cp = text.codePointAt(i)!;
          i += cp > 0xffff ? 2 : 1;
          last = this.glyph(font, table, cp);
          if (!inCommand) {
            out.push(started ? ' <' : '[<');
            started = inCommand = true;
          }
          out.push(last.hex);
        }
        if (!last) continue;
        const advance = last.advance + extra - last.advance;
        if (advance !== 0) {
          out.push('> ');
          out.push(this.n(-advance));
          inCommand = false;
        }
      }
      if (inCommand) out.push('> 0');
      if (started) out.push('] TJ\n');
    } else {
      // A table repeats its values: each text's glyphs are looked up once (its glyphs are in the
      // subset from its first time, in the same order).
      const shown = this.shownOf(font);
      let show = shown.get(text);
      if (show === undefined) {
        const parts = ['<'];
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          parts.push(this.glyph(font, table, cp).hex);
        }
        parts.push('> Tj\n'); // PDFKit's [<…> 0] TJ: no adjustment after the last glyph
        show = parts.join(''); // flat: it is joined again each time the text is drawn
        shown.set(text, show);
      }
      out.push(show);
    }
  }

  private shownOf(font: KitFont): Map<string, string> {
    let m = this.shown.get(font);
    if (!m) this.shown.set(font, (m = new Map()));
    return m;
  }

  private spaceOf(font: KitFont): number {
    let w = this.spaces.get(font);
    if (w === undefined) this.spaces.set(font, (w = this.advanceOf(font, SPACE)));
    return w;
  }

  /** A code point's advance, without putting its glyph in the subset (measured, not drawn). */
  private advanceOf(font: KitFont, cp: number): number {
    return this.tableOf(font).get(cp)?.advance ?? font.font.glyphForCodePoint(cp).advanceWidth * font.scale;
  }

  private tableOf(font: KitFont): Map<number, Glyph> {
    let t = this.glyphs.get(font);
    if (!t) this.glyphs.set(font, (t = new Map()));
    return t;
  }

  /** The first time a code point is met its glyph joins the subset, as PDFKit's `encode` does. */
  private glyph(font: KitFont, table: Map<number, Glyph>, cp: number): Glyph {
    let g = table.get(cp);
    if (g) return g;
    const glyph = font.font.glyphForCodePoint(cp);
    const gid = font.subset.includeGlyph(glyph.id);
    const advance = glyph.advanceWidth * font.scale;
    if (font.widths[gid] == null) font.widths[gid] = advance;
    // The code point it was first drawn for, as a font read for this document alone gives (the
    // glyphs of a font kept between documents remember the first code point of any of them).
    if (font.unicode[gid] == null) font.unicode[gid] = [cp];
    g = { hex: `0000${gid.toString(16)}`.slice(-4), advance };
    table.set(cp, g);
    return g;
  }
}
