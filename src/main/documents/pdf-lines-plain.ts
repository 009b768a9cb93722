// The line breaker of pdf-lines.ts for its commonest input: one piece of one style, no footnote
// mark, no tab (a body paragraph, a table cell). The same lines, value for value, from the same
// sums in the same order, without the general breaker's objects for every word: each word is a
// range of the text in reused number arrays, measured in place (no slice, no piece, no atom), and
// a segment's text is a slice of the piece's text where its words were one space apart. The
// general breaker made about a sixth of the PDF's garbage this way (its atoms and their lists).
// tests/unit/documents-pdf-layout-same.test.ts compares both on random paragraphs.
import type { Line, Metrics, Piece, Segment } from './pdf-lines';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Words of the piece: [start, end) in its text (end = start: spaces only), width, space after. */
let starts = new Int32Array(64);
let ends = new Int32Array(64);
let widths = new Float64Array(64);
let spaces = new Float64Array(64);

function room(n: number): void {
  if (n < starts.length) return;
  const grow = <T extends Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(a.length * 2);
    b.set(a);
    return b;
  };
  starts = grow(starts);
  ends = grow(ends);
  widths = grow(widths);
  spaces = grow(spaces);
}

/** The atom being made (from < 0: no word yet), at module level: closures per call were garbage. */
const a = { n: 0, from: -1, to: -1, w: 0, sp: 0, twice: false };

/** `add` of pdf-lines.ts: the text [s, e) joins the atom being made. */
function add(m: Metrics, p: Piece, s: number, e: number): void {
  if (e <= s) return;
  if (a.from >= 0) a.twice = true; // never with one piece; the general breaker decides if it happens
  a.from = s;
  a.to = e;
  a.w = m.widthOf(p.text, s, e, p.face, p.size);
}

/** `push` of pdf-lines.ts: the atom made so far, if it holds a word or spaces, is done. */
function push(): void {
  if (a.from >= 0 || a.sp) {
    const n = a.n++;
    room(n);
    starts[n] = a.from >= 0 ? a.from : 0;
    ends[n] = a.from >= 0 ? a.to : 0;
    widths[n] = a.from >= 0 ? a.w : 0;
    spaces[n] = a.sp;
  }
  a.from = -1;
  a.w = 0;
  a.sp = 0;
}

/**
 * `breakLines(m, [p], width, first)` for a piece without note or tab; null where that breaker
 * would cut a word wider than the line by characters (or the font has a space of no width),
 * which the general breaker then does.
 */
export function breakPlain(m: Metrics, p: Piece, width: number, first: number): Line[] | null {
  const t = p.text;
  const { face, size } = p;
  const space = m.width(' ', face, size);
  if (!(space > 0)) return null;
  // Atoms as pdf-lines.ts's `atoms` makes them: a word (or its part up to a hyphen between
  // letters) with the spaces after it; with one piece each atom holds one range of the text.
  a.n = 0;
  a.from = -1;
  a.w = 0;
  a.sp = 0;
  a.twice = false;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 0x20) {
      add(m, p, start, i);
      a.sp += space;
      start = i + 1;
    } else {
      if (a.sp) push();
      if (ch === 0x2d && i > start && i + 1 < t.length && WORD_CHAR.test(t[i - 1]!) && WORD_CHAR.test(t[i + 1]!)) {
        add(m, p, start, i + 1);
        start = i + 1;
        push();
      }
    }
  }
  add(m, p, start, t.length);
  push();
  const { n, twice } = a;
  if (twice) return null;

  const lines: Line[] = [];
  let i = 0;
  do {
    const indent = lines.length === 0 ? first : 0;
    let x = indent;
    let j = i;
    while (j < n) {
      if (x + widths[j]! > width + 0.01) {
        if (j > i) break;
        if (ends[j]! > starts[j]! && x === indent) return null; // a word cut by characters
      }
      x += widths[j]! + spaces[j]!;
      j++;
    }
    lines.push(line(p, t, i, j, indent, j >= n, size));
    i = j;
  } while (i < n);
  return lines;
}

/** pdf-lines.ts's `toLine` for atoms i … j-1. */
function line(p: Piece, t: string, i: number, j: number, indent: number, last: boolean, size: number): Line {
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  /** The segment's text is t.slice(segStart, segEnd) while its words were one space apart. */
  let segStart = 0;
  let segEnd = 0;
  let sliced = true;
  let x = indent;
  let gaps = 0;
  let pendingSpace = 0;
  for (let k = i; k < j; k++) {
    const s = starts[k]!;
    const e = ends[k]!;
    if (e > s) {
      const w = widths[k]!;
      if (seg) {
        if (pendingSpace > 0) {
          seg.gaps++;
          gaps++;
        }
        const joined = pendingSpace > 0 ? s === segEnd + 1 && t.charCodeAt(segEnd) === 0x20 : s === segEnd;
        if (sliced && !joined) {
          sliced = false;
          seg.text = t.slice(segStart, segEnd);
        }
        if (!sliced) seg.text += pendingSpace > 0 ? ` ${t.slice(s, e)}` : t.slice(s, e);
        segEnd = e;
        seg.width += pendingSpace + w;
      } else {
        if (pendingSpace > 0) gaps++;
        seg = {
          text: '',
          face: p.face,
          size: p.size,
          underline: p.underline,
          note: p.note,
          x: x + pendingSpace,
          width: w,
          gaps: 0,
          gapsBefore: gaps,
        };
        segStart = s;
        segEnd = e;
        segments.push(seg);
      }
      x += pendingSpace + w;
    }
    pendingSpace = k < j - 1 ? spaces[k]! : 0;
  }
  if (seg && sliced) seg.text = t.slice(segStart, segEnd);
  return { segments, indent, width: x - indent, gaps, last, size, notes: [] };
}
