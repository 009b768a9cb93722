// The decision annex as a workbook: old unit → new unit, one row per pair, its columns found by
// their Vietnamese headers (the first rows may hold the annex's title). Read through the shared
// linear-time workbook reader; every cell stays text here, with the address it came from.
import { AppError } from '../../../shared/errors';
import { cleanText, foldDiacritics } from '../../../shared/text';
import { columnLetter, openWorkbook } from '../../workbooks/xlsx-input';
import { parseAddress, rawCellText, type RawCell } from '../../workbooks/cell-values';
import { parseDateCell } from '../units/units-book';

export const MAX_MAPPING_ROWS = 20_000;
/** A cell longer than this is not a code or a name: kept cut, the analysis says so. */
const CELL_CAP = 1000;
/** How far down the title of an annex may push its header row. */
const HEADER_SEARCH_ROWS = 12;

export const MAPPING_COLUMNS = [
  { key: 'oldCode', header: 'Mã đơn vị cũ', aliases: ['ma don vi cu', 'ma cu', 'ma dvhc cu'], required: true },
  { key: 'oldName', header: 'Tên đơn vị cũ', aliases: ['ten don vi cu', 'ten cu', 'ten dvhc cu'], required: false },
  { key: 'newCode', header: 'Mã đơn vị mới', aliases: ['ma don vi moi', 'ma moi', 'ma dvhc moi'], required: true },
  { key: 'newName', header: 'Tên đơn vị mới', aliases: ['ten don vi moi', 'ten moi', 'ten dvhc moi'], required: true },
  { key: 'kind', header: 'Loại', aliases: ['loai', 'loai don vi', 'loai don vi moi'], required: false },
  {
    key: 'share',
    header: 'Tỷ lệ',
    aliases: ['ty le', 'ti le', 'ty le (%)', 'ti le (%)', 'ty le %', 'ti le %'],
    required: false,
  },
  { key: 'date', header: 'Ngày hiệu lực', aliases: ['ngay hieu luc', 'hieu luc tu ngay', 'hieu luc'], required: false },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên mới',
    aliases: ['ma don vi cap tren moi', 'ma cap tren moi', 'ma don vi cap tren', 'ma cap tren'],
    required: false,
  },
] as const;

export type MappingColumnKey = (typeof MAPPING_COLUMNS)[number]['key'];
export const MAPPING_HEADER = Object.fromEntries(MAPPING_COLUMNS.map((c) => [c.key, c.header])) as Record<
  MappingColumnKey,
  string
>;

export interface RawMappingRow {
  row: number;
  fields: Record<MappingColumnKey, string>;
  /** The column letter of each field, for messages ("cột C"). */
  letters: Partial<Record<MappingColumnKey, string>>;
  date: string | null | 'invalid';
  /** A share typed as a number in Excel (0.4 or 40 %), before any reading of text. */
  shareNumber: number | null;
}

export interface MappingBook {
  sheetName: string;
  rows: RawMappingRow[];
  /** Headers not recognised: ignored (an annex has population, area…), listed as warnings. */
  ignored: { letter: string; text: string }[];
}

const fold = (t: string): string => foldDiacritics(t).replace(/\s+/g, ' ').replace(/[*:]/g, '').trim();

function cellText(v: RawCell | undefined, date1904: boolean): string {
  return cleanText(rawCellText(v, date1904).slice(0, CELL_CAP * 4)).slice(0, CELL_CAP + 1);
}

/** Reads the first visible sheet of the annex; throws for problems of the whole file. */
export async function readMappingWorkbook(data: Uint8Array, fileName: string): Promise<MappingBook> {
  const book = await openWorkbook(data, fileName);
  const sheet = book.parts.sheets.find((s) => s.state === 'visible') ?? book.parts.sheets[0];
  if (!sheet) throw new AppError('NO_SHEET', `Tệp “${fileName}” không có trang tính nào.`, { file: fileName });
  const tooMany = () =>
    new AppError(
      'TOO_MANY_ROWS',
      `Tệp “${fileName}” có quá nhiều dòng (vượt giới hạn ${MAX_MAPPING_ROWS.toLocaleString('vi-VN')} dòng).`,
      { file: fileName, sheet: sheet.name },
    );
  const cells = await book.cells(sheet, { maxRows: MAX_MAPPING_ROWS + HEADER_SEARCH_ROWS, tooManyRows: tooMany });
  const date1904 = book.parts.date1904;
  const byRow = new Map<number, Map<number, RawCell>>();
  for (const [address, cell] of cells) {
    const at = parseAddress(address)!;
    let row = byRow.get(at.row);
    if (!row) byRow.set(at.row, (row = new Map()));
    row.set(at.col, cell);
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]);

  let headerIndex = -1;
  let columnOf = new Map<number, MappingColumnKey>();
  const ignored: MappingBook['ignored'] = [];
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
    const map = new Map<number, MappingColumnKey>();
    const strange: MappingBook['ignored'] = [];
    for (const [col, v] of [...rows[i]![1]].sort((a, b) => a[0] - b[0])) {
      const t = cellText(v, date1904);
      if (!t) continue;
      const spec = MAPPING_COLUMNS.find((c) => (c.aliases as readonly string[]).includes(fold(t)));
      if (spec && ![...map.values()].includes(spec.key)) map.set(col, spec.key);
      else if (!['stt', 'so tt', 'tt'].includes(fold(t)))
        strange.push({ letter: columnLetter(col), text: t.slice(0, 60) });
    }
    const keys = new Set(map.values());
    if (MAPPING_COLUMNS.filter((c) => c.required).every((c) => keys.has(c.key))) {
      headerIndex = i;
      columnOf = map;
      ignored.push(...strange);
    }
  }
  if (headerIndex < 0)
    throw new AppError(
      'NO_HEADER',
      `Tệp “${fileName}”, trang tính “${sheet.name}”: không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu. Cần ít nhất các cột: ${MAPPING_COLUMNS.filter(
        (c) => c.required,
      )
        .map((c) => `“${c.header}”`)
        .join(', ')}.`,
      { file: fileName, sheet: sheet.name, row: 1 },
    );

  const out: RawMappingRow[] = [];
  for (const [number, values] of rows.slice(headerIndex + 1)) {
    const fields = Object.fromEntries(MAPPING_COLUMNS.map((c) => [c.key, ''])) as Record<MappingColumnKey, string>;
    const letters: RawMappingRow['letters'] = {};
    let date: RawMappingRow['date'] = null;
    let shareNumber: number | null = null;
    for (const [col, key] of columnOf) {
      const v = values.get(col);
      letters[key] = columnLetter(col);
      fields[key] = cellText(v, date1904);
      if (key === 'date') date = parseDateCell(v, date1904);
      if (key === 'share' && v?.kind === 'number') shareNumber = v.value;
    }
    if (Object.values(fields).every((f) => f === '')) continue;
    out.push({ row: number, fields, letters, date, shareNumber });
  }
  return { sheetName: sheet.name, rows: out, ignored };
}
