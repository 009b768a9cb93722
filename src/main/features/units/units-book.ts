// The unit-list workbook: its columns, its reader (rows → candidate units with row errors)
// and its writer. The same columns go out and come back in.
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { UNIT_KINDS, UNIT_KIND_LABELS, type Unit, type UnitKind } from '../../../shared/model/unit';
import { parseIsoDate } from '../../../shared/format';
import { cleanText, foldDiacritics } from '../../../shared/text';
import { UNIT_TEXT_CAPS } from '../../../shared/contract/units';
import { addDays } from '../../../shared/domain/periods';
import { columnLetter, openWorkbook } from '../../workbooks/xlsx-input';
import { parseAddress, rawCellText, serialToIso, type RawCell } from '../../workbooks/cell-values';

export const MAX_UNIT_ROWS = 20_000;

export const UNIT_COLUMNS = [
  { key: 'code', header: 'Mã', aliases: ['ma', 'ma don vi'], required: true, width: 14 },
  { key: 'name', header: 'Tên đơn vị', aliases: ['ten don vi', 'ten'], required: true, width: 44 },
  {
    key: 'shortName',
    header: 'Tên viết tắt',
    aliases: ['ten viet tat', 'ten ngan', 'ten goi tat'],
    required: false,
    width: 18,
  },
  { key: 'kind', header: 'Loại', aliases: ['loai', 'loai don vi'], required: true, width: 18 },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    aliases: ['ma don vi cap tren', 'ma cap tren', 'don vi cap tren'],
    required: false,
    width: 16,
  },
  { key: 'email', header: 'Email', aliases: ['email', 'e-mail', 'thu dien tu'], required: false, width: 28 },
  {
    key: 'contactPerson',
    header: 'Người liên hệ',
    aliases: ['nguoi lien he', 'can bo lien he'],
    required: false,
    width: 22,
  },
  { key: 'phone', header: 'Điện thoại', aliases: ['dien thoai', 'so dien thoai'], required: false, width: 16 },
  { key: 'sortOrder', header: 'Thứ tự', aliases: ['thu tu', 'thu tu sap xep'], required: false, width: 9 },
  { key: 'activeFrom', header: 'Hoạt động từ', aliases: ['hoat dong tu', 'tu ngay'], required: false, width: 14 },
  {
    key: 'activeTo',
    header: 'Thôi hoạt động từ',
    aliases: ['thoi hoat dong tu', 'ngung hoat dong tu', 'hoat dong den', 'den ngay'],
    required: false,
    width: 16,
  },
] as const;

/** Older workbooks named the last active day ("Hoạt động đến"): the unit stops the day after. */
const LAST_DAY_HEADERS = new Set(['hoat dong den', 'den ngay']);

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];

/** A row as read: every field still text, plus where it came from. */
export interface RawUnitRow {
  row: number;
  fields: Record<UnitColumnKey, string>;
  cells: Partial<Record<UnitColumnKey, string>>;
}

export interface RowProblem {
  message: string;
  row?: number;
  column?: string;
}

const KIND_WORDS: Record<string, UnitKind> = {};
for (const k of UNIT_KINDS) {
  KIND_WORDS[k] = k;
  KIND_WORDS[foldDiacritics(UNIT_KIND_LABELS[k])] = k;
}
Object.assign(KIND_WORDS, {
  'so ban nganh': 'so_nganh',
  so: 'so_nganh',
  ban: 'so_nganh',
  nganh: 'so_nganh',
  'so, nganh': 'so_nganh',
  xa: 'ubnd_xa',
  'uy ban nhan dan xa': 'ubnd_xa',
  phuong: 'ubnd_phuong',
  'uy ban nhan dan phuong': 'ubnd_phuong',
  'ubnd dac khu': 'dac_khu',
  'su nghiep': 'su_nghiep',
  dvsn: 'su_nghiep',
  'phong chuyen mon xa': 'phong_xa',
  'phong cap xa': 'phong_xa',
  huyen: 'ubnd_huyen',
  'ubnd huyen': 'ubnd_huyen',
  'uy ban nhan dan huyen': 'ubnd_huyen',
  'ubnd cap huyen': 'ubnd_huyen',
  'phong chuyen mon cap huyen': 'phong_huyen',
});

