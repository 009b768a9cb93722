// Checked files waiting for a later step (restore a backup, import a data package). The caller
// holds a token, never a path. Entries live in the data folder, not in memory, so the later step
// may come from another process (a second `call` on the command line); each one expires, is used
// once, and remembers the file's SHA-256 so that a file changed since the check is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../platform/files';

export const PENDING_DIR = 'pending';
export const PENDING_TTL_MS = 60 * 60 * 1000;
const TOKEN = /^[a-f0-9]{32}$/;

export interface PendingEntry<X = unknown> {
  kind: string;
  file: string;
  sha256: string;
  size: number;
  expiresAt: number;
  extra?: X;
}

const folder = (dataDir: string) => path.join(dataDir, PENDING_DIR);
const entryPath = (dataDir: string, token: string) => path.join(folder(dataDir), `${token}.json`);

const stale = () => new AppError('STALE_TOKEN', 'Phiên kiểm tra đã hết hạn. Hãy chọn và kiểm tra lại tệp.');

/** SHA-256 of a file, read in pieces (backups can be large). */
export async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Deletes expired entries (and copies left by a crash); never fails the caller. */
export function sweepPending(dataDir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder(dataDir));
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(folder(dataDir), name);
    try {
      if (name.endsWith('.json')) {
        const e = JSON.parse(fs.readFileSync(full, 'utf8')) as Partial<PendingEntry>;
        if (!(typeof e.expiresAt === 'number' && e.expiresAt > now)) fs.rmSync(full, { force: true });
      } else if (fs.statSync(full).mtimeMs < now - PENDING_TTL_MS) fs.rmSync(full, { force: true, recursive: true });
    } catch {
      fs.rmSync(full, { force: true, recursive: true });
    }
  }
}

/** Records a checked file and returns the token for the later step. */
export async function rememberPending<X>(
  dataDir: string,
  kind: string,
  file: string,
  extra?: X,
  now = Date.now(),
): Promise<string> {
  sweepPending(dataDir, now);
  const token = crypto.randomBytes(16).toString('hex');
  const entry: PendingEntry<X> = {
    kind,
    file: path.resolve(file),
    sha256: await fileSha256(file),
    size: fs.statSync(file).size,
    expiresAt: now + PENDING_TTL_MS,
    extra,
  };
  fs.mkdirSync(folder(dataDir), { recursive: true });
  writeFileAtomic(entryPath(dataDir, token), new TextEncoder().encode(JSON.stringify(entry)));
  return token;
}

/**
 * Takes the entry of `token` (once: it is deleted) and hands `use` a private copy of the file,
 * made while hashing it: the copy is what was checked, or the step is refused.
 */
export async function usePending<T, X = unknown>(
  dataDir: string,
  token: string,
  kind: string,
  use: (copy: string, entry: PendingEntry<X>) => Promise<T>,
  now = Date.now(),
): Promise<T> {
  if (!TOKEN.test(token)) throw stale();
  const at = entryPath(dataDir, token);
  let entry: PendingEntry<X>;
  try {
    entry = JSON.parse(fs.readFileSync(at, 'utf8')) as PendingEntry<X>;
  } catch {
    throw stale();
  }
  fs.rmSync(at, { force: true });
  if (entry.kind !== kind || !(entry.expiresAt > now)) throw stale();
  const name = path.basename(entry.file);
  const copy = path.join(folder(dataDir), `${token}.copy`);
  const hash = crypto.createHash('sha256');
  try {
    await pipeline(
      fs.createReadStream(entry.file),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(copy, { mode: 0o600 }),
    );
  } catch {
    fs.rmSync(copy, { force: true });
    throw new AppError('READ_FAILED', `Không còn đọc được “${name}”. Hãy chọn và kiểm tra lại tệp.`, { file: name });
  }
  try {
    if (hash.digest('hex') !== entry.sha256)
      throw new AppError(
        'FILE_CHANGED',
        `Tệp “${name}” đã thay đổi sau khi kiểm tra. Không dùng tệp này; hãy kiểm tra lại tệp trước.`,
        { file: name },
      );
    return await use(copy, entry);
  } finally {
    fs.rmSync(copy, { force: true });
  }
}
