// Shared safeguards for every workbook that comes from outside: size, type, zip sanity (every
// entry inflated once under a cap), a table of contents that says "spreadsheet"; then the text of
// each part, decoded as it streams out of the inflater so that a character split between two
// chunks is never cut, and scanned by the linear-time XML scanner.
import JSZip from 'jszip';
import { formatMegabytes } from '../../shared/format';
import { AppError } from '../../shared/errors';
import { verifyZipEntriesAsync } from './zip-guard';
import { readPartText, scanPart, type XlsxPackage } from './xlsx-part';
import { attr } from './xml-scan';
import {
  readSheetCells,
  readWorkbookParts,
  type RawCell,
  type SheetInfo,
  type SheetReadOptions,
  type WorkbookParts,
} from './xlsx-cells';

export type { XlsxPackage } from './xlsx-part';

export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Uncompressed size allowed for all parts together: a guard against zip bombs. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** One entry may not expand more than this many times (deflate itself tops out near 1,032). */
export const MAX_COMPRESSION_RATIO = 500;
/** Inflated parts kept for reading, at most (larger packages inflate the rest again as they are read). */
const KEPT_BYTES = 32 * 1024 * 1024;
/** Entries smaller than this are never suspect, however well they compress. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Excel and LibreOffice keep a small owner file "~$name.xlsx" (".~lock.name.xlsx#") next to a
 * workbook while it is open: dropping a folder often brings one along.
 */
export function isOfficeLockFile(fileName: string): boolean {
  return /^~\$/.test(fileName) || /^\.~lock\..*#$/.test(fileName);
}

