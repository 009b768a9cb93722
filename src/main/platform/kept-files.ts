// What the data folder keeps besides the database, in one place: the folders, the names the app
// gives its files, and the rules a file must pass to be kept (or to come in with a data package):
// evidence of an allowed type, by its name and by its content, never a program; source workbooks;
// the exact files of numbered reports. Nothing else is ever written there from outside.
import crypto from 'node:crypto';
import { formatMegabytes } from '../../shared/format';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { trimRun } from '../../shared/text';

/** Returned workbooks, kept as received. */
export const SOURCES_DIR = 'sources';
/** Evidence files of the scorings. */
export const EVIDENCE_DIR = 'evidence';
/** The exact files of the reports that took a number. */
export const REGISTERED_DIR = 'bao-cao-da-lay-so';
/** The app's own copies of the database; never written from outside. */
export const BACKUPS_DIR = 'backups';

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** Documents, spreadsheets, images, scans and archives of them that an office sends around. */
export const EVIDENCE_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'txt',
  'xls',
  'xlsx',
  'ods',
  'csv',
  'ppt',
  'pptx',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'bmp',
  'tif',
  'tiff',
  'webp',
  'heic',
  'mp4',
  'mp3',
  'zip',
  'rar',
  '7z',
] as const;

/** Signatures of programs, whatever the file is called. */
const EXECUTABLE_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x4d, 0x5a], what: 'chương trình Windows (.exe/.dll)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'chương trình Linux (ELF)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'chương trình macOS (Mach-O)' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'chương trình macOS (Mach-O)' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'chương trình macOS/Java' },
  { bytes: [0x23, 0x21], what: 'tệp lệnh (script)' },
];

