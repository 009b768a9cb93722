// Migrations 0004 and 0005: applied on top of a database that already holds units, keeping them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteHandle } from '../../src/main/db/sqlite/database';
import { freshCore, migrateTo } from './helpers';

describe('migrations 0004_plans_templates_periods and 0005_unit_reports', () => {
  it('add the tables and keep existing units; history triggers refuse changes', async () => {
    const conn = await migrateTo('0003_document_register');
    const { dir, file } = conn;
    conn.sql
      .prepare(
        `INSERT INTO units (code, name, kind, created_at, updated_at) VALUES ('SNV', 'Sở Nội vụ', 'so_nganh', '2025-01-01', '2025-01-01')`,
      )
      .run();
    const result = await conn.migrateToLatest();
    expect(result.applied).toEqual(expect.arrayContaining(['0004_plans_templates_periods', '0005_unit_reports']));
    const tables = (
      conn.sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of [
      'plans',
      'plan_tasks',
      'plan_task_units',
      'plan_targets',
      'templates',
      'template_sections',
      'template_indicators',
      'template_rules',
      'periods',
      'period_units',
      'reports',
      'report_values',
      'report_revisions',
      'report_value_changes',
      'report_events',
      'installed_resources',
    ]) {
      expect(tables).toContain(t);
    }
    expect(conn.sql.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
    await conn.close();
    const core = await freshCore({ dir, file: path.basename(file), exports: dir });
    expect(sqliteHandle(core.database).prepare('SELECT code, version FROM templates').all()).toEqual([
      { code: 'dan-van-chinh-quyen', version: 1 },
    ]);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
