// Quantified targets: "trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo",
// "Đảm bảo 100% tổ chức hội nghị đối thoại …", "tổ chức ít nhất 02 hội nghị". Linear: one pass of
// two bounded patterns per line, and clause ends found by one forward scan.
import type { Comparator } from '../../../../shared/model/plan';
import type { ProposedTarget } from '../../../../shared/model/plan-import';
import type { Line } from './lines';
import { scopeReader } from './target-scope';

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:không vượt quá|không quá|tối đa)$/iu, 'khong_qua'],
  [/^(?:không dưới|không ít hơn|ít nhất|tối thiểu|từ)$/iu, 'it_nhat'],
  [/^(?:trên|hơn|vượt|cao hơn)$/iu, 'tren'],
  [/^(?:dưới|thấp hơn|ít hơn)$/iu, 'duoi'],
  [/^(?:đạt|bằng|đảm bảo|bảo đảm|đạt tỷ lệ|đạt tỉ lệ)$/iu, 'bang'],
];
const CMP =
  'không vượt quá|không quá|tối đa|không dưới|không ít hơn|ít nhất|tối thiểu|cao hơn|thấp hơn|ít hơn|đạt tỷ lệ|đạt tỉ lệ|trên|hơn|vượt|dưới|đạt|bằng|đảm bảo|bảo đảm|từ';
const PERCENT = new RegExp(`(?:(?<![\\p{L}])(${CMP}) )?(\\d{1,3}(?:[,.]\\d{1,2})?) ?%`, 'giu');
/** What is counted: a known unit of two words first ("mô hình", "lượt người"), else one word. */
const COUNTED =
  'hội nghị|mô hình|điển hình|lượt người|đơn vị|văn bản|lớp học|cuộc họp|buổi|cuộc|lớp|người|lượt|lần|\\p{L}{1,12}';
const COUNT = new RegExp(
  `(?<![\\p{L}])(không vượt quá|không quá|tối đa|không dưới|không ít hơn|ít nhất|tối thiểu) (\\d{1,6}) (${COUNTED})(?![\\p{L}])`,
  'giu',
);
/** A duration is a condition, not a target ("được duy trì ít nhất 01 năm"); a frequency is ("01 ngày trong tháng"). */
const DURATION = /^(năm|tháng|ngày|tuần|giờ|quý|buổi)$/u;
const FREQUENCY = /^ ?(?:trong|mỗi|một|\/) ?(?:tháng|quý|năm|tuần)/u;
/** Words that only introduce a target clause ("phấn đấu …", "bảo đảm …"). */
const LEAD_IN = /^(?:phấn đấu|bảo đảm|đảm bảo|phải|có) /u;

function comparatorOf(word: string | undefined): Comparator {
  if (!word) return 'bang';
  return COMPARATORS.find(([re]) => re.test(word.trim()))?.[1] ?? 'bang';
}

/** Ends of clauses in a line (";" or "." before a space or the end), ascending: one scan. */
function clauseEnds(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ';' || (c === '.' && (i + 1 === text.length || text[i + 1] === ' '))) out.push(i);
  }
  out.push(text.length);
  return out;
}

/** The first clause end at or after `from` (binary search). */
function endAfter(ends: number[], from: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! >= from) hi = mid;
    else lo = mid + 1;
  }
  return ends[lo]!;
}

/** The start of the clause holding `at`: after the last ";", ":" or ". " before it, within 200 characters. */
function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const c = text[i];
    if (c === ';' || c === ':' || (c === '.' && text[i + 1] === ' ')) return i + 1;
  }
  return Math.max(0, at - 200);
}

const trimEnd = (s: string) =>
  s
    .trim()
    .replace(/[,;:]$/, '')
    .trim();

export function readTargets(lines: Line[]): ProposedTarget[] {
  const out: ProposedTarget[] = [];
  for (const l of lines) {
    if (!/\d/.test(l.text)) continue;
    type Found = { start: number; valueEnd: number; comparator: Comparator; value: string; unit: string };
    const found: Found[] = [];
    for (const m of l.text.matchAll(PERCENT)) {
      found.push({
        start: m.index,
        valueEnd: m.index + m[0].length,
        comparator: comparatorOf(m[1]),
        value: m[2]!.replace(',', '.'),
        unit: '%',
      });
    }
    for (const m of l.text.matchAll(COUNT)) {
      if (DURATION.test(m[3]!) && !FREQUENCY.test(l.text.slice(m.index + m[0].length, m.index + m[0].length + 12)))
        continue;
      found.push({
        start: m.index,
        valueEnd: m.index + m[0].length,
        comparator: comparatorOf(m[1]),
        value: String(Number(m[2])),
        unit: m[3]!,
      });
    }
    if (!found.length) continue;
    found.sort((a, b) => a.start - b.start);
    const ends = clauseEnds(l.text);
    // where each target is cut: a share at the next share, a count at the next target of any kind
    const nextShare: number[] = new Array<number>(found.length);
    for (let i = found.length - 1, at = l.text.length; i >= 0; i--) {
      nextShare[i] = at;
      if (found[i]!.unit === '%') at = found[i]!.start;
    }
    let coveredTo = -1;
    const scopeOf = scopeReader(l.text);
    for (const [i, f] of found.entries()) {
      // a count inside the clause of a share ("100% xã tổ chức ít nhất 01 hội nghị") is part of it
      if (f.start < coveredTo) continue;
      const cut = f.unit === '%' ? nextShare[i]! : (found[i + 1]?.start ?? l.text.length);
      const end = Math.min(endAfter(ends, f.valueEnd), cut);
      coveredTo = end;
      let start = f.start;
      // nothing after the value ("tỷ lệ hài lòng … đạt trên 95%."): the subject is before it
      if (trimEnd(l.text.slice(f.valueEnd, end)) === '') {
        start = clauseStart(l.text, f.start);
        while (l.text[start] === ' ') start++;
        const lead = LEAD_IN.exec(l.text.slice(start, start + 20));
        if (lead) start += lead[0].length;
      }
      const text = trimEnd(l.text.slice(start, end));
      const subject = trimEnd(l.text.slice(f.valueEnd, end)) || trimEnd(l.text.slice(start, f.start));
      out.push({
        text,
        comparator: f.comparator,
        value: f.value,
        unit: f.unit,
        subject,
        scope: scopeOf(f.start, end, f.unit),
        spans: [{ start: l.start + start, end: l.start + start + text.length }],
      });
    }
  }
  return out;
}
