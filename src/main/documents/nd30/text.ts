// The decree's rules about text: the number line, agency names that wrap, Roman annex numbers,
// the annex note, the punctuation of legal bases and the closing "./.".
import { formatDateLine } from '../../../shared/format';
import { curlyQuotes, trimRun } from '../../../shared/text';
import type { DocAnnex, DocBlock, DocCell, DocInline, DocumentModel } from '../../../shared/contract/document-model';
import { LANDSCAPE_FROM_COLUMNS } from './plan';
import { textWidthTwips } from './metrics';

export const span = (c: DocCell): number => (typeof c === 'object' ? (c.colSpan ?? 1) : 1);
export const pad2 = (n: number): string => String(n).padStart(2, '0');
const NAME_HEADS = ['ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'UBND', 'HĐND'];

/**
 * An agency name too wide for its box is broken where an official would break it: after
 * "ỦY BAN NHÂN DÂN" and the like, otherwise at the word that best balances the two lines.
 */
export function splitLine(text: string, width: number, size: number, bold: boolean): string[] {
  if (textWidthTwips(text, size, bold) <= width) return [text];
  const head = NAME_HEADS.find((h) => text.startsWith(h + ' '));
  if (head && textWidthTwips(text.slice(head.length + 1), size, bold) <= width)
    return [head, text.slice(head.length + 1)];
  const words = text.split(' ');
  let best: [string, string] = [text, ''];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const wmax = Math.max(textWidthTwips(a, size, bold), textWidthTwips(b, size, bold));
    if (wmax < bestWidth) {
      bestWidth = wmax;
      best = [a, b];
    }
  }
  return best[1] ? best : [text];
}

/** Lines of a greedy fill at `width` (words never split). */
function fill(words: string[], width: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidthTwips(next, size, bold) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/**
 * A centred title too long for one line, broken into as few lines as a full-width fill gives but
 * of even length. Measured at 92% of the width so that Word's own metrics never add a line.
 */
export function balanceLines(text: string, width: number, size: number, bold: boolean): string[] {
  const usable = Math.floor(width * 0.92);
  if (textWidthTwips(text, size, bold) <= usable) return [text];
  const words = text.split(' ').filter(Boolean);
  const count = fill(words, usable, size, bold).length;
  let lo = Math.ceil(textWidthTwips(text, size, bold) / count);
  let hi = usable;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fill(words, mid, size, bold).length <= count) hi = mid;
    else lo = mid + 1;
  }
  return fill(words, hi, size, bold);
}

/** "Số: 05/BC-SNV", or "Số:        /BC-SNV" for the clerk to fill in. */
export function numberLine(number: number | null, symbol: string): string {
  return number === null ? `Số:${'\u00A0'.repeat(8)}/${symbol}` : `Số: ${pad2(number)}/${symbol}`;
}

/** 1 → "I", 4 → "IV", 14 → "XIV": section and annex numbers. */
export function toRoman(n: number): string {
  const map: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of map)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** "(Kèm theo Báo cáo số 05/BC-SNV ngày 05 tháng 02 năm 2025 của Sở Nội vụ)". */
export function annexNote(model: DocumentModel): string {
  const h = model.header;
  const num = h.number === null ? '\u00A0'.repeat(6) : pad2(h.number);
  return `(Kèm theo ${model.type} số ${num}/${h.symbol} ${formatDateLine(h.date)} của ${h.issuerName ?? h.agency})`;
}

/** Does this annex need a landscape section? */
export function annexIsLandscape(a: DocAnnex): boolean {
  if (a.orientation !== 'auto') return a.orientation === 'landscape';
  return a.body.some((b) => {
    if (b.kind !== 'table') return false;
    const first = b.header[0] ?? b.rows[0] ?? [];
    return (b.widths?.length ?? first.reduce<number>((n, c) => n + span(c), 0)) >= LANDSCAPE_FROM_COLUMNS;
  });
}

/** Ends the punctuation of the bases: ";" after each, "." after the last (a ":" is kept). */
export function punctuateBases(body: DocBlock[]): DocBlock[] {
  const out = body.slice();
  const idx = out.map((b, i) => (b.kind === 'basis' ? i : -1)).filter((i) => i >= 0);
  idx.forEach((i, k) => {
    const b = out[i] as Extract<DocBlock, { kind: 'basis' }>;
    const isLast = k === idx.length - 1 || idx[k + 1] !== i + 1;
    out[i] = {
      ...b,
      text: mapEnd(b.text, (s) => (/[:!?]$/.test(s) ? s : trimRun(s, ';.,', 'end') + (isLast ? '.' : ';'))),
    };
  });
  return out;
}

function mapEnd(value: DocInline, f: (s: string) => string): DocInline {
  if (typeof value === 'string') return f(value);
  if (value.length === 0) return value;
  const last = value[value.length - 1]!;
  return [...value.slice(0, -1), { ...last, text: f(last.text) }];
}

/** Straight quotes of the body's text made typographic, paired across the runs of one paragraph. */
export function curlyBody(body: DocBlock[]): DocBlock[] {
  return body.map((b) => {
    if (b.kind === 'paragraph' || b.kind === 'basis') return { ...b, text: curlyInline(b.text) };
    if (b.kind === 'list') return { ...b, items: b.items.map(curlyInline) };
    if (b.kind === 'heading' || b.kind === 'part') return { ...b, title: curlyQuotes(b.title) };
    return b;
  });
}

function curlyInline(value: DocInline): DocInline {
  if (typeof value === 'string') return curlyQuotes(value);
  const joined = value.map((r) => r.text).join('');
  const curled = curlyQuotes(joined);
  if (curled === joined) return value;
  let at = 0; // “ and ” are one code unit each, as " is: the runs keep their lengths
  return value.map((r) => {
    const text = curled.slice(at, at + r.text.length);
    at += r.text.length;
    return { ...r, text };
  });
}

/** The body ends with "./.". */
export function closeBody(body: DocBlock[]): DocBlock[] {
  const close = (s: string) => (s.endsWith('./.') ? s : trimRun(s, '.;,:', 'end') + './.');
  const out = body.slice();
  const last = out[out.length - 1];
  if (last?.kind === 'paragraph' || last?.kind === 'basis')
    out[out.length - 1] = { ...last, text: mapEnd(last.text, close) };
  else if (last?.kind === 'list')
    out[out.length - 1] = {
      ...last,
      items: [...last.items.slice(0, -1), mapEnd(last.items[last.items.length - 1]!, close)],
    };
  else out.push({ kind: 'paragraph', text: './.' });
  return out;
}
