// What a target of a plan's text is about (DOMAIN.md, "chỉ tiêu"): each unit when its clause says
// "mỗi"/"từng" before or around the number ("mỗi cơ quan, đơn vị có ít nhất 01 mô hình"), a rate
// when the number is in %, otherwise the total of the area. A proposal: the user confirms it.
import type { TargetScope } from '../../../../shared/model/plan';

const EACH = /(?:^|[\s,(“"])(?:mỗi|từng)\s+\p{L}/iu;

/** The start of the clause holding `at`: after the last ";", ":" or sentence end before it. */
function clauseStart(line: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = line[i - 1]!;
    if (c === ';' || c === ':' || (c === '.' && (i === at || /\s/.test(line[i] ?? ' ')))) break;
    i--;
  }
  return i;
}

/** The scope of the target whose number starts at `start` and whose clause ends at `end` in `line`. */
export function proposeTargetScope(line: string, start: number, end: number, unit: string): TargetScope {
  const clause = line.slice(clauseStart(line, start), end);
  if (EACH.test(clause)) return 'each_unit';
  return unit.trim() === '%' ? 'rate' : 'total';
}
