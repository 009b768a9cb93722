// Migrations 0004 and 0005: applied on top of a database that already holds units, keeping them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite, sqliteHandle } from '../../src/main/db/sqlite/database';
import { createMigrator, migrateToLatest } from '../../src/main/db/migrate';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';

describe('migrations 0004_plans_templates_periods and 0005_unit_reports', () => {
  it('add the tables and keep existing units; history triggers refuse changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-mig-'));
    const file = path.join(dir, 'm.db');
    const conn = openSqlite(file);
    const r = await createMigrator(conn).migrateTo('0002_unit_search_and_events');
    expect(r.error).toBeUndefined();
    conn.handle
      .prepare(
        `INSERT INTO units (code, name, kind, created_at, updated_at) VALUES ('SNV', 'Sở Nội vụ', 'so_nganh', '2025-01-01', '2025-01-01')`,
      )
      .run();
    const result = await migrateToLatest(conn, { backupDir: path.join(dir, 'backups') });
    expect(result.applied).toEqual(expect.arrayContaining(['0004_plans_templates_periods', '0005_unit_reports']));
    const tables = (
      conn.handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
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
    expect(conn.handle.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
    await conn.close();
    const core = await openCore({ dbPath: file, platform: folderPlatform(dir) });
    expect(sqliteHandle(core.database).prepare('SELECT code, version FROM templates').all()).toEqual([
      { code: 'dan-van-chinh-quyen', version: 1 },
    ]);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
