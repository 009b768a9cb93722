// Reads a returned data-entry workbook: checks it is a sane .xlsx, finds the hidden layout the app
// wrote, verifies its seal, the unit and period shown on the visible sheets and the locked texts
// around every input cell, then takes each input cell's value (text capped as in the book). Formulas are never evaluated: a formula cell gives its cached value. External
// links, macros and pictures are never looked at.
import { AppError, type ErrorLocation } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import { openWorkbook, type CheckedWorkbook } from '../../workbooks/xlsx-input';
import { parseAddress, serialToIso, type RawCell } from '../../workbooks/cell-values';
import { readBookMeta } from '../../workbooks/book-meta';
import {
  COLLECT_FORMAT,
  COLLECT_FORMAT_VERSION,
  META_SHEET,
  type CollectLayout,
  type LayoutCell,
} from './collect-book';
import { MAX_TEXT_LENGTH } from './collect-cells';

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
  /** Things the reviewer must see before ticking the file (no seal of this data, identity lines gone). */
  warnings: { message: string; where: ErrorLocation }[];
  /** True when the layout carries this data's keyed seal. */
  sealed: boolean;
}

type ReviewProblem = { message: string; where: ErrorLocation };

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
  if (!m) throw new AppError('BOOK_TAMPERED', `Thông tin nhận dạng ẩn ghi địa chỉ ô “${a.slice(0, 20)}” không hợp lệ.`);
  return { col: m[1]!, row: Number(m[2]) };
}

const CELL_KINDS = new Set(['indicator', 'section']);
const isAddress = (v: unknown) => typeof v === 'string' && ADDRESS.test(v) && parseAddress(v) !== null;

/** A layout cell as the writer makes one; a layout without the keyed seal may be anything. */
function isLayoutCell(c: unknown): c is LayoutCell {
  const x = c as Record<string, unknown> | null;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.key === 'string' &&
    CELL_KINDS.has(x.kind as string) &&
    typeof x.type === 'string' &&
    typeof x.computed === 'boolean' &&
    typeof x.label === 'string' &&
    typeof x.name === 'string' &&
    isAddress(x.address) &&
    isAddress(x.labelAddress) &&
    isAddress(x.nameAddress)
  );
}

function notOurs(fileName: string, why: string): AppError {
  return new AppError(
    'NOT_COLLECT_BOOK',
    `Tệp “${fileName}” không phải biểu nhập liệu do phần mềm Báo cáo Nội vụ tạo ra (${why}). Hãy dùng đúng tệp đã gửi cho đơn vị, hoặc xuất lại biểu nhập liệu.`,
    { file: fileName },
  );
}

type Cells = Map<string, RawCell>;

/** Reads the hidden layout through the shared metadata reader and checks its shape. */
async function readLayout(book: CheckedWorkbook, secret: string): Promise<{ layout: CollectLayout; sealed: boolean }> {
  const fileName = book.pkg.fileName;
  const meta = await readBookMeta(book, { sheet: META_SHEET, format: COLLECT_FORMAT, label: 'biểu nhập liệu' }, secret);
  const layout = meta.layout as CollectLayout | null;
  if (
    !layout ||
    layout.format !== COLLECT_FORMAT ||
    !Array.isArray(layout.cells) ||
    !layout.cells.every(isLayoutCell) ||
    typeof layout.sheet !== 'string' ||
    ![layout.unitId, layout.periodId, layout.templateId, layout.templateVersion].every(Number.isInteger) ||
    ![layout.unitCode, layout.unitName, layout.periodName, layout.templateCode].every((t) => typeof t === 'string')
  )
    throw notOurs(fileName, 'thông tin nhận dạng không đúng định dạng');
  if (!(layout.formatVersion <= COLLECT_FORMAT_VERSION))
    throw new AppError(
      'NEWER_FORMAT',
      `Tệp “${fileName}” được tạo bởi phiên bản phần mềm mới hơn (định dạng ${String(layout.formatVersion).slice(0, 10)}). Hãy cập nhật phần mềm.`,
      { file: fileName },
    );
  return { layout, sealed: meta.seal === 'keyed' };
}

/** Lines that name the unit and the period in the visible sheets, as the book wrote them. */
const IDENTITY_LINES = [
  { prefix: 'Đơn vị báo cáo: ', kind: 'unit' },
  { prefix: 'Đơn vị: ', kind: 'unit' },
  { prefix: 'Kỳ báo cáo: ', kind: 'period' },
  { prefix: 'Kỳ: ', kind: 'period' },
] as const;

/**
 * The unit and period shown on the visible sheets must be those of the hidden layout: metadata
 * copied from another unit's book into this one shows here. A missing line is a warning.
 */
