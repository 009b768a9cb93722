// Issue 13, what the command line must tell truly: the second half-year is its own period and an
// impossible one is refused, the text status prints every count the JSON has, a long JSON answer
// arrives whole through a pipe, and the exit code is 0 only when the command succeeded.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { countsSentence } from '../../src/shared/domain/report-status';
import type { StatusCounts } from '../../src/shared/model/report';
import { cliOk, cliProcess } from './cli-process';
import { tempDir } from './helpers';
import { fillWorkbook, readBytes } from './collect-helpers';
import { formatDateShort, todayIso } from '../../src/shared/format';

const lastYear = new Date().getFullYear() - 1;

async function unitsBook(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Hoạt động từ']);
  for (let i = 1; i <= n; i++) ws.addRow([`X${String(i).padStart(4, '0')}`, `Xã số ${i}`, 'UBND xã', '', '01/01/2020']);
  await wb.xlsx.writeFile(file);
}

/** The CLI in this process, its output collected (quick steps; the pipe is tested with real processes). */
function inProcess(db: string) {
  return async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

describe('periods and status on the command line', () => {
  it('half index 2 is "6 tháng cuối năm"; index 3 and a duplicate are refused with exit 2; the text status has every count', async () => {
    const dir = tempDir('bcnv-cli-truth-');
    const db = path.join(dir, 'd.db');
    const run = inProcess(db);
    await unitsBook(path.join(dir, 'u.xlsx'), 4);
    expect((await run('units', 'import', path.join(dir, 'u.xlsx'))).code).toBe(0);
    const create = (index: string) =>
      run(
        'periods',
        'create',
        '--type',
        'half',
        '--year',
        String(lastYear),
        '--index',
        index,
        '--template',
        '1',
        '--kinds',
        'ubnd_xa',
        '--json',
      );
    const second = await create('2');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({
      name: `6 tháng cuối năm ${lastYear}`,
      windowStart: `${lastYear}-06-15`,
      windowEnd: `${lastYear}-12-14`,
    });
    const third = await create('3');
    expect(third).toMatchObject({ code: 2, out: '' });
    expect(third.err).toContain('không có kỳ thứ 3');
    const again = await create('2');
    expect(again.code).toBe(2);
    expect(again.err).toContain(`Đã có kỳ “6 tháng cuối năm ${lastYear}”`);
    const p = String((JSON.parse(second.out) as { id: number }).id);

    // one report being typed, one received late, two silent
    const values = path.join(dir, 'v.json');
    fs.writeFileSync(values, JSON.stringify({ DT01: 2 }));
    expect((await run('reports', 'set', '--period', p, '--unit', 'X0001', '--values', values)).code).toBe(0);
    expect((await run('reports', 'set', '--period', p, '--unit', 'X0002', '--values', values)).code).toBe(0);
    const late = `${lastYear + 1}-01-05`;
    expect((await run('reports', 'submit', '--period', p, '--unit', 'X0002', '--received', late)).code).toBe(0);
    const json = JSON.parse((await run('reports', 'status', '--period', p, '--json')).out) as { counts: StatusCounts };
    expect(json.counts).toMatchObject({ expected: 4, received: 1, late: 1, dang_nhap: 1, chua_nop: 2 });
    const text = (await run('reports', 'status', '--period', p)).out;
    expect(text).toContain(countsSentence(json.counts));
    expect(text).toContain('đang nhập 1');
    expect(text).toMatch(/X0001\tXã số 1\tĐang nhập, quá hạn/);
    expect(text).toMatch(/X0002\tXã số 2\tĐã nộp muộn/);
  });
});

describe('collect import on the command line', () => {
  it('says what it imported (never "Chưa nhập gì" after importing) and that today is after the deadline', async () => {
    const dir = tempDir('bcnv-cli-collect-');
    const db = path.join(dir, 'd.db');
    const run = inProcess(db);
    await unitsBook(path.join(dir, 'u.xlsx'), 2);
    expect((await run('units', 'import', path.join(dir, 'u.xlsx'))).code).toBe(0);
    const made = await run(
      'periods',
      'create',
      '--type',
      'half',
      '--year',
      String(lastYear),
      '--template',
      '1',
      '--kinds',
      'ubnd_xa',
      '--json',
    );
    const period = JSON.parse(made.out) as { id: number; deadline: string };
    const out = path.join(dir, 'di');
    expect((await run('collect', 'export', '--period', String(period.id), '--out', out)).code).toBe(0);
    const [first] = fs.readdirSync(out).sort();
    const back = path.join(dir, 've.xlsx');
    fs.writeFileSync(back, await fillWorkbook(readBytes(path.join(out, first!)), { DT01: 2, DT02: 5, DT03: 4 }));
    const r = await run(
      'collect',
      'import',
      back,
      '--period',
      String(period.id),
      '--accept',
      'all',
      '--confirm-warnings',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã nhập 1 tệp.');
    expect(r.out).not.toContain('Chưa nhập gì');
    expect(r.err).toContain(
      `Lưu ý: 1 tệp ghi ngày nhận là hôm nay ${formatDateShort(todayIso())}, sau hạn nộp ${formatDateShort(period.deadline)}: tính là nộp muộn.`,
    );
    const reviewed = await run('collect', 'import', back, '--period', String(period.id));
    expect(reviewed.out).toContain('Chưa nhập gì');
  });
});

describe('scoring results on the command line', () => {
  it('names units not scored apart from the ranking', async () => {
    const dir = tempDir('bcnv-cli-scoring-');
    const db = path.join(dir, 'd.db');
    const run = inProcess(db);
    await unitsBook(path.join(dir, 'u.xlsx'), 3);
    expect((await run('units', 'import', path.join(dir, 'u.xlsx'))).code).toBe(0);
    const [set] = JSON.parse((await run('scoring', 'sets', 'list', '--json')).out) as { id: number }[];
    const round = JSON.parse(
      (await run('scoring', 'round', 'create', '--year', String(lastYear), '--set', String(set!.id), '--json')).out,
    ) as { id: number };
    const r = String(round.id);
    const scored = await run('scoring', 'set-score', '--round', r, '--unit', 'X0001', '--code', '1.1', '--score', '2');
    expect(scored.code).toBe(0);
    const text = (await run('scoring', 'results', '--round', r)).out;
    // one criterion of the set scored: not ranked or classed either, named apart with what is left
    expect(text).not.toMatch(/^1\t/m);
    expect(text).toMatch(/Chấm chưa đủ tiêu chí: 1 đơn vị \(Xã số 1: còn \d+\/\d+ tiêu chí\), chưa xếp loại/);
    expect(text).toContain(
      'Chưa chấm điểm: 2 đơn vị (Xã số 2, Xã số 3), không xếp loại, không xếp hạng và không tính vào số liệu trên.',
    );
    expect(text).not.toMatch(/X0002/);
  });
});

describe('exit codes and pipes', { timeout: 0 }, () => {
  it('a JSON answer over 64 KiB arrives whole with exit 0; a refused call exits 2, also with --json', async () => {
    const dir = tempDir('bcnv-cli-pipe-');
    const db = path.join(dir, 'd.db');
    await unitsBook(path.join(dir, 'u.xlsx'), 600);
    expect(JSON.parse(await cliOk(['units', 'import', path.join(dir, 'u.xlsx'), '--db', db, '--json']))).toEqual({
      created: 600,
      updated: 0,
    });
    const listed = await cliProcess(['units', 'list', '--json', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.length).toBeGreaterThan(64 * 1024);
    const units = JSON.parse(listed.stdout) as { code: string }[];
    expect(units.length).toBe(600);
    expect(units.at(-1)!.code).toBe('X0600');
    const viaCall = await cliProcess(['call', 'units.list', '{"includeClosed": true}', '--db', db]);
    expect([viaCall.code, (JSON.parse(viaCall.stdout) as unknown[]).length]).toEqual([0, 600]);

    // The same validation as the renderer's: a refusal is a message and exit 2, never 0.
    const bad = await cliProcess(['call', 'units.close', '{"id": "một", "date": "2025-13-01"}', '--db', db, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Lỗi: /);
    const error = (JSON.parse(bad.stdout) as { error: { code: string } }).error;
    expect(error.code).toBe('INVALID_ARGS');
    const missing = await cliProcess(['call', 'units.close', '{"id": 99999, "date": "2025-01-01"}', '--db', db]);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    const wrongPeriod = await cliProcess(['reports', 'status', '--period', '42', '--db', db, '--json']);
    expect([wrongPeriod.code, wrongPeriod.stdout]).toEqual([2, '']);
    expect(wrongPeriod.stderr).toMatch(/^Lỗi: /);
    // nothing was changed by the refusals
    const after = JSON.parse(await cliOk(['units', 'list', '--json', '--db', db])) as unknown[];
    expect(after.length).toBe(600);
  });
});
