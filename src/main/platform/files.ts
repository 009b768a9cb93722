// Files are written atomically: a temporary file in the same folder, fsync, then rename,
// so that no half-written file ever stands under its final name.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw fileError(err, target);
  }
}

/**
 * The same on the thread pool: many files in flight let the disk's flushes overlap with the work
 * that makes the next file (an export of 1,000 workbooks waits on fsync, not on the CPU).
 */
export async function writeFileAtomicAsync(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fh = await fs.promises.open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw fileError(err, target);
  }
}

/** Turns a file-system failure into a message the user can act on. */
export function fileError(err: unknown, target: string): AppError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(target);
  if (code === 'ENOSPC')
    return new AppError(
      'DISK_FULL',
      `Ổ đĩa đã đầy, không ghi được tệp “${name}”. Hãy giải phóng dung lượng rồi thử lại.`,
      { file: name },
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError(
      'READ_ONLY',
      `Không có quyền ghi vào thư mục “${path.dirname(target)}”. Hãy chọn thư mục khác.`,
      { file: name },
    );
  if (code === 'ENOENT')
    return new AppError('NO_FOLDER', `Thư mục “${path.dirname(target)}” không tồn tại.`, { file: name });
  if (code === 'EBUSY')
    return new AppError(
      'FILE_BUSY',
      `Tệp “${name}” đang được mở trong chương trình khác (Word/Excel?). Hãy đóng tệp rồi thử lại.`,
      { file: name },
    );
  return new AppError(
    'FILE_WRITE',
    `Không ghi được tệp “${name}”: ${err instanceof Error ? err.message : String(err)}`,
    { file: name },
  );
}

/** Copies a file so that the target is either the old file or the whole new one. */
export function copyFileAtomic(source: string, target: string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.copyFileSync(source, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw fileError(err, target);
  }
}
