// Backups: daily on first start and before every upgrade (kept by a rotation the user sets),
// manual copies to a chosen file, and restore after a check, with a safety copy first.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core/core';
import { backupDatabase, timestamp } from '../../db/backup';
import { getSetting, setSetting } from './settings';
import type { BackupItem, BackupList, DataInspection } from '../../../shared/model/safety';
import { AppError } from '../../../shared/errors';
import { rotatedAway } from '../../../shared/domain/backup-rotation';
import {
  assertRebuilt,
  latestMigration,
  pendingFile,
  rebuildDatabaseFile,
  rebuiltFileOf,
  withRebuilt,
} from './inspect';
import { fileError } from '../../platform/files';
import { DB_FILE_NAME } from '../../platform/paths';
import { fileSha256, rememberPending, usePending } from '../../core/pending';

export const DEFAULT_KEEP = 14;
const KEEP_KEY = 'backups.keep';

export const backupFolder = (core: Core) => path.join(core.dataDir, 'backups');

/**
 * A copy this data's backups made: "<database name>-<yyyymmdd-hhmmss>-<reason>[-n].db". Any other
 * file in the folder (one planted there) is neither listed for restore nor counted by the rotation.
 */
function parseBackupName(base: string, name: string): { stamp: string; reason: string; n: number } | null {
  if (!name.startsWith(`${base}-`)) return null;
  const m = /^(\d{8}-\d{6})-([a-z]+(?:-[a-z]+)*?)(?:-(\d{1,4}))?\.db$/.exec(name.slice(base.length + 1));
  return m ? { stamp: m[1]!, reason: m[2]!, n: Number(m[3] ?? 1) } : null;
}

export async function listBackups(core: Core): Promise<BackupList> {
  const folder = backupFolder(core);
  const keep = await getSetting(core.db, KEEP_KEY, DEFAULT_KEEP);
  const file = core.database.file ?? DB_FILE_NAME;
  const base = path.basename(file, path.extname(file));
  const found = fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .map((name) => ({ name, parsed: parseBackupName(base, name) }))
        .filter((x) => x.parsed !== null && fs.statSync(path.join(folder, x.name)).isFile())
    : [];
  // newest first, by the time in the name (a copy's own clock), then by its number within a second
  found.sort((a, b) => b.parsed!.stamp.localeCompare(a.parsed!.stamp) || b.parsed!.n - a.parsed!.n);
  const items: BackupItem[] = found.map(({ name, parsed }) => {
    const st = fs.statSync(path.join(folder, name));
    return { name, size: st.size, createdAt: st.mtime.toISOString(), reason: parsed!.reason };
  });
  return { folder, keep, items };
}

