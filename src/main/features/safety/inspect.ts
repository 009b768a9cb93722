// Says what a copy of the data holds (a backup, a package's database), before anything is replaced.
import path from 'node:path';
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
      `"${shownName}" bị hỏng (kiểm tra toàn vẹn: ${facts.integrity.slice(0, 200)}). Không khôi phục từ tệp này.`,
      { file: shownName },
    );
  if (facts.migrations === null)
    throw new AppError('BAD_BACKUP', `"${shownName}" không phải là dữ liệu của Báo cáo Nội vụ.`, { file: shownName });
  const unknown = facts.migrations.filter((n) => !(n in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'BACKUP_NEWER',
      `"${shownName}" được tạo bởi phiên bản mới hơn của ứng dụng (bước "${unknown[0]}"). Hãy cập nhật ứng dụng trước khi khôi phục.`,
      { file: shownName },
    );
  }
  const counts = COUNTED.filter(([t]) => t in facts.counts).map(([t, label]) => ({ label, count: facts.counts[t]! }));
  return { integrity: facts.integrity, schemaVersion: facts.migrations.at(-1) ?? '', counts };
}

export { latestMigration };
