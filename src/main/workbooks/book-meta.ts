// The machinery every workbook the app sends out and reads back shares: a very hidden, protected
// metadata sheet holding a layout description (JSON) sealed with an HMAC under the database's
// secret, and the reader that checks that metadata in a file opened through xlsx-input.ts.
import type ExcelJS from 'exceljs';
import { AppError, type ErrorLocation } from '../../shared/errors';
import type { CheckedWorkbook } from './xlsx-input';
import { parseAddress, rawCellText } from './cell-values';
import { checkLayoutSeal, layoutSeal, setText } from './cell-text';

/** Excel keeps at most 32,767 characters in a cell: the layout JSON is split into chunks. */
export const META_CHUNK = 30_000;

export interface MetaHeader {
  format: string;
  formatVersion: number;
}

/** Adds the very hidden metadata sheet; `fields` are shown for a person, the layout is what counts. */
export function addMetaSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  header: MetaHeader,
  fields: [string, string | number][],
  layoutJson: string,
  secret: string,
): ExcelJS.Worksheet {
  const meta = wb.addWorksheet(sheetName, { state: 'veryHidden' });
  meta.columns = [{ width: 18 }, { width: 60 }];
  const rows: [string, string | number][] = [
    ['format', header.format],
    ['formatVersion', header.formatVersion],
    ...fields,
    ['checksum', layoutSeal(secret, layoutJson)],
  ];
  for (let i = 0; i * META_CHUNK < layoutJson.length; i++)
    rows.push([`layout.${i + 1}`, layoutJson.slice(i * META_CHUNK, (i + 1) * META_CHUNK)]);
  rows.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    const cell = meta.getCell(i + 1, 2);
    if (typeof v === 'string') setText(cell, v);
    else cell.value = v;
  });
  return meta;
}

export interface MetaSpec {
  sheet: string;
  format: string;
  /** "biểu nhập liệu", "phiếu tự chấm điểm": what the book is, for messages. */
  label: string;
}

export interface BookMeta {
  /** The layout JSON, parsed; its shape is the caller's to check. */
  layout: unknown;
  /** "keyed": sealed by this data; "unkeyed": a book made before the keyed seal, or one forged. */
  seal: 'keyed' | 'unkeyed';
  formatVersion: number;
  where: ErrorLocation;
}

/**
 * Reads the hidden metadata of a returned book and checks it: exactly one metadata sheet, the
 * right kind of book, every key once, and a seal that matches the layout (the hidden sheet was
 * not edited). The layout is taken as written, never cleaned, so the seal sees what was stored.
 */
export async function readBookMeta(book: CheckedWorkbook, spec: MetaSpec, secret: string): Promise<BookMeta> {
  const fileName = book.pkg.fileName;
  const sheet = book.parts.sheets.find((x) => x.name === spec.sheet);
  const notOurs = (why: string, where: ErrorLocation = { file: fileName }) =>
    new AppError(
      'NOT_APP_BOOK',
      `Tệp “${fileName}” không phải ${spec.label} do phần mềm Báo cáo Nội vụ tạo ra (${why}). Hãy dùng đúng tệp đã gửi đi, hoặc xuất lại ${spec.label} từ phần mềm.`,
      where,
    );
  if (!sheet) throw notOurs(`không có trang thông tin ẩn “${spec.sheet}”`);
  const cells = await book.cells(sheet);
  const tampered = (cell: string, why: string) =>
    new AppError(
      'BOOK_TAMPERED',
      `Tệp “${fileName}”: thông tin nhận dạng ẩn (trang “${spec.sheet}”, ô ${cell}) ${why}. Phần mềm không biết chắc tệp thuộc đơn vị, kỳ nào; hãy xuất lại ${spec.label} từ phần mềm.`,
      { file: fileName, sheet: spec.sheet, cell },
    );
  const entries = new Map<string, { value: string; row: number }>();
  for (const [address, cell] of cells) {
    const at = parseAddress(address);
    if (!at || at.col !== 1) continue;
    const key = rawCellText(cell, false).trim();
    if (!key) continue;
    if (entries.has(key)) throw tampered(address, `ghi khóa “${key.slice(0, 40)}” hai lần`);
    entries.set(key, { value: rawCellText(cells.get(`B${at.row}`), false), row: at.row });
  }
  if (entries.get('format')?.value !== spec.format)
    throw notOurs(`trang “${spec.sheet}” không có dấu hiệu của phần mềm`, { file: fileName, sheet: spec.sheet });
  const checksum = entries.get('checksum');
  let json = '';
  for (let i = 1; entries.has(`layout.${i}`); i++) json += entries.get(`layout.${i}`)!.value;
  const cell = `B${checksum?.row ?? 1}`;
  const seal = checksum && json ? checkLayoutSeal(secret, json, checksum.value) : 'broken';
  if (seal === 'broken') throw tampered(cell, 'đã bị sửa nên không còn khớp mã kiểm tra');
  if (seal === 'foreign')
    throw tampered(
      cell,
      'không khớp dấu xác thực của dữ liệu này: đã bị sửa, hoặc tệp được xuất từ một bộ dữ liệu khác (máy khác, hay trước lần khôi phục bản sao lưu)',
    );
  let layout: unknown;
  try {
    layout = JSON.parse(json) as unknown;
  } catch {
    throw tampered(cell, 'không đọc được');
  }
  // A second sheet carrying the same marker: which one Excel shows is not which one is read.
  for (const other of book.parts.sheets) {
    if (other === sheet) continue;
    for (const [address, c] of await book.cells(other))
      if (c.kind === 'text' && c.value.trim() === spec.format)
        throw new AppError(
          'BOOK_TAMPERED',
          `Tệp “${fileName}” có thêm một trang thông tin nhận dạng (“${other.name}”, ô ${address}) ngoài trang “${spec.sheet}”: tệp đã bị sửa, phần mềm không đọc. Hãy xuất lại ${spec.label} từ phần mềm.`,
          { file: fileName, sheet: other.name, cell: address },
        );
  }
  return {
    layout,
    seal,
    formatVersion: Number(entries.get('formatVersion')?.value),
    where: { file: fileName, sheet: spec.sheet, cell },
  };
}

/** Protects a sheet so that only its unlocked cells can be typed in (no password: this guards against slips, not people). */
export async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

export async function protectMeta(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}
