// What a target of a plan's text is about (DOMAIN.md, "chỉ tiêu"): each unit when its clause says
// "mỗi"/"từng" before or around the number ("mỗi cơ quan, đơn vị có ít nhất 01 mô hình"), a rate
// when the number is in %, otherwise the total of the area. A proposal: the user confirms it.
// A line is indexed once (its clause starts, its "mỗi"/"từng"), then each target is answered by
// binary search: walking back from every target to the clause start was quadratic on a line of
// thousands of targets with no ";" (bench/plan-reader.ts, "percent targets on one line").
import type { TargetScope } from '../../../../shared/model/plan';

/** "mỗi"/"từng" then a word (its match ends after the word's first letter). */
const EACH = /(?:mỗi|từng)\s+\p{L}/giu;
/** What may stand before "mỗi"/"từng" inside a clause (at the clause's start, anything). */
const BEFORE_EACH = /[\s,(“"]/u;

/** The first index of ascending `xs` whose value is ≥ `x` (xs.length when none). */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The scope of each target of `line`, given where its number starts and where its clause ends. */
export function scopeReader(line: string): (start: number, end: number, unit: string) => TargetScope {
  // clause starts: after ";", ":" or a "." followed by a space or the end
  const starts = [0];
  for (let i = 1; i <= line.length; i++) {
    const c = line[i - 1];
    if (c === ';' || c === ':' || (c === '.' && /\s/.test(line[i] ?? ' '))) starts.push(i);
  }
  // each "mỗi"/"từng" with a word after it: where it starts and ends (both ascending)
  const at: number[] = [];
  const ends: number[] = [];
  EACH.lastIndex = 0;
  for (let m = EACH.exec(line); m; m = EACH.exec(line)) {
    at.push(m.index);
    ends.push(m.index + m[0].length);
    EACH.lastIndex = m.index + 1;
  }
  // from each one, the first that stands after a space, comma, bracket or quote
  const nextAfterSpace = new Array<number>(at.length + 1).fill(at.length);
  for (let k = at.length - 1; k >= 0; k--)
    nextAfterSpace[k] = at[k]! > 0 && BEFORE_EACH.test(line[at[k]! - 1]!) ? k : nextAfterSpace[k + 1]!;

  /** The start of the clause holding `pos`: after the last ";", ":" or sentence end before it. */
  const clauseStart = (pos: number): number =>
    pos > 0 && line[pos - 1] === '.' ? pos : starts[lowerBound(starts, pos + 1) - 1]!;

  return (start, end, unit) => {
    const from = clauseStart(start);
    let k = lowerBound(at, from);
    // one at the clause's very start counts whatever stands before it
    if (at[k] === from && ends[k]! <= end) return 'each_unit';
    if (at[k] === from) k++;
    // the ends grow with the starts: the first one after a space decides
    const j = nextAfterSpace[k]!;
    if (j < at.length && ends[j]! <= end) return 'each_unit';
    return unit.trim() === '%' ? 'rate' : 'total';
  };
}

/** The scope of the target whose number starts at `start` and whose clause ends at `end` in `line`. */
export function proposeTargetScope(line: string, start: number, end: number, unit: string): TargetScope {
  return scopeReader(line)(start, end, unit);
}
