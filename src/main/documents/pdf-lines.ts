// Measuring and breaking text for the PDF the way Word and LibreOffice do it for these documents:
// advance widths straight from the font (no kerning, no ligatures), greedy line filling, breaks
// at spaces and after a hyphen inside a word, the last line of a paragraph not justified.
import * as fontkit from '@pdf-lib/fontkit';
import { FACES, type Face, type FontSet } from './pdf-fonts';
import { breakPlain } from './pdf-lines-plain';

/** Advance widths in 1/1000 em, one table per face, filled as code points are met. */
export class Metrics {
  private readonly fonts: Record<Face, fontkit.Font>;
  private readonly widths: Record<Face, Map<number, number>>;
  /** Ascent, descent and the single line height, in em. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineHeight: number;

  constructor(set: FontSet) {
    this.fonts = Object.fromEntries(FACES.map((f) => [f, fontkit.create(set.files[f])])) as Record<Face, fontkit.Font>;
    this.widths = Object.fromEntries(FACES.map((f) => [f, new Map<number, number>()])) as Record<
      Face,
      Map<number, number>
    >;
    const r = this.fonts.regular;
    const hhea = (r as unknown as { hhea: { ascent: number; descent: number; lineGap: number } }).hhea;
    this.ascent = hhea.ascent / r.unitsPerEm;
    this.descent = -hhea.descent / r.unitsPerEm;
    this.lineHeight = (hhea.ascent - hhea.descent + hhea.lineGap) / r.unitsPerEm;
  }

  /** Width of a text in points. */
  width(text: string, face: Face, size: number): number {
    return this.widthOf(text, 0, text.length, face, size);
  }

  /** Width of `text.slice(from, to)` in points, measured in place (the same sum in the same order). */
  widthOf(text: string, from: number, to: number, face: Face, size: number): number {
    const table = this.widths[face];
    let units = 0;
    for (let i = from; i < to; i++) {
      let cp = text.charCodeAt(i);
      // A surrogate pair inside the range is one code point; one cut by its end stays alone, as in a slice.
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000;
          i++;
        }
      }
      let w = table.get(cp);
      if (w === undefined) {
        const font = this.fonts[face];
        w = (font.glyphForCodePoint(cp).advanceWidth * 1000) / font.unitsPerEm;
        table.set(cp, w);
      }
      units += w;
    }
    return (units * size) / 1000;
  }
}

export const faceOf = (bold?: boolean, italic?: boolean): Face =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';

/** A piece of text with one style; `note` marks a footnote reference (drawn raised and small). */
export interface Piece {
  text: string;
  face: Face;
  size: number;
  underline?: boolean;
  note?: number;
}

/** A word (or the part of one up to a hyphen) with the space that follows it. */
interface Atom {
  pieces: Piece[];
  widths: number[];
  width: number;
  /** Width of the space after it (0 when none), in the style of its last piece. */
  space: number;
  tab?: boolean;
}

/** Text of one style drawn in one go; `gapsBefore` counts the stretchable spaces to its left. */
export interface Segment extends Piece {
  x: number;
  width: number;
  /** Spaces inside the segment. */
  gaps: number;
  gapsBefore: number;
}

export interface Line {
  segments: Segment[];
  /** Where the line starts (the first-line or hanging indent); segments' x include it. */
  indent: number;
  /** Natural width from the indent, without the trailing space. */
  width: number;
  /** Spaces inside the line (where justification stretches). */
  gaps: number;
  last: boolean;
  /** The largest text size on the line: its height. */
  size: number;
  notes: number[];
}

/** Superscript of footnote references: 58 % of the size, raised a third (LibreOffice's default). */
export const NOTE_SCALE = 0.58;
export const NOTE_RISE = 0.33;

const pieceWidth = (m: Metrics, p: Piece): number => m.width(p.text, p.face, p.note ? p.size * NOTE_SCALE : p.size);
const sameStyle = (a: Piece, b: Piece): boolean =>
  a.face === b.face && a.size === b.size && a.underline === b.underline && a.note === b.note;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Splits pieces into atoms: breakable after spaces and after a hyphen between letters. */
function atoms(m: Metrics, pieces: Piece[]): Atom[] {
  const out: Atom[] = [];
  let cur: Atom = { pieces: [], widths: [], width: 0, space: 0 };
  const push = () => {
    if (cur.pieces.length || cur.space || cur.tab) out.push(cur);
    cur = { pieces: [], widths: [], width: 0, space: 0 };
  };
  const add = (p: Piece, text: string) => {
    if (!text) return;
    const piece = withText(p, text);
    const w = pieceWidth(m, piece);
    const k = cur.pieces.length - 1;
    if (k >= 0 && sameStyle(cur.pieces[k]!, p)) {
      cur.pieces[k]!.text += text;
      cur.widths[k]! += w;
    } else if (k < 0) {
      // An atom's first piece: lists of one (a first push would reserve room for sixteen; a long
      // paragraph makes thousands of atoms, most of one piece).
      cur.pieces = [piece];
      cur.widths = [w];
    } else {
      cur.pieces.push(piece);
      cur.widths.push(w);
    }
    cur.width += w;
  };
  for (const p of pieces) {
    if (p.note) {
      if (cur.space) push();
      add(p, p.text);
      continue;
    }
    let start = 0;
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      if (ch === ' ' || ch === '\t') {
        add(p, t.slice(start, i));
        if (ch === '\t') {
          push();
          cur.tab = true;
          push();
        } else cur.space += m.width(' ', p.face, p.size);
        start = i + 1;
      } else {
        if (cur.space) push();
        if (ch === '-' && i > start && i + 1 < t.length && WORD_CHAR.test(t[i - 1]!) && WORD_CHAR.test(t[i + 1]!)) {
          add(p, t.slice(start, i + 1));
          start = i + 1;
          push();
        }
      }
    }
    add(p, t.slice(start));
  }
  push();
  return out;
}

