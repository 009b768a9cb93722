// Which database this computer opens at start (Cài đặt → Cơ sở dữ liệu), kept per computer and per
// user account in a small file of the user's data folder, never in the database itself: the office
// server cannot say where it is. A server password is kept only encrypted by the operating system
// for this account (Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, the Secret
// Service on Linux); where the system offers no such store the password is not written anywhere,
// and PostgreSQL's own password file (pgpass) or PGPASSWORD supplies it (docs/POSTGRES.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isPostgresUrl } from '../db/database';
import { DB_FILE_NAME } from './paths';

/** The choice's file in the user's data folder. */
export const CHOICE_FILE = 'co-so-du-lieu.json';

/** The operating system's encryption for this user account, when it has one. */
export interface SecretStore {
  encrypt(text: string): string;
  decrypt(data: string): string;
}

export interface ServerAddress {
  host: string;
  port: number;
  database: string;
  user: string;
}

export type DatabaseChoice =
  | { kind: 'sqlite'; file: string }
  | (ServerAddress & { kind: 'postgres'; password?: { protectedBy: 'os'; data: string } });

/** postgres://user:password@host:port/database, each part escaped. */
export function serverUrl(a: ServerAddress, password = ''): string {
  const host = a.host.includes(':') && !a.host.startsWith('[') ? `[${a.host}]` : a.host;
  const who = encodeURIComponent(a.user) + (password ? `:${encodeURIComponent(password)}` : '');
  return `postgres://${who}@${host}:${a.port}/${encodeURIComponent(a.database)}`;
}

/** The standard PostgreSQL password file, read by the driver when no password is given. */
export function pgpassFile(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (env.PGPASSFILE) return env.PGPASSFILE;
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'postgresql', 'pgpass.conf');
  return path.join(os.homedir(), '.pgpass');
}

/** The choice saved on this computer, or null (none, or a file the app cannot read: the default is used). */
export function readChoice(file: string): DatabaseChoice | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const c = raw as Partial<DatabaseChoice> | null;
  if (c?.kind === 'sqlite' && typeof c.file === 'string' && c.file) return { kind: 'sqlite', file: c.file };
  if (
    c?.kind === 'postgres' &&
    typeof c.host === 'string' &&
    typeof c.port === 'number' &&
    typeof c.database === 'string' &&
    typeof c.user === 'string'
  ) {
    const p = c.password;
    return {
      kind: 'postgres',
      host: c.host,
      port: c.port,
      database: c.database,
      user: c.user,
      ...(p && p.protectedBy === 'os' && typeof p.data === 'string' ? { password: p } : {}),
    };
  }
  return null;
}

/** Written whole or not at all (a temporary file renamed), readable by this user account only. */
export function writeChoice(file: string, choice: DatabaseChoice): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const part = `${file}.part`;
  fs.writeFileSync(part, JSON.stringify(choice, null, 2), { mode: 0o600 });
  fs.renameSync(part, file);
}

/** Where the choice opens: a file's path, or the server's URL with the kept password (decrypted here only). */
export function choiceLocation(choice: DatabaseChoice, secrets: SecretStore | null): string {
  if (choice.kind === 'sqlite') return choice.file;
  let password = '';
  if (choice.password && secrets) {
    try {
      password = secrets.decrypt(choice.password.data);
    } catch {
      throw new AppError(
        'DB_PASSWORD',
        `Không giải mã được mật khẩu đã lưu cho máy chủ ${choice.host} (tài khoản máy hoặc hệ điều hành đã đổi). Hãy mở ứng dụng với --db, hoặc nhập lại mật khẩu trong Cài đặt → Cơ sở dữ liệu.`,
      );
    }
  }
  return serverUrl(choice, password);
}

/**
 * The database a start opens, the app's and the command line's alike: `--db` when given (a server's
 * URL as it is, a file made absolute); otherwise the choice saved in Cài đặt → Cơ sở dữ liệu for this
 * account; otherwise the app's own file in the user's data folder. The command line has no access to
 * the system's encryption (`secrets` null): a server's kept password is not used there, and
 * PostgreSQL's password file or PGPASSWORD supplies it (docs/POSTGRES.md).
 */
export function locateDatabase(given: string | undefined, userData: string, secrets: SecretStore | null): string {
  if (given && isPostgresUrl(given)) return given.trim();
  if (given) return path.resolve(given);
  const chosen = readChoice(path.join(userData, CHOICE_FILE));
  return chosen ? choiceLocation(chosen, secrets) : path.join(userData, DB_FILE_NAME);
}

/** The choice as shown: never the password. */
export function shownChoice(choice: DatabaseChoice): string {
  return choice.kind === 'sqlite' ? choice.file : serverUrl(choice);
}
