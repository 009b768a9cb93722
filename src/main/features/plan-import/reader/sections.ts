// The heading tree: I., II. (or I-) → 1., 2. → a), b) → dashes, each node with its text.
import type { ProposedSection, Span } from '../../../../shared/model/plan-import';
import { mergeSpans, spanOf, type Line } from './lines';

export interface Heading {
  level: number;
  label: string;
  /** The rest of the line after the label. */
  rest: string;
}

const ROMAN = /^([IVXL]{1,6})\s*[.\-–)]\s*(\S.*)$/u;
// "1.", "1)" and the Party's "1-" (a dash needs a space after it: "15-6-2024" is a date)
const ARABIC = /^(\d{1,2})(?: ?[.)] ?| ?[-–] )(\S.*)$/u;
/** "1.1." / "2.3": a numbered item's sub-item, one level down (a letter's level). */
const DECIMAL = /^(\d{1,2}\.\d{1,2})\.? (\S.*)$/u;
const LETTER = /^([a-zđ])\s*[)]\s*(\S.*)$|^([a-zđ])\.\s+(\S.*)$/u;
const DASH = /^[-–+•]\s*(\S.*)$/u;

/** Rule: a Roman numeral with ".", "-" or ")" opens a part; a number a sub-part; a letter an item; a dash a point. */
export function headingOf(text: string): Heading | null {
  let m = ROMAN.exec(text);
  if (m && /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/.test(m[1]!))
    return { level: 1, label: m[1]!, rest: m[2]! };
  m = DECIMAL.exec(text);
  if (m) return { level: 3, label: m[1]!, rest: m[2]! };
  m = ARABIC.exec(text);
  if (m) return { level: 2, label: String(Number(m[1]!)), rest: m[2]! };
  m = LETTER.exec(text);
  if (m) return { level: 3, label: (m[1] ?? m[3])!, rest: (m[2] ?? m[4])! };
  m = DASH.exec(text);
  if (m) return { level: 4, label: '-', rest: m[1]! };
  return null;
}

/**
 * A heading's title: the whole line when it is short or ends with ":", else its first sentence
 * (the rest of a numbered paragraph is its text).
 */
export function splitTitle(rest: string, level = 2): { title: string; more: string } {
  const t = rest.trim();
  const part = level === 1 ? splitCapitals(t) : null;
  if (part) return part;
  if (/:$/.test(t)) return { title: t.replace(/\s*:$/, ''), more: '' };
  const m = /^(.{8,}?[^\s.A-ZĐ])\.\s+(?=\p{Lu})(.*)$/u.exec(t);
  if (m) return { title: m[1]!, more: m[2]! };
  return { title: t.replace(/\.$/, ''), more: '' };
}

/**
 * "MỤC ĐÍCH, YÊU CẦU Lắng nghe, tiếp thu …" (a part's title and its first paragraph on one line,
 * as a flattened copy gives them): the words in capitals are the title.
 */
function splitCapitals(t: string): { title: string; more: string } | null {
  const words = t.slice(0, 400).split(' ');
  let k = 0;
  while (k < words.length && /\p{Lu}/u.test(words[k]!) && !/\p{Ll}/u.test(words[k]!)) k++;
  if (k < 2 || k === words.length || !/^\p{Lu}\p{Ll}/u.test(words[k]!)) return null;
  const title = words.slice(0, k).join(' ');
  return { title: title.replace(/ ?:$/, ''), more: t.slice(title.length).trim() };
}

interface Node extends ProposedSection {
  textLines: string[];
  textSpans: Span[];
}

/** Builds the tree over the body lines (from the first heading to the end of the body). */
export function readSections(lines: Line[]): ProposedSection[] {
  // without any part (I., II.), numbered items are the top level (a Chỉ thị: "1-", "2-", …)
  const topLevel = lines.some((l) => headingOf(l.text)?.level === 1) ? 1 : 2;
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const l of lines) {
    const h = headingOf(l.text);
    if (!h) {
      const top = stack.at(-1);
      if (top) {
        top.textLines.push(l.text);
        top.textSpans.push(spanOf(l));
      }
      continue;
    }
    if (h.level === 1 && stack.length === 0 && roots.length === 0 && !isPartTitle(splitTitle(h.rest, 1).title)) {
      // a Roman numeral in running text before any part is not a heading
      continue;
    }
    if (!stack.length && h.level > topLevel && roots.length === 0) continue;
    const { title, more } =
      h.level === 4 ? { title: h.rest.replace(/[;.]$/, ''), more: '' } : splitTitle(h.rest, h.level);
    const node: Node = {
      label: h.label,
      level: h.level,
      title,
      text: '',
      children: [],
      spans: [spanOf(l)],
      textLines: more ? [more] : [],
      textSpans: [],
    };
    while (stack.length && stack.at(-1)!.level >= h.level) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  const finish = (n: Node): ProposedSection => ({
    label: n.label,
    level: n.level,
    title: n.title,
    text: n.textLines.join('\n'),
    children: n.children.map((c) => finish(c as Node)),
    spans: mergeSpans([...n.spans, ...n.textSpans]),
  });
  return roots.map(finish);
}

/** A part's title is mostly capitals ("MỤC ĐÍCH, YÊU CẦU") or short. */
function isPartTitle(rest: string): boolean {
  if (rest.length < 80) return /\p{L}/u.test(rest);
  const letters = rest.slice(0, 400).match(/\p{L}/gu) ?? [];
  const upper = letters.filter((c) => c !== c.toLocaleLowerCase('vi')).length;
  return letters.length > 0 && upper / letters.length > 0.6;
}

/** Every node, depth first, with the labels of its ancestors ("IV.1"). */
export function walkSections(
  nodes: ProposedSection[],
  path: string[] = [],
): { node: ProposedSection; path: string[] }[] {
  return nodes.flatMap((n) => [{ node: n, path: [...path, n.label] }, ...walkSections(n.children, [...path, n.label])]);
}
