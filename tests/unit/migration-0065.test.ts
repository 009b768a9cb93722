// Migration 0065: a text indicator that repeats a narrative section is folded into the section,
// keeping every word the units typed (appended when both were filled), with a revision saying so.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0065_report_sent_as_is', () => {
  it('moves duplicate text answers onto their sections without losing a word', async () => {
    const conn = await migrateTo(migrationBefore('0065_report_sent_as_is'));
    dirs.push(conn.dir);
    const db = conn.sql;
    const at = '2025-06-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO templates (id, code, version, name, created_at, updated_at) VALUES (1, 'dv', 1, 'Mẫu', ?, ?)`,
    ).run(at, at);
    const section = db.prepare(
      `INSERT INTO template_sections (template_id, position, number, title, level, has_text) VALUES (1, ?, ?, ?, ?, 1)`,
    );
    section.run(1, 'II.4', 'Thực hiện dân chủ ở cơ sở', 2);
    section.run(2, 'III.1', 'Ưu điểm', 2);
    section.run(3, 'IV', 'Phương hướng, nhiệm vụ kỳ tới', 1);
    const indicator = db.prepare(
      `INSERT INTO template_indicators (template_id, position, code, name, type, rule) VALUES (1, ?, ?, ?, ?, ?)`,
    );
    indicator.run(1, 'DT01', 'Hội nghị đối thoại', 'count', 'SUM');
    indicator.run(2, 'TX01', 'Ưu điểm', 'text', 'TEXT');
    indicator.run(3, 'TX03', 'Phương hướng', 'text', 'TEXT');
    indicator.run(4, 'TX05', 'Ghi chú', 'text', 'TEXT');
    db.prepare(
      `INSERT INTO periods (id, name, type, year, idx, window_start, window_end, deadline, template_id, expected_mode, created_at, updated_at)
       VALUES (1, '6 tháng đầu năm 2025', 'half', 2025, 1, '2024-12-15', '2025-06-14', '2025-06-20', 1, 'kinds', ?, ?)`,
    ).run(at, at);
    const unit = db.prepare(
      `INSERT INTO units (id, code, name, kind, created_at, updated_at) VALUES (?, ?, ?, 'so_nganh', ?, ?)`,
    );
    const report = db.prepare(
      `INSERT INTO reports (id, period_id, unit_id, status, created_at, updated_at) VALUES (?, 1, ?, 'da_nop', ?, ?)`,
    );
    const value = db.prepare(`INSERT INTO report_values (report_id, field_key, text_value) VALUES (?, ?, ?)`);
    for (const id of [1, 2, 3]) {
      unit.run(id, `U${id}`, `Đơn vị ${id}`, at, at);
      report.run(id, id, at, at);
    }
    value.run(1, 'TX01', 'Đoàn kết.'); // only the indicator: moves to the section
    value.run(2, 'TX01', 'Chủ động.'); // both: appended
    value.run(2, 'muc:III.1', 'Sát sao.');
    value.run(3, 'TX01', 'Như nhau.'); // both, the same words: kept once
    value.run(3, 'muc:III.1', 'Như nhau.');
    value.run(3, 'TX03', 'Tiếp tục.');
    value.run(3, 'TX05', 'Ghi chú riêng.'); // names no section: stays

    const r = await conn.migrateToLatest();
    expect(r.applied).toContain('0065_report_sent_as_is');
    const values = db
      .prepare(`SELECT report_id, field_key, text_value FROM report_values ORDER BY report_id, field_key`)
      .all();
    expect(values).toEqual([
      { report_id: 1, field_key: 'muc:III.1', text_value: 'Đoàn kết.' },
      { report_id: 2, field_key: 'muc:III.1', text_value: 'Sát sao.\nChủ động.' },
      { report_id: 3, field_key: 'TX05', text_value: 'Ghi chú riêng.' },
      { report_id: 3, field_key: 'muc:III.1', text_value: 'Như nhau.' },
      { report_id: 3, field_key: 'muc:IV', text_value: 'Tiếp tục.' },
    ]);
    expect(db.prepare(`SELECT code FROM template_indicators ORDER BY position`).all()).toEqual([
      { code: 'DT01' },
      { code: 'TX05' },
    ]);
    // The history says what moved where: the old value of TX01 and the section before and after.
    const changes = db
      .prepare(
        `SELECT c.field_key, c.old_value, c.new_value FROM report_value_changes c JOIN report_revisions v ON v.id = c.revision_id WHERE v.report_id = 2 ORDER BY c.id`,
      )
      .all();
    expect(changes).toEqual([
      { field_key: 'TX01', old_value: 'Chủ động.', new_value: null },
      { field_key: 'muc:III.1', old_value: 'Sát sao.', new_value: 'Sát sao.\nChủ động.' },
    ]);
    const settings = db.prepare(`SELECT max_points, unit_text_annex FROM compile_settings`).all();
    expect(settings).toEqual([]); // no row yet: the defaults apply when read
    await conn.close();
  });
});
