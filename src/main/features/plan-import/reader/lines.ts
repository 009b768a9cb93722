// The normalised text as lines with their offsets, and span helpers.
import type { Span } from '../../../../shared/model/plan-import';

export interface Line {
  index: number;
  text: string;
  start: number;
  end: number;
}

export function toLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const [index, t] of text.split('\n').entries()) {
    out.push({ index, text: t, start, end: start + t.length });
    start += t.length + 1;
  }
  return text === '' ? [] : out;
}

export const spanOf = (l: Line): Span => ({ start: l.start, end: l.end });

/** The span of `part`, found in line `l` from `from` on (the whole line if it is not there). */
export function spanIn(l: Line, part: string, from = 0): Span {
  const i = l.text.indexOf(part, from);
  return i < 0 ? spanOf(l) : { start: l.start + i, end: l.start + i + part.length };
}

/** Lines merged into one span when they follow each other. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