function checkIdentity(
  fileName: string,
  sheets: { name: string; cells: Cells }[],
  layout: CollectLayout,
): { problems: ReviewProblem[]; warnings: ReviewProblem[] } {
  const expected = {
    unit: `${cleanText(layout.unitName)} (mã ${cleanText(layout.unitCode)})`,
    period: cleanText(layout.periodName),
  };
  const problems: ReviewProblem[] = [];
  const seen = { unit: false, period: false };
  for (const { name, cells } of sheets) {
    for (const [address, c] of cells) {
      const at = ADDRESS.exec(address);
      if (!at || Number(at[2]) > 15 || c.kind !== 'text') continue;
      const text = cleanText(c.value);
      const line = IDENTITY_LINES.find((l) => text.startsWith(l.prefix));
      if (!line) continue;
      seen[line.kind] = true;
      const shown = text.slice(line.prefix.length);
      const ok = line.kind === 'unit' ? shown === expected.unit : shown.split(' · ')[0] === expected.period;
      if (!ok)
        problems.push({
          message: `Tệp “${fileName}”, trang “${name}”, ô ${address}: ghi “${text.slice(0, 120)}” nhưng thông tin nhận dạng ẩn của tệp là ${line.kind === 'unit' ? `đơn vị ${expected.unit}` : `kỳ “${expected.period}”`}. Thông tin ẩn có thể đã được chép từ biểu của đơn vị hoặc kỳ khác; không nhập tệp này.`,
          where: { file: fileName, sheet: name, cell: address },
        });
    }
  }
  const warnings: ReviewProblem[] = [];
  if (!seen.unit || !seen.period)
    warnings.push({
      message: `Cảnh báo: tệp “${fileName}” không còn dòng ghi ${!seen.unit ? 'tên đơn vị' : 'kỳ báo cáo'} ở đầu trang; hãy chắc chắn tệp đúng là của đơn vị ${expected.unit}.`,
      where: { file: fileName },
    });
  return { problems, warnings };
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
          message: `Tệp “${fileName}”, trang “${sheetName}”, ô ${c.labelAddress}: ô đã khóa phải là “${c.label}” nhưng là “${found.slice(0, 40)}”${rows.length ? ` (mã “${c.label}” xuất hiện ${rows.length} lần)` : ''}. Bố cục biểu đã bị sửa.`,
          where: { file: fileName, sheet: sheetName, cell: c.labelAddress },
        });
        continue;
      }
      shift = rows[0]! - at.row;
      notes.push({
        message: `Dòng “${c.label}” đã dời từ dòng ${at.row} sang dòng ${rows[0]}; vẫn đọc đúng theo mã.`,
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
        message: `Tệp “${fileName}”, trang “${sheetName}”, ô ${nameAddress}: nội dung đã khóa “${cleanText(c.name).slice(0, 60)}” đã bị sửa thành “${name.slice(0, 60)}”. Bố cục biểu đã bị sửa.`,
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
export async function readCollectWorkbook(
  fileName: string,
  data: Uint8Array,
  secret: string,
  chunkSize?: number,
): Promise<ReadBook> {
  const book = await openWorkbook(data, fileName, chunkSize);
  const { layout, sealed } = await readLayout(book, secret);
  const sheet = book.parts.sheets.find((x) => x.name === layout.sheet);
  if (!sheet) {
    throw new AppError(
      'NO_INPUT_SHEET',
      `Tệp “${fileName}” không còn trang tính “${layout.sheet}” (trang nhập số liệu). Trang này không được đổi tên hay xóa.`,
      { file: fileName, sheet: layout.sheet },
    );
  }
  const sheetCells = await book.cells(sheet);
  const visible: { name: string; cells: Cells }[] = [];
  for (const s of book.parts.sheets)
    if (s.name !== META_SHEET) visible.push({ name: s.name, cells: await book.cells(s) });
  const identity = checkIdentity(fileName, visible, layout);
  const warnings = [...identity.warnings];
  if (!sealed)
    warnings.push({
      message: `Cảnh báo: tệp “${fileName}” không mang dấu xác thực của dữ liệu này (biểu xuất từ phiên bản cũ, từ máy khác, hoặc thông tin ẩn đã được làm lại). Phần mềm không xác nhận được tệp thuộc đơn vị ${layout.unitName} (mã ${layout.unitCode}); chỉ nhập nếu chắc chắn.`,
      where: { file: fileName, sheet: META_SHEET },
    });
  const located = locate(sheetCells, sheet.name, layout, fileName);
  const notes = [...located.notes];
  const problems = [...identity.problems];
  const cells: ReadCell[] = [];
  for (const { cell, address } of located.cells) {
    if (cell.computed) continue;
    const read = cellContent(sheetCells.get(address), book.parts.date1904);
    const where = { file: fileName, sheet: sheet.name, cell: address };
    if (read.content.kind === 'text' && read.content.value.length > MAX_TEXT_LENGTH) {
      problems.push({
        message: `Tệp “${fileName}”, trang “${sheet.name}”, ô ${address} (${cell.label}): nội dung dài ${read.content.value.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_TEXT_LENGTH.toLocaleString('vi-VN')} ký tự của một ô.`,
        where,
      });
      continue;
    }
    if (read.formula !== null) {
      notes.push({
        message: read.uncached
          ? `Ô ${address} (${cell.label}) có công thức “=${read.formula.slice(0, 60)}” nhưng không có giá trị đã tính; coi như để trống. Phần mềm không tự tính công thức.`
          : `Ô ${address} (${cell.label}) có công thức “=${read.formula.slice(0, 60)}”; lấy giá trị đã tính sẵn trong tệp, không tính lại.`,
        where,
      });
    }
    cells.push({ cell, address, content: read.content, formula: read.formula });
  }
  if (problems.length)
    throw new AppError(
      identity.problems.length ? 'BOOK_IDENTITY' : 'TEXT_TOO_LONG',
      problems.length === 1 ? problems[0]!.message : `${problems[0]!.message} (và ${problems.length - 1} lỗi khác)`,
      problems[0]!.where,
      problems,
    );
  return { layout, sheet: sheet.name, cells, notes, warnings, sealed };
}
