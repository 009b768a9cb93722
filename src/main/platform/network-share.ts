// SQLite's locking does not hold over SMB or NFS: two computers writing one file on a shared folder
// corrupt it sooner or later (a failure known from many applications). The app refuses such a data
// file and says what to do instead: one PostgreSQL server for the office (docs/POSTGRES.md).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** statfs magic numbers of network file systems (Linux): NFS, SMB, CIFS, SMB2, Coda, AFS, 9P, FUSE (sshfs…). */
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x73757245: 'Coda',
  0x5346414f: 'AFS',
  0x01021997: '9P',
};

/** Why `file` lies on a network share, or null. `statType` is for tests. */
export function networkShareOf(
  file: string,
  statType: (dir: string) => number | null = (dir) => {
    try {
      return Number(fs.statfsSync(dir).type);
    } catch {
      return null;
    }
  },
): string | null {
  // \\server\share\… or //server/share/… (a UNC path, also what a mapped drive resolves to).
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(file)) return 'thư mục dùng chung trên mạng (đường dẫn \\\\máy-chủ\\…)';
  if (process.platform === 'win32') return null;
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const type = statType(dir);
  const name = type === null ? undefined : NETWORK_FS[type];
  return name ? `ổ mạng ${name}` : null;
}

/** Refuses a SQLite data file on a network share, explaining the shared-database option. */
export function refuseNetworkShare(file: string, statType?: (dir: string) => number | null): void {
  const where = networkShareOf(file, statType);
  if (!where) return;
  throw new AppError(
    'DB_NETWORK_SHARE',
    `Tệp dữ liệu “${file}” nằm trên ${where}. SQLite không khóa được tệp qua mạng: nhiều máy cùng ghi sẽ làm hỏng dữ liệu. Hãy để tệp dữ liệu trên ổ đĩa của máy này, hoặc để cả phòng dùng chung một cơ sở dữ liệu PostgreSQL (Cài đặt → Cơ sở dữ liệu, hoặc --db postgres://…).`,
    { file },
  );
}
