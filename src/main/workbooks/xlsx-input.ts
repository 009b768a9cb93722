// Shared safeguards for every workbook that comes from outside: size, type, zip sanity,
// and a streaming row reader that stops early on huge sheets.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { cleanText } from '../../shared/text';
import { verifyZipEntries } from './zip-guard';

export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Uncompressed size allowed for all parts together: a guard against zip bombs. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** One entry may not expand more than this many times (deflate itself tops out near 1,032). */
export const MAX_COMPRESSION_RATIO = 500;
/** Entries smaller than this are never suspect, however well they compress. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Excel and LibreOffice keep a small owner file "~$name.xlsx" (".~lock.name.xlsx#") next to a
 * workbook while it is open: dropping a folder often brings one along.
 */
export function isOfficeLockFile(fileName: string): boolean {
  return /^~\$/.test(fileName) || /^\.~lock\..*#$/.test(fileName);
}

/** Checks that the bytes are a sane .xlsx package before any parser sees them; returns the zip. */
export async function assertXlsx(data: Uint8Array, fileName: string): Promise<JSZip> {
  const where = { file: fileName };
  if (isOfficeLockFile(fileName))
    throw new AppError(
      'FILE_LOCKED',
      `Tệp "${fileName}" là tệp khóa tạm của Excel/LibreOffice: bảng tính "${fileName.replace(/^~\$|^\.~lock\.|#$/g, '')}" đang được mở. Hãy lưu, đóng bảng tính rồi chọn lại tệp .xlsx.`,
      where,
    );
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp "${fileName}" rỗng (0 byte).`, where);
  if (data.length > MAX_WORKBOOK_BYTES)
    throw new AppError(
      'FILE_TOO_BIG',
      `Tệp "${fileName}" quá lớn (${(data.length / 1048576).toFixed(1)} MB, tối đa ${MAX_WORKBOOK_BYTES / 1048576} MB).`,
      where,
    );
  if (OLE_MAGIC.every((b, i) => data[i] === b))
    throw new AppError(
      'XLS_OLD',
      `Tệp "${fileName}" là bảng tính Excel cũ (.xls). Hãy mở tệp và lưu lại dưới dạng .xlsx rồi nhập lại.`,
      where,
    );
  if (!(data[0] === 0x50 && data[1] === 0x4b))
    throw new AppError('NOT_XLSX', `Tệp "${fileName}" không phải là bảng tính Excel (.xlsx).`, where);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp "${fileName}" bị hỏng hoặc không đọc được (tệp nén .xlsx không hợp lệ).`,
      where,
    );
  }
  if (!zip.file('xl/workbook.xml') || !zip.file('[Content_Types].xml'))
    throw new AppError(
      'NOT_XLSX',
      `Tệp "${fileName}" không phải là bảng tính Excel (.xlsx): thiếu phần xl/workbook.xml.`,
      where,
    );
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.name.includes('..') || entry.name.startsWith('/'))
      throw new AppError('CORRUPT_XLSX', `Tệp "${fileName}" chứa đường dẫn không hợp lệ "${entry.name}".`, where);
    // JSZip keeps the declared size of each entry; no decompression is needed to read it.
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    const size = declared?.uncompressedSize ?? 0;
    total += size;
    if (size > RATIO_FLOOR_BYTES && size > (declared?.compressedSize ?? 0) * MAX_COMPRESSION_RATIO)
      throw new AppError(
        'ZIP_BOMB',
        `Tệp "${fileName}" có phần "${entry.name}" nén bất thường (${Math.round(size / 1048576)} MB khi giải nén): có thể là tệp độc hại nên không đọc.`,
        where,
      );
  }
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new AppError(
      'ZIP_BOMB',
      `Tệp "${fileName}" khi giải nén quá lớn (${Math.round(total / 1048576)} MB, tối đa ${MAX_UNCOMPRESSED_BYTES / 1048576} MB): có thể là tệp độc hại nên không đọc.`,
      where,
    );
  // Declared sizes can lie: inflate everything once under a hard cap, checking each CRC.
  verifyZipEntries(zip, fileName, MAX_UNCOMPRESSED_BYTES);
  // The package's own table of contents must be there and say "spreadsheet", as Excel requires.
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (
    !/<Types[\s>]/.test(types) ||
    !/spreadsheetml/.test(types) ||
    !/<(\w+:)?workbook[\s>]/.test(book) ||
    !/<(\w+:)?sheet\s/.test(book) ||
    !rels ||
    !/<Relationships[\s>]/.test(rels)
  )
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp "${fileName}" bị hỏng: phần mục lục của bảng tính ([Content_Types].xml, xl/workbook.xml hoặc xl/_rels/workbook.xml.rels) thiếu hoặc không hợp lệ.`,
      where,
    );
  return zip;
}

/** Reads a file given on the command line; an open or locked file gets a message the user can act on. */
export function readInputFile(filePath: string, read: (p: string) => Buffer): Uint8Array {
  const name = filePath.split(/[\\/]/).pop() ?? filePath;
  try {
    return new Uint8Array(read(filePath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' || code === 'ETXTBSY')
      throw new AppError(
        'FILE_LOCKED',
        `Không đọc được tệp "${name}": tệp đang được mở hoặc bị khóa bởi chương trình khác (Excel?). Hãy đóng tệp rồi thử lại.`,
        { file: name },
      );
    if (code === 'ENOENT') throw new AppError('NO_FILE', `Không tìm thấy tệp "${filePath}".`, { file: name });
    if (code === 'EISDIR')
      throw new AppError('NOT_XLSX', `"${name}" là thư mục, không phải tệp .xlsx.`, { file: name });
    throw new AppError(
      'FILE_READ',
      `Không đọc được tệp "${name}": ${err instanceof Error ? err.message : String(err)}`,
      { file: name },
    );
  }
}

export type CellValue = ExcelJS.CellValue;

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cleanText(v.richText.map((r) => r.text).join(''));
    if ('text' in v && typeof v.text === 'string') return cleanText(v.text);
    if ('result' in v) return cellText(v.result as CellValue);
    if ('error' in v) return '';
  }
  return '';
}

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** 1-based cell values (index 0 unused). */
  values: CellValue[];
}

/**
 * Streams the rows of the first worksheet. Throws TOO_MANY_ROWS as soon as `maxRows` is passed,
 * so a 100,000-row sheet is refused without being held in memory.
 */
export async function readFirstSheetRows(
  data: Uint8Array,
  fileName: string,
  maxRows: number,
  shownLimit = maxRows,
): Promise<{ sheetName: string; rows: SheetRow[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const rows: SheetRow[] = [];
  let sheetName = '';
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
      sheetName = sheet.name ?? 'Sheet1';
      for await (const row of sheet) {
        if (rows.length >= maxRows) {
          throw new AppError(
            'TOO_MANY_ROWS',
            `Tệp "${fileName}" có quá nhiều dòng (vượt giới hạn ${shownLimit.toLocaleString('vi-VN')} dòng). Hãy chia nhỏ tệp.`,
            {
              file: fileName,
              row: row.number,
            },
          );
        }
        rows.push({ number: row.number, values: (row.values as CellValue[]) ?? [] });
      }
      break; // only the first sheet
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp "${fileName}" bị hỏng hoặc không đọc được: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  return { sheetName, rows };
}

/** Excel column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
