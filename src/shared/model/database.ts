// Which database this computer works on (issue 19): its own SQLite file, or the office's shared
// PostgreSQL server. Shown in Cài đặt → Cơ sở dữ liệu; never a password.

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseState {
  kind: DatabaseKind;
  /** The open database as shown: a file's path, or postgres://user@host:port/name (no password). */
  location: string;
  /** What the next start opens when it differs from the open one (a choice made, not yet in effect). */
  next: { kind: DatabaseKind; location: string } | null;
  /** Started with --db: `next` is what a start without it opens. */
  fixedByCommandLine: boolean;
  /** Where this computer keeps its choice (a file in the user's data folder). */
  choiceFile: string;
  /** Whether a server password can be kept, encrypted by the operating system for this user account. */
  passwordProtection: 'os' | 'none';
  /** The standard PostgreSQL password file read when no password is kept (pgpass). */
  passwordFile: string;
}

/** What "Kiểm tra kết nối" found. */
export interface DatabaseCheck {
  kind: DatabaseKind;
  location: string;
  /** The engine's version (SQLite's, or the PostgreSQL server's). */
  engineVersion: string;
  /** Applied steps of the app's schema, and those this version of the app would still apply. */
  applied: number;
  pending: number;
  /** Made by a newer version of the app: this one must not open it. */
  newer: boolean;
  /** No table at all: ready to receive a copy. */
  empty: boolean;
  /** Units in it, when it holds the app's data. */
  units: number | null;
  /** In Vietnamese, what it means for the user. */
  verdict: string;
}
