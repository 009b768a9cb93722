// Migration 0040: applied on top of a database that already holds units and reports (every
// migration before it), keeping them; its constraints and triggers work on raw SQL.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteHandle } from '../../src/main/db/sqlite/database';
import { freshCore, migrateTo, migrationBefore } from './helpers';

describe('migration 0040_scoring', () => {
  it('adds the scoring tables over existing data; bounds, reasons, locks and history hold in SQL', async () => {
    const conn = await migrateTo(migrationBefore('0040_scoring'));
    const { dir, file } = conn;
    conn.sql
      .prepare(
        `INSERT INTO units (code, name, kind, created_at, updated_at) VALUES ('SNV', 'Sở Nội vụ', 'so_nganh', '2025-01-01', '2025-01-01')`,
      )
      .run();
    const result = await conn.migrateToLatest();
    expect(result.applied).toContain('0040_scoring');
    expect(result.backupPath).not.toBeNull();
    const db = conn.sql;
    db.prepare(
      `INSERT INTO scoring_sets (code, version, name, year, total_c, content, created_at) VALUES ('x', 1, 'X', 2025, 10000, '{}', '2025-01-01')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO scoring_sets (code, version, name, year, total_c, content, created_at) VALUES ('x', 1, 'X', 2025, 10000, '{}', '2025-01-01')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.prepare(`UPDATE scoring_sets SET content = '{"a":1}' WHERE code = 'x'`).run(); // not used yet: editable
    db.prepare(
      `INSERT INTO scoring_rounds (name, year, set_id, created_at) VALUES ('Đợt', 2025, 1, '2025-01-01')`,
    ).run();
    expect(() => db.prepare(`UPDATE scoring_sets SET content = '{}' WHERE code = 'x'`).run()).toThrow(/không được sửa/);
    db.prepare(`INSERT INTO scorings (round_id, unit_id, position, updated_at) VALUES (1, 1, 1, '2025-01-01')`).run();
    const line = (self: number | null, appraised: number | null, reason: string) =>
      db
        .prepare(
          `INSERT OR REPLACE INTO scoring_lines (scoring_id, code, kind, max_c, self_c, appraised_c, reason) VALUES (1, '1.1', 'criterion', 400, ?, ?, ?)`,
        )
        .run(self, appraised, reason);
    expect(() => line(401, null, '')).toThrow(/CHECK/);
    expect(() => line(-1, null, '')).toThrow(/CHECK/);
    expect(() => line(300, 200, '')).toThrow(/CHECK/);
    line(300, 200, 'Thiếu minh chứng');
    line(300, 300, '');
    db.prepare(`UPDATE scorings SET locked = 1`).run();
    expect(() => db.prepare(`UPDATE scoring_lines SET appraised_c = 100, reason = 'x'`).run()).toThrow(/đã được duyệt/);
    db.prepare(`INSERT INTO scoring_events (scoring_id, kind, at) VALUES (1, 'approved', '2025-01-01')`).run();
    expect(() =>
      db.prepare(`INSERT INTO scoring_events (scoring_id, kind, at) VALUES (1, 'deleted', '2025-01-01')`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`DELETE FROM scoring_events`).run()).toThrow(/chỉ được ghi thêm/);
    expect(db.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
    await conn.close();
    const core = await freshCore({ dir, file: path.basename(file), exports: dir });
    expect(sqliteHandle(core.database).prepare(`SELECT code, version FROM scoring_sets ORDER BY id`).all()).toEqual([
      { code: 'x', version: 1 },
      { code: 'dan-van-chinh-quyen', version: 1 },
    ]);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
