// Reading one typed value for an indicator: the same code runs in the form (live, as the user
// types) and in the main process (before anything is stored).
import { fromJsNumber, isInteger, isNegative, parseViNumber } from './decimal';
import { cleanText } from '../text';
import type { TemplateIndicator } from '../model/template';

/** Counts and yes/no are stored as integers, amounts and percents as exact decimals, text as text. */
export type Stored = { int: number } | { dec: string } | { text: string };

/** The canonical text of a stored value, as the history records it. */
export function storedText(s: Stored): string {
  return 'int' in s ? String(s.int) : 'dec' in s ? s.dec : s.text;
}

const YES = ['có', 'co', 'c', 'x', '1', 'yes', 'true', 'đạt', 'dat'];
const NO = ['không', 'khong', 'k', '0', 'no', 'false', 'chưa', 'chua'];

/**
 * Reads one input for an indicator: Vietnamese numbers ("1.234", "79,63"), "có"/"không", text.
 * Null clears the value; a string is the error message (Vietnamese, naming the indicator).
 */
export function parseIndicatorInput(
  ind: TemplateIndicator,
  input: string | number | boolean | null,
): Stored | null | string {
  const label = `${ind.code} (${ind.name})`;
  if (input === null || (typeof input === 'string' && input.trim() === '')) return null;
  if (ind.rule === 'RATE') return `${label} được tính tự động từ ${ind.numerator}/${ind.denominator}, không nhập tay.`;
  switch (ind.type) {
    case 'text': {
      if (typeof input !== 'string') return `${label}: cần nhập văn bản.`;
      const t = cleanText(input);
      return t ? { text: t } : null;
    }
    case 'yesno': {
      if (typeof input === 'boolean') return { int: input ? 1 : 0 };
      const t = String(input).trim().toLocaleLowerCase('vi').normalize('NFC');
      if (YES.includes(t)) return { int: 1 };
      if (NO.includes(t)) return { int: 0 };
      return `${label}: chỉ nhận "Có" hoặc "Không" (đã nhập "${String(input).slice(0, 40)}").`;
    }
    case 'count':
    case 'amount':
    case 'percent': {
      if (typeof input === 'boolean') return `${label}: cần nhập số.`;
      const r = typeof input === 'number' ? fromJsNumber(input) : parseViNumber(input);
      if (!r.ok) return `${label}: ${r.message}`;
      if (ind.type === 'count') {
        if (!isInteger(r.value)) return `${label}: số đếm phải là số nguyên (đã nhập ${String(input).slice(0, 40)}).`;
        if (isNegative(r.value)) return `${label}: số đếm không được âm.`;
        const n = Number(r.value);
        if (!Number.isSafeInteger(n)) return `${label}: số quá lớn.`;
        return { int: n };
      }
      if (isNegative(r.value)) return `${label}: không được âm.`;
      return { dec: r.value };
    }
  }
}
