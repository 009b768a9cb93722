// What a cell holds and how its values read: Excel's limits, addresses, numbers as Excel writes
// them (checked by hand, no regular expression), date serials and OOXML's own escapes.

/** What one cell holds, as written in the file. */
export type RawCell =
  | { kind: 'number'; value: number; date: boolean; formula: string | null }
  | { kind: 'text'; value: string; formula: string | null }
  | { kind: 'bool'; value: boolean; formula: string | null }
  | { kind: 'error'; value: string; formula: string | null }
  /** A formula without a cached value. */
  | { kind: 'empty'; formula: string | null };

/** Excel's limits: columns A…XFD, rows 1…1,048,576. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

const hexDigit = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;

/**
 * OOXML's own escapes of characters XML cannot hold ("_x000D_"); "_x005F_" escapes "_". Found
 * with indexOf from left to right, each escape replaced once, as /_x([0-9A-Fa-f]{4})_/g did
 * (its callback per escape made a text of a million escapes slow).
 */
export function unescapeOoxml(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  // joined a block at a time, as xml-scan's decodeEntities does (a million pieces at once outlive the young generation)
  const blocks: string[] = [];
  const pieces: string[] = [];
  let from = 0;
  while (at >= 0) {
    if (at + 6 < s.length && s.charCodeAt(at + 6) === 0x5f /* _ */) {
      const a = hexDigit(s.charCodeAt(at + 2));
      const b = hexDigit(s.charCodeAt(at + 3));
      const c = hexDigit(s.charCodeAt(at + 4));
      const d = hexDigit(s.charCodeAt(at + 5));
      if ((a | b | c | d) >= 0) {
        if (pieces.length >= 2048) {
          blocks.push(pieces.join(''));
          pieces.length = 0;
        }
        pieces.push(s.slice(from, at), String.fromCharCode((a << 12) | (b << 8) | (c << 4) | d));
        from = at + 7;
        at = s.indexOf('_x', from);
        continue;
      }
    }
    at = s.indexOf('_x', at + 1);
  }
  pieces.push(s.slice(from));
  blocks.push(pieces.join(''));
  return blocks.length === 1 ? blocks[0]! : blocks.join('');
}

/** Column letters of a 1-based index and back. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** "D12" → column 4, row 12; null for anything Excel would not accept as an address. */
export function parseAddress(a: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  while (i < a.length && i < 3 && a.charCodeAt(i) >= 65 && a.charCodeAt(i) <= 90)
    col = col * 26 + a.charCodeAt(i++) - 64;
  if (i === 0 || i === a.length || a.length - i > 7 || a[i] === '0') return null;
  let row = 0;
  for (; i < a.length; i++) {
    const d = a.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return col <= MAX_COLUMN && row >= 1 && row <= MAX_ROW ? { col, row } : null;
}

/** A digit at `k` of `v` (a function of its own: one made inside parseXlsxNumber was a closure per cell). */
const isDigitAt = (v: string, k: number) => k < v.length && v[k]! >= '0' && v[k]! <= '9';

/** A number as Excel writes one (xsd:double): no hex, no "Infinity", no spaces; checked without a regex. */
export function parseXlsxNumber(v: string): number | null {
  if (v.length === 0 || v.length > 400) return null;
  let i = 0;
  if (v[i] === '-' || v[i] === '+') i++;
  const start = i;
  while (isDigitAt(v, i)) i++;
  let digits = i - start;
  if (v[i] === '.') {
    const after = ++i;
    while (isDigitAt(v, i)) i++;
    digits += i - after;
  }
  if (digits === 0) return null;
  if (v[i] === 'e' || v[i] === 'E') {
    i++;
    if (v[i] === '-' || v[i] === '+') i++;
    const start = i;
    while (i < v.length && v[i]! >= '0' && v[i]! <= '9') i++;
    if (i === start) return null;
  }
  if (i !== v.length) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Serial of 01/01/10000 in the 1900 system: Excel's dates end the day before. */
export const MAX_SERIAL = 2_958_466;

/** A date serial as an ISO day (1900 or 1904 system, with Excel's phantom 29/02/1900); "" past Excel's range. */
export function serialToIso(serial: number, date1904: boolean): string {
  if (!(serial >= 0 && serial < MAX_SERIAL)) return '';
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(base + adjusted * 86_400_000).toISOString().slice(0, 10);
}

/** The text a person sees in a cell (dates as ISO days), not yet cleaned. */
export function rawCellText(c: RawCell | undefined, date1904: boolean): string {
  if (!c) return '';
  switch (c.kind) {
    case 'text':
      return c.value;
    case 'number':
      return c.date ? serialToIso(c.value, date1904) : String(c.value);
    case 'bool':
      return String(c.value);
    default:
      return '';
  }
}
