// Reads a returned data-entry workbook: checks it is a sane .xlsx, finds the hidden layout the app
// wrote, verifies its checksum and the locked texts around every input cell, then takes each
// input cell's value. Formulas are never evaluated: a formula cell gives its cached value. External
// links, macros and pictures are never looked at.
import ExcelJS from 'exceljs';
import { AppError, type ErrorLocation } from '../../shared/errors';
import { cleanText } from '../../shared/text';
import { assertXlsx } from './xlsx-input';
import { COLLECT_FORMAT, COLLECT_FORMAT_VERSION, META_SHEET, layoutChecksum, type CollectLayout, type LayoutCell } from './collect-book';

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

function plain(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cleanText(v.richText.map((r) => r.text).join(''));
    if ('text' in v && typeof v.text === 'string') return cleanText(v.text);
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
  }
  return '';
}

/** The value of a cell as typed or as last calculated; formulas are reported, never run. */
export function cellContent(v: ExcelJS.CellValue): { content: CellContent; formula: string | null; uncached: boolean } {
  if (v === null || v === undefined) return { content: { kind: 'empty' }, formula: null, uncached: false };
  if (typeof v === 'number') return { content: { kind: 'number', value: v }, formula: null, uncached: false };
  if (typeof v === 'string') return { content: v.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: v }, formula: null, uncached: false };
  if (typeof v === 'boolean') return { content: { kind: 'bool', value: v }, formula: null, uncached: false };
  if (v instanceof Date) return { content: { kind: 'date', value: v.toISOString().slice(0, 10) }, formula: null, uncached: false };
  if ('formula' in v || 'sharedFormula' in v) {
    const f: string = 'formula' in v ? (v.formula ?? '') : `(công thức dùng chung với ô ${(v as ExcelJS.CellSharedFormulaValue).sharedFormula})`;
    const result = (v as { result?: ExcelJS.CellValue | { error: string } }).result;
    if (result === undefined || result === null) return { content: { kind: 'empty' }, formula: f, uncached: true };
    if (typeof result === 'object' && 'error' in result) return { content: { kind: 'error', value: String(result.error) }, formula: f, uncached: false };
    const inner = cellContent(result as ExcelJS.CellValue);
    return { content: inner.content, formula: f, uncached: false };
  }
  if ('error' in v) return { content: { kind: 'error', value: String(v.error) }, formula: null, uncached: false };
  const t = plain(v);
  return { content: t ? { kind: 'text', value: t } : { kind: 'empty' }, formula: null, uncached: false };
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

/** Reads the hidden layout and checks it against its checksum. */
function readLayout(wb: ExcelJS.Workbook, fileName: string): CollectLayout {
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) throw notOurs(fileName, `không có trang thông tin ẩn "${META_SHEET}"`);
  const entries = new Map<string, { value: string; row: number }>();
  meta.eachRow((row, n) => {
    const k = plain(row.getCell(1).value);
    const cell = row.getCell(2).value;
    if (k) entries.set(k, { value: typeof cell === 'string' ? cell : plain(cell), row: n });
  });
  if (entries.get('format')?.value !== COLLECT_FORMAT) throw notOurs(fileName, `trang "${META_SHEET}" không có dấu hiệu của phần mềm`);
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
  if (layout.format !== COLLECT_FORMAT || !Array.isArray(layout.cells)) throw notOurs(fileName, 'thông tin nhận dạng không đúng định dạng');
  if (layout.formatVersion > COLLECT_FORMAT_VERSION)
    throw new AppError('NEWER_FORMAT', `Tệp "${fileName}" được tạo bởi phiên bản phần mềm mới hơn (định dạng ${layout.formatVersion}). Hãy cập nhật phần mềm.`, { file: fileName });
  return layout;
}

