// Migration 0080: reorganisations and unit lineage added to a database that already has units.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0080_reorganisations', () => {
  it('adds the act and its lineage beside the existing units, which stay as they were', async () => {
    const conn = await migrateTo(migrationBefore('0080_reorganisations'));
    dirs.push(conn.dir);
    const db = conn.sql;
    const at = '2025-01-01T00:00:00.000Z';
    const add = db.prepare(
      `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
       VALUES (?, ?, '', 'ubnd_xa', '', '', '', 10, ?, ?)`,
    );
    add.run('A', 'Xã A', at, at);
    add.run('B', 'Xã B', at, at);
    const before = JSON.stringify(db.prepare('SELECT * FROM units ORDER BY id').all());
    await conn.migrateTo('0080_reorganisations');
    expect(JSON.stringify(db.prepare('SELECT * FROM units ORDER BY id').all())).toBe(before);
    db.prepare(
      `INSERT INTO reorganisations (effective_date, before_json, created_ids_json, created_at) VALUES ('2025-07-01', '{}', '[]', ?)`,
    ).run(at);
    db.prepare(
      `INSERT INTO unit_lineage (reorganisation_id, from_unit_id, to_unit_id, change, share, effective_date) VALUES (1, 1, 2, 'merge', NULL, '2025-07-01')`,
    ).run();
    db.prepare(
      `INSERT INTO unit_lineage (reorganisation_id, from_unit_id, to_unit_id, change, effective_date) VALUES (1, 2, NULL, 'abolish', '2025-07-01')`,
    ).run();
    expect(db.prepare('SELECT change, to_unit_id FROM unit_lineage ORDER BY id').all()).toEqual([
      { change: 'merge', to_unit_id: 2 },
      { change: 'abolish', to_unit_id: null },
    ]);
    // The lineage points at real units only.
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(
          `INSERT INTO unit_lineage (reorganisation_id, from_unit_id, change, effective_date) VALUES (1, 99, 'abolish', '2025-07-01')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    await conn.close();
  });
});
