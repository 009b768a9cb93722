// Reads a returned data-entry workbook: checks it is a sane .xlsx, finds the hidden layout the app
// wrote, verifies its checksum and the locked texts around every input cell, then takes each
// input cell's value. Formulas are never evaluated: a formula cell gives its cached value. External
// links, macros and pictures are never looked at.
import type JSZip from 'jszip';
import { AppError, type ErrorLocation } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import { assertXlsx } from '../../workbooks/xlsx-input';
import {
  readSheetCells,
  readWorkbookParts,
  serialToIso,
  type RawCell,
  type WorkbookParts,
} from '../../workbooks/xlsx-cells';
import {
  COLLECT_FORMAT,
  COLLECT_FORMAT_VERSION,
  META_SHEET,
  type CollectLayout,
  type LayoutCell,
} from './collect-book';
import { layoutChecksum } from '../../workbooks/cell-text';

/** What an input cell held, before it is checked against its indicator. */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; value: string }
  | { kind: 'error'; value: string };

export interface ReadCell {
  cell: LayoutCell;
  /** Where it was found (differs from the layout when rows were inserted above it). */
  address: string;
  content: CellContent;
  /** The formula typed into the cell, if any; its cached value is the content. */
  formula: string | null;
}

export interface ReadBook {
  layout: CollectLayout;
  sheet: string;
  cells: ReadCell[];
  /** Things worth telling that do not stop the import (moved rows, formulas with their values). */
  notes: { message: string; where: ErrorLocation }[];
}

/** A cell as the text a person sees (for the locked labels and the layout sheet). */
function plain(c: RawCell | undefined): string {
  if (!c) return '';
  switch (c.kind) {
    case 'text':
      return cleanText(c.value);
    case 'number':
    case 'bool':
      return String(c.value);
    default:
      return '';
  }
}

/** The value of a cell as typed or as last calculated; formulas are reported, never run. */
export function cellContent(
  c: RawCell | undefined,
  date1904: boolean,
): { content: CellContent; formula: string | null; uncached: boolean } {
  if (!c) return { content: { kind: 'empty' }, formula: null, uncached: false };
  const formula = c.formula;
  switch (c.kind) {
    case 'empty':
      return { content: { kind: 'empty' }, formula, uncached: formula !== null };
    case 'number':
      return {
        content: c.date ? { kind: 'date', value: serialToIso(c.value, date1904) } : { kind: 'number', value: c.value },
        formula,
        uncached: false,
      };
    case 'text':
      return {
        content: c.value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: c.value },
        formula,
        uncached: false,
      };
    case 'bool':
      return { content: { kind: 'bool', value: c.value }, formula, uncached: false };
    case 'error':
      return { content: { kind: 'error', value: c.value }, formula, uncached: false };
  }
}

const ADDRESS = /^([A-Z]{1,3})(\d{1,7})$/;

function splitAddress(a: string): { col: string; row: number } {
  const m = ADDRESS.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  return { col: m[1]!, row: Number(m[2]) };
}

function notOurs(fileName: string, why: string): AppError {
  return new AppError(
    'NOT_COLLECT_BOOK',
    `Tệp "${fileName}" không phải biểu nhập liệu do phần mềm Báo cáo Nội vụ tạo ra (${why}). Hãy dùng đúng tệp đã gửi cho đơn vị, hoặc xuất lại biểu nhập liệu.`,
    { file: fileName },
  );
}

type Cells = Map<string, RawCell>;

/** Reads the hidden layout and checks it against its checksum. */
async function readLayout(zip: JSZip, parts: WorkbookParts, fileName: string): Promise<CollectLayout> {
  const sheet = parts.sheets.find((x) => x.name === META_SHEET);
  if (!sheet) throw notOurs(fileName, `không có trang thông tin ẩn "${META_SHEET}"`);
  const meta = await readSheetCells(zip, parts, sheet);
  const entries = new Map<string, { value: string; row: number }>();
  for (const [address, cell] of meta) {
    const m = /^A(\d+)$/.exec(address);
    if (!m) continue;
    const k = plain(cell);
    const v = meta.get(`B${m[1]}`);
    // The layout is taken as written: not cleaned, so the checksum sees exactly what was stored.
    if (k) entries.set(k, { value: v?.kind === 'text' ? v.value : plain(v), row: Number(m[1]) });
  }
  if (entries.get('format')?.value !== COLLECT_FORMAT)
    throw notOurs(fileName, `trang "${META_SHEET}" không có dấu hiệu của phần mềm`);
  const checksum = entries.get('checksum');
  let json = '';
  for (let i = 1; entries.has(`layout.${i}`); i++) json += entries.get(`layout.${i}`)!.value;
  const where = { file: fileName, sheet: META_SHEET, cell: `B${checksum?.row ?? 1}` };
  if (!checksum || !json || layoutChecksum(json) !== checksum.value) {
    throw new AppError(
      'TAMPERED_META',
      `Tệp "${fileName}": thông tin nhận dạng ẩn (trang "${META_SHEET}", ô ${where.cell}) đã bị sửa nên không còn khớp mã kiểm tra. Phần mềm không biết chắc tệp thuộc đơn vị, kỳ nào; hãy yêu cầu đơn vị nhập lại vào biểu mới xuất.`,
      where,
    );
  }
  let layout: CollectLayout;
  try {
    layout = JSON.parse(json) as CollectLayout;
  } catch {
    throw new AppError('TAMPERED_META', `Tệp "${fileName}": thông tin nhận dạng ẩn không đọc được.`, where);
  }
  if (layout.format !== COLLECT_FORMAT || !Array.isArray(layout.cells))
    throw notOurs(fileName, 'thông tin nhận dạng không đúng định dạng');
  if (layout.formatVersion > COLLECT_FORMAT_VERSION)
    throw new AppError(
      'NEWER_FORMAT',
      `Tệp "${fileName}" được tạo bởi phiên bản phần mềm mới hơn (định dạng ${layout.formatVersion}). Hãy cập nhật phần mềm.`,
      { file: fileName },
    );
  return layout;
}

