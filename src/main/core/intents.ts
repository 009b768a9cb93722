// Kept files are written before the transaction that records them (a returned workbook's copy, a
// data package's files before its database takes over), so that a record always has its file.
// Before writing them, the writer notes which files it is about to create; the note goes once it is
// over. A note still there at the next start belongs to work killed half-way: the files it lists
// that no record names are removed, with their half-written temporary files, and nothing else (a
// file no record names may still be one an older backup refers to).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeFileAtomic } from '../platform/files';
import { EVIDENCE_DIR, REGISTERED_DIR, SOURCES_DIR } from '../platform/kept-files';

/** Notes of writes in progress (never part of a data package). */
export const INTENTS_DIR = 'dang-ghi';
const KEPT = [SOURCES_DIR, EVIDENCE_DIR, REGISTERED_DIR];
/** A note older than this is stale even if its process id was taken by another program since. */
const STALE_MS = 24 * 60 * 60 * 1000;

interface Intent {
  pid: number;
  at: number;
  /** Files the import creates, relative to the data folder. */
  files: string[];
}

/** Notes the kept files about to be written (relative to the data folder); returns what removes the note. */
export function noteWrites(dataDir: string, files: string[]): () => void {
  if (files.length === 0) return () => {};
  const dir = path.join(dataDir, INTENTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const note = path.join(dir, `${crypto.randomBytes(8).toString('hex')}.json`);
  const intent: Intent = { pid: process.pid, at: Date.now(), files };
  writeFileAtomic(note, new TextEncoder().encode(JSON.stringify(intent)));
  return () => fs.rmSync(note, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The listed files some record names (a returned workbook, an evidence file, a numbered report). */
async function recordedAmong(db: Kysely<DB>, files: string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const [a, b, c] = await Promise.all([
    db.selectFrom('collect_sources').select('stored_path as p').where('stored_path', 'in', files).execute(),
    db.selectFrom('scoring_evidence').select('stored_path as p').where('stored_path', 'in', files).execute(),
    db.selectFrom('compile_registrations').select('file as p').where('file', 'in', files).execute(),
  ]);
  return new Set([...a, ...b, ...c].map((r) => r.p));
}

/** Removes the files of work killed half-way; returns how many. */
export async function cleanInterruptedWrites(db: Kysely<DB>, dataDir: string, now = Date.now()): Promise<number> {
  const dir = path.join(dataDir, INTENTS_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  // a note cut short while it was being written (its import wrote nothing yet)
  for (const name of names) {
    const pid = /^\.[0-9a-f]{16}\.json\.(\d+)\.\d+\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid)))
      fs.rmSync(path.join(dir, name), { force: true });
  }
  const notes = names.filter((n) => /^[0-9a-f]{16}\.json$/.test(n));
  for (const name of notes) {
    const note = path.join(dir, name);
    let intent: Intent;
    try {
      intent = JSON.parse(fs.readFileSync(note, 'utf8')) as Intent;
    } catch {
      fs.rmSync(note, { force: true });
      continue;
    }
    // work still running (here or in another process) is left to finish
    if (intent.pid === process.pid || (alive(intent.pid) && now - intent.at < STALE_MS)) continue;
    const files = Array.isArray(intent.files) ? intent.files.filter((f) => typeof f === 'string') : [];
    const recorded = await recordedAmong(db, files);
    for (const rel of files) {
      const full = path.resolve(dataDir, rel);
      // only kept files, and only those no record names
      if (!KEPT.some((d) => full.startsWith(path.resolve(dataDir, d) + path.sep))) continue;
      // the half-written temporary file of an atomic write cut short (".<name>.<pid>.<time>.tmp")
      const tmpPrefix = `.${path.basename(full)}.${intent.pid}.`;
      for (const sibling of fs.existsSync(path.dirname(full)) ? fs.readdirSync(path.dirname(full)) : [])
        if (sibling.startsWith(tmpPrefix) && sibling.endsWith('.tmp')) {
          fs.rmSync(path.join(path.dirname(full), sibling), { force: true });
          removed++;
        }
      if (!recorded.has(rel) && fs.existsSync(full)) {
        fs.rmSync(full, { force: true });
        removed++;
      }
    }
    fs.rmSync(note, { force: true });
  }
  return removed;
}
