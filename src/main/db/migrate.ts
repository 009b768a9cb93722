// Applies the in-code migrations at start-up, after a backup of a non-empty database.
import { Migrator, type MigrationProvider } from 'kysely';
import path from 'node:path';
import type { Connection } from './sqlite/database';
import { migrations } from './migrations';
import { backupDatabase } from './backup';
import { AppError } from '../../shared/errors';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(conn: Connection): Migrator {
  return new Migrator({
    db: conn.db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export interface MigrateResult {
  applied: string[];
  backupPath: string | null;
  version: string;
}

export async function migrateToLatest(conn: Connection, options: { backupDir?: string } = {}): Promise<MigrateResult> {
  const migrator = createMigrator(conn);
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  const executedNames = known.filter((m) => m.executedAt).map((m) => m.name);
  const unknown = (await listExecuted(conn)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_NEWER',
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (có bước nâng cấp "${unknown[0]}" mà phiên bản này không biết). Hãy cập nhật ứng dụng.`,
    );
  }
  let backupPath: string | null = null;
  if (pending.length > 0 && executedNames.length > 0 && conn.path !== ':memory:') {
    backupPath = backupDatabase(
      conn.sqlite,
      options.backupDir ?? path.join(path.dirname(conn.path), 'backups'),
      'truoc-nang-cap',
    );
  }
  // Kysely runs all pending migrations in one transaction on SQLite: all or nothing.
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError(
      'DB_MIGRATION',
      `Nâng cấp cơ sở dữ liệu thất bại ở bước "${failed}": ${String(error instanceof Error ? error.message : error)}. Dữ liệu chưa bị thay đổi.`,
    );
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const all = await listExecuted(conn);
  return { applied, backupPath, version: all.at(-1) ?? '' };
}

async function listExecuted(conn: Connection): Promise<string[]> {
  const exists = conn.sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!exists) return [];
  const rows = conn.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[];
  return rows.map((r) => r.name);
}

export async function currentSchemaVersion(conn: Connection): Promise<string> {
  return (await listExecuted(conn)).at(-1) ?? '';
}
