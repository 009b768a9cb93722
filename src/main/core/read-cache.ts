// Reads whose cost grows with the register (the status board, the trend, a compile, the unit list)
// are kept until the database changes, so opening a screen again or switching back to a period
// costs the same for 10 units as for 1,000. The key is the engine's read stamp (Engine.readStamp):
// SQLite's data_version (commits by other connections: the command line, a second window) with
// total_changes() (rows this connection has changed); PostgreSQL's snapshot of the server, which
// moves whenever a transaction begins or ends there, so any write anywhere drops every kept read.
// Why a kept read is then never older than its key: the stamp is taken before the read, so the read
// sees at least what the stamp saw; an equal stamp later means nothing committed in between.
import { engineOf, type AnyDb } from '../db/database';

/** Reads kept per database: the least recently used goes when one more comes. */
const KEEP = 24;
const kept = new WeakMap<object, { stamp: string; reads: Map<string, Promise<unknown>> }>();

/** Changes whenever a row of the database changes, by this connection or another; null: not kept. */
async function changeStamp(db: AnyDb): Promise<string | null> {
  return engineOf(db).readStamp(db);
}

/**
 * Keeps `value`, just written, as the read of `key` (a save answers what the next read would). Only
 * on SQLite, where others commit rarely (the command line): the stamp is taken after the save's
 * commit, and on a server another person's commit in between would be kept under it unseen.
 */
export async function keepRead<T>(db: AnyDb, key: string, value: T): Promise<T> {
  if (engineOf(db).kind !== 'sqlite') return value;
  const stamp = await changeStamp(db);
  if (stamp === null) return value;
  let cache = kept.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, reads: new Map() };
    kept.set(db, cache);
  }
  cache.reads.set(key, Promise.resolve(value));
  if (cache.reads.size > KEEP) cache.reads.delete(cache.reads.keys().next().value!);
  return value;
}

/** `read()` once per `key` until the database changes; the result is shared: callers must not change it. */
export async function keptRead<T>(db: AnyDb, key: string, read: () => Promise<T>): Promise<T> {
  const stamp = await changeStamp(db);
  if (stamp === null) return read();
  let cache = kept.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, reads: new Map() };
    kept.set(db, cache);
  }
  const reads = cache.reads;
  const hit = reads.get(key);
  if (hit) {
    // the least recently used read goes first, not the oldest: a screen's read in use stays kept
    // however many other reads come after it (a Map iterates in the order of insertion)
    reads.delete(key);
    reads.set(key, hit);
    return hit as Promise<T>;
  }
  const p = read();
  reads.set(key, p);
  if (reads.size > KEEP) reads.delete(reads.keys().next().value!);
  // a failed read is not kept: the next call tries again
  p.catch(() => reads.delete(key));
  return p;
}

/** `read()` kept as `keptRead` keeps it; null on an engine that keeps nothing (the caller reads less instead). */
export async function keptOrNull<T>(db: AnyDb, key: string, read: () => Promise<T>): Promise<T | null> {
  return (await changeStamp(db)) === null ? null : keptRead(db, key, read);
}
