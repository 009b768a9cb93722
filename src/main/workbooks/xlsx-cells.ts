// A small, strict reader of the cells of an .xlsx package that has passed the checks of
// xlsx-input.ts: the sheet list in the workbook's own order, shared strings, which styles are
// dates, and the cells of the sheets asked for. It sees a cell as Excel does: XML comments are
// not content, a cell written twice keeps its last value, phonetic runs are not text. It never
// evaluates a formula (a formula cell gives its cached value), never opens external links,
// pictures or macros, and reads only the parts it needs, through the linear-time scanner.
import { AppError } from '../../shared/errors';
import { attr, type Attrs } from './xml-scan';
import { readPartText, scanPart, type XlsxPackage } from './xlsx-part';
import {
  columnLetters,
  MAX_COLUMN,
  MAX_SERIAL,
  parseAddress,
  parseXlsxNumber,
  unescapeOoxml,
  type RawCell,
} from './cell-values';

export type { RawCell } from './cell-values';

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the sheet's part inside the package ("xl/worksheets/sheet2.xml"). */
  part: string;
}

export interface WorkbookParts {
  /** In the workbook's order: the first one is the sheet Excel opens first. */
  sheets: SheetInfo[];
  sharedStrings: string[];
  /** Indices of cell styles whose number format shows a date or a time. */
  dateStyles: Set<number>;
  date1904: boolean;
}

const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

function isDateFormat(code: string): boolean {
  if (code.length > 255) return false; // Excel's own limit for a format code
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

/** Collects the text of string items (<si> of the shared strings, <is> of a cell), without phonetic runs. */
class StringItems {
  private depthInPhonetic = 0;
  private inT = false;
  private current = '';
  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
    else if (name === 't') this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.current += t;
  }
  take(): string {
    const s = unescapeOoxml(this.current);
    this.current = '';
    this.inT = false;
    this.depthInPhonetic = 0;
    return s;
  }
}

