// Migrations 0090–0093 (issue 13), one test each: migrate to the step before, write rows as the
// older app did, migrate, and check what the step made of them.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDatabase, migrationBefore as before, type MigratingDatabase } from './helpers';

let conn: MigratingDatabase;
beforeEach(() => {
  conn = emptyDatabase();
});
afterEach(async () => {
  await conn.close();
  fs.rmSync(conn.dir, { recursive: true, force: true });
});

const migrateTo = (name: string): Promise<void> => conn.migrateTo(name);

const run = (sql: string, ...args: unknown[]) => conn.sql.prepare(sql).run(...args);
const all = (sql: string) => conn.sql.prepare(sql).all();

function unit(code: string, activeTo: string | null = null): number {
  return Number(
    run(
      `INSERT INTO units (code, name, kind, active_to, created_at, updated_at) VALUES (?, ?, 'ubnd_xa', ?, '2025-01-01', '2025-01-01')`,
      code,
      `Đơn vị ${code}`,
      activeTo,
    ).lastInsertRowid,
  );
}

describe('migration 0090_unit_validity', () => {
  it('turns "active to" into "stops from" (closing kept its day, a typed last day moves on) and keys codes, keeping near-duplicates', async () => {
    await migrateTo(before('0090_unit_validity'));
    const closed = unit('A', '2025-07-01');
    run(
      `INSERT INTO unit_events (unit_id, kind, at, detail) VALUES (?, 'closed', 'x', 'Thôi hoạt động từ 01/07/2025')`,
      closed,
    );
    const merged = unit('B', '2025-03-31');
    run(
      `INSERT INTO unit_events (unit_id, kind, at, detail) VALUES (?, 'merged_into', 'x', 'Sáp nhập vào C — Xã C từ 31/03/2025')`,
      merged,
    );
    unit('c', '2025-12-31'); // "Hoạt động đến 31/12/2025" typed in the form
    const upper = unit('UBND-PX1');
    const lower = unit('ubnd-px1');
    await migrateTo('0090_unit_validity');
    expect(all(`SELECT code, active_to, code_key FROM units ORDER BY id`)).toEqual([
      { code: 'A', active_to: '2025-07-01', code_key: 'a' },
      { code: 'B', active_to: '2025-03-31', code_key: 'b' },
      { code: 'c', active_to: '2026-01-01', code_key: 'c' },
      { code: 'UBND-PX1', active_to: null, code_key: 'ubnd-px1' },
      { code: 'ubnd-px1', active_to: null, code_key: `ubnd-px1#${lower}` },
    ]);
    expect(upper).toBeLessThan(lower);
    expect(all(`SELECT unit_id, detail FROM unit_events WHERE kind = 'updated'`)).toEqual([
      { unit_id: lower, detail: expect.stringContaining('trùng với mã "UBND-PX1"') },
    ]);
    expect(() =>
      run(
        `INSERT INTO units (code, name, kind, code_key, created_at, updated_at) VALUES ('X', 'X', 'khac', 'a', 'x', 'x')`,
      ),
    ).toThrow(/UNIQUE/);
  });
});

async function periodWithReport(): Promise<{ reportId: number }> {
  const u = unit('A');
  run(
    `INSERT INTO templates (code, version, name, description, created_at, updated_at) VALUES ('t', 1, 'T', '', 'x', 'x')`,
  );
  run(
    `INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
     VALUES ('6 tháng', 'half', 2025, '2024-12-15', '2025-06-14', '2025-06-20', 1, 'kinds', '["ubnd_xa"]', '', 'x', 'x')`,
  );
  const reportId = Number(
    run(
      `INSERT INTO reports (period_id, unit_id, status, received_date, channel, revision, created_at, updated_at) VALUES (1, ?, 'da_nop', '2025-06-18', 'typed', 1, 'x', 'x')`,
      u,
    ).lastInsertRowid,
  );
  return { reportId };
}

