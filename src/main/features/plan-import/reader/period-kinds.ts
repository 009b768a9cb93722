// Reporting periods proposed from the deadlines: the window of Nghị định 09/2019, moved earlier
// when the plan asks for the report before that window closes.
import type { PeriodType } from '../../../../shared/model/period';
import type { ProposedDeadline, ProposedPeriod } from '../../../../shared/model/plan-import';
import { iso, periodName, periodWindow } from '../../../../shared/domain/periods';

const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function quarterOf(kindText: string): number | null {
  const m = /quý\s+(IV|I{1,3}|[1-4])/iu.exec(kindText);
  if (!m) return null;
  return ROMAN[m[1]!.toUpperCase()] ?? Number(m[1]);
}

export function proposePeriods(deadlines: ProposedDeadline[]): { periods: ProposedPeriod[]; warnings: string[] } {
  const periods: ProposedPeriod[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const d of deadlines) {
    if (!d.date) continue;
    const year = Number(d.date.slice(0, 4));
    const index = d.kind === 'quarter' ? quarterOf(d.kindText) : null;
    const key = `${d.kind}-${year}-${index ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const type: PeriodType = d.kind;
    const window = periodWindow({ type, year, index });
    if (!window) {
      warnings.push(
        `Hạn nộp “${d.text}”: chưa đề xuất được kỳ báo cáo (${type === 'ad_hoc' ? 'kỳ đột xuất cần ngày chốt số liệu' : 'chưa rõ tháng hoặc quý'}); hãy tạo kỳ này ở màn hình Kỳ báo cáo.`,
      );
      continue;
    }
    let windowEnd = window.end;
    let note = '';
    if (d.date <= window.end) {
      // the plan wants the report before the window of Nghị định 09 closes: cut off the month before
      const [y, m] = [Number(d.date.slice(0, 4)), Number(d.date.slice(5, 7))];
      const prev = m === 1 ? iso(y - 1, 12, 14) : iso(y, m - 1, 14);
      windowEnd = prev > window.start ? prev : window.start;
      note = `Hạn nộp ${fmt(d.date)} sớm hơn ngày chốt số liệu ${fmt(window.end)} theo Nghị định 09/2019/NĐ-CP: đề xuất chốt số liệu ngày ${fmt(windowEnd)} (sửa được).`;
    }
    periods.push({
      type,
      year,
      index,
      name: periodName({ type, year, index }),
      windowStart: window.start,
      windowEnd,
      deadline: d.date,
      note,
      spans: d.spans,
    });
  }
  return { periods, warnings };
}