/** What the first bytes of each accepted type look like; a file whose content is another type is refused. */
const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
const CONTENT: Partial<Record<(typeof EVIDENCE_EXTENSIONS)[number], { magic: number[][]; at?: number } | 'text'>> = {
  pdf: { magic: [[0x25, 0x50, 0x44, 0x46]] },
  docx: { magic: ZIP },
  xlsx: { magic: ZIP },
  pptx: { magic: ZIP },
  odt: { magic: ZIP },
  ods: { magic: ZIP },
  zip: { magic: [...ZIP, [0x50, 0x4b, 0x05, 0x06]] },
  doc: { magic: OLE },
  xls: { magic: OLE },
  ppt: { magic: OLE },
  rtf: { magic: [[0x7b, 0x5c, 0x72, 0x74, 0x66]] },
  png: { magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { magic: [[0xff, 0xd8, 0xff]] },
  gif: { magic: [[0x47, 0x49, 0x46, 0x38]] },
  bmp: { magic: [[0x42, 0x4d]] },
  tif: {
    magic: [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  },
  tiff: {
    magic: [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  },
  webp: { magic: [[0x52, 0x49, 0x46, 0x46]] },
  heic: { magic: [[0x66, 0x74, 0x79, 0x70]], at: 4 },
  mp4: { magic: [[0x66, 0x74, 0x79, 0x70]], at: 4 },
  rar: { magic: [[0x52, 0x61, 0x72, 0x21]] },
  '7z': { magic: [[0x37, 0x7a, 0xbc, 0xaf]] },
  txt: 'text',
  csv: 'text',
};

/** True when the content is what the extension says (types without a signature, such as mp3, pass). */
function contentMatches(ext: string, data: Uint8Array): boolean {
  const rule = CONTENT[ext as keyof typeof CONTENT];
  if (!rule) return true;
  if (rule === 'text') return !data.subarray(0, 4096).includes(0);
  return rule.magic.some((m) => m.every((b, i) => data[(rule.at ?? 0) + i] === b));
}

export interface CheckedEvidence {
  fileName: string;
  sha256: string;
  size: number;
  ext: string;
}

/** Refuses what must not be stored; names the file and says why. */
export function checkEvidence(fileName: string, data: Uint8Array): CheckedEvidence {
  const where = { file: fileName };
  const base = path.basename(fileName.replace(/\\/g, '/'));
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp minh chứng “${base}” rỗng (0 byte).`, where);
  if (data.length > MAX_EVIDENCE_BYTES) {
    throw new AppError(
      'FILE_TOO_BIG',
      `Tệp minh chứng “${base}” quá lớn (${formatMegabytes(data.length, MAX_EVIDENCE_BYTES)}); mỗi tệp tối đa ${MAX_EVIDENCE_BYTES / 1048576} MB. Hãy nén hoặc chia nhỏ tệp.`,
      where,
    );
  }
  const ext = path.extname(base).slice(1).toLowerCase();
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError(
      'FORBIDDEN_TYPE',
      `Tệp minh chứng “${base}” có kiểu ${ext ? `“.${ext}”` : '(không có phần mở rộng)'} không được nhận. Chỉ nhận văn bản, bảng tính, ảnh, tệp nén: ${EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`,
      where,
    );
  }
  const magic = EXECUTABLE_MAGIC.find((m) => m.bytes.every((b, i) => data[i] === b));
  if (magic)
    throw new AppError(
      'FORBIDDEN_TYPE',
      `Tệp minh chứng “${base}” thực chất là ${magic.what}, không được nhận vì lý do an toàn.`,
      where,
    );
  if (!contentMatches(ext, data))
    throw new AppError(
      'FORBIDDEN_TYPE',
      `Tệp minh chứng “${base}” mang đuôi “.${ext}” nhưng nội dung không phải tệp .${ext}: không được nhận. Hãy lưu lại đúng định dạng rồi gửi lại.`,
      where,
    );
  return { fileName: base, sha256: crypto.createHash('sha256').update(data).digest('hex'), size: data.length, ext };
}

/** A file name that is safe on every system, keeping Vietnamese letters. */
export function safeFileName(name: string): string {
  const spaced = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ');
  const cleaned = trimRun(spaced, '. ').slice(0, 120);
  return cleaned || 'minh-chung';
}

/** The name a stored evidence file is given ("<16 hex of its hash>-<safe name>"). */
export const storedName = (sha256: string, fileName: string) => `${sha256.slice(0, 16)}-${safeFileName(fileName)}`;

const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');
const isZip = (d: Uint8Array) => d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/**
 * Why a file may not be written at `rel` (a path inside the data folder, "/"-separated) with this
 * content, or null when it may: the three kinds the app keeps, each with the name the app gives it.
 */
export function keptFileProblem(rel: string, data: Uint8Array): string | null {
  const parts = rel.split('/');
  const [top] = parts;
  if (top === SOURCES_DIR) {
    if (parts.length !== 4 || !parts.slice(1).every((p) => SEGMENT.test(p)) || !rel.endsWith('.xlsx'))
      return 'không phải tên một biểu Excel đã nhận';
    return isZip(data) ? null : 'không phải bảng tính .xlsx';
  }
  if (top === EVIDENCE_DIR) {
    const name = parts[3] ?? '';
    if (parts.length !== 4 || !/^dot-\d{1,9}$/.test(parts[1]!) || !/^don-vi-\d{1,9}$/.test(parts[2]!))
      return 'không nằm đúng chỗ của một tệp minh chứng';
    const shown = name.slice(17);
    if (name !== storedName(sha256(data), shown)) return 'có tên không khớp nội dung (mã SHA-256)';
    try {
      checkEvidence(shown, data);
    } catch (err) {
      return err instanceof AppError ? err.message : 'không phải tệp minh chứng hợp lệ';
    }
    return null;
  }
  if (top === REGISTERED_DIR) {
    const m = parts.length === 2 ? /^\d{4}-\d{3,}-([0-9a-f]{12})\.docx$/.exec(parts[1]!) : null;
    if (!m || m[1] !== sha256(data).slice(0, 12)) return 'không phải bản lưu của một báo cáo đã lấy số';
    return isZip(data) ? null : 'không phải tệp .docx';
  }
  return 'không thuộc loại tệp nào phần mềm lưu giữ (chỉ nhận biểu Excel đã nhận, tệp minh chứng, báo cáo đã lấy số)';
}

/** Folders a package never writes into, whatever its manifest says. */
export const isProtectedPath = (rel: string) => rel.split('/')[0] === BACKUPS_DIR || path.isAbsolute(rel);
