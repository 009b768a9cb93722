// Migration 0150: the numbers of report_values in an index, so the totals' reads never visit the table.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0150_report_values_cover', () => {
  it('indexes report, code and the numbers; the values stay as they were; the totals read the index only', async () => {
    const conn = await migrateTo(migrationBefore('0150_report_values_cover'));
    dirs.push(conn.dir);
    const db = conn.sql;
    db.pragma('foreign_keys = OFF'); // a value row alone: the report it belongs to does not matter here
    const insert = db.prepare(
      'INSERT INTO report_values (report_id, field_key, int_value, dec_value, text_value) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(1, 'LD01', 12, null, null);
    insert.run(1, 'TL01', null, '79.63', null);
    insert.run(1, 'GC01', null, null, 'Ghi chú dài của đơn vị');
    const before = JSON.stringify(db.prepare('SELECT * FROM report_values ORDER BY rowid').all());
    await conn.migrateTo('0150_report_values_cover');
    expect(JSON.stringify(db.prepare('SELECT * FROM report_values ORDER BY rowid').all())).toBe(before);
    expect(db.prepare(`SELECT name FROM pragma_index_info('report_values_numbers') ORDER BY seqno`).all()).toEqual([
      { name: 'report_id' },
      { name: 'field_key' },
      { name: 'int_value' },
      { name: 'dec_value' },
    ]);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT v.field_key, SUM(v.int_value), COUNT(*) FROM report_values v WHERE v.report_id = 1 GROUP BY v.field_key`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX report_values_numbers/);
    // Still one row per report and code.
    expect(() => insert.run(1, 'LD01', 3, null, null)).toThrow(/UNIQUE/);
    await conn.close();
  });
});
