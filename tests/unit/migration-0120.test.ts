// Migration 0120: re-pointings after a reorganisation, added beside existing acts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { createMigrator } from '../../src/main/db/migrate';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0120_reorg_repoints', () => {
  it('records a re-pointing of an act, pointing at real acts and units only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-m120-'));
    dirs.push(dir);
    const conn = openSqlite(path.join(dir, 'm.db'));
    expect((await createMigrator(conn).migrateTo('0100_signer_signatures')).error).toBeUndefined();
    const db = conn.handle;
    const at = '2025-07-05T00:00:00.000Z';
    db.prepare(
      `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, code_key, created_at, updated_at)
       VALUES ('A', 'Xã A', '', 'ubnd_xa', '', '', '', 10, 'a', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO reorganisations (effective_date, before_json, created_ids_json, created_at) VALUES ('2025-07-01', '{}', '[]', ?)`,
    ).run(at);
    const acts = JSON.stringify(db.prepare('SELECT * FROM reorganisations').all());
    expect((await createMigrator(conn).migrateTo('0120_reorg_repoints')).error).toBeUndefined();
    expect(JSON.stringify(db.prepare('SELECT * FROM reorganisations').all())).toBe(acts);
    db.prepare(
      `INSERT INTO reorg_repoints (reorganisation_id, area, owner_id, from_unit_id, to_unit_ids, actor, at) VALUES (1, 'period_list', 3, 1, '[]', 'A', ?)`,
    ).run(at);
    expect(db.prepare('SELECT area, to_unit_ids FROM reorg_repoints').all()).toEqual([
      { area: 'period_list', to_unit_ids: '[]' },
    ]);
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(
          `INSERT INTO reorg_repoints (reorganisation_id, area, owner_id, from_unit_id, to_unit_ids, actor, at) VALUES (9, 'period_list', 3, 1, '[]', 'A', ?)`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    await conn.close();
  });
});
