// Reporting obligations with their deadlines: "báo cáo 6 tháng (trước ngày 10/5/2024) và cuối năm
// (trước ngày 10/10/2024)"; "Định kỳ, 6 tháng (trước ngày 20/5/2025); năm (trước ngày 01/11)".
import type { PeriodType } from '../../../../shared/model/period';
import type { ProposedDeadline } from '../../../../shared/model/plan-import';
import { readDate } from './dates';
import type { Line } from './lines';

const DUE = /(?:trước|chậm nhất(?: là)?|hạn chót(?: là)?|không muộn hơn|hạn nộp(?: là)?) (?:ngày )?(?=\d)/giu;
const KIND =
  /(6 tháng(?: đầu năm)?|06 tháng(?: đầu năm)?|sáu tháng(?: đầu năm)?|9 tháng|09 tháng|chín tháng|quý (?:I{1,3}|IV|[1-4])(?![\p{L}])|hằng quý|hàng quý|(?:cuối|hằng|hàng|một|cả|tổng kết) năm(?! ?\d)|năm \d{4}(?= ?\(? ?$)|năm(?! ?(?:\d|nay|học|thứ|rưỡi))|hằng tháng|hàng tháng|tháng(?!\s*\d)|đột xuất)/giu;
const OBLIGATION = /báo cáo|định kỳ|gửi (?:về|kết quả)|tổng hợp|sơ kết|tổng kết/iu;

function kindOf(words: string): PeriodType {
  const w = words.toLocaleLowerCase('vi');
  if (/6 tháng|06 tháng|sáu tháng/.test(w)) return 'half';
  if (/9 tháng|09 tháng|chín tháng/.test(w)) return 'nine_months';
  if (/quý/.test(w)) return 'quarter';
  if (/đột xuất/.test(w)) return 'ad_hoc';
  if (/tháng/.test(w)) return 'month';
  return 'year';
}

/**
 * Rule: every "trước ngày D/M[/Y]" in a sentence about reporting (a date that names no period is
 * put in `unplaced`), with the nearest period word
 * before it. A date without a year takes the plan's year, or the next one when that day is
 * already past on the day the plan was issued ("năm (trước ngày 15/11)" in a plan of 22/11/2024).
 * Linear: each date is read in place and each period word looked for in 120 characters before it.
 */
export function readDeadlines(lines: Line[], planDate: string | null, unplaced: string[] = []): ProposedDeadline[] {
  const planYear = planDate ? Number(planDate.slice(0, 4)) : null;
  const out: ProposedDeadline[] = [];
  for (const l of lines) {
    if (!OBLIGATION.test(l.text)) continue;
    let prevEnd = 0;
    for (const m of l.text.matchAll(DUE)) {
      const at = m.index + m[0].length;
      let date = readDate(l.text, at, planYear);
      if (!date) continue;
      if (date.iso && !date.hadYear && planDate && date.iso < planDate) date = readDate(l.text, at, planYear! + 1)!;
      const dateEnd = at + date.length;
      // the period word: the nearest before the date, after the previous obligation, in this sentence
      const near = Math.max(prevEnd, at - 120);
      const window0 = l.text.slice(near, m.index);
      const stop = window0.lastIndexOf('. ');
      const from = stop >= 0 ? near + stop + 1 : near;
      const window = l.text.slice(from, m.index);
      const kinds = [...window.matchAll(KIND)];
      // "quý III năm 2025 (trước …)": the year names the quarter's year, the period is the quarter
      let k = kinds.at(-1);
      const before = kinds.at(-2);
      if (k && before && /^năm \d{4}$/u.test(k[0]) && k.index - (before.index + before[0].length) <= 1) k = before;
      prevEnd = dateEnd;
      if (!k) {
        // a date to meet that names no period ("gửi danh sách trước ngày 30/3"): said, not guessed
        unplaced.push(l.text.slice(Math.max(from, m.index - 60), dateEnd).trim());
        continue;
      }
      const kindStart = from + k.index;
      let end = dateEnd;
      if (l.text[end] === ')') end++;
      out.push({
        kind: kindOf(k[0]),
        kindText: k[0],
        date: date.iso,
        text: l.text.slice(kindStart, end),
        spans: [{ start: l.start + kindStart, end: l.start + end }],
      });
    }
  }
  return out;
}
