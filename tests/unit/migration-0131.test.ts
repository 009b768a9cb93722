// Migration 0131: each report's kept day (from which its row is its standing) and the key it was
// worked out from, added unknown to the reports already there (the board replays their events:
// standings-sql.test.ts).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0131_report_kept_standing', () => {
  it('adds the kept day and its key to every report, unknown for the reports already there', async () => {
    const conn = await migrateTo(migrationBefore('0131_report_kept_standing'));
    dirs.push(conn.dir);
    const db = conn.sql;
    const at = '2025-07-05T00:00:00.000Z';
    db.prepare(
      `INSERT INTO units (code, name, kind, code_key, created_at, updated_at) VALUES ('A', 'Xã A', 'ubnd_xa', 'a', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO templates (code, version, name, description, created_at, updated_at) VALUES ('t', 1, 'T', '', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
       VALUES ('6 tháng', 'half', 2025, '2024-12-15', '2025-06-14', '2025-06-20', 1, 'kinds', '["ubnd_xa"]', '', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO reports (period_id, unit_id, status, received_date, channel, revision, created_at, updated_at) VALUES (1, 1, 'da_nop', '2025-07-01', 'typed', 3, ?, ?)`,
    ).run(at, at);
    const before = db.prepare('SELECT * FROM reports').get() as Record<string, unknown>;
    await conn.migrateTo('0131_report_kept_standing');
    expect(db.prepare('SELECT * FROM reports').get()).toEqual({ ...before, standing_from: null, standing_key: null });
    await conn.close();
  });
});
