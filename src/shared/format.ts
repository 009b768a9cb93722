// Vietnamese presentation of dates and numbers, used by the UI and the exporters alike.

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO date (YYYY-MM-DD) → parts, or null when it is not a real calendar date. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The date line of Nghị định 30/2020: day below 10 and months 1 and 2 take a leading zero,
 * months 3–12 do not ("ngày 05 tháng 02 năm 2025", "ngày 29 tháng 6 năm 2025").
 */
export function formatDateLine(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** Short Vietnamese date: 05/02/2025. */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parseIsoDate(iso.slice(0, 10));
  if (!p) return iso;
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** One formatter per precision: building an Intl.NumberFormat costs far more than formatting (a 1,000-row table). */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** Vietnamese number: thousands with ".", decimals with "," (1.234,5). */
export function formatNumber(value: number | null | undefined, maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let f = numberFormats.get(maxFractionDigits);
  if (!f)
    numberFormats.set(
      maxFractionDigits,
      (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits })),
    );
  return f.format(value);
}

/**
 * A file's size in MB for a message, one decimal ("8,5 MB"). A file just over a limit would round
 * to the limit itself ("quá lớn (25 MB); tối đa 25 MB"): it reads "hơn 25 MB" instead.
 */
export function formatMegabytes(bytes: number, limitBytes?: number): string {
  const mb = bytes / 1048576;
  if (limitBytes !== undefined && bytes > limitBytes && Math.round(mb * 10) / 10 <= limitBytes / 1048576)
    return `hơn ${formatNumber(limitBytes / 1048576, 1)} MB`;
  return `${formatNumber(mb, 1)} MB`;
}

/** Today's date as ISO (local time). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** A moment in local time, the way tables show it: 05/02/2025 14:30. */
export function formatDateTime(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return typeof at === 'string' ? at : '';
  return `${formatDateShort(todayIso(d))} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** When a record was changed, for the messages that say who changed it: "lúc 10:42 ngày 05/02/2025"; "" when unknown. */
export function formatChangedAt(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return `lúc ${pad2(d.getHours())}:${pad2(d.getMinutes())} ngày ${formatDateShort(todayIso(d))}`;
}

/** The time of day, local: 14:30:05 (e.g. "Đã lưu lúc 14:30:05"). */
export function formatTime(at: Date = new Date()): string {
  return `${pad2(at.getHours())}:${pad2(at.getMinutes())}:${pad2(at.getSeconds())}`;
}

/** A share as a percentage, Vietnamese style: 0.125 → "12,5%". */
export function formatPercent(share: number, maxFractionDigits = 2): string {
  return `${formatNumber(share * 100, maxFractionDigits)}%`;
}

/**
 * The local day of a stored moment (UTC ISO): 05/02/2025. Cutting the text at 10 characters would
 * show the UTC day, a day early for anything saved before 07:00 in Vietnam.
 */
export function formatDayOf(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? formatDateShort(at) : formatDateShort(todayIso(d));
}
