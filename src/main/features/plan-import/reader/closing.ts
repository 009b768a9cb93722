// The end of a document: the distribution list (Nơi nhận) and the signature block.
import type { ProposedSigner, ProposedText } from '../../../../shared/model/plan-import';
import { spanOf, type Line } from './lines';
import { isUpperLine } from './normalize';
import { AUTHORITY_PREFIX, SIGNER_TITLES } from './vocabulary';

export const RECIPIENTS_LINE = /^Nơi nhận\s*:/u;

/** Rule: the dashed lines after "Nơi nhận:". */
export function readRecipients(lines: Line[]): ProposedText[] {
  const at = lines.findIndex((l) => RECIPIENTS_LINE.test(l.text));
  if (at < 0) return [];
  const out: ProposedText[] = [];
  const inline = lines[at]!.text.replace(RECIPIENTS_LINE, '').trim();
  if (inline && !/^[-–+•]/u.test(inline)) out.push({ text: inline.replace(/[;.]+$/, ''), spans: [spanOf(lines[at]!)] });
  for (const l of lines.slice(at + 1)) {
    const m = /^[-–+•]\s*(.+?)\s*[;,.]*$/u.exec(l.text);
    if (!m) break;
    const text = m[1]!;
    const i = l.text.indexOf(text);
    out.push({ text, spans: [{ start: l.start + i, end: l.start + i + text.length }] });
  }
  return out;
}

const isName = (s: string): boolean =>
  /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u.test(s) && !isUpperLine(s) && s.length <= 60;
const isTitle = (s: string): boolean => SIGNER_TITLES.includes(s.replace(/\s+/g, ' ').trim());

/**
 * Rule: the signer's name is a short line in Title Case after the body; above it, the title in
 * capitals, and above that the authority lines (TM., KT., Q., TL., TUQ.).
 */
export function readSigner(lines: Line[], bodyEnd: number): ProposedSigner | null {
  const tail = lines.slice(bodyEnd);
  for (let i = tail.length - 1; i >= 0; i--) {
    const l = tail[i]!;
    if (!isName(l.text)) continue;
    const above: Line[] = [];
    for (let j = i - 1; j >= 0 && above.length < 4; j--) {
      const a = tail[j]!;
      if (isUpperLine(a.text) && !/^[-–+•]/u.test(a.text) && a.text.length < 120) above.unshift(a);
      else break;
    }
    if (!above.length) continue;
    const titleLine = [...above].reverse().find((a) => isTitle(a.text)) ?? above.at(-1)!;
    const authority = above.filter((a) => a.index < titleLine.index).map((a) => a.text);
    // "KT. CHỦ TỊCH" alone above the name: the prefix line is the authority, its rest the title
    if (authority.length === 0 && AUTHORITY_PREFIX.test(titleLine.text))
      return { authority: [titleLine.text], title: '', name: l.text, spans: [...above.map(spanOf), spanOf(l)] };
    return {
      authority,
      title: titleLine.text,
      name: l.text,
      spans: [...above.filter((a) => a.index <= titleLine.index).map(spanOf), spanOf(l)],
    };
  }
  return null;
}
