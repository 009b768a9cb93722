// Evidence files (tài liệu kiểm chứng) of a scoring: checked (size, type by name and by content,
// no executables; the rules live with the other kinds of kept files), hashed with SHA-256 and
// written atomically under <data folder>/evidence/. Only paths inside that folder are ever opened,
// and only after the same checks again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../../platform/files';
import { checkEvidence, EVIDENCE_DIR, storedName, type CheckedEvidence } from '../../platform/kept-files';

export { checkEvidence, EVIDENCE_DIR, MAX_EVIDENCE_BYTES, type CheckedEvidence } from '../../platform/kept-files';

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
    storedName(checked.sha256, checked.fileName),
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
    throw new AppError('OUTSIDE_DATA', `Đường dẫn tệp minh chứng “${storedPath}” nằm ngoài thư mục dữ liệu, không mở.`);
  return abs;
}

/**
 * Checks a stored file again before it is opened, whatever put it there (a data package, another
 * program): it is the file recorded (same name as shown, same hash), and its content passes every
 * rule a new evidence file passes (an allowed type by its real name, no program, content of its type).
 */
export function verifyStoredEvidence(
  dataDir: string,
  row: { stored_path: string; file_name: string; sha256: string },
): string {
  const abs = evidencePath(dataDir, row.stored_path);
  if (path.basename(abs) !== storedName(row.sha256, row.file_name))
    throw new AppError(
      'EVIDENCE_CHANGED',
      `Tệp minh chứng “${row.file_name}” được lưu dưới tên khác (“${path.basename(abs).slice(0, 120)}”): không mở, vì tệp mở ra phải đúng là tệp hiện tên.`,
      { file: row.file_name },
    );
  let data: Uint8Array;
  try {
    data = fs.readFileSync(abs);
  } catch {
    data = new Uint8Array();
  }
  if (data.length === 0 || crypto.createHash('sha256').update(data).digest('hex') !== row.sha256)
    throw new AppError(
      'EVIDENCE_CHANGED',
      `Tệp minh chứng “${row.file_name}” đã bị xóa hoặc thay đổi trong thư mục dữ liệu (mã SHA-256 không khớp), không mở.`,
      { file: row.file_name },
    );
  checkEvidence(row.file_name, data);
  return abs;
}
