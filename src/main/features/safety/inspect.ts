// Opens a database file read-only and says what it holds, before anything is replaced.
import Database from 'better-sqlite3';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { migrations, latestMigration } from '../../db/migrations';

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

export function inspectDatabaseFile(
  file: string,
  shownName = path.basename(file),
  nativeBinding?: string,
): DatabaseSummary {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError(
      'BAD_BACKUP',
      `Không mở được "${shownName}" như một cơ sở dữ liệu: ${err instanceof Error ? err.message : String(err)}`,
      { file: shownName },
    );
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch (err) {
      throw new AppError(
        'BAD_BACKUP',
        `"${shownName}" không phải là tệp dữ liệu SQLite hợp lệ hoặc đã bị hỏng: ${err instanceof Error ? err.message : String(err)}`,
        { file: shownName },
      );
    }
    if (integrity !== 'ok')
      throw new AppError(
        'BAD_BACKUP',
        `"${shownName}" bị hỏng (kiểm tra toàn vẹn: ${integrity.slice(0, 200)}). Không khôi phục từ tệp này.`,
        { file: shownName },
      );
    const hasTable = (name: string) =>
      !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
    if (!hasTable('schema_migrations') || !hasTable('units')) {
      throw new AppError('BAD_BACKUP', `"${shownName}" không phải là dữ liệu của Báo cáo Nội vụ.`, { file: shownName });
    }
    const names = (db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unknown = names.filter((n) => !(n in migrations));
    if (unknown.length > 0) {
      throw new AppError(
        'BACKUP_NEWER',
        `"${shownName}" được tạo bởi phiên bản mới hơn của ứng dụng (bước "${unknown[0]}"). Hãy cập nhật ứng dụng trước khi khôi phục.`,
        { file: shownName },
      );
    }
    const counts = COUNTED.filter(([t]) => hasTable(t)).map(([t, label]) => ({
      label,
      count: (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
    }));
    return { integrity, schemaVersion: names.at(-1) ?? '', counts };
  } finally {
    db.close();
  }
}

export { latestMigration };
