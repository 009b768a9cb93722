// "Kiểm tra kết nối": what is at a location, read without changing anything — the engine's version,
// the app's steps applied there and those still pending, whether it is empty (ready for a copy).
import fs from 'node:fs';
import { sql } from 'kysely';
import { isPostgresUrl } from '../../db/database';
import { migrations } from '../../db/migrations';
import { AppError } from '../../../shared/errors';
import type { DatabaseCheck } from '../../../shared/model/database';
import { formatNumber } from '../../../shared/format';
import { openLocation } from './database-copy';

/** The oldest PostgreSQL the schema runs on (identity columns, EXECUTE FUNCTION in triggers). */
export const MIN_POSTGRES = 11;

export async function checkDatabase(location: string, nativeBinding?: string): Promise<DatabaseCheck> {
  if (!isPostgresUrl(location) && !fs.existsSync(location))
    throw new AppError('NOT_FOUND', `Không có tệp dữ liệu “${location}”.`, { file: location });
  const db = await openLocation(location, nativeBinding);
  try {
    const server = db.engine.kind === 'postgres';
    const version = server
      ? (await sql<{ v: string }>`SHOW server_version`.execute(db.db)).rows[0]!.v
      : (await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db.db)).rows[0]!.v;
    if (server && Number.parseInt(version, 10) < MIN_POSTGRES)
      throw new AppError(
        'DB_OLD_SERVER',
        `Máy chủ ${db.location} chạy PostgreSQL ${version}; ứng dụng cần PostgreSQL ${MIN_POSTGRES} trở lên.`,
      );
    const names = await db.executedMigrations();
    const tables = await db.engine.copy.tables(db.db);
    const units = tables.includes('units')
      ? Number(
          (
            await db.db
              .selectFrom('units')
              .select((e) => e.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : null;
    const newer = names.some((n) => !(n in migrations));
    const pending = Object.keys(migrations).filter((n) => !names.includes(n)).length;
    const engine = `${server ? 'PostgreSQL' : 'SQLite'} ${version}`;
    const verdict = newer
      ? `Kết nối được (${engine}), nhưng dữ liệu do phiên bản mới hơn của ứng dụng tạo ra: hãy cập nhật ứng dụng trên máy này trước.`
      : tables.length === 0
        ? `Kết nối được (${engine}). Cơ sở dữ liệu còn trống: có thể chép dữ liệu sang, hoặc dùng nó để bắt đầu từ đầu.`
        : units === null
          ? `Kết nối được (${engine}), nhưng cơ sở dữ liệu có ${tables.length} bảng không phải của ứng dụng: hãy dùng một cơ sở dữ liệu trống.`
          : `Kết nối được (${engine}). Có dữ liệu của ứng dụng: ${formatNumber(units)} đơn vị${
              pending ? `; còn ${pending} bước nâng cấp sẽ chạy khi mở` : '; đã ở phiên bản hiện tại'
            }.`;
    return {
      kind: db.engine.kind,
      location: db.location,
      engineVersion: version,
      applied: names.length,
      pending,
      newer,
      empty: tables.length === 0,
      units,
      verdict,
    };
  } finally {
    await db.close();
  }
}