describe('migration 0091_period_expected', () => {
  it('adds the frozen list and the period history without freezing anything', async () => {
    await migrateTo(before('0091_period_expected'));
    await periodWithReport();
    await migrateTo('0091_period_expected');
    expect(all(`SELECT expected_frozen_at FROM periods`)).toEqual([{ expected_frozen_at: null }]);
    expect(all(`SELECT * FROM period_expected`)).toEqual([]);
    run(`INSERT INTO period_expected (period_id, unit_id) VALUES (1, 1)`);
    expect(() => run(`INSERT INTO period_expected (period_id, unit_id) VALUES (1, 1)`)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => run(`INSERT INTO period_events (period_id, kind, at) VALUES (1, 'deleted', '2025-01-01')`)).toThrow(
      /CHECK/,
    );
    run(`INSERT INTO period_events (period_id, kind, actor, at, note) VALUES (1, 'frozen', 'Phần mềm', 'x', '')`);
  });
});

describe('migration 0092_report_event_dates', () => {
  it('dates each event in a table of its own: a submission from the received day in its note, others from when they were recorded', async () => {
    await migrateTo(before('0092_report_event_dates'));
    const { reportId } = await periodWithReport();
    const event = (from: string, to: string, at: string, note: string) =>
      run(
        `INSERT INTO report_events (report_id, from_status, to_status, actor, at, note) VALUES (?, ?, ?, 'A', ?, ?)`,
        reportId,
        from,
        to,
        at,
        note,
      );
    event('chua_nop', 'dang_nhap', '2025-07-01T03:00:00.000Z', 'Bắt đầu nhập');
    event('dang_nhap', 'da_nop', '2025-07-02T03:00:00.000Z', 'Ngày nhận 18/06/2025 · Nhập từ tệp');
    event('da_nop', 'da_duyet', '2025-07-03T03:00:00.000Z', '');
    await migrateTo('0092_report_event_dates');
    expect(
      all(
        `SELECT e.to_status, d.on_date FROM report_events e JOIN report_event_dates d ON d.event_id = e.id ORDER BY e.id`,
      ),
    ).toEqual([
      { to_status: 'dang_nhap', on_date: '2025-07-01' },
      { to_status: 'da_nop', on_date: '2025-06-18' },
      { to_status: 'da_duyet', on_date: '2025-07-03' },
    ]);
    // Append-only, as the history it dates.
    expect(() => run(`UPDATE report_events SET note = 'x'`)).toThrow(/chỉ được ghi thêm/);
    expect(() => run(`UPDATE report_event_dates SET on_date = 'x'`)).toThrow(/chỉ được ghi thêm/);
    expect(() => run(`DELETE FROM report_event_dates`)).toThrow(/chỉ được ghi thêm/);
  });
});

describe('migration 0093_target_scope', () => {
  it('reads each existing target: "mỗi/từng" each unit, % a rate, else the total', async () => {
    await migrateTo(before('0093_target_scope'));
    run(
      `INSERT INTO plans (type, number, symbol, issuer, signer, summary, field, body, deadlines, created_at, updated_at) VALUES ('KH', '1', 'KH-UBND', '', '', 'KH', '', '', '[]', 'x', 'x')`,
    );
    const target = (text: string, unit: string) =>
      run(
        `INSERT INTO plan_targets (plan_id, position, text, indicator_code, comparator, value, value_unit, unit_kinds) VALUES (1, 0, ?, '', 'it_nhat', '1', ?, '[]')`,
        text,
        unit,
      );
    target('Mỗi cơ quan, đơn vị có ít nhất 01 mô hình "Dân vận khéo"', 'mô hình');
    target('Trên 80% cơ quan, đơn vị đạt tiêu chí', '%');
    target('Toàn tỉnh có ít nhất 50 mô hình', 'mô hình');
    target('100% xã, phường; từng xã tổ chức ít nhất 02 hội nghị', 'hội nghị');
    await migrateTo('0093_target_scope');
    expect(all(`SELECT scope FROM plan_targets ORDER BY id`)).toEqual([
      { scope: 'each_unit' },
      { scope: 'rate' },
      { scope: 'total' },
      { scope: 'each_unit' },
    ]);
  });
});
