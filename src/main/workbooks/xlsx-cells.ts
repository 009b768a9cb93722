// A small, strict reader of the cells of an .xlsx package that has passed the checks of
// xlsx-input.ts: the sheet list, shared strings, which styles are dates, and the cells of the
// sheets asked for, straight from their XML. It never evaluates a formula (a formula cell gives
// its cached value), never opens external links, pictures or macros, and reads only the parts
// it needs, which is also several times faster than loading the whole workbook model.
import type JSZip from 'jszip';

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the sheet's part inside the package ("xl/worksheets/sheet2.xml"). */
  part: string;
}

/** What one cell holds, as written in the file. */
export type RawCell =
  | { kind: 'number'; value: number; date: boolean; formula: string | null }
  | { kind: 'text'; value: string; formula: string | null }
  | { kind: 'bool'; value: boolean; formula: string | null }
  | { kind: 'error'; value: string; formula: string | null }
  /** A formula without a cached value. */
  | { kind: 'empty'; formula: string | null };

export interface WorkbookParts {
  sheets: SheetInfo[];
  sharedStrings: string[];
  /** Indices of cell styles whose number format shows a date or a time. */
  dateStyles: Set<number>;
  date1904: boolean;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's own "_x000D_" escapes. */
export function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('r:') ? m[1]!.split(':').pop()! : m[1]!;
    out[name] = decodeXml(m[3] ?? m[4] ?? '');
  }
  return out;
}

const P = '(?:[A-Za-z_][\\w.-]*:)?'; // an optional namespace prefix, as some writers use

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async('string') : null;
}

const PHONETIC_RE = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const T_RE = new RegExp(`<${P}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
const PLAIN_T_RE = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/;

/** Text of every <t> of a string item, leaving out phonetic runs. */
function stringItem(xml: string): string {
  const simple = PLAIN_T_RE.exec(xml);
  if (simple) return decodeXml(simple[1]!);
  const body = xml.includes('rPh') ? xml.replace(PHONETIC_RE, '') : xml;
  let out = '';
  for (const m of body.matchAll(T_RE)) out += m[1] ?? '';
  return decodeXml(out);
}

const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return !/^general$/i.test(bare.trim()) && /[dmyhs]/i.test(bare);
}

function resolveTarget(target: string): string {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of t.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The sheet list, shared strings and date styles of a checked package. */
export async function readWorkbookParts(zip: JSZip): Promise<WorkbookParts> {
  const book = (await text(zip, 'xl/workbook.xml')) ?? '';
  const rels = (await text(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(new RegExp(`<${P}Relationship\\b([^>]*)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    // Only parts inside the package: an external target is never followed.
    if (a.Id && a.Target && a.TargetMode !== 'External') targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheets: SheetInfo[] = [];
  for (const m of book.matchAll(new RegExp(`<${P}sheet\\b([^>]*)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    const part = targets.get(a['r:id'] ?? a.id ?? '');
    if (!a.name || !part) continue;
    sheets.push({ name: a.name, state: a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible', part });
  }
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(book);

  const sharedStrings: string[] = [];
  const sst = await text(zip, 'xl/sharedStrings.xml');
  if (sst)
    for (const m of sst.matchAll(new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g')))
      sharedStrings.push(stringItem(m[1] ?? ''));

  const dateStyles = new Set<number>();
  const styles = await text(zip, 'xl/styles.xml');
  if (styles) {
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(new RegExp(`<${P}numFmt\\b([^>]*)/?>`, 'g'))) {
      const a = attrs(m[1]!);
      if (a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
    }
    const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(styles)?.[1] ?? '';
    let i = 0;
    for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b([^>]*?)(?:/>|>[\\s\\S]*?</${P}xf>)`, 'g'))) {
      const id = Number(attrs(m[1]!).numFmtId ?? 0);
      if (BUILTIN_DATES.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(i);
      i++;
    }
  }
  return { sheets, sharedStrings, dateStyles, date1904 };
}

/** Column letters of a 1-based index and back. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The three attributes of a cell that matter (address, type, style), without a general parse. */
function cellAttrs(tag: string): { r?: string; t?: string; s?: string } {
  return {
    r: /(?:^|\s)r\s*=\s*["']([^"']*)["']/.exec(tag)?.[1],
    t: /(?:^|\s)t\s*=\s*["']([^"']*)["']/.exec(tag)?.[1],
    s: /(?:^|\s)s\s*=\s*["']([^"']*)["']/.exec(tag)?.[1],
  };
}

/** Every cell with content of one sheet, by address ("D12"). */
export async function readSheetCells(
  zip: JSZip,
  parts: WorkbookParts,
  sheet: SheetInfo,
): Promise<Map<string, RawCell>> {
  const xml = (await text(zip, sheet.part)) ?? '';
  const data = new RegExp(`<${P}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}sheetData>)`).exec(xml)?.[1] ?? '';
  const cells = new Map<string, RawCell>();
  const rowRe = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  const fRe = new RegExp(`<${P}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}f>)`);
  const vRe = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
  const isRe = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);
  let rowNumber = 0;
  for (const rm of data.matchAll(rowRe)) {
    const r = /\br\s*=\s*["'](\d+)["']/.exec(rm[1]!)?.[1];
    rowNumber = r ? Number(r) : rowNumber + 1;
    let col = 0;
    for (const cm of (rm[2] ?? '').matchAll(cellRe)) {
      const a = cellAttrs(cm[1]!);
      const ref = a.r ? /^([A-Z]{1,3})(\d+)$/.exec(a.r) : null;
      col = ref ? columnNumber(ref[1]!) : col + 1;
      const address = ref ? a.r! : `${columnLetters(col)}${rowNumber}`;
      const body = cm[2] ?? '';
      const fm = fRe.exec(body);
      const formula = fm
        ? decodeXml(fm[2] ?? '') || (attrs(fm[1]!).t === 'shared' ? '(công thức dùng chung)' : '')
        : null;
      const v = vRe.exec(body)?.[1];
      const t = a.t ?? 'n';
      let cell: RawCell | null;
      if (t === 'inlineStr') cell = { kind: 'text', value: stringItem(isRe.exec(body)?.[1] ?? ''), formula };
      else if (v === undefined) cell = formula !== null ? { kind: 'empty', formula } : null;
      else if (t === 's') cell = { kind: 'text', value: parts.sharedStrings[Number(v)] ?? '', formula };
      else if (t === 'str') cell = { kind: 'text', value: decodeXml(v), formula };
      else if (t === 'b') cell = { kind: 'bool', value: v.trim() === '1' || v.trim() === 'true', formula };
      else if (t === 'e') cell = { kind: 'error', value: decodeXml(v), formula };
      else {
        const n = Number(v);
        cell =
          Number.isFinite(n) && v.trim() !== ''
            ? { kind: 'number', value: n, date: parts.dateStyles.has(Number(a.s ?? 0)), formula }
            : { kind: 'text', value: decodeXml(v), formula };
      }
      if (cell) cells.set(address, cell);
    }
  }
  return cells;
}

/** A date serial as an ISO day (1900 or 1904 system, with Excel's phantom 29/02/1900). */
export function serialToIso(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(base + adjusted * 86_400_000).toISOString().slice(0, 10);
}
