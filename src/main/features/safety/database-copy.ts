// Moving the data between a laptop's SQLite file and the office's PostgreSQL server, either way:
// the source is read in one snapshot, the target must be empty (a new file, or a server database
// without tables), is made by the app's migrations up to the source's version, and receives every
// row in one transaction, checked table by table (db/copy.ts). Also: testing a connection.
import fs from 'node:fs';
import path from 'node:path';
import { isPostgresUrl, type Database } from '../../db/database';
import { copyData, type CopyProgress, type CopySummary } from '../../db/copy';
import { dropMadeSince, schemaObjects, type SchemaObjects } from '../../db/postgres/copy';
import { createMigrator } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { openSqlite } from '../../db/sqlite/database';
import { openPostgres } from '../../db/postgres/database';
import { refuseNetworkShare } from '../../platform/network-share';
import { AppError } from '../../../shared/errors';

/** Opens a file or a server for a copy or a check; a file on a network share is refused. */
export async function openLocation(location: string, nativeBinding?: string): Promise<Database> {
  if (isPostgresUrl(location)) return openPostgres(location, { nativeBinding, poolSize: 2 });
  refuseNetworkShare(location);
  return openSqlite(path.resolve(location), { nativeBinding });
}

/**
 * Copies all the data from `from` into the empty `to`; says what was copied. A refusal or a failure
 * at any point leaves the target as it was: a new file is made beside it (`….part`) and renamed only
 * once whole and checked; on a server, what the copy made in the empty database is dropped again.
 */
export async function copyDatabase(
  from: string,
  to: string,
  nativeBinding?: string,
  progress?: CopyProgress,
): Promise<CopySummary> {
  if (!isPostgresUrl(from) && !fs.existsSync(from))
    throw new AppError('NOT_FOUND', `Không có tệp dữ liệu “${from}”.`, { file: from });
  const toServer = isPostgresUrl(to);
  if (!toServer) {
    refuseNetworkShare(to);
    if (fs.existsSync(to))
      throw new AppError('TARGET_EXISTS', `Tệp “${to}” đã có: chỉ chép sang một tệp mới, không ghi đè dữ liệu.`, {
        file: to,
      });
  }
  const part = `${path.resolve(to)}.part`;
  const source = await openLocation(from, nativeBinding);
  let target: Database | null = null;
  let made: SchemaObjects | null = null;
  let whole = false;
  try {
    const names = await source.executedMigrations();
    if (names.length === 0 || !(await source.engine.copy.tables(source.db)).includes('units'))
      throw new AppError('BAD_SOURCE', `${source.location} không chứa dữ liệu của Báo cáo Nội vụ.`);
    const unknown = names.find((n) => !(n in migrations));
    if (unknown)
      throw new AppError(
        'DB_NEWER',
        `${source.location} do phiên bản mới hơn của ứng dụng tạo ra (bước “${unknown}”).`,
      );
    if (!toServer) removeFile(part);
    target = await openLocation(toServer ? to : part, nativeBinding);
    const present = await target.engine.copy.tables(target.db);
    if (present.length > 0)
      throw new AppError(
        'TARGET_NOT_EMPTY',
        `Cơ sở dữ liệu ${target.location} đã có ${present.length} bảng: chỉ chép vào một cơ sở dữ liệu trống (tạo mới bằng CREATE DATABASE).`,
      );
    if (toServer) made = await schemaObjects(target.db);
    const { error } = await createMigrator(target).migrateTo(names.at(-1)!);
    if (error) throw error;
    const summary = await copyData(source, target, progress);
    whole = true;
    return summary;
  } finally {
    await source.close();
    if (target && made && !whole) await dropMadeSince(target.db, made).catch(() => undefined);
    if (target) await target.close();
    if (!toServer && target) {
      if (whole) fs.renameSync(part, to);
      else removeFile(part);
    }
  }
}

function removeFile(file: string): void {
  for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + s, { force: true });
}
