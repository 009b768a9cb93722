// Migration 0180: criteria sets keep the moment of their last save (the version a form edits);
// the sets already there, used or not, start from the moment they were made.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0180_criteria_set_updated_at', () => {
  it('adds updated_at to every set, from its created_at, used sets included; the content stays', async () => {
    const conn = await migrateTo(migrationBefore('0180_criteria_set_updated_at'));
    dirs.push(conn.dir);
    const db = conn.sql;
    const insert = db.prepare(
      `INSERT INTO scoring_sets (code, version, name, province, year, total_c, content, created_at) VALUES (?, ?, ?, 'Quảng Nam', 2025, 10000, '{}', ?)`,
    );
    insert.run('dvcq', 1, 'Dân vận chính quyền', '2025-01-02T03:04:05.000Z');
    insert.run('dvcq', 2, 'Dân vận chính quyền', '2025-03-04T05:06:07.000Z');
    db.prepare(
      `INSERT INTO scoring_rounds (name, year, set_id, created_at) VALUES ('Đợt 2025', 2025, 1, '2025-02-01')`,
    ).run();
    const before = db.prepare('SELECT * FROM scoring_sets ORDER BY id').all() as Record<string, unknown>[];
    await conn.migrateTo('0180_criteria_set_updated_at');
    const after = db.prepare('SELECT * FROM scoring_sets ORDER BY id').all() as Record<string, unknown>[];
    expect(after).toEqual(before.map((r) => ({ ...r, updated_at: r.created_at })));
    // the used set is still guarded, and still takes a new moment
    expect(() => db.prepare(`UPDATE scoring_sets SET content = '{"a":1}' WHERE id = 1`).run()).toThrow(
      /không được sửa/,
    );
    db.prepare(`UPDATE scoring_sets SET updated_at = '2025-05-01' WHERE id = 1`).run();
    await conn.close();
  });
});
