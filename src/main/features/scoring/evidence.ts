// Evidence files (tài liệu kiểm chứng) of a scoring: checked (size, type, no executables), hashed
// with SHA-256 and written atomically under <data folder>/evidence/. Only paths inside that
// folder are ever opened.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../../platform/files';

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const EVIDENCE_DIR = 'evidence';

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
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp minh chứng "${base}" rỗng (0 byte).`, where);
  if (data.length > MAX_EVIDENCE_BYTES) {
    throw new AppError(
      'FILE_TOO_BIG',
      `Tệp minh chứng "${base}" quá lớn (${(data.length / 1048576).toFixed(1).replace('.', ',')} MB); mỗi tệp tối đa ${MAX_EVIDENCE_BYTES / 1048576} MB. Hãy nén hoặc chia nhỏ tệp.`,
      where,
    );
  }
  const ext = path.extname(base).slice(1).toLowerCase();
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError(
      'FORBIDDEN_TYPE',
      `Tệp minh chứng "${base}" có kiểu ${ext ? `".${ext}"` : '(không có phần mở rộng)'} không được nhận. Chỉ nhận văn bản, bảng tính, ảnh, tệp nén: ${EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`,
      where,
    );
  }
  const magic = EXECUTABLE_MAGIC.find((m) => m.bytes.every((b, i) => data[i] === b));
  if (magic)
    throw new AppError(
      'FORBIDDEN_TYPE',
      `Tệp minh chứng "${base}" thực chất là ${magic.what}, không được nhận vì lý do an toàn.`,
      where,
    );
  return { fileName: base, sha256: crypto.createHash('sha256').update(data).digest('hex'), size: data.length, ext };
}

/** A file name that is safe on every system, keeping Vietnamese letters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'minh-chung';
}

/** Writes the bytes under the data folder; returns the path relative to it. */
export function storeEvidence(
  dataDir: string,
  roundId: number,
  unitId: number,
  checked: CheckedEvidence,
  data: Uint8Array,
): string {
  const rel = path.join(
    EVIDENCE_DIR,
    `dot-${roundId}`,
    `don-vi-${unitId}`,
    `${checked.sha256.slice(0, 16)}-${safeFileName(checked.fileName)}`,
  );
  const abs = path.join(dataDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  if (!fs.existsSync(abs)) writeFileAtomic(abs, data);
  return rel.split(path.sep).join('/');
}

/** The absolute path of a stored file, refused when it would lie outside <data folder>/evidence. */
export function evidencePath(dataDir: string, storedPath: string): string {
  const root = path.resolve(dataDir, EVIDENCE_DIR);
  const abs = path.resolve(dataDir, storedPath);
  if (!abs.startsWith(root + path.sep))
    throw new AppError('OUTSIDE_DATA', `Đường dẫn tệp minh chứng "${storedPath}" nằm ngoài thư mục dữ liệu, không mở.`);
  return abs;
}

/** True when the file on disk still has the hash recorded for it. */
export function evidenceIntact(abs: string, sha256: string): boolean {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex') === sha256;
  } catch {
    return false;
  }
}
