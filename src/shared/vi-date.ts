// Reading a date typed by hand, the Vietnamese way (day first), into the ISO form the contract
// takes. One home for the rule: the date field of every form uses it, and so can the CLI.
// Linear-time: the text is split on separators, never matched with a backtracking pattern.
import { formatDateShort, parseIsoDate, todayIso } from './format';

export type ViDateResult =
  | { ok: true; iso: string } // iso is '' for a blank field
  | { ok: false; message: string };

const SEPARATORS = new Set(['/', '-', '.', ' ']);
const TODAY_WORDS = new Set(['hôm nay', 'hom nay', 'nay']);
const MAX_INPUT = 40;

const isDigits = (s: string) => s.length > 0 && [...s].every((c) => c >= '0' && c <= '9');
const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits "20/6/2025", "20-06-2025", "20.06.2025", "20 / 6 / 2025" into its digit groups. */
function groups(text: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let marks = 0; // separators other than spaces since the last group: "20//6" is refused
  for (const c of text) {
    if (SEPARATORS.has(c)) {
      if (cur) out.push(cur);
      cur = '';
      if (c !== ' ' && (++marks > 1 || out.length === 0)) return null;
      continue;
    }
    if (c < '0' || c > '9') return null;
    cur += c;
    marks = 0;
  }
  if (!cur) return null; // "20/6/" ends with a separator
  out.push(cur);
  return out;
}

/**
 * "20/6/2025", "20/06/2025", "20-06-2025", "20.06.2025", "20062025", "2025-06-20", "hôm nay" → ISO.
 * Blank → ''. A year must have four digits: "20/6/25" is refused (never guessed as 1925 or 2025).
 * `label` names the field in the message ("Ngày ban hành: …").
 */
export function parseViDate(text: string, label = 'Ngày', now: Date = new Date()): ViDateResult {
  const t = text.trim().toLowerCase();
  const fail = (why: string): ViDateResult => ({ ok: false, message: `${label}: ${why}` });
  const example = 'ghi theo dạng ngày/tháng/năm, ví dụ 20/06/2025.';
  if (t === '') return { ok: true, iso: '' };
  if (TODAY_WORDS.has(t)) return { ok: true, iso: todayIso(now) };
  if (t.length > MAX_INPUT) return fail(`“${t.slice(0, 12)}…” không phải ngày; ${example}`);
  let day: string, month: string, year: string;
  const g = groups(t);
  if (g === null) return fail(`“${text.trim()}” không phải ngày; ${example}`);
  if (g.length === 1 && g[0]!.length === 8) {
    // Typed without separators: 20062025.
    [day, month, year] = [g[0]!.slice(0, 2), g[0]!.slice(2, 4), g[0]!.slice(4)];
  } else if (g.length === 3 && g[0]!.length === 4) {
    [year, month, day] = g as [string, string, string]; // ISO order, 2025-06-20
  } else if (g.length === 3) {
    [day, month, year] = g as [string, string, string];
  } else if (g.length === 2) {
    return fail(`thiếu năm; ${example}`);
  } else {
    return fail(`“${text.trim()}” không phải ngày; ${example}`);
  }
  if (![day, month, year].every(isDigits)) return fail(`“${text.trim()}” không phải ngày; ${example}`);
  if (year.length !== 4) return fail(`năm phải ghi đủ bốn chữ số (ví dụ 2025), không ghi “${year}”.`);
  if (day.length > 2 || month.length > 2) return fail(`“${text.trim()}” không phải ngày; ${example}`);
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900 || y > 2200) return fail(`năm ${y} nằm ngoài khoảng 1900–2200.`);
  if (m < 1 || m > 12) return fail(`không có tháng ${m}; tháng từ 1 đến 12.`);
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) return fail(`tháng ${m} năm ${y} không có ngày ${d} (chỉ có ${last} ngày).`);
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  return parseIsoDate(iso) ? { ok: true, iso } : fail(`“${text.trim()}” không phải ngày; ${example}`);
}

/** Moves an ISO date by whole days (the date field's ↑/↓ keys). */
export function addDays(iso: string, days: number): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Moves an ISO date by whole months, keeping the day where the month allows (31/01 → 28/02). */
export function addMonths(iso: string, months: number): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const index = p.year * 12 + (p.month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad2(m)}-${pad2(Math.min(p.day, daysInMonth(y, m)))}`;
}

/** What the field shows for a stored value. */
export const showViDate = formatDateShort;
