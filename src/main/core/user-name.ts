// Who works on this computer: the name set in Cài đặt → Nhật ký, written into the audit log with
// every change and used as the report screen's "Người nhập". Kept in this computer's data folder
// (nguoi-dung.json), not in the database: on a shared server every laptop has its own person, and
// a name kept in the database would be the last one anybody set, for everyone's next start.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { USER_NAME_KEY, getSetting } from '../db/app-settings';
import { writeFileAtomic } from '../platform/files';

export const USER_FILE = 'nguoi-dung.json';

/** The name set on this computer; '' when none. */
export async function localUserName(database: Database, dataDir: string): Promise<string> {
  try {
    const kept = JSON.parse(fs.readFileSync(path.join(dataDir, USER_FILE), 'utf8')) as { name?: unknown };
    if (typeof kept.name === 'string') return kept.name;
  } catch {
    // no file yet (or unreadable): as if none was set
  }
  // a laptop's own file named before this file existed (kept in the database then); a server's was shared
  return database.engine.kind === 'sqlite' ? getSetting(database.db, USER_NAME_KEY, '') : '';
}

export function saveLocalUserName(dataDir: string, name: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, USER_FILE), new TextEncoder().encode(JSON.stringify({ name }) + '\n'));
}
