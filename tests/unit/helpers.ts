// Test helpers: a fresh core on a temp file, and a fingerprint of the whole database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { type Core } from '../../src/main/core/core';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { sqliteHandle } from '../../src/main/db/sqlite/database';

export function tempDir(prefix = 'bcnv-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function freshCore(dir = tempDir()): Promise<Core> {
  return openCore({
    dbPath: path.join(dir, 'test.db'),
    platform: folderPlatform(path.join(dir, 'exports')),
    version: 'test',
  });
}

/** A checksum of every row of every table: equal before and after means nothing changed. */
export function databaseFingerprint(core: Core): string {
  const tables = sqliteHandle(core.database)
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const hash = crypto.createHash('sha256');
  for (const { name } of tables) {
    hash.update(name);
    for (const row of sqliteHandle(core.database).prepare(`SELECT * FROM "${name}"`).all())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
