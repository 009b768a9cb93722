// The machinery every workbook the app sends out and reads back shares: a very hidden, protected
// metadata sheet holding a layout description (JSON) with its SHA-256 checksum, and the reader
// that loads a returned file through the safeguards of xlsx-input.ts and checks that metadata.
// The text helpers (formula-safe text, checksum, file slugs) are the ones of the data-entry book.
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { assertXlsx, cellText } from './xlsx-input';
import { layoutChecksum, setText } from './cell-text';

/** Excel keeps at most 32,767 characters in a cell: the layout JSON is split into chunks. */
const META_CHUNK = 30_000;

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
): ExcelJS.Worksheet {
  const meta = wb.addWorksheet(sheetName, { state: 'veryHidden' });
  meta.columns = [{ width: 18 }, { width: 60 }];
  const rows: [string, string | number][] = [
    ['format', header.format],
    ['formatVersion', header.formatVersion],
    ...fields,
    ['checksum', layoutChecksum(layoutJson)],
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

/** Loads a workbook from outside after the size, type and zip checks. */
export async function loadCheckedWorkbook(data: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  await assertXlsx(data, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp "${fileName}" bị hỏng hoặc không đọc được: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  return wb;
}

/**
 * Reads the layout JSON of a returned book and checks it: the right kind of book, a format this
 * version reads, and a checksum that matches (the hidden sheet was not edited).
 */
export function readMetaLayout(
  wb: ExcelJS.Workbook,
  sheetName: string,
  fileName: string,
  expected: MetaHeader & { label: string },
): unknown {
  const meta = wb.getWorksheet(sheetName);
  if (!meta) {
    throw new AppError(
      'NOT_APP_BOOK',
      `Tệp "${fileName}" không phải là ${expected.label} do ứng dụng tạo (không có trang tính ẩn "${sheetName}"). Hãy dùng đúng tệp đã xuất từ ứng dụng.`,
      { file: fileName },
    );
  }
  const values = new Map<string, string>();
  meta.eachRow((row) => {
    const k = cellText(row.getCell(1).value);
    if (k) values.set(k, cellText(row.getCell(2).value));
  });
  const where = { file: fileName, sheet: sheetName };
  if (values.get('format') !== expected.format) {
    throw new AppError(
      'NOT_APP_BOOK',
      `Tệp "${fileName}" không phải là ${expected.label} (trang tính "${sheetName}" ghi loại "${values.get('format') ?? ''}").`,
      where,
    );
  }
  if (Number(values.get('formatVersion')) !== expected.formatVersion) {
    throw new AppError(
      'BOOK_VERSION',
      `Tệp "${fileName}" được tạo theo định dạng phiên bản ${values.get('formatVersion') ?? '?'}, phiên bản ứng dụng này đọc định dạng ${expected.formatVersion}. Hãy xuất lại tệp.`,
      where,
    );
  }
  let json = '';
  for (let i = 1; values.has(`layout.${i}`); i++) json += values.get(`layout.${i}`);
  if (!json || layoutChecksum(json) !== values.get('checksum')) {
    throw new AppError(
      'BOOK_TAMPERED',
      `Tệp "${fileName}": phần thông tin ẩn (trang tính "${sheetName}") đã bị sửa hoặc hỏng, mã kiểm tra không khớp. Hãy xuất lại tệp từ ứng dụng.`,
      where,
    );
  }
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new AppError(
      'BOOK_TAMPERED',
      `Tệp "${fileName}": phần thông tin ẩn không đọc được. Hãy xuất lại tệp từ ứng dụng.`,
      where,
    );
  }
}

/** Protects a sheet so that only its unlocked cells can be typed in (no password: this guards against slips, not people). */
export async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

export async function protectMeta(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}
