// Consistent copies of the database file (VACUUM INTO works while WAL is in use).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export function timestamp(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Writes a timestamped copy of the database into `backupDir` and returns its path. */
export function backupDatabase(
  sqlite: Database.Database,
  backupDir: string,
  reason: string,
  now: Date = new Date(),
): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const base = path.basename(sqlite.name, path.extname(sqlite.name));
  let target = path.join(backupDir, `${base}-${timestamp(now)}-${reason}.db`);
  for (let i = 2; fs.existsSync(target); i++) {
    target = path.join(backupDir, `${base}-${timestamp(now)}-${reason}-${i}.db`);
  }
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