/** Finds the rows of each labelled cell: where the layout says, or where its label now stands. */
function locate(ws: ExcelJS.Worksheet, layout: CollectLayout, fileName: string): { cells: { cell: LayoutCell; address: string }[]; notes: ReadBook['notes'] } {
  const notes: ReadBook['notes'] = [];
  const labelRows = new Map<string, number[]>();
  const labelCol = (c: LayoutCell) => splitAddress(c.labelAddress).col;
  const scanned = new Set<string>();
  const scan = (col: string) => {
    if (scanned.has(col)) return;
    scanned.add(col);
    ws.getColumn(col).eachCell({ includeEmpty: false }, (cell, row) => {
      const key = `${col}|${plain(cell.value)}`;
      labelRows.set(key, [...(labelRows.get(key) ?? []), row]);
    });
  };
  const out: { cell: LayoutCell; address: string }[] = [];
  const problems: { message: string; where: ErrorLocation }[] = [];
  for (const c of layout.cells) {
    const at = splitAddress(c.labelAddress);
    let shift = 0;
    const found = plain(ws.getCell(c.labelAddress).value);
    if (found !== c.label) {
      scan(labelCol(c));
      const rows = labelRows.get(`${at.col}|${c.label}`) ?? [];
      if (rows.length !== 1) {
        problems.push({
          message: `Tệp "${fileName}", trang "${ws.name}", ô ${c.labelAddress}: ô đã khóa phải là "${c.label}" nhưng là "${found.slice(0, 40)}"${rows.length ? ` (mã "${c.label}" xuất hiện ${rows.length} lần)` : ''}. Bố cục biểu đã bị sửa.`,
          where: { file: fileName, sheet: ws.name, cell: c.labelAddress },
        });
        continue;
      }
      shift = rows[0]! - at.row;
      notes.push({ message: `Dòng "${c.label}" đã dời từ dòng ${at.row} sang dòng ${rows[0]}; vẫn đọc đúng theo mã.`, where: { file: fileName, sheet: ws.name, cell: `${at.col}${rows[0]}` } });
    }
    const move = (a: string) => {
      const p = splitAddress(a);
      return `${p.col}${p.row + shift}`;
    };
    const nameAddress = move(c.nameAddress);
    const name = plain(ws.getCell(nameAddress).value);
    if (name !== cleanText(c.name)) {
      problems.push({
        message: `Tệp "${fileName}", trang "${ws.name}", ô ${nameAddress}: nội dung đã khóa "${cleanText(c.name).slice(0, 60)}" đã bị sửa thành "${name.slice(0, 60)}". Bố cục biểu đã bị sửa.`,
        where: { file: fileName, sheet: ws.name, cell: nameAddress },
      });
      continue;
    }
    out.push({ cell: c, address: move(c.address) });
  }
  if (problems.length) {
    throw new AppError('TAMPERED_LAYOUT', problems.length === 1 ? problems[0]!.message : `${problems[0]!.message} (và ${problems.length - 1} ô khác)`, problems[0]!.where, problems);
  }
  return { cells: out, notes };
}

/** Reads one returned workbook. Throws an AppError naming file, sheet and cell when it cannot be used. */
export async function readCollectWorkbook(fileName: string, data: Uint8Array): Promise<ReadBook> {
  await assertXlsx(data, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AppError('CORRUPT_XLSX', `Tệp "${fileName}" bị hỏng hoặc không đọc được: ${err instanceof Error ? err.message : String(err)}`, { file: fileName });
  }
  const layout = readLayout(wb, fileName);
  const ws = wb.getWorksheet(layout.sheet);
  if (!ws) {
    throw new AppError('NO_INPUT_SHEET', `Tệp "${fileName}" không còn trang tính "${layout.sheet}" (trang nhập số liệu). Trang này không được đổi tên hay xóa.`, { file: fileName, sheet: layout.sheet });
  }
  const located = locate(ws, layout, fileName);
  const notes = [...located.notes];
  const cells: ReadCell[] = [];
  for (const { cell, address } of located.cells) {
    if (cell.computed) continue;
    const read = cellContent(ws.getCell(address).value);
    const where = { file: fileName, sheet: ws.name, cell: address };
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
  return { layout, sheet: ws.name, cells, notes };
}
