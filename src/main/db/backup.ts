// Timestamped copies of the data in a folder; the engine makes the copy (Database.copyTo).
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database';

export function timestamp(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Writes a timestamped copy of the database into `backupDir` and returns its path. */
export async function backupDatabase(
  database: Database,
  backupDir: string,
  reason: string,
  now: Date = new Date(),
): Promise<string> {
  fs.mkdirSync(backupDir, { recursive: true });
  const name = database.file ?? database.location;
  const base = path.basename(name, path.extname(name));
  let target = path.join(backupDir, `${base}-${timestamp(now)}-${reason}.db`);
  for (let i = 2; fs.existsSync(target); i++) {
    target = path.join(backupDir, `${base}-${timestamp(now)}-${reason}-${i}.db`);
  }
  await database.copyTo(target);
  return target;
}
