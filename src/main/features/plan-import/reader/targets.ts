// Quantified targets: "trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo",
// "Đảm bảo 100% tổ chức hội nghị đối thoại …", "tổ chức ít nhất 02 hội nghị".
import type { Comparator } from '../../../../shared/model/plan';
import type { ProposedTarget } from '../../../../shared/model/plan-import';
import type { Line } from './lines';

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:không vượt quá|không quá|tối đa)$/iu, 'khong_qua'],
  [/^(?:không dưới|không ít hơn|ít nhất|tối thiểu|từ)$/iu, 'it_nhat'],
  [/^(?:trên|hơn|vượt|cao hơn)$/iu, 'tren'],
  [/^(?:dưới|thấp hơn|ít hơn)$/iu, 'duoi'],
  [/^(?:đạt|bằng|đảm bảo|bảo đảm|đạt tỷ lệ|đạt tỉ lệ)$/iu, 'bang'],
];
const CMP =
  'không vượt quá|không quá|tối đa|không dưới|không ít hơn|ít nhất|tối thiểu|cao hơn|thấp hơn|ít hơn|đạt tỷ lệ|đạt tỉ lệ|trên|hơn|vượt|dưới|đạt|bằng|đảm bảo|bảo đảm|từ';
const PERCENT = new RegExp(`(?:(?<![\\p{L}])(${CMP})\\s+)?(\\d{1,3}(?:[,.]\\d{1,2})?)\\s*%`, 'giu');
const COUNT = new RegExp(
  `(?<![\\p{L}])(không vượt quá|không quá|tối đa|không dưới|không ít hơn|ít nhất|tối thiểu)\\s+(\\d{1,6})\\s+(\\p{L}+(?:\\s+(?:hội nghị|lớp|buổi|cuộc|mô hình|người|lượt|đơn vị|văn bản|lần|điển hình))?)`,
  'giu',
);

function comparatorOf(word: string | undefined): Comparator {
  if (!word) return 'bang';
  return COMPARATORS.find(([re]) => re.test(word.trim()))?.[1] ?? 'bang';
}

/** The subject runs to the end of the clause (";", a sentence end, or the next target). */
function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const m = /;|\.(?=\s|$)|$/u.exec(rest);
  return from + (m ? m.index : rest.length);
}

export function readTargets(lines: Line[]): ProposedTarget[] {
  const out: ProposedTarget[] = [];
  for (const l of lines) {
    const found: { start: number; valueEnd: number; comparator: Comparator; value: string; unit: string }[] = [];
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
      const unit = m[3]!;
      found.push({
        start: m.index,
        valueEnd: m.index + m[0].length,
        comparator: comparatorOf(m[1]),
        value: String(Number(m[2])),
        unit,
      });
    }
    found.sort((a, b) => a.start - b.start);
    for (const [i, f] of found.entries()) {
      const next = found[i + 1]?.start ?? l.text.length;
      const end = Math.min(clauseEnd(l.text, f.valueEnd), next);
      const subject = l.text
        .slice(f.valueEnd, end)
        .trim()
        .replace(/[,;:]$/, '')
        .trim();
      const text = l.text
        .slice(f.start, end)
        .trim()
        .replace(/[,;:]$/, '')
        .trim();
      out.push({
        text,
        comparator: f.comparator,
        value: f.value,
        unit: f.unit,
        subject,
        spans: [{ start: l.start + f.start, end: l.start + f.start + text.length }],
      });
    }
  }
  return out;
}
