// Reads whose cost grows with the register (the status board, the trend, a compile, the unit list)
// are kept until the database changes, so opening a screen again or switching back to a period
// costs the same for 10 units as for 1,000. The key is the engine's read stamp (Engine.readStamp):
// SQLite's data_version (commits by other connections: the command line, a second window) with
// total_changes() (rows this connection has changed); PostgreSQL's snapshot of the server, which
// moves whenever a transaction begins or ends there, so any write anywhere drops every kept read.
// Why a kept read is then never older than its key: the stamp is taken before the read, so the read
// sees at least what the stamp saw; an equal stamp later means nothing committed in between.
import { engineOf, type AnyDb } from '../db/database';

/**
 * Two pools, so that neither evicts the other: `large` reads grow with the register (a whole board,
 * the register, a compile draft: up to a few MB each at 1,000 units), `small` ones are bounded by
 * their limit (a board page of at most SMALL_LIMIT rows, a board head, the trend: 24 KB at most).
 * A screen switching periods leaves a head and a page or two per period: 24 places held the pages of
 * 8 periods at most, so every switch read its period again (issue 17). Bound: about 24 × a few MB
 * and 160 × 24 KB ≈ 4 MB for the small ones (a page of 100 rows at 1,000 units: 24 KB of heap). In
 * each pool the least recently used goes when one more comes.
 */
export type ReadSize = 'large' | 'small';
const KEEP: Record<ReadSize, number> = { large: 24, small: 160 };
/** A page of more rows than this is kept with the large reads. */
export const SMALL_LIMIT = 100;

interface Kept {
  stamp: string;
  pools: Record<ReadSize, Map<string, Promise<unknown>>>;
}
const kept = new WeakMap<object, Kept>();

/** The reads kept under `stamp` (new, empty pools when the data changed since). */
function readsAt(db: AnyDb, stamp: string, size: ReadSize): Map<string, Promise<unknown>> {
  let cache = kept.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, pools: { large: new Map(), small: new Map() } };
    kept.set(db, cache);
  }
  return cache.pools[size];
}

/** Keeps `p` as the read of `key`, the least recently used of the pool going when it is full. */
function keep(reads: Map<string, Promise<unknown>>, size: ReadSize, key: string, p: Promise<unknown>): void {
  reads.set(key, p);
  if (reads.size > KEEP[size]) reads.delete(reads.keys().next().value!);
}

/** Changes whenever a row of the database changes, by this connection or another; null: not kept. */
async function changeStamp(db: AnyDb): Promise<string | null> {
  return engineOf(db).readStamp(db);
}

/**
 * Keeps `value`, just written, as the read of `key` (a save answers what the next read would). Only
 * on SQLite, where others commit rarely (the command line): the stamp is taken after the save's
 * commit, and on a server another person's commit in between would be kept under it unseen.
 */
export async function keepRead<T>(db: AnyDb, key: string, value: T, size: ReadSize = 'large'): Promise<T> {
  if (engineOf(db).kind !== 'sqlite') return value;
  const stamp = await changeStamp(db);
  if (stamp === null) return value;
  const reads = readsAt(db, stamp, size);
  reads.delete(key);
  keep(reads, size, key, Promise.resolve(value));
  return value;
}

/**
 * `read()` once per `key` until the database changes; the result is shared: callers must not change it.
 * `size`: the pool it is kept in (see KEEP); a key always goes to the same pool.
 */
export async function keptRead<T>(
  db: AnyDb,
  key: string,
  read: () => Promise<T>,
  size: ReadSize = 'large',
): Promise<T> {
  const stamp = await changeStamp(db);
  if (stamp === null) return read();
  remember(db, key, { read, size, stamp });
  return keptAt(db, stamp, key, read, size);
}

function keptAt<T>(db: AnyDb, stamp: string, key: string, read: () => Promise<T>, size: ReadSize): Promise<T> {
  const reads = readsAt(db, stamp, size);
  const hit = reads.get(key);
  if (hit) {
    // the least recently used read goes first, not the oldest: a screen's read in use stays kept
    // however many other reads come after it (a Map iterates in the order of insertion)
    reads.delete(key);
    reads.set(key, hit);
    return hit as Promise<T>;
  }
  const p = read();
  keep(reads, size, key, p);
  // a failed read is not kept: the next call tries again
  p.catch(() => reads.delete(key));
  return p;
}

/** `read()` kept as `keptRead` keeps it; null on an engine that keeps nothing (the caller reads less instead). */
export async function keptOrNull<T>(db: AnyDb, key: string, read: () => Promise<T>): Promise<T | null> {
  return (await changeStamp(db)) === null ? null : keptRead(db, key, read);
}

// ——— Kept reads taken again after a change ———
// A change drops every kept read, so the first look after it (a report approved, then Tổng hợp)
// paid the whole read again: on 1,000 units a compile is about 35 ms against 7 on 10. The reads
// the screens used last are remembered with how to take them; when the app is idle after a change
// (core/warm-reads.ts decides when), they are taken again under the new stamp, the most recent first.

/** How many of the reads last used are taken again after a change. */
const WARM = 8;

interface Recipe {
  read: () => Promise<unknown>;
  size: ReadSize;
  /** The stamp this read was last taken under. */
  stamp: string;
}
const recipes = new WeakMap<object, Map<string, Recipe>>();

function remember(db: AnyDb, key: string, recipe: Recipe): void {
  let m = recipes.get(db);
  if (!m) recipes.set(db, (m = new Map()));
  m.delete(key);
  m.set(key, recipe);
  if (m.size > WARM) m.delete(m.keys().next().value!);
}

/**
 * Takes again, most recent first, the remembered reads the data changed under; stops when it changes
 * again meanwhile. Only on SQLite: a server's stamp moves with every transaction there, so what is
 * taken would not be kept. Failures are not kept and not reported (the screen's own read reports them).
 * Returns how many reads were taken again.
 */
export async function refreshKept(db: AnyDb): Promise<number> {
  const m = recipes.get(db);
  if (!m || engineOf(db).kind !== 'sqlite') return 0;
  const stamp = await changeStamp(db);
  if (stamp === null) return 0;
  let taken = 0;
  for (const [key, recipe] of [...m].reverse()) {
    if (recipe.stamp === stamp) continue;
    if ((await changeStamp(db)) !== stamp) break;
    recipe.stamp = stamp;
    try {
      await keptAt(db, stamp, key, recipe.read, recipe.size);
      taken++;
    } catch {
      // not kept (keptAt drops a failed read); the screen asks again and is told
    }
  }
  return taken;
}
