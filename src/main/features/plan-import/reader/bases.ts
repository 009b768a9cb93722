// Legal bases between the title and the first heading: "Căn cứ …;", "Thực hiện …".
import type { ProposedText } from '../../../../shared/model/plan-import';
import type { Line } from './lines';
import { trimRun } from '../../../../shared/text';

/** The clause that introduces the body: "…, cụ thể như sau:" at its end, or a subject that orders or builds. */
const INTRO_END = /(như sau|sau đây) ?:? ?$/iu;
const INTRO_VERB = /xây dựng kế hoạch|ban hành kế hoạch|ban hành (chỉ thị|quyết định|nghị quyết)| yêu cầu /iu;

/**
 * Where the introduction starts in a part of a bases paragraph: -1 when there is none; else the
 * ", " before the subject of the introduction ("…, Ủy ban nhân dân xã … như sau:"), or 0 when the
 * whole part is the introduction.
 */
function introCut(part: string): number {
  const end = INTRO_END.exec(part);
  const verb = end ? null : INTRO_VERB.exec(part);
  const at = end?.index ?? verb?.index ?? -1;
  if (at < 0) return -1;
  for (let i = part.lastIndexOf(', ', at); i > 0; i = part.lastIndexOf(', ', i - 1))
    if (/\p{Lu}/u.test(part[i + 2] ?? '')) return i;
  return end ? 0 : -1;
}

/**
 * Rule: a paragraph opening with "Căn cứ" or "Thực hiện" holds bases separated by ";". The
 * introduction that closes it is not a base, nor is anything after it.
 */
export function readLegalBases(preamble: Line[]): ProposedText[] {
  const out: ProposedText[] = [];
  for (const l of preamble) {
    if (!/^(Căn cứ|Thực hiện|Xét)(?![\p{L}\p{N}])/u.test(l.text)) continue;
    let pos = 0;
    for (const part of l.text.split(/(?<=;) ?/u)) {
      const at = l.text.indexOf(part, pos);
      pos = at + part.length;
      const cut = introCut(part);
      const text = trimRun((cut >= 0 ? part.slice(0, cut) : part).trim(), ';.,', 'end').trim();
      if (text) out.push({ text, spans: [{ start: l.start + at, end: l.start + at + text.length }] });
      if (cut >= 0) break;
    }
  }
  return out;
}
