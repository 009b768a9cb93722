// Copies of returned workbooks are written before the transaction that records them (so that a
// stored revision always has its file). A process killed between the two leaves a copy no record
// names: those are removed at the next start. Recent files are left alone, since another process
// (a command-line import) may be between its copy and its commit right now.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { SOURCES_DIR } from '../../platform/kept-files';

/** Files younger than this are someone's import in progress. */
export const ORPHAN_AGE_MS = 10 * 60 * 1000;

/** Removes kept copies (and leftover temporary files) no import recorded; returns how many. */
export async function cleanOrphanedSources(db: Kysely<DB>, dataDir: string, now = Date.now()): Promise<number> {
  const root = path.join(dataDir, SOURCES_DIR);
  if (!fs.existsSync(root)) return 0;
  const recorded = new Set(
    (await db.selectFrom('collect_sources').select('stored_path').execute()).map((r) => r.stored_path),
  );
  let removed = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
        if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
        continue;
      }
      const rel = path.relative(dataDir, full).split(path.sep).join('/');
      if (recorded.has(rel)) continue;
      try {
        if (fs.statSync(full).mtimeMs > now - ORPHAN_AGE_MS) continue;
        fs.rmSync(full, { force: true });
        removed++;
      } catch {
        // gone already, or locked by another program: the next start tries again
      }
    }
  };
  walk(root);
  return removed;
}
