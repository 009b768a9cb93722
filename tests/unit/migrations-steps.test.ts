// One test per migration without a file of its own (the others: migrations.test.ts for 0002,
// migrations-scoring, migrations-doc-templates, migrations-workflow for 0090–0093, migration-0065,
// -0080, -0100, -0120): migrate to N-1, write rows as that version did, migrate to N, and check that
// the rows survived and the new rules hold.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore, type MigratingDatabase } from './helpers';

const open: MigratingDatabase[] = [];
afterEach(async () => {
  for (const m of open.splice(0)) {
    await m.close();
    fs.rmSync(m.dir, { recursive: true, force: true });
  }
});

async function at(name: string): Promise<MigratingDatabase> {
  const m = await migrateTo(name);
  open.push(m);
  return m;
}

const tables = (m: MigratingDatabase) =>
  (m.sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );

const AT = '2025-01-01T00:00:00.000Z';
const addUnit = (m: MigratingDatabase, code: string) =>
  m.sql
    .prepare(`INSERT INTO units (code, name, kind, created_at, updated_at) VALUES (?, ?, 'so_nganh', ?, ?)`)
    .run(code, `Đơn vị ${code}`, AT, AT).lastInsertRowid as number;

describe('0001_initial', () => {
  it('creates the agency (one row only), signers and a unit register with unique codes', async () => {
    const m = await at('0001_initial');
    expect(tables(m)).toEqual(expect.arrayContaining(['agency', 'signers', 'units']));
    m.sql.prepare(`INSERT INTO agency (id, name) VALUES (1, 'SỞ NỘI VỤ')`).run();
    expect(() => m.sql.prepare(`INSERT INTO agency (id, name) VALUES (2, 'Khác')`).run()).toThrow(/CHECK/);
    addUnit(m, 'SNV');
    expect(() => addUnit(m, 'SNV')).toThrow(/UNIQUE/);
    m.sql.pragma('foreign_keys = ON');
    expect(() =>
      m.sql
        .prepare(
          `INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES ('X', 'X', 'khac', 999, ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('0003_document_register', () => {
  it('adds the register over existing units: numbers from 1, unique per type and year', async () => {
    const m = await at(migrationBefore('0003_document_register'));
    addUnit(m, 'SNV');
    await m.migrateTo('0003_document_register');
    expect(m.sql.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
    const add = m.sql.prepare(
      `INSERT INTO document_register (document_type, year, number, symbol, date, created_at) VALUES (?, ?, ?, 'BC-SNV', '2025-01-02', ?)`,
    );
    add.run('bao_cao', 2025, 1, AT);
    add.run('bao_cao', 2026, 1, AT); // a new year starts again at 1
    add.run('cong_van', 2025, 1, AT); // each type has its own numbers
    add.run('bao_cao', 2025, null, AT); // a draft without a number
    expect(() => add.run('bao_cao', 2025, 1, AT)).toThrow(/UNIQUE/);
    expect(() => add.run('bao_cao', 2025, 0, AT)).toThrow(/CHECK/);
  });
});

describe('0004_plans_templates_periods', () => {
  it('adds plans, templates and periods over existing units; the kinds of each are checked', async () => {
    const m = await at(migrationBefore('0004_plans_templates_periods'));
    const unit = addUnit(m, 'SNV');
    await m.migrateTo('0004_plans_templates_periods');
    expect(tables(m)).toEqual(
      expect.arrayContaining(['plans', 'plan_tasks', 'plan_task_units', 'templates', 'periods', 'period_units']),
    );
    m.sql
      .prepare(
        `INSERT INTO templates (id, code, version, name, created_at, updated_at) VALUES (1, 'dv', 1, 'Mẫu', ?, ?)`,
      )
      .run(AT, AT);
    const indicator = m.sql.prepare(
      `INSERT INTO template_indicators (template_id, position, code, name, unit, type, rule, accumulation, grp) VALUES (1, 1, 'A', 'A', '', ?, ?, '', '')`,
    );
    indicator.run('count', 'SUM');
    expect(() => indicator.run('money', 'SUM')).toThrow(/CHECK/);
    const period = m.sql.prepare(
      `INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
       VALUES ('Quý I', ?, 2025, '2025-01-01', '2025-03-31', '2025-04-05', 1, 'list', '[]', '', ?, ?)`,
    );
    const p = period.run('quarter', AT, AT).lastInsertRowid as number;
    expect(() => period.run('week', AT, AT)).toThrow(/CHECK/);
    m.sql.prepare(`INSERT INTO period_units (period_id, unit_id) VALUES (?, ?)`).run(p, unit);
    expect(m.sql.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
  });
});

describe('0005_unit_reports', () => {
  it('adds reports over existing periods: one value kind per cell, history only ever appended', async () => {
    const m = await at(migrationBefore('0005_unit_reports'));
    const unit = addUnit(m, 'SNV');
    m.sql
      .prepare(
        `INSERT INTO templates (id, code, version, name, created_at, updated_at) VALUES (1, 'dv', 1, 'Mẫu', ?, ?)`,
      )
      .run(AT, AT);
    const period = m.sql
      .prepare(
        `INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
         VALUES ('Quý I', 'quarter', 2025, '2025-01-01', '2025-03-31', '2025-04-05', 1, 'kinds', '[]', '', ?, ?)`,
      )
      .run(AT, AT).lastInsertRowid as number;
    await m.migrateTo('0005_unit_reports');
    const report = m.sql
      .prepare(
        `INSERT INTO reports (period_id, unit_id, status, revision, created_at, updated_at) VALUES (?, ?, 'dang_nhap', 1, ?, ?)`,
      )
      .run(period, unit, AT, AT).lastInsertRowid as number;
    expect(() =>
      m.sql
        .prepare(
          `INSERT INTO reports (period_id, unit_id, status, revision, created_at, updated_at) VALUES (?, ?, 'xong', 1, ?, ?)`,
        )
        .run(period, unit, AT, AT),
    ).toThrow(/CHECK/);
    const value = m.sql.prepare(
      `INSERT INTO report_values (report_id, field_key, int_value, dec_value, text_value) VALUES (?, ?, ?, ?, ?)`,
    );
    value.run(report, 'A', 5, null, null);
    expect(() => value.run(report, 'B', 5, '5.0', null)).toThrow(/CHECK/);
    m.sql
      .prepare(
        `INSERT INTO report_events (report_id, from_status, to_status, actor, at) VALUES (?, 'chua_nop', 'dang_nhap', 'x', ?)`,
      )
      .run(report, AT);
    expect(() => m.sql.prepare(`UPDATE report_events SET actor = 'y'`).run()).toThrow(/chỉ được ghi thêm/);
    expect(() => m.sql.prepare(`DELETE FROM report_events`).run()).toThrow(/chỉ được ghi thêm/);
  });
});

describe('0010_collect_sources', () => {
  it('adds the returned workbooks register over existing reports; a SHA-256 is 64 characters', async () => {
    const m = await at(migrationBefore('0010_collect_sources'));
    const unit = addUnit(m, 'SNV');
    m.sql
      .prepare(
        `INSERT INTO templates (id, code, version, name, created_at, updated_at) VALUES (1, 'dv', 1, 'Mẫu', ?, ?)`,
      )
      .run(AT, AT);
    const period = m.sql
      .prepare(
        `INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
         VALUES ('Quý I', 'quarter', 2025, '2025-01-01', '2025-03-31', '2025-04-05', 1, 'kinds', '[]', '', ?, ?)`,
      )
      .run(AT, AT).lastInsertRowid as number;
    const report = m.sql
      .prepare(
        `INSERT INTO reports (period_id, unit_id, status, revision, created_at, updated_at) VALUES (?, ?, 'da_nop', 1, ?, ?)`,
      )
      .run(period, unit, AT, AT).lastInsertRowid as number;
    await m.migrateTo('0010_collect_sources');
    expect(m.sql.prepare('SELECT status FROM reports').all()).toEqual([{ status: 'da_nop' }]);
    const source = m.sql.prepare(
      `INSERT INTO collect_sources (period_id, unit_id, report_id, revision, channel, file_name, sha256, size, stored_path, changed_count, breach_count, actor, imported_at)
       VALUES (?, ?, ?, 1, ?, 'a.xlsx', ?, 10, 'sources/a.xlsx', 0, 0, 'x', ?)`,
    );
    source.run(period, unit, report, 'excel', 'a'.repeat(64), AT);
    expect(() => source.run(period, unit, report, 'excel', 'abc', AT)).toThrow(/CHECK/);
    expect(() => source.run(period, unit, report, 'email', 'b'.repeat(64), AT)).toThrow(/CHECK/);
  });
});

describe('0020_compile_drafts', () => {
  it('adds drafts (one per window of periods) and the settings row with empty lists', async () => {
    const m = await at(migrationBefore('0020_compile_drafts'));
    addUnit(m, 'SNV');
    await m.migrateTo('0020_compile_drafts');
    const draft = m.sql.prepare(
      `INSERT INTO compile_drafts (window_key, period_ids, sections, created_at, updated_at) VALUES (?, '[1]', '[]', ?, ?)`,
    );
    draft.run('1', AT, AT);
    expect(() => draft.run('1', AT, AT)).toThrow(/UNIQUE/);
    expect(m.sql.prepare(`SELECT compare_ids, title FROM compile_drafts`).get()).toEqual({
      compare_ids: '[]',
      title: '',
    });
    m.sql.prepare(`INSERT INTO compile_settings (id) VALUES (1)`).run();
    expect(m.sql.prepare(`SELECT kinh_gui, noi_nhan, email_to, email_cc, symbol FROM compile_settings`).get()).toEqual({
      kinh_gui: '[]',
      noi_nhan: '[]',
      email_to: '[]',
      email_cc: '[]',
      symbol: '',
    });
    expect(m.sql.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
  });
});

describe('0050_safety', () => {
  it('adds the audit log, its one-row context, the trash and settings over existing data', async () => {
    const m = await at(migrationBefore('0050_safety'));
    addUnit(m, 'SNV');
    await m.migrateTo('0050_safety');
    expect(tables(m)).toEqual(expect.arrayContaining(['audit_log', 'audit_context', 'trash', 'app_settings']));
    expect(m.sql.prepare(`SELECT id, user FROM audit_context`).all()).toEqual([{ id: 1, user: '' }]);
    expect(() => m.sql.prepare(`INSERT INTO audit_context (id, user) VALUES (2, 'x')`).run()).toThrow(/CHECK/);
    m.sql.prepare(`INSERT INTO app_settings (key, value) VALUES ('backups.keep', '14')`).run();
    expect(() => m.sql.prepare(`INSERT INTO app_settings (key, value) VALUES ('backups.keep', '7')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    m.sql.prepare(`INSERT INTO trash (table_name, row_id, row_json, deleted_at) VALUES ('units', 1, '{}', ?)`).run(AT);
    expect(m.sql.prepare(`SELECT label, children_json, user FROM trash`).get()).toEqual({
      label: '',
      children_json: '[]',
      user: '',
    });
    expect(m.sql.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
  });
});
