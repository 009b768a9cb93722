// Legal bases between the title and the first heading: "Căn cứ …;", "Thực hiện …".
import type { ProposedText } from '../../../../shared/model/plan-import';
import type { Line } from './lines';

const INTRO =
  /(như sau|sau đây)\s*:?\s*$|xây dựng kế hoạch|ban hành kế hoạch|ban hành (chỉ thị|quyết định|nghị quyết)/iu;

/** Rule: a paragraph opening with "Căn cứ" or "Thực hiện" holds bases separated by ";". */
export function readLegalBases(preamble: Line[]): ProposedText[] {
  const out: ProposedText[] = [];
  for (const l of preamble) {
    if (!/^(Căn cứ|Thực hiện|Xét)(?![\p{L}\p{N}])/u.test(l.text)) continue;
    let pos = 0;
    for (const [k, part] of l.text.split(/(?<=;)\s*/u).entries()) {
      const at = l.text.indexOf(part, pos);
      pos = at + part.length;
      const text = part
        .trim()
        .replace(/[;.,]+$/, '')
        .trim();
      // the closing clause ("UBND … xây dựng kế hoạch …, cụ thể như sau:") is the introduction
      if (!text || (k > 0 && INTRO.test(part))) continue;
      out.push({ text, spans: [{ start: l.start + at, end: l.start + at + text.length }] });
    }
  }
  return out;
}
