// Reads a SQLite copy (a backup, a package's data) read-only: integrity, migrations, row counts.
import type BetterSqlite3 from 'better-sqlite3';
import type { CopyFacts } from '../database';
import { AppError } from '../../../shared/errors';
import { executedMigrations, openSqliteReadOnly } from './database';

export function inspectSqliteFile(
  file: string,
  shownName: string,
  countTables: string[],
  nativeBinding?: string,
): CopyFacts {
  let db: BetterSqlite3.Database;
  try {
    db = openSqliteReadOnly(file, nativeBinding);
  } catch (err) {
    throw new AppError(
      'BAD_BACKUP',
      `Không mở được “${shownName}” như một cơ sở dữ liệu: ${err instanceof Error ? err.message : String(err)}`,
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
        `“${shownName}” không phải là tệp dữ liệu SQLite hợp lệ hoặc đã bị hỏng: ${err instanceof Error ? err.message : String(err)}`,
        { file: shownName },
      );
    }
    if (integrity !== 'ok') return { integrity, migrations: null, counts: {} };
    const hasTable = (name: string) =>
      !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
    const migrations = hasTable('schema_migrations') && hasTable('units') ? executedMigrations(db) : null;
    const counts: Record<string, number> = {};
    for (const t of countTables)
      if (hasTable(t))
        counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
    return { integrity, migrations, counts };
  } finally {
    db.close();
  }
}