/** The sheet list, shared strings and date styles of a checked package. */
export async function readWorkbookParts(pkg: XlsxPackage): Promise<WorkbookParts> {
  const targets = new Map<string, string>();
  const relsPart = 'xl/_rels/workbook.xml.rels';
  await scanPart(pkg, relsPart, (await readPartText(pkg, relsPart)) ?? '<Relationships/>', {
    open(name, a) {
      // Only parts inside the package: an external target is never followed.
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        targets.set(a.Id, resolveTarget(a.Target));
    },
  });

  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await scanPart(pkg, 'xl/workbook.xml', (await readPartText(pkg, 'xl/workbook.xml')) ?? '<workbook/>', {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const part = targets.get(attr(a, 'id') ?? '');
      if (!a.name || !part) return;
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      sheets.push({ name: a.name, state, part });
    },
  });
  // Excel refuses two sheets whose names differ only by case: so does this reader (a second,
  // hidden copy of a sheet the app reads by name would otherwise be a way to plant data).
  const seen = new Map<string, string>();
  for (const s of sheets) {
    const key = s.name.normalize('NFC').toLocaleLowerCase('vi');
    const other = seen.get(key);
    if (other !== undefined)
      throw new AppError(
        'CORRUPT_XLSX',
        `Tệp “${pkg.fileName}” có hai trang tính trùng tên (“${other}” và “${s.name}”): Excel không mở được tệp như vậy, phần mềm không đọc.`,
        { file: pkg.fileName, sheet: s.name },
      );
    seen.set(key, s.name);
  }

  const sharedStrings: string[] = [];
  const sst = await readPartText(pkg, 'xl/sharedStrings.xml');
  if (sst !== null) {
    const items = new StringItems();
    let inSi = false;
    await scanPart(
      pkg,
      'xl/sharedStrings.xml',
      sst,
      {
        open(name) {
          if (name === 'si') {
            inSi = true;
            items.take();
          } else if (inSi) items.open(name);
        },
        close(name) {
          if (name === 'si') {
            inSi = false;
            sharedStrings.push(items.take());
          } else if (inSi) items.close(name);
        },
        text(t) {
          if (inSi) items.text(t);
        },
      },
      () => ({ label: `chuỗi dùng chung số ${sharedStrings.length}`, at: {} }),
    );
  }

  const dateStyles = new Set<number>();
  const styles = await readPartText(pkg, 'xl/styles.xml');
  if (styles !== null) {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    await scanPart(pkg, 'xl/styles.xml', styles, {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    xfFormats.forEach((id, i) => {
      if (BUILTIN_DATES.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(i);
    });
  }
  return { sheets, sharedStrings, dateStyles, date1904 };
}

export interface SheetReadOptions {
  /** Stops as soon as more rows than this hold a cell (a 100,000-row sheet is refused early). */
  maxRows?: number;
  tooManyRows?: (row: number) => AppError;
}

/** Every cell with content of one sheet, by address ("D12"); a cell written twice keeps its last value. */
export async function readSheetCells(
  pkg: XlsxPackage,
  parts: WorkbookParts,
  sheet: SheetInfo,
  opts: SheetReadOptions = {},
): Promise<Map<string, RawCell>> {
  const xml = await readPartText(pkg, sheet.part);
  const file = pkg.fileName;
  if (xml === null)
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp “${file}” bị hỏng: thiếu phần “${sheet.part}” của trang tính “${sheet.name}”.`,
      { file, sheet: sheet.name },
    );
  const cells = new Map<string, RawCell>();
  const rowsWithCells = new Set<number>();
  const refuse = (address: string, why: string) =>
    new AppError('CORRUPT_XLSX', `Tệp “${file}”, trang tính “${sheet.name}”, ô ${address}: ${why}.`, {
      file,
      sheet: sheet.name,
      cell: address,
    });

  let inData = false;
  let inRow = false;
  let rowNumber = 0;
  let col = 0;
  // the cell being read
  let cell: { address: string; t: string; s: number; v: string | null; f: string | null; fShared: boolean } | null =
    null;
  let inV = false;
  let inF = false;
  let inIs = false;
  const inline = new StringItems();

  const finishCell = () => {
    const c = cell!;
    cell = null;
    const formula = c.f !== null ? unescapeOoxml(c.f) || (c.fShared ? '(công thức dùng chung)' : '') : null;
    const v = c.v;
    let out: RawCell | null;
    switch (c.t) {
      case 'inlineStr':
        out = { kind: 'text', value: inline.take(), formula };
        break;
      case 's': {
        if (v === null) {
          out = formula !== null ? { kind: 'empty', formula } : null;
          break;
        }
        const index = parseXlsxNumber(v.trim());
        const text = index !== null && Number.isInteger(index) ? parts.sharedStrings[index] : undefined;
        if (text === undefined)
          throw refuse(c.address, `trỏ tới chuỗi dùng chung số “${v.slice(0, 20)}” không tồn tại`);
        out = { kind: 'text', value: text, formula };
        break;
      }
      case 'str':
        out =
          v === null
            ? formula !== null
              ? { kind: 'empty', formula }
              : null
            : { kind: 'text', value: unescapeOoxml(v), formula };
        break;
      case 'b':
        out =
          v === null
            ? formula !== null
              ? { kind: 'empty', formula }
              : null
            : { kind: 'bool', value: v.trim() === '1' || v.trim() === 'true', formula };
        break;
      case 'e':
        out =
          v === null ? (formula !== null ? { kind: 'empty', formula } : null) : { kind: 'error', value: v, formula };
        break;
      case 'd':
        // ISO 8601 text (strict OOXML): kept as the text Excel shows
        out = v === null ? null : { kind: 'text', value: v.trim(), formula };
        break;
      case 'n': {
        if (v === null || v.trim() === '') {
          out = formula !== null ? { kind: 'empty', formula } : null;
          break;
        }
        const n = parseXlsxNumber(v.trim());
        if (n === null) throw refuse(c.address, `giá trị “${v.slice(0, 30)}” không phải là số`);
        // a serial past 31/12/9999 is no date Excel can show (it shows ####)
        out = { kind: 'number', value: n, date: parts.dateStyles.has(c.s) && n >= 0 && n < MAX_SERIAL, formula };
        break;
      }
      default:
        throw refuse(c.address, `kiểu ô “${c.t.slice(0, 20)}” không hợp lệ`);
    }
    if (out) {
      cells.set(c.address, out);
      if (!rowsWithCells.has(rowNumber)) {
        rowsWithCells.add(rowNumber);
        if (opts.maxRows !== undefined && rowsWithCells.size > opts.maxRows && opts.tooManyRows)
          throw opts.tooManyRows(rowNumber);
      }
    } else cells.delete(c.address); // an empty cell written last: Excel shows it empty
  };

  const openCell = (a: Attrs) => {
    let address: string;
    if (a.r !== undefined) {
      const p = parseAddress(a.r);
      if (!p) throw refuse(`${columnLetters(col + 1)}${rowNumber}`, `địa chỉ ô “${a.r.slice(0, 20)}” không hợp lệ`);
      col = p.col;
      address = a.r;
    } else {
      col++;
      if (col > MAX_COLUMN) throw refuse(`dòng ${rowNumber}`, 'có quá nhiều cột');
      address = `${columnLetters(col)}${rowNumber}`;
    }
    const s = a.s === undefined ? 0 : Number(a.s);
    cell = { address, t: a.t ?? 'n', s: Number.isInteger(s) ? s : -1, v: null, f: null, fShared: false };
    inline.take();
  };

  await scanPart(
    pkg,
    sheet.part,
    xml,
    {
      open(name, a) {
        if (name === 'sheetData') inData = true;
        else if (!inData) return;
        else if (name === 'row') {
          inRow = true;
          if (a.r !== undefined) {
            const r = parseAddress(`A${a.r}`);
            if (!r) throw refuse(`dòng “${a.r.slice(0, 20)}”`, 'số dòng không hợp lệ');
            rowNumber = r.row;
          } else rowNumber++;
          col = 0;
        } else if (!inRow) return;
        else if (name === 'c') openCell(a);
        else if (!cell) return;
        else if (name === 'v') {
          inV = true;
          cell.v = '';
        } else if (name === 'f') {
          inF = true;
          cell.f = '';
          cell.fShared = a.t === 'shared';
        } else if (name === 'is') inIs = true;
        else if (inIs) inline.open(name);
      },
      close(name) {
        if (name === 'sheetData') inData = false;
        else if (name === 'row') inRow = false;
        else if (!cell) return;
        else if (name === 'c') finishCell();
        else if (name === 'v') inV = false;
        else if (name === 'f') inF = false;
        else if (name === 'is') inIs = false;
        else if (inIs) inline.close(name);
      },
      text(t) {
        if (!cell) return;
        if (inV) cell.v += t;
        else if (inF) cell.f += t;
        else if (inIs) inline.text(t);
      },
    },
    () =>
      cell
        ? { label: `trang tính “${sheet.name}”, ô ${cell.address}`, at: { sheet: sheet.name, cell: cell.address } }
        : { label: `trang tính “${sheet.name}”${rowNumber ? `, dòng ${rowNumber}` : ''}`, at: { sheet: sheet.name } },
  );
  return cells;
}
