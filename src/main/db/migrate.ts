// Applies the in-code migrations at start-up, after a backup of a non-empty database.
import { Migrator, type MigrationProvider } from 'kysely';
import path from 'node:path';
import type { Database } from './database';
import { migrations, migrationsFor } from './migrations';
import { backupDatabase } from './backup';
import { AppError } from '../../shared/errors';

export function createMigrator(database: Database): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(database.engine) };
  return new Migrator({
    db: database.db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Helpers number their migrations in ranges of their own and land in any order (0150 may land
    // before 0130): a database that ran a later one still gets the earlier one when it arrives.
    allowUnorderedMigrations: true,
  });
}

export interface MigrateResult {
  applied: string[];
  backupPath: string | null;
  version: string;
}

export async function migrateToLatest(
  database: Database,
  options: { backupDir?: string } = {},
): Promise<MigrateResult> {
  const migrator = createMigrator(database);
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  const executedNames = known.filter((m) => m.executedAt).map((m) => m.name);
  const unknown = (await database.executedMigrations()).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_NEWER',
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (có bước nâng cấp “${unknown[0]}” mà phiên bản này không biết). Hãy cập nhật ứng dụng.`,
    );
  }
  let backupPath: string | null = null;
  if (pending.length > 0 && executedNames.length > 0 && database.file !== null) {
    backupPath = await backupDatabase(
      database,
      options.backupDir ?? path.join(path.dirname(database.file), 'backups'),
      'truoc-nang-cap',
    );
  }
  // Kysely runs all pending migrations in one transaction (the engines here have transactional DDL).
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError(
      'DB_MIGRATION',
      `Nâng cấp cơ sở dữ liệu thất bại ở bước “${failed}”: ${String(error instanceof Error ? error.message : error)}. Dữ liệu chưa bị thay đổi.`,
    );
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const all = await database.executedMigrations();
  return { applied, backupPath, version: all.at(-1) ?? '' };
}

export async function currentSchemaVersion(database: Database): Promise<string> {
  return (await database.executedMigrations()).at(-1) ?? '';
}
