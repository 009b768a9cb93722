// Says what a copy of the data holds (a backup, a package's database), before anything is replaced,
// and rebuilds it into a new file made by the app's own migrations (see Database.rebuildCopy).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PENDING_DIR } from '../../core/pending';
import { AppError } from '../../../shared/errors';
import { migrations, latestMigration } from '../../db/migrations';
import type { Database } from '../../db/database';

const COUNTED: [string, string][] = [
  ['units', 'Đơn vị'],
  ['plans', 'Văn bản chỉ đạo'],
  ['templates', 'Mẫu báo cáo'],
  ['periods', 'Kỳ báo cáo'],
  ['reports', 'Báo cáo đơn vị'],
  ['document_register', 'Văn bản đã phát hành'],
];

export interface DatabaseSummary {
  integrity: string;
  schemaVersion: string;
  counts: { label: string; count: number }[];
}

/** Reads the copy through the open database's engine (which knows the copy's format), trusting nothing in it. */
export function inspectDatabaseFile(
  database: Database,
  file: string,
  shownName = path.basename(file),
): DatabaseSummary {
  const facts = database.inspectCopy(
    file,
    shownName,
    COUNTED.map(([t]) => t),
  );
  if (facts.integrity !== 'ok')
    throw new AppError(
      'BAD_BACKUP',
      `“${shownName}” bị hỏng (kiểm tra toàn vẹn: ${facts.integrity.slice(0, 200)}). Không khôi phục từ tệp này.`,
      { file: shownName },
    );
  if (facts.migrations === null)
    throw new AppError('BAD_BACKUP', `“${shownName}” không phải là dữ liệu của Báo cáo Nội vụ.`, { file: shownName });
  const unknown = facts.migrations.filter((n) => !(n in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'BACKUP_NEWER',
      `“${shownName}” được tạo bởi phiên bản mới hơn của ứng dụng (bước “${unknown[0]}”). Hãy cập nhật ứng dụng trước khi khôi phục.`,
      { file: shownName },
    );
  }
  const counts = COUNTED.filter(([t]) => t in facts.counts).map(([t, label]) => ({ label, count: facts.counts[t]! }));
  return { integrity: facts.integrity, schemaVersion: facts.migrations.at(-1) ?? '', counts };
}

/**
 * Rebuilds an outside copy into `target` (the file a restore or import will put in place) and says
 * what it holds. Refuses, by name, anything the app's migrations do not make.
 */
export async function rebuildDatabaseFile(
  database: Database,
  file: string,
  shownName: string,
  target: string,
): Promise<DatabaseSummary> {
  const facts = await database.rebuildCopy(
    file,
    shownName,
    target,
    COUNTED.map(([t]) => t),
  );
  const counts = COUNTED.filter(([t]) => t in facts.counts).map(([t, label]) => ({ label, count: facts.counts[t]! }));
  return { integrity: facts.integrity, schemaVersion: facts.migrations?.at(-1) ?? '', counts };
}

/** A new private file in the pending folder, for a database being checked and rebuilt. */
export function pendingFile(dataDir: string): string {
  fs.mkdirSync(path.join(dataDir, PENDING_DIR), { recursive: true });
  return path.join(dataDir, PENDING_DIR, `${crypto.randomBytes(8).toString('hex')}.work.db`);
}

/** Where the database rebuilt at the check of `token` waits for the user's "restore". */
export function rebuiltFileOf(dataDir: string, token: string): string {
  if (!/^[a-f0-9]{32}$/.test(token))
    throw new AppError('STALE_TOKEN', 'Phiên kiểm tra đã hết hạn. Hãy chọn và kiểm tra lại tệp.');
  return path.join(dataDir, PENDING_DIR, `${token}.rebuilt.db`);
}

/**
 * Runs the later step of a check with the file rebuilt at the check, and removes that file after,
 * whether the step was taken, refused or failed.
 */
export async function withRebuilt<T>(
  dataDir: string,
  token: string,
  step: (rebuilt: string) => Promise<T>,
): Promise<T> {
  const rebuilt = rebuiltFileOf(dataDir, token);
  try {
    return await step(rebuilt);
  } finally {
    fs.rmSync(rebuilt, { force: true });
  }
}

/** The rebuilt file must still be there when the step comes (it expires with the check). */
export function assertRebuilt(rebuilt: string): void {
  if (!fs.existsSync(rebuilt))
    throw new AppError('STALE_TOKEN', 'Phiên kiểm tra đã hết hạn. Hãy chọn và kiểm tra lại tệp.');
}

export { latestMigration };
