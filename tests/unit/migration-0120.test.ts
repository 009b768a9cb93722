// Migration 0120: re-pointings after a reorganisation, added beside existing acts.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0120_reorg_repoints', () => {
  it('records a re-pointing of an act, pointing at real acts and units only', async () => {
    const conn = await migrateTo(migrationBefore('0120_reorg_repoints'));
    dirs.push(conn.dir);
    const db = conn.sql;
    const at = '2025-07-05T00:00:00.000Z';
    db.prepare(
      `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, code_key, created_at, updated_at)
       VALUES ('A', 'Xã A', '', 'ubnd_xa', '', '', '', 10, 'a', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO reorganisations (effective_date, before_json, created_ids_json, created_at) VALUES ('2025-07-01', '{}', '[]', ?)`,
    ).run(at);
    const acts = JSON.stringify(db.prepare('SELECT * FROM reorganisations').all());
    await conn.migrateTo('0120_reorg_repoints');
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
