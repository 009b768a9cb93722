// The end of a document: the distribution list (Nơi nhận) and the signature block, state
// ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") or Party ("T/M BAN THƯỜNG VỤ / BÍ THƯ").
import type { ProposedSigner, ProposedText } from '../../../../shared/model/plan-import';
import { spanOf, type Line } from './lines';
import { isUpperLine } from './normalize';
import { AUTHORITY_PREFIX, SIGNER_TITLES, TITLE_HEADS } from './vocabulary';

export const RECIPIENTS_LINE = /^Nơi nhận ?:/u;
const ITEM = /^[-–+•]/u;

/** An entry's text: without its dash and the ";", "," or "." that ends it. */
function entryOf(l: Line, from = 0): ProposedText | null {
  let a = from;
  let b = l.text.length;
  while (a < b && (l.text[a] === ' ' || ITEM.test(l.text[a]!))) a++;
  while (b > a && /[;,. ]/.test(l.text[b - 1]!)) b--;
  return a < b ? { text: l.text.slice(a, b), spans: [{ start: l.start + a, end: l.start + b }] } : null;
}

/** Rule: the dashed lines after "Nơi nhận:" (and an entry on the same line). */
export function readRecipients(lines: Line[], from = 0): ProposedText[] {
  let at = -1;
  for (let i = from; i < lines.length; i++)
    if (RECIPIENTS_LINE.test(lines[i]!.text)) {
      at = i;
      break;
    }
  if (at < 0) return [];
  const out: ProposedText[] = [];
  const head = lines[at]!;
  const inline = entryOf(head, RECIPIENTS_LINE.exec(head.text)![0].length);
  if (inline) out.push(inline);
  for (let i = at + 1; i < lines.length && ITEM.test(lines[i]!.text); i++) {
    const e = entryOf(lines[i]!);
    if (e) out.push(e);
  }
  return out;
}

const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;
export const isName = (s: string): boolean => {
  if (s.length > 60 || s.length < 4) return false;
  const words = s.split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((w) => NAME_WORD.test(w)) && !isUpperLine(s);
};

/** "(Đã ký)", "Đã ký", "(đã ký và đóng dấu)": the mark of a copy, standing where the signature was. */
export const isSignedMark = (s: string): boolean => s.length < 40 && /^\(? ?[Đđ]ã ký(?!\p{L})/u.test(s);

/** A line that opens a signature block: an authority prefix or a signer's title. */
export function isSignerLine(s: string): boolean {
  if (s.length > 120 || ITEM.test(s) || !isUpperLine(s)) return false;
  return (
    AUTHORITY_PREFIX.test(s) ||
    SIGNER_TITLES.some((t) => s === t || s.startsWith(t + ' ')) ||
    TITLE_HEADS.some((h) => s.startsWith(h + ' '))
  );
}

/** "Người ký: Nguyễn Văn A" in the details a law portal prints after a document. */
function metadataName(lines: Line[], from: number): Line | null {
  for (let i = from; i < lines.length && i < from + 40; i++) {
    const m = /^Người ký ?: ?(.+)$/u.exec(lines[i]!.text);
    if (m && isName(m[1]!.trim())) return lines[i]!;
  }
  return null;
}

/**
 * Rule: from `from` on, the first block of capital lines that opens with an authority prefix or
 * a title; its last line is the title, the lines above the authority. Under it, "(Đã ký)" may
 * stand, then the name in Title Case. A missing name is taken from a "Người ký:" line, or left
 * empty: it is never guessed.
 */
export function readSigner(lines: Line[], from: number): ProposedSigner | null {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    if (!isSignerLine(lines[i]!.text)) continue;
    const block: Line[] = [lines[i]!];
    for (let j = i + 1; j < lines.length && block.length < 5; j++) {
      const t = lines[j]!.text;
      if (t.length > 120 || ITEM.test(t) || !isUpperLine(t) || isName(t)) break;
      block.push(lines[j]!);
    }
    let k = i + block.length;
    const marks: Line[] = [];
    while (k < lines.length && isSignedMark(lines[k]!.text)) marks.push(lines[k++]!);
    const nameLine = k < lines.length && isName(lines[k]!.text) ? lines[k]! : null;
    const titleLine = block.at(-1)!;
    const needsTitle = /^(?:(?:TM|KT|TL|TUQ)\.|T\/M|K\/T|T\/L|T\/UQ)/u.test(titleLine.text);
    const authority = (needsTitle ? block : block.slice(0, -1)).map((l) => l.text);
    const title = needsTitle ? '' : titleLine.text;
    const meta = nameLine ? null : metadataName(lines, k);
    const name = nameLine?.text ?? (meta ? /^Người ký ?: ?(.+)$/u.exec(meta.text)![1]!.trim() : '');
    return {
      authority,
      title,
      name,
      nameFrom: nameLine ? 'block' : meta ? 'metadata' : 'none',
      spans: [...block, ...marks, ...(nameLine ? [nameLine] : meta ? [meta] : [])].map(spanOf),
    };
  }
  return null;
}
