// Every path the app writes to or opens is checked here, whichever transport asked:
// exports may not land on the database or its backups, and only files the app wrote or keeps
// may be opened with the system's programs.
import path from 'node:path';
import type { Platform } from './platform';
import { AppError } from '../../shared/errors';

export interface GuardOptions {
  dbPath: string;
  dataDir: string;
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function guardPlatform(inner: Platform, opts: GuardOptions): Platform {
  const dbFiles = new Set(['', '-wal', '-shm', '-journal'].map((s) => path.resolve(opts.dbPath) + s));
  const backups = path.resolve(opts.dataDir, 'backups');
  /** Files and folders the user chose in a dialog during this session. */
  const chosen = new Set<string>();

  const checkWritable = (p: string): string => {
    const full = path.resolve(p);
    if (dbFiles.has(full))
      throw new AppError('PROTECTED_PATH', 'Không thể lưu đè lên tệp dữ liệu của ứng dụng. Hãy chọn tên tệp khác.', {
        file: path.basename(full),
      });
    if (inside(full, backups))
      throw new AppError(
        'PROTECTED_PATH',
        'Không lưu tệp xuất vào thư mục sao lưu của ứng dụng. Hãy chọn thư mục khác.',
        { file: path.basename(full) },
      );
    return full;
  };

  const checkOpenable = (target: string): string => {
    const full = path.resolve(target);
    const allowed = dbFiles.has(full)
      ? false
      : inside(full, path.resolve(opts.dataDir)) || [...chosen].some((c) => full === c || inside(full, c));
    if (!allowed)
      throw new AppError(
        'PROTECTED_PATH',
        `Không mở “${path.basename(full)}”: ứng dụng chỉ mở các tệp do ứng dụng ghi hoặc lưu giữ.`,
      );
    return full;
  };

  return {
    async chooseSavePath(defaultName, filters) {
      const p = await inner.chooseSavePath(defaultName, filters);
      if (p === null) return null;
      const full = checkWritable(p);
      chosen.add(full);
      return full;
    },
    async chooseOpenPath(filters) {
      const p = await inner.chooseOpenPath(filters);
      if (p !== null) chosen.add(path.resolve(p));
      return p === null ? null : path.resolve(p);
    },
    async chooseFolder() {
      const p = await inner.chooseFolder();
      if (p === null) return null;
      const full = path.resolve(p);
      if (inside(full, backups))
        throw new AppError('PROTECTED_PATH', 'Không ghi tệp vào thư mục sao lưu của ứng dụng. Hãy chọn thư mục khác.');
      chosen.add(full);
      return full;
    },
    async openPath(target) {
      await inner.openPath(checkOpenable(target));
    },
    async revealPath(target) {
      const full = checkOpenable(target);
      if (inner.revealPath) await inner.revealPath(full);
      else await inner.openPath(path.dirname(full));
    },
  };
}