/** Finds each labelled cell: where the layout says, or where its label now stands (rows inserted above). */
function locate(
  cells: Cells,
  sheetName: string,
  layout: CollectLayout,
  fileName: string,
): { cells: { cell: LayoutCell; address: string }[]; notes: ReadBook['notes'] } {
  const notes: ReadBook['notes'] = [];
  let labelRows: Map<string, number[]> | null = null;
  const rowsOf = (col: string, label: string): number[] => {
    if (!labelRows) {
      labelRows = new Map();
      for (const [address, c] of cells) {
        const m = ADDRESS.exec(address)!;
        const key = `${m[1]}|${plain(c)}`;
        labelRows.set(key, [...(labelRows.get(key) ?? []), Number(m[2])]);
      }
    }
    return labelRows.get(`${col}|${label}`) ?? [];
  };
  const out: { cell: LayoutCell; address: string }[] = [];
  const problems: { message: string; where: ErrorLocation }[] = [];
  for (const c of layout.cells) {
    const at = splitAddress(c.labelAddress);
    let shift = 0;
    const found = plain(cells.get(c.labelAddress));
    if (found !== c.label) {
      const rows = rowsOf(at.col, c.label);
      if (rows.length !== 1) {
        problems.push({
          message: `Tệp "${fileName}", trang "${sheetName}", ô ${c.labelAddress}: ô đã khóa phải là "${c.label}" nhưng là "${found.slice(0, 40)}"${rows.length ? ` (mã "${c.label}" xuất hiện ${rows.length} lần)` : ''}. Bố cục biểu đã bị sửa.`,
          where: { file: fileName, sheet: sheetName, cell: c.labelAddress },
        });
        continue;
      }
      shift = rows[0]! - at.row;
      notes.push({
        message: `Dòng "${c.label}" đã dời từ dòng ${at.row} sang dòng ${rows[0]}; vẫn đọc đúng theo mã.`,
        where: { file: fileName, sheet: sheetName, cell: `${at.col}${rows[0]}` },
      });
    }
    const move = (a: string) => {
      const p = splitAddress(a);
      return `${p.col}${p.row + shift}`;
    };
    const nameAddress = move(c.nameAddress);
    const name = plain(cells.get(nameAddress));
    if (name !== cleanText(c.name)) {
      problems.push({
        message: `Tệp "${fileName}", trang "${sheetName}", ô ${nameAddress}: nội dung đã khóa "${cleanText(c.name).slice(0, 60)}" đã bị sửa thành "${name.slice(0, 60)}". Bố cục biểu đã bị sửa.`,
        where: { file: fileName, sheet: sheetName, cell: nameAddress },
      });
      continue;
    }
    out.push({ cell: c, address: move(c.address) });
  }
  if (problems.length) {
    throw new AppError(
      'TAMPERED_LAYOUT',
      problems.length === 1 ? problems[0]!.message : `${problems[0]!.message} (và ${problems.length - 1} ô khác)`,
      problems[0]!.where,
      problems,
    );
  }
  return { cells: out, notes };
}

/** Reads one returned workbook. Throws an AppError naming file, sheet and cell when it cannot be used. */
export async function readCollectWorkbook(fileName: string, data: Uint8Array): Promise<ReadBook> {
  const zip = await assertXlsx(data, fileName);
  let parts: WorkbookParts;
  try {
    parts = await readWorkbookParts(zip);
  } catch (err) {
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp "${fileName}" bị hỏng hoặc không đọc được: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  const layout = await readLayout(zip, parts, fileName);
  const sheet = parts.sheets.find((x) => x.name === layout.sheet);
  if (!sheet) {
    throw new AppError(
      'NO_INPUT_SHEET',
      `Tệp "${fileName}" không còn trang tính "${layout.sheet}" (trang nhập số liệu). Trang này không được đổi tên hay xóa.`,
      { file: fileName, sheet: layout.sheet },
    );
  }
  const sheetCells = await readSheetCells(zip, parts, sheet);
  const located = locate(sheetCells, sheet.name, layout, fileName);
  const notes = [...located.notes];
  const cells: ReadCell[] = [];
  for (const { cell, address } of located.cells) {
    if (cell.computed) continue;
    const read = cellContent(sheetCells.get(address), parts.date1904);
    const where = { file: fileName, sheet: sheet.name, cell: address };
    if (read.formula !== null) {
      notes.push({
        message: read.uncached
          ? `Ô ${address} (${cell.label}) có công thức "=${read.formula.slice(0, 60)}" nhưng không có giá trị đã tính; coi như để trống. Phần mềm không tự tính công thức.`
          : `Ô ${address} (${cell.label}) có công thức "=${read.formula.slice(0, 60)}"; lấy giá trị đã tính sẵn trong tệp, không tính lại.`,
        where,
      });
    }
    cells.push({ cell, address, content: read.content, formula: read.formula });
  }
  return { layout, sheet: sheet.name, cells, notes };
}