/** Deletes the oldest automatic copies beyond `keep`, per kind. */
export async function rotateBackups(core: Core): Promise<string[]> {
  const { keep, items, folder } = await listBackups(core);
  const removed: string[] = [];
  for (const old of rotatedAway(items, keep)) {
    fs.rmSync(path.join(folder, old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}

export async function setBackupKeep(core: Core, keep: number): Promise<BackupList> {
  await setSetting(core.db, KEEP_KEY, keep);
  await rotateBackups(core);
  return listBackups(core);
}

/** The daily copy, made on the first start of each day; failures never stop the app. */
export async function dailyBackup(core: Core, now = new Date()): Promise<string | null> {
  if (core.database.file === null) return null;
  const today = timestamp(now).slice(0, 8);
  const { items } = await listBackups(core);
  if (items.some((i) => i.reason === 'hang-ngay' && i.name.includes(`-${today}-`))) return null;
  const file = await backupDatabase(core.database, backupFolder(core), 'hang-ngay', now);
  await rotateBackups(core);
  return file;
}

export async function manualBackup(core: Core): Promise<{ saved: boolean; path: string | null }> {
  const target = await core.platform.chooseSavePath(`sao-luu-bao-cao-noi-vu-${timestamp()}.db`, [
    { name: 'Bản sao lưu', extensions: ['db'] },
  ]);
  if (!target) return { saved: false, path: null };
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.rmSync(tmp, { force: true });
    await core.database.copyTo(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw fileError(err, target);
  }
  return { saved: true, path: target };
}

export async function inspectBackup(core: Core, name?: string): Promise<DataInspection | null> {
  let file: string | null;
  if (name !== undefined) {
    const own = path.basename(core.database.file ?? DB_FILE_NAME, '.db');
    if (name !== path.basename(name) || parseBackupName(own, name) === null)
      throw new AppError('BAD_NAME', `Tên bản sao lưu không hợp lệ: “${name.slice(0, 120)}”.`);
    file = path.join(backupFolder(core), name);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Không còn bản sao lưu “${name}”.`);
  } else {
    file = await core.platform.chooseOpenPath([{ name: 'Bản sao lưu', extensions: ['db', 'sqlite'] }]);
    if (!file) return null;
  }
  // Rebuilt now, with the write-ahead log beside it if there is one: what is shown is what a
  // restore will put in place; the log's hash is kept so that a log changed since is refused.
  const work = pendingFile(core.dataDir);
  let token: string;
  let summary;
  try {
    summary = await rebuildDatabaseFile(core.database, file, path.basename(file), work);
    const wal = fs.existsSync(`${file}-wal`) ? await fileSha256(`${file}-wal`) : null;
    token = await rememberPending(core.dataDir, 'backup', file, { wal });
    fs.renameSync(work, rebuiltFileOf(core.dataDir, token));
  } finally {
    fs.rmSync(work, { force: true });
  }
  return {
    token,
    fileName: path.basename(file),
    kind: 'backup',
    integrity: summary.integrity,
    schemaVersion: summary.schemaVersion,
    appSchemaVersion: latestMigration,
    counts: summary.counts,
    files: 0,
    createdAt: fs.statSync(file).mtime.toISOString(),
  };
}

/** Replaces the data with a checked backup, after a safety copy of the current data. */
export async function restoreBackup(core: Core, token: string): Promise<{ safetyCopy: string }> {
  // The chosen file is hashed again (usePending): changed since the check, it is refused; the file
  // put in place is the one rebuilt at the check.
  return withRebuilt(core.dataDir, token, (rebuilt) =>
    usePending<{ safetyCopy: string }, { wal?: string | null }>(core.dataDir, token, 'backup', async (_copy, entry) => {
      assertRebuilt(rebuilt);
      const wal = fs.existsSync(`${entry.file}-wal`) ? await fileSha256(`${entry.file}-wal`) : null;
      if (wal !== (entry.extra?.wal ?? null))
        throw new AppError(
          'FILE_CHANGED',
          `Tệp “${path.basename(entry.file)}” đã thay đổi sau khi kiểm tra (phần nhật ký -wal đi kèm). Không dùng tệp này; hãy kiểm tra lại tệp trước.`,
          { file: path.basename(entry.file) },
        );
      return replaceWithRebuilt(core, rebuilt);
    }),
  );
}

/** A safety copy of the current data, then the rebuilt file in its place (or the safety copy back). */
async function replaceWithRebuilt(core: Core, rebuilt: string): Promise<{ safetyCopy: string }> {
  const safetyCopy = await backupDatabase(core.database, backupFolder(core), 'truoc-khoi-phuc');
  try {
    await core.replaceDatabase(rebuilt);
  } catch (err) {
    // the restored file would not open: put the safety copy back
    await core.replaceDatabase(safetyCopy);
    throw err instanceof AppError
      ? err
      : new AppError(
          'RESTORE_FAILED',
          `Khôi phục thất bại, dữ liệu đã được trả lại như trước: ${err instanceof Error ? err.message : String(err)}`,
        );
  }
  return { safetyCopy };
}