/** Checks that the bytes are a sane .xlsx package before any parser sees them. */
export async function assertXlsx(data: Uint8Array, fileName: string): Promise<XlsxPackage> {
  const where = { file: fileName };
  if (isOfficeLockFile(fileName))
    throw new AppError(
      'FILE_LOCKED',
      `Tệp “${fileName}” là tệp khóa tạm của Excel/LibreOffice: bảng tính “${fileName.replace(/^~\$|^\.~lock\.|#$/g, '')}” đang được mở. Hãy lưu, đóng bảng tính rồi chọn lại tệp .xlsx.`,
      where,
    );
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp “${fileName}” rỗng (0 byte).`, where);
  if (data.length > MAX_WORKBOOK_BYTES)
    throw new AppError(
      'FILE_TOO_BIG',
      `Tệp “${fileName}” quá lớn (${formatMegabytes(data.length, MAX_WORKBOOK_BYTES)}, tối đa ${MAX_WORKBOOK_BYTES / 1048576} MB).`,
      where,
    );
  if (OLE_MAGIC.every((b, i) => data[i] === b))
    throw new AppError(
      'XLS_OLD',
      `Tệp “${fileName}” là bảng tính Excel cũ (.xls). Hãy mở tệp và lưu lại dưới dạng .xlsx rồi nhập lại.`,
      where,
    );
  if (!(data[0] === 0x50 && data[1] === 0x4b))
    throw new AppError('NOT_XLSX', `Tệp “${fileName}” không phải là bảng tính Excel (.xlsx).`, where);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp “${fileName}” bị hỏng hoặc không đọc được (tệp nén .xlsx không hợp lệ).`,
      where,
    );
  }
  if (!zip.file('xl/workbook.xml') || !zip.file('[Content_Types].xml'))
    throw new AppError(
      'NOT_XLSX',
      `Tệp “${fileName}” không phải là bảng tính Excel (.xlsx): thiếu phần xl/workbook.xml.`,
      where,
    );
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.name.includes('..') || entry.name.startsWith('/'))
      throw new AppError('CORRUPT_XLSX', `Tệp “${fileName}” chứa đường dẫn không hợp lệ “${entry.name}”.`, where);
    // JSZip keeps the declared size of each entry; no decompression is needed to read it.
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    const size = declared?.uncompressedSize ?? 0;
    total += size;
    if (size > RATIO_FLOOR_BYTES && size > (declared?.compressedSize ?? 0) * MAX_COMPRESSION_RATIO)
      throw new AppError(
        'ZIP_BOMB',
        `Tệp “${fileName}” có phần “${entry.name}” nén bất thường (${Math.round(size / 1048576)} MB khi giải nén): có thể là tệp độc hại nên không đọc.`,
        where,
      );
  }
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new AppError(
      'ZIP_BOMB',
      `Tệp “${fileName}” khi giải nén quá lớn (${Math.round(total / 1048576)} MB, tối đa ${MAX_UNCOMPRESSED_BYTES / 1048576} MB): có thể là tệp độc hại nên không đọc.`,
      where,
    );
  // Declared sizes can lie: inflate everything once under a hard cap, checking each CRC. The XML
  // parts (what the readers read) are kept as inflated, up to KEPT_BYTES, so none is inflated twice.
  const inflated = new Map<string, Uint8Array>();
  let kept = 0;
  await verifyZipEntriesAsync(zip, fileName, MAX_UNCOMPRESSED_BYTES, 'CORRUPT_XLSX', (name, bytes) => {
    if (!(name.endsWith('.xml') || name.endsWith('.rels')) || kept + bytes.length > KEPT_BYTES) return;
    inflated.set(name, bytes);
    kept += bytes.length;
  });
  // The package's own table of contents must be there and say "spreadsheet", as Excel requires.
  const pkg: XlsxPackage = { fileName, zip, inflated };
  const roots = async (part: string) => {
    const found: string[] = [];
    let spreadsheet = false;
    const xml = await readPartText(pkg, part);
    if (xml === null) return { found, spreadsheet };
    await scanPart(pkg, part, xml, {
      open(name, attrs) {
        found.push(name);
        if ((attr(attrs, 'ContentType') ?? '').includes('spreadsheetml')) spreadsheet = true;
      },
    });
    return { found, spreadsheet };
  };
  const types = await roots('[Content_Types].xml');
  const book = await roots('xl/workbook.xml');
  const rels = await roots('xl/_rels/workbook.xml.rels');
  if (
    types.found[0] !== 'Types' ||
    !types.spreadsheet ||
    book.found[0] !== 'workbook' ||
    !book.found.includes('sheet') ||
    rels.found[0] !== 'Relationships'
  )
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp “${fileName}” bị hỏng: phần mục lục của bảng tính ([Content_Types].xml, xl/workbook.xml hoặc xl/_rels/workbook.xml.rels) thiếu hoặc không hợp lệ.`,
      where,
    );
  return pkg;
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
        `Không đọc được tệp “${name}”: tệp đang được mở hoặc bị khóa bởi chương trình khác (Excel?). Hãy đóng tệp rồi thử lại.`,
        { file: name },
      );
    if (code === 'ENOENT') throw new AppError('NO_FILE', `Không tìm thấy tệp “${filePath}”.`, { file: name });
    if (code === 'EISDIR')
      throw new AppError('NOT_XLSX', `“${name}” là thư mục, không phải tệp .xlsx.`, { file: name });
    throw new AppError(
      'FILE_READ',
      `Không đọc được tệp “${name}”: ${err instanceof Error ? err.message : String(err)}`,
      { file: name },
    );
  }
}

/** Excel column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A checked package with its sheet list read; each sheet's cells are read once, when asked. */
export interface CheckedWorkbook {
  pkg: XlsxPackage;
  parts: WorkbookParts;
  cells(sheet: SheetInfo, opts?: SheetReadOptions): Promise<Map<string, RawCell>>;
}

/** Opens a workbook from outside: every check of assertXlsx, then its sheets, strings and styles. */
export async function openWorkbook(data: Uint8Array, fileName: string, chunkSize?: number): Promise<CheckedWorkbook> {
  const pkg = await assertXlsx(data, fileName);
  if (chunkSize) pkg.chunkSize = chunkSize;
  const parts = await readWorkbookParts(pkg);
  const read = new Map<string, Promise<Map<string, RawCell>>>();
  return {
    pkg,
    parts,
    cells(sheet, opts) {
      let p = read.get(sheet.part);
      if (!p) read.set(sheet.part, (p = readSheetCells(pkg, parts, sheet, opts)));
      return p;
    },
  };
}
