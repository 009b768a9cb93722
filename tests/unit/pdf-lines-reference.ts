// The line breaker as it was before the PDF writer's speed work (fdc2d57, src/main/documents/
// pdf-lines.ts), kept verbatim as the reference the faster one must agree with value for value,
// but for one guard: where it took nothing on a line and tried the same line again for ever (a
// word wider than the line that cutting by characters could not shorten), it throws instead.
import type { Metrics, Piece, Line, Segment } from '../../src/main/documents/pdf-lines';
import { NOTE_SCALE } from '../../src/main/documents/pdf-lines';

/** A word (or the part of one up to a hyphen) with the space that follows it. */
interface Atom {
  pieces: Piece[];
  widths: number[];
  width: number;
  /** Width of the space after it (0 when none), in the style of its last piece. */
  space: number;
  tab?: boolean;
}

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
    const piece: Piece = { ...p, text };
    const w = pieceWidth(m, piece);
    const k = cur.pieces.length - 1;
    if (k >= 0 && sameStyle(cur.pieces[k]!, p)) {
      cur.pieces[k]!.text += text;
      cur.widths[k]! += w;
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
export function referenceBreakLines(m: Metrics, pieces: Piece[], width: number, first = 0, tab?: number): Line[] {
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
          if (list[j]!.width > width - x) break;
        }
      }
      taken.push(list[j]!);
      x += list[j]!.width + list[j]!.space;
      j++;
    }
    if (j === i) throw new Error('the line breaker before looped here');
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
  const head: Piece = { ...p0, text: text.slice(0, n) };
  const tail: Piece = { ...p0, text: text.slice(n) };
  return [
    { pieces: [head], widths: [pieceWidth(m, head)], width: pieceWidth(m, head), space: 0 },
    { pieces: [tail], widths: [pieceWidth(m, tail)], width: pieceWidth(m, tail), space: a.space },
  ];
}

/** Joins the atoms of a line into segments of one style each. */
function toLine(taken: Atom[], indent: number, last: boolean, size: number): Line {
  const segments: Segment[] = [];
  const notes: number[] = [];
  let x = indent;
  let gaps = 0;
  let pendingSpace = 0;
  taken.forEach((a, k) => {
    if (a.tab) {
      x += pendingSpace + a.width;
      pendingSpace = 0;
      segments.push({ text: '', face: 'regular', size, x, width: 0, gaps: 0, gapsBefore: gaps });
      return;
    }
    a.pieces.forEach((p, n) => {
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
        segments.push({ ...p, x: x + (n === 0 ? pendingSpace : 0), width: w, gaps: 0, gapsBefore: gaps });
      }
      x += (n === 0 ? pendingSpace : 0) + w;
      if (n === 0) pendingSpace = 0;
    });
    pendingSpace = k < taken.length - 1 ? a.space : 0;
  });
  return { segments: segments.filter((s) => s.text !== ''), indent, width: x - indent, gaps, last, size, notes };
}
