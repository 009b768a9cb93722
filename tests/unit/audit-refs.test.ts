// Nhật ký says what an id refers to: a unit's name and code, a period's name, a report's unit and
// period — the id only as a detail, a deleted record as "(đã xóa)" with its last name; the Excel
// export says the same.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { apiOf, sendReport, templateId, thisYear, unitData, type Api } from './workflow-helpers';
import { listAudit } from '../../src/main/features/safety/audit-log';
import { refKind } from '../../src/main/features/safety/audit-refs';
import type { AuditEntry } from '../../src/shared/model/safety';

let core: Core;
let api: Api;
let x1 = 0;
let x2 = 0;
let kept = { id: 0, name: '' };
let gone = { id: 0, name: '' };
let rows: AuditEntry[] = [];

beforeAll(async () => {
  core = await freshCore();
  api = apiOf(core);
  x1 = (await api('units.create', unitData('X1', 'Xã Tam Kỳ'))).id;
  x2 = (await api('units.create', { ...unitData('X2', 'Thôn Một'), parentId: x1 })).id;
  const tpl = await templateId(core);
  const expected = { mode: 'kinds' as const, kinds: ['ubnd_xa' as const] };
  const a = await api('periods.create', { type: 'half', year: thisYear - 1, templateId: tpl, expected });
  kept = { id: a.id, name: a.name };
  await sendReport(api, a.id, x2, { DT01: 4 }, null);
  const b = await api('periods.create', { type: 'year', year: thisYear - 1, templateId: tpl, expected });
  gone = { id: b.id, name: b.name };
  await api('periods.delete', { id: b.id });
  rows = (await listAudit(core.db, { limit: 1000 })).rows;
});
afterAll(async () => {
  await core?.close();
});

const change = (r: AuditEntry, field: string) => r.changes.find((c) => c.field === field);

describe('Nhật ký names what an id refers to', () => {
  it("a unit's parent is the parent's name and code, its id a detail", () => {
    const added = rows.find((r) => r.tableName === 'units' && r.action === 'insert' && r.rowId === x2)!;
    expect(added.rowName).toBe('Thôn Một (X2)');
    expect(change(added, 'parent_id')).toMatchObject({ after: 'Xã Tam Kỳ (X1)', afterDetail: `#${x1}` });
  });

  it("a report's values say which unit and which period", () => {
    const value = rows.find((r) => r.tableName === 'report_values' && r.action === 'insert')!;
    expect(value.rowName).toBe(`Thôn Một (X2) · ${kept.name}`);
    const report = rows.find((r) => r.tableName === 'reports' && r.action === 'insert')!;
    expect(report.rowName).toBe(`Thôn Một (X2) · ${kept.name}`);
    expect(change(report, 'unit_id')).toMatchObject({ after: 'Thôn Một (X2)', afterDetail: `#${x2}` });
    expect(change(report, 'period_id')).toMatchObject({ after: kept.name, afterDetail: `#${kept.id}` });
  });

  it('a deleted period is "(đã xóa)" with the name it had', () => {
    const refs = rows.flatMap((r) =>
      r.changes.filter((c) => c.field === 'period_id' && c.afterDetail === `#${gone.id}`),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const c of refs) expect(c.after).toBe(`(đã xóa) ${gone.name}`);
    const own = rows.find((r) => r.tableName === 'periods' && r.action === 'delete')!;
    expect(own.rowName).toBe(gone.name);
  });

  it('points stored in hundredths read as points; sizes with their thousands', async () => {
    const { auditValue } = await import('../../src/shared/model/audit-labels');
    expect(auditValue('appraised_c', 500)).toBe('5 điểm');
    expect(auditValue('self_c', 1250)).toBe('12,5 điểm');
    expect(auditValue('size', 4492)).toBe('4.492 byte');
    expect(auditValue('title', 'Kết quả {{period}}: {{DT01.cmp}}')).toBe('Kết quả [kỳ báo cáo]: [số liệu]');
    expect(auditValue('lint_json', '{"counts":{"errors":1,"warnings":2,"infos":0},"fields":["a"]}')).toBe(
      '1 lỗi, 2 cảnh báo, 0 ghi chú',
    );
    expect(auditValue('sections', '[{"number":"I","hasText":true},{"number":"II"}]')).toBe('2 mục');
    expect(auditValue('criteria', '{"hasText":true,"name":"x"}')).toBe('Tên: x');
  });

  it('no reference anywhere in the log is shown as a bare number', () => {
    const refs = rows.flatMap((r) =>
      r.changes.filter((c) => refKind(r.tableName, c.field)).map((c) => ({ table: r.tableName, ...c })),
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const c of refs) {
      for (const v of [c.before, c.after]) expect(v ?? '').not.toMatch(/^[\d, ]+$/);
      for (const d of [c.beforeDetail, c.afterDetail]) if (d) expect(d).toMatch(/^#\d+(, #\d+)*$/);
    }
  });

  it('the Excel export says the names, with the id in brackets', async () => {
    const r = await api('audit.export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(r.path!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const text: string[] = [];
    ws.eachRow((row) => text.push(row.values!.toString()));
    const all = text.join('\n');
    expect(ws.getRow(1).values).toContain('Bản ghi');
    expect(all).toContain(`Đơn vị cấp trên: trống → Xã Tam Kỳ (X1) [#${x1}]`);
    expect(all).toContain(`Kỳ báo cáo: (đã xóa) ${gone.name} [#${gone.id}]`);
    expect(all).toContain(`Thôn Một (X2) · ${kept.name}`);
  });
});
