// Reading one typed value for an indicator: the same code runs in the form (live, as the user
// types) and in the main process (before anything is stored).
import { formatDec, fromJsNumber, isInteger, isNegative, parseViNumber } from './decimal';
import { formatRule, parseRule } from './rules';
import { cleanText } from '../text';
import type { Template, TemplateIndicator } from '../model/template';
import { REASON_KEY_PREFIX, SECTION_KEY_PREFIX } from '../model/report';

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
      return `${label}: chỉ nhận “Có” hoặc “Không” (đã nhập “${String(input).slice(0, 40)}”).`;
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

/** A stored value as people read it: "Có"/"Không", "1.234,5", the text; empty when there is none. */
export function valueText(
  ind: Pick<TemplateIndicator, 'type'> | null | undefined,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (!ind || ind.type === 'text') return value;
  if (ind.type === 'yesno') return value === '1' ? 'Có' : 'Không';
  return formatDec(value);
}

/** What a stored key names: "Mục II.1. Title", "Lý do vi phạm A2 ≤ A1", "A1 — Indicator name". */
export function valueKeyLabel(template: Pick<Template, 'sections' | 'indicators'>, key: string): string {
  if (key.startsWith(SECTION_KEY_PREFIX)) {
    const n = key.slice(SECTION_KEY_PREFIX.length);
    const s = template.sections.find((x) => x.number === n);
    return `Mục ${n}${s ? `. ${s.title}` : ''}`;
  }
  if (key.startsWith(REASON_KEY_PREFIX)) {
    const expr = key.slice(REASON_KEY_PREFIX.length);
    const p = parseRule(expr);
    return `Lý do vi phạm ${p.ok ? formatRule(p.rule) : expr}`;
  }
  const ind = template.indicators.find((i) => i.code === key);
  return ind ? `${ind.code} — ${ind.name}` : key;
}
