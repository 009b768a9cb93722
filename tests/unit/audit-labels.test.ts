// Nhật ký speaks Vietnamese: every column the triggers record has a label, values read as people
// read them (no raw JSON, no ISO dates, no internal codes), and "who" is the name set in Cài đặt
// with the computer's account as a detail.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { auditedTables } from '../../src/main/db/sqlite/audit';
import { createDispatch } from '../../src/main/dispatch';
import { BUILT_IN_AUDIT_USER, COLUMN_LABELS, auditUserText, auditValue } from '../../src/shared/model/audit-labels';
import { TABLE_LABELS, type AuditPage } from '../../src/shared/model/safety';
import { bookSecret } from '../../src/main/features/safety/settings';
import { auditWorkbook, listAudit } from '../../src/main/features/safety/audit-log';
import { freshCore, tempDir } from './helpers';
import { setupCollect } from './collect-helpers';
import { blankUnit } from './refusals';

let core: Core;
let dir: string;
beforeEach(async () => {
  dir = tempDir('bcnv-audit-labels-');
  core = await freshCore(dir);
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit labels', () => {
  it('names every audited table and column in Vietnamese', async () => {
    const db = new Database(path.join(dir, 'test.db'), { readonly: true });
    try {
      const missing: string[] = [];
      for (const t of auditedTables(db)) {
        if (!TABLE_LABELS[t]) missing.push(t);
        for (const { name } of db.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[])
          if (!COLUMN_LABELS[name]) missing.push(`${t}.${name}`);
      }
      expect(missing).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('reads values as people do', () => {
    expect(auditValue('expected_kinds', '["ubnd_xa","ubnd_phuong"]')).toBe('UBND xã, UBND phường');
    expect(auditValue('deadline', '2025-06-20')).toBe('20/06/2025');
    expect(auditValue('created_at', '2025-06-20T08:05:09.123Z')).toBe('20/06/2025 08:05');
    expect(auditValue('status', 'da_nop')).toBe('Đã nộp');
    expect(auditValue('is_default', 1)).toBe('Có');
    expect(auditValue('deadlines', '[{"periodType":"half","monthDay":"06-20"}]')).toBe(
      'Loại kỳ: 6 tháng; Ngày trong năm: 06-20',
    );
    expect(auditValue('name', null)).toBeNull();
    expect(auditUserText('root')).toBe('Chưa đặt tên người dùng (tài khoản máy: root)');
  });

  it('lists changes with labels and readable values, and the name set in Cài đặt', async () => {
    const dispatch = createDispatch(core);
    expect((await dispatch('audit.setUser', { name: 'Nguyễn Thị Lan' })).ok).toBe(true);
    const s = await setupCollect(core.db, 2);
    await dispatch('reports.save', {
      periodId: s.period.id,
      unitId: s.units[0]!.id,
      values: [{ key: 'DT01', input: 2 }],
    });
    const r = await dispatch('audit.list', { limit: 1000 });
    if (!r.ok) throw new Error(r.error.message);
    const page = r.value as AuditPage;
    expect(page.rows.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const row of page.rows) {
      if (['units', 'periods', 'reports'].includes(row.tableName))
        expect(auditUserText(row.user)).toMatch(/^Nguyễn Thị Lan \(tài khoản máy: .+\)$/);
      for (const c of row.changes) {
        if (/^[a-z]+(_[a-z]+)+$/.test(c.label) || c.label === c.field) leaks.push(`${row.tableName}: label ${c.label}`);
        for (const v of [c.before, c.after])
          if (v && (/^[[{]/.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v))) leaks.push(`${row.tableName}.${c.field}: ${v}`);
      }
    }
    expect(leaks).toEqual([]);
    const period = page.rows.find((x) => x.tableName === 'periods' && x.action === 'insert')!;
    expect(period.changes.map((c) => c.label)).toContain('Loại đơn vị phải báo cáo');
    expect(period.changes.find((c) => c.field === 'expected_kinds')!.after).toBe('UBND xã');
    expect(period.changes.some((c) => c.field === 'id')).toBe(false);
  });
  it('names the app, not the person who first started it, for the data it installs itself', async () => {
    const dispatch = createDispatch(core);
    expect((await dispatch('audit.setUser', { name: 'Nguyễn Thị Lan' })).ok).toBe(true);
    await dispatch('units.create', blankUnit('X01', { name: 'Xã Tam Xuân', kind: 'ubnd_xa' }));
    const { rows } = await listAudit(core.db, { limit: 1000 });
    const who = (table: string) => [
      ...new Set(rows.filter((r) => r.tableName === table).map((r) => auditUserText(r.user))),
    ];
    for (const table of ['installed_resources', 'templates', 'template_rules', 'scoring_sets'])
      expect(who(table), table).toEqual([BUILT_IN_AUDIT_USER]);
    expect(who('units')).toEqual([expect.stringMatching(/^Nguyễn Thị Lan \(tài khoản máy: .+\)$/)]);
    const installed = rows
      .filter((r) => r.tableName === 'installed_resources')
      .map((r) => r.changes.find((c) => c.field === 'name')?.after);
    expect(installed.sort()).toEqual([
      'Bộ tiêu chí chấm điểm cài sẵn “dan-van-chinh-quyen”',
      'Mẫu báo cáo cài sẵn “dan-van-chinh-quyen”',
    ]);
  });

  it('never shows the secret that seals the workbooks, in Nhật ký or its Excel export', async () => {
    const secret = await bookSecret(core.db);
    const page = await listAudit(core.db, { table: 'app_settings' });
    const shown = page.rows.flatMap((r) => r.changes.map((c) => `${c.before ?? ''} ${c.after ?? ''}`)).join('\n');
    expect(page.rows.length).toBeGreaterThan(0);
    expect(shown).toContain('khóa bí mật, không hiển thị');
    expect(shown).not.toContain(secret);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await auditWorkbook(core.db, { table: 'app_settings' })) as unknown as ExcelJS.Buffer,
    );
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.join('\n')).toContain('khóa bí mật, không hiển thị');
    expect(cells.join('\n')).not.toContain(secret);
  });
});