export function parseUnitKind(text: string): UnitKind | null {
  const folded = foldDiacritics(text).replace(/\s+/g, ' ').trim();
  return KIND_WORDS[folded] ?? KIND_WORDS[folded.replace(/[,.]/g, '').replace(/\s+/g, ' ')] ?? null;
}

/** Accepts 05/02/2025, 5/2/2025, 2025-02-05 or an Excel date; returns ISO or null. */
export function parseDateCell(v: RawCell | undefined, date1904: boolean): string | null | 'invalid' {
  if (!v) return null;
  if (v.kind === 'number' && v.date) return serialToIso(v.value, date1904) || 'invalid';
  const t = cleanText(rawCellText(v, date1904));
  if (t === '') return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return parseIsoDate(iso) ? iso : 'invalid';
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return parseIsoDate(iso) ? iso : 'invalid';
  }
  return 'invalid';
}

/** A cell as text, cleaned; a text past four times its column's cap is kept raw (the contract refuses it). */
function fieldText(v: RawCell | undefined, date1904: boolean, cap: number): string {
  const raw = rawCellText(v, date1904);
  return raw.length > cap * 4 ? raw : cleanText(raw);
}

const TOO_LONG_CAP = 2000;

/** Reads a unit workbook into raw rows; throws for problems of the whole file. */
export async function readUnitWorkbook(
  data: Uint8Array,
  fileName: string,
  chunkSize?: number,
): Promise<{
  rows: RawUnitRow[];
  dates: Map<number, Partial<Record<'activeFrom' | 'activeTo', string | null | 'invalid'>>>;
}> {
  const book = await openWorkbook(data, fileName, chunkSize);
  // The sheet a person sees first: the first visible one in the workbook's own order.
  const sheet = book.parts.sheets.find((s) => s.state === 'visible') ?? book.parts.sheets[0];
  if (!sheet) throw new AppError('NO_SHEET', `Tệp “${fileName}” không có trang tính nào.`, { file: fileName });
  const sheetName = sheet.name;
  const tooMany = () =>
    new AppError(
      'TOO_MANY_ROWS',
      `Tệp “${fileName}” có quá nhiều dòng (vượt giới hạn ${MAX_UNIT_ROWS.toLocaleString('vi-VN')} dòng). Hãy chia nhỏ tệp.`,
      { file: fileName, sheet: sheetName },
    );
  const cells = await book.cells(sheet, { maxRows: MAX_UNIT_ROWS + 5, tooManyRows: tooMany });
  const date1904 = book.parts.date1904;
  const byRow = new Map<number, Map<number, RawCell>>();
  for (const [address, cell] of cells) {
    const at = parseAddress(address)!;
    let row = byRow.get(at.row);
    if (!row) byRow.set(at.row, (row = new Map()));
    row.set(at.col, cell);
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([number, values]) => ({ number, values }));

  // The header row is the first row (within the first five) that names the required columns.
  let headerIndex = -1;
  let columnOf = new Map<number, UnitColumnKey>();
  let lastDayColumn = false;
  const unknown: { letter: string; text: string }[] = [];
  for (let i = 0; i < Math.min(rows.length, 5) && headerIndex < 0; i++) {
    const map = new Map<number, UnitColumnKey>();
    let lastDay = false;
    const strange: { letter: string; text: string }[] = [];
    for (const [col, v] of [...rows[i]!.values].sort((a, b) => a[0] - b[0])) {
      const t = fieldText(v, date1904, TOO_LONG_CAP).slice(0, TOO_LONG_CAP);
      if (!t) continue;
      const folded = foldDiacritics(t).replace(/\s+/g, ' ').replace(/[*:]/g, '').trim();
      const spec = UNIT_COLUMNS.find((c) => (c.aliases as readonly string[]).includes(folded));
      if (spec?.key === 'activeTo') lastDay = LAST_DAY_HEADERS.has(folded);
      if (spec) map.set(col, spec.key);
      else if (!['stt', 'so tt', 'tt'].includes(folded))
        strange.push({ letter: columnLetter(col), text: t.slice(0, 60) });
    }
    const keys = new Set(map.values());
    if (UNIT_COLUMNS.filter((c) => c.required).every((c) => keys.has(c.key))) {
      headerIndex = i;
      columnOf = map;
      lastDayColumn = lastDay;
      unknown.push(...strange);
    }
  }
  if (headerIndex < 0) {
    throw new AppError(
      'NO_HEADER',
      `Tệp “${fileName}”, trang tính “${sheetName}”: không tìm thấy dòng tiêu đề. Dòng 1 phải có ít nhất các cột: ${UNIT_COLUMNS.filter(
        (c) => c.required,
      )
        .map((c) => `“${c.header}”`)
        .join(', ')}.`,
      { file: fileName, sheet: sheetName, row: 1 },
    );
  }
  if (unknown.length > 0) {
    throw new AppError(
      'UNKNOWN_COLUMNS',
      `Tệp “${fileName}”, dòng tiêu đề ${rows[headerIndex]!.number}: có cột không nhận ra: ${unknown.map((u) => `cột ${u.letter} “${u.text}”`).join(', ')}. Các cột hợp lệ: ${UNIT_COLUMNS.map((c) => c.header).join(', ')}.`,
      { file: fileName, sheet: sheetName, row: rows[headerIndex]!.number, column: unknown[0]!.letter },
    );
  }
  const dataRows = rows.slice(headerIndex + 1);
  if (dataRows.length > MAX_UNIT_ROWS) {
    throw new AppError(
      'TOO_MANY_ROWS',
      `Tệp “${fileName}” có quá nhiều dòng (vượt giới hạn ${MAX_UNIT_ROWS.toLocaleString('vi-VN')} dòng). Hãy chia nhỏ tệp.`,
      {
        file: fileName,
      },
    );
  }
  const out: RawUnitRow[] = [];
  const dates = new Map<number, Partial<Record<'activeFrom' | 'activeTo', string | null | 'invalid'>>>();
  for (const r of dataRows) {
    const fields = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, ''])) as Record<UnitColumnKey, string>;
    const cells: Partial<Record<UnitColumnKey, string>> = {};
    const d: Partial<Record<'activeFrom' | 'activeTo', string | null | 'invalid'>> = {};
    for (const [col, key] of columnOf) {
      const v = r.values.get(col);
      if (key === 'activeFrom' || key === 'activeTo') {
        const date = parseDateCell(v, date1904);
        d[key] = key === 'activeTo' && lastDayColumn && date && date !== 'invalid' ? addDays(date, 1) : date;
      }
      fields[key] = fieldText(v, date1904, UNIT_TEXT_CAPS[key]);
      cells[key] = `${columnLetter(col)}${r.number}`;
    }
    if (Object.values(fields).every((f) => f === '')) continue; // blank rows are skipped
    out.push({ row: r.number, fields, cells });
    dates.set(r.number, d);
  }
  return { rows: out, dates };
}

/** Writes the register as a workbook with the columns the reader expects. */
export async function writeUnitWorkbook(units: (Unit & { parentCode: string | null })[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo Nội vụ';
  wb.created = new Date();
  const ws = wb.addWorksheet('Đơn vị', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  ws.columns = UNIT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const u of units) {
    ws.addRow({
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      kind: UNIT_KIND_LABELS[u.kind],
      parentCode: u.parentCode ?? '',
      email: u.email,
      contactPerson: u.contactPerson,
      phone: u.phone,
      sortOrder: u.sortOrder,
      activeFrom: u.activeFrom ? u.activeFrom.split('-').reverse().join('/') : '',
      activeTo: u.activeTo ? u.activeTo.split('-').reverse().join('/') : '',
    });
  }
  ws.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: 'Times New Roman', size: 12, bold: n === 1 };
      cell.alignment = { vertical: 'middle', wrapText: n === 1 };
      // Text stays text: codes such as 001 or =X must not become numbers or formulas.
      if (n > 1 && typeof cell.value === 'string') cell.numFmt = '@';
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: UNIT_COLUMNS.length } };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
