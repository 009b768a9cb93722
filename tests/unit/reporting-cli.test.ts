// The reporting commands of the CLI on a real database file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { createUnit } from '../../src/main/features/units/units';
import { freshCore, tempDir } from './helpers';
import { blankUnit } from './refusals';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('bcnv-rcli-');
  db = path.join(dir, 'cli.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reporting CLI', () => {
  it('imports a plan, creates a period, sets values from a file and prints the status as JSON', async () => {
    const core = await freshCore({ dir, file: path.basename(db), exports: dir });
    for (const code of ['SNV', 'STP']) {
      await createUnit(core.db, blankUnit(code, { name: `Sở ${code}` }));
    }
    await core.close();

    const plan = await run(
      'plans',
      'import',
      path.join(__dirname, '..', 'fixtures', 'plans', 'ke-hoach-468-long-khanh-2024.json'),
    );
    expect(plan).toMatchObject({ code: 0 });
    expect(plan.out).toContain('Kế hoạch số 468/KH-UBND ngày 27/3/2024 (12 nhiệm vụ, 3 chỉ tiêu)');
    expect((await run('plans', 'show', '1')).out).toContain('Chủ trì: Phòng Nội vụ');
    const templates = JSON.parse((await run('templates', 'list', '--json')).out) as { id: number; code: string }[];
    expect(templates.map((t) => t.code)).toEqual(['dan-van-chinh-quyen']);

    const refused = await run(
      'periods',
      'create',
      '--type',
      'half',
      '--year',
      '2024',
      '--template',
      '1',
      '--plan',
      '1',
      '--kinds',
      'so_nganh',
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Hạn nộp 10/05/2024 không sau ngày chốt số liệu 14/06/2024');
    const created = await run(
      'periods',
      'create',
      '--type',
      'half',
      '--year',
      '2024',
      '--template',
      '1',
      '--plan',
      '1',
      '--kinds',
      'so_nganh',
      '--window-end',
      '2024-04-30',
    );
    expect(created.out).toContain('hạn nộp 10/05/2024');

    const values = path.join(dir, 'snv.json');
    fs.writeFileSync(
      values,
      JSON.stringify({
        values: { DT01: 2, DT02: '1.234', DT03: '1.300' },
        reasons: { 'DT03 <= DT02': 'Cộng dồn kỳ trước' },
      }),
    );
    const set = await run(
      'reports',
      'set',
      '--period',
      '1',
      '--unit',
      'SNV',
      '--values',
      values,
      '--actor',
      'Dòng lệnh',
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain('Vi phạm: DT03 (1.300) ≤ DT02 (1.234) — lý do: Cộng dồn kỳ trước');

    fs.writeFileSync(values, JSON.stringify({ DT01: 'hai' }));
    const bad = await run('reports', 'set', '--period', '1', '--unit', 'STP', '--values', values);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('“hai” không phải là số');

    const status = await run('reports', 'status', '--period', '1', '--today', '2024-05-12', '--json');
    const board = JSON.parse(status.out) as {
      counts: { expected: number; overdue: number };
      rows: { unitCode: string; status: string; overdue: boolean; breachCount: number }[];
      daysLeft: number;
    };
    expect(board.counts).toMatchObject({ expected: 2, overdue: 2 });
    expect(board.daysLeft).toBe(-2);
    // As of 12/05/2024 nothing had been typed yet (the values were entered today).
    expect(board.rows.map((r) => [r.unitCode, r.status, r.overdue, r.breachCount])).toEqual([
      ['SNV', 'chua_nop', true, 0],
      ['STP', 'chua_nop', true, 0],
    ]);
    const now = JSON.parse((await run('reports', 'status', '--period', '1', '--json')).out) as typeof board;
    expect(now.rows.map((r) => [r.unitCode, r.status, r.breachCount])).toEqual([
      ['SNV', 'dang_nhap', 1],
      ['STP', 'chua_nop', 0],
    ]);

    const exported = path.join(dir, 'mau.json');
    expect((await run('templates', 'export', '1', exported)).code).toBe(0);
    const again = await run('templates', 'import', exported);
    expect(again.out).toContain('phiên bản 2 (phiên bản mới vì phiên bản trước đã được dùng)');
    expect((await run('periods', 'list')).out).toContain('6 tháng đầu năm 2024');
  });
});