/**
 * Breaks pieces into lines of `width` points; the first line starts `first` further right
 * (negative for a hanging indent); `tab` is the one tab stop, from the left edge.
 */
export function breakLines(m: Metrics, pieces: Piece[], width: number, first = 0, tab?: number): Line[] {
  const only = pieces.length === 1 ? pieces[0]! : undefined;
  if (only && !only.note && !only.text.includes('\t')) {
    const lines = breakPlain(m, only, width, first);
    if (lines) return lines;
  }
  return breakAtoms(m, pieces, width, first, tab);
}

/** The general breaker: every piece and style, footnote marks, tabs (breakPlain's reference in the tests). */
export function breakAtoms(m: Metrics, pieces: Piece[], width: number, first = 0, tab?: number): Line[] {
  const list = atoms(m, pieces);
  const size = pieces.reduce((s, p) => Math.max(s, p.note ? 0 : p.size), 0) || (pieces[0]?.size ?? 12);
  const lines: Line[] = [];
  let i = 0;
  do {
    const indent = lines.length === 0 ? first : 0;
    const taken: Atom[] = [];
    let x = indent;
    let j = i;
    while (j < list.length) {
      const a = list[j]!;
      if (a.tab) {
        const stop = tab !== undefined && tab > x ? tab : x + 36;
        taken.push({ ...a, width: stop - x });
        x = stop;
        j++;
        continue;
      }
      if (x + a.width > width + 0.01) {
        if (taken.some((t) => !t.tab)) break;
        if (a.pieces.length > 0 && x === indent) {
          // A word longer than the line: cut it by characters.
          list.splice(j, 1, ...cutWord(m, a, width - x));
          // On a line with nothing yet, a letter wider than the line still goes on it (it used to
          // break here with nothing taken and try the same line again, for ever).
          if (list[j]!.width > width - x && taken.length > 0) break;
        }
      }
      taken.push(list[j]!);
      x += list[j]!.width + list[j]!.space;
      j++;
    }
    i = j;
    lines.push(toLine(taken, indent, i >= list.length, size));
  } while (i < list.length);
  return lines;
}

function cutWord(m: Metrics, a: Atom, avail: number): Atom[] {
  const p0 = a.pieces[0]!;
  const text = a.pieces.map((p) => p.text).join('');
  let n = 1;
  while (n < text.length && m.width(text.slice(0, n + 1), p0.face, p0.size) <= avail) n++;
  if (n >= text.length) return [a];
  const head = withText(p0, text.slice(0, n));
  const tail = withText(p0, text.slice(n));
  return [
    { pieces: [head], widths: [pieceWidth(m, head)], width: pieceWidth(m, head), space: 0 },
    { pieces: [tail], widths: [pieceWidth(m, tail)], width: pieceWidth(m, tail), space: a.space },
  ];
}

/**
 * A piece with another text. Written out rather than spread: the spread of objects of several
 * shapes was the line breaker's largest cost on a long table.
 */
function withText(p: Piece, text: string): Piece {
  return { text, face: p.face, size: p.size, underline: p.underline, note: p.note };
}

/** Joins the atoms of a line into segments of one style each. */
function toLine(taken: Atom[], indent: number, last: boolean, size: number): Line {
  const segments: Segment[] = [];
  const notes: number[] = [];
  let x = indent;
  let gaps = 0;
  let pendingSpace = 0;
  for (let k = 0; k < taken.length; k++) {
    const a = taken[k]!;
    if (a.tab) {
      x += pendingSpace + a.width;
      pendingSpace = 0;
      segments.push({
        text: '',
        face: 'regular',
        size,
        underline: undefined,
        note: undefined,
        x,
        width: 0,
        gaps: 0,
        gapsBefore: gaps,
      });
      continue;
    }
    for (let n = 0; n < a.pieces.length; n++) {
      const p = a.pieces[n]!;
      const prev = segments[segments.length - 1];
      const w = a.widths[n]!;
      if (p.note) notes.push(p.note);
      if (prev && n === 0 && prev.text !== '' && sameStyle(prev, p)) {
        if (pendingSpace > 0) {
          prev.text += ' ';
          prev.gaps++;
          gaps++;
        }
        prev.text += p.text;
        prev.width += pendingSpace + w;
      } else if (prev && n > 0 && sameStyle(prev, p)) {
        prev.text += p.text;
        prev.width += w;
      } else {
        // LibreOffice also stretches a justified line just before a footnote mark.
        if ((n === 0 && pendingSpace > 0) || (n > 0 && p.note)) gaps++;
        segments.push({
          text: p.text,
          face: p.face,
          size: p.size,
          underline: p.underline,
          note: p.note,
          x: x + (n === 0 ? pendingSpace : 0),
          width: w,
          gaps: 0,
          gapsBefore: gaps,
        });
      }
      x += (n === 0 ? pendingSpace : 0) + w;
      if (n === 0) pendingSpace = 0;
    }
    pendingSpace = k < taken.length - 1 ? a.space : 0;
  }
  return { segments: segments.filter((s) => s.text !== ''), indent, width: x - indent, gaps, last, size, notes };
}
