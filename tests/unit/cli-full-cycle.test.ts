// One full half-year cycle driven only by the command line, each step a real process as a user's
// script runs it: units, agency, settings, period, workbooks out and back, approval, compile, the
// Word report and the reminder letter. The database is a parameter: issue 19 runs the same cycle on
// PostgreSQL by setting BCNV_TEST_DATABASE_URL (the value given to --db).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cliOk, cliProcess } from './cli-process';
import { fillWorkbook, readBytes } from './collect-helpers';
import { tempDir } from './helpers';
import { addDays } from '../../src/shared/domain/periods';
import { todayIso } from '../../src/shared/format';

interface Target {
  name: string;
  /** The --db value for a fresh database in `dir`. */
  db: (dir: string) => string;
}

function targets(): Target[] {
  const list: Target[] = [{ name: 'SQLite', db: (dir) => path.join(dir, 'du-lieu.db') }];
  const url = process.env.BCNV_TEST_DATABASE_URL;
  if (url) list.push({ name: 'PostgreSQL', db: () => url });
  return list;
}

const UNITS: [string, string, string][] = [
  ['X001', 'Xã Tam Xuân', 'UBND xã'],
  ['X002', 'Xã Đại Lộc', 'UBND xã'],
  ['P003', 'Phường Hội An', 'UBND phường'],
  ['X004', 'Xã Núi Thành', 'UBND xã'],
  ['SYT', 'Sở Y tế', 'Sở, ban, ngành'],
];

/** What each unit writes in its workbook (X004 never answers). */
const FILLS: Record<string, Record<string, number>> = {
  X001: { LD01: 4, TD01: 12, DT01: 2, DT02: 30, DT03: 27 },
  X002: { LD01: 1, TD01: 5, DT01: 1, DT02: 10, DT03: 10 },
  P003: { LD01: 3, TD01: 20, DT01: 3, DT02: 45, DT03: 40 },
};

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe.each(targets())('a full cycle from the command line ($name)', { timeout: 0 }, (target) => {
  it('units → agency → settings → period → workbooks out and back → approval → compile → report → reminder', async () => {
    const dir = tempDir('bcnv-cycle-');
    const db = target.db(dir);
    const cli = (...args: string[]) => cliOk([...args, '--db', db]);
    const cliJson = async <T>(...args: string[]) => JSON.parse(await cli(...args, '--json')) as T;

    // 1. the register of units, from the workbook the office keeps
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    // The units exist since the two-level government began (a new unit would report from today).
    ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Hoạt động từ']);
    for (const [code, name, kind] of UNITS) ws.addRow([code, name, kind, '', '01/07/2025']);
    const unitsFile = path.join(dir, 'don-vi.xlsx');
    await wb.xlsx.writeFile(unitsFile);
    expect(await cliJson('units', 'import', unitsFile)).toEqual({ created: 5, updated: 0 });

    // 2. the agency and 3. what Tổng hợp puts around the report
    await cli(
      'agency',
      'set',
      '--parent',
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      '--name',
      'SỞ NỘI VỤ',
      '--abbreviation',
      'SNV',
      '--place',
      'Quảng Nam',
      '--signer',
      'KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC/Nguyễn Văn An',
    );
    await cli(
      'settings',
      'set',
      '--to',
      'Ủy ban nhân dân tỉnh Quảng Nam',
      '--recipient',
      'Ban Dân vận Tỉnh ủy',
      '--symbol',
      'BC-SNV',
    );

    // 4. a period for the xã and phường, its window just closed, its deadline ahead
    const [template] = await cliJson<{ id: number; code: string }[]>('templates', 'list');
    const today = todayIso();
    const period = await cliJson<{ id: number; name: string }>(
      'periods',
      'create',
      '--type',
      'ad_hoc',
      '--year',
      addDays(today, -90).slice(0, 4),
      '--name',
      'Báo cáo chuyên đề dân vận',
      '--template',
      String(template!.id),
      '--kinds',
      'ubnd_xa,ubnd_phuong',
      '--window-start',
      addDays(today, -90),
      '--window-end',
      addDays(today, -1),
      '--deadline',
      addDays(today, 10),
    );
    const p = String(period.id);

    // 5. one workbook per expected unit, filled as the units would, brought back in two batches
    const out = path.join(dir, 'bieu-gui-di');
    const exported = await cliJson<{ files: { unitCode: string; fileName: string }[] }>(
      'collect',
      'export',
      '--period',
      p,
      '--out',
      out,
    );
    expect(exported.files.map((f) => f.unitCode).sort()).toEqual(['P003', 'X001', 'X002', 'X004']);
    const back = path.join(dir, 'bieu-nhan-ve');
    fs.mkdirSync(back);
    const returned: Record<string, string> = {};
    for (const f of exported.files.filter((x) => FILLS[x.unitCode])) {
      returned[f.unitCode] = path.join(back, f.fileName);
      fs.writeFileSync(
        returned[f.unitCode]!,
        await fillWorkbook(readBytes(path.join(out, f.fileName)), FILLS[f.unitCode]!),
      );
    }
    type Imported = { review: { counts: Record<string, number> }; commit: { saved: { unitCode: string }[] } };
    const first = await cliJson<Imported>(
      'collect',
      'import',
      returned.X001!,
      returned.X002!,
      '--period',
      p,
      '--accept',
      'all',
      // received yesterday; the short workbooks (few cells filled) are confirmed as they are
      '--received',
      addDays(today, -1),
      '--confirm-warnings',
    );
    expect(first.review.counts).toMatchObject({ new: 2, problem: 0 });
    expect(first.commit.saved.map((s) => s.unitCode).sort()).toEqual(['X001', 'X002']);
    const second = await cliJson<Imported>(
      'collect',
      'import',
      returned.P003!,
      '--period',
      p,
      '--accept',
      'all',
      '--confirm-warnings',
    );
    expect(second.commit.saved.map((s) => s.unitCode)).toEqual(['P003']);

    // 6. approval: one accepted, one returned with its reason; a return without a reason is refused
    expect(await cli('reports', 'accept', '--period', p, '--unit', 'X001')).toContain('đã duyệt');
    const noReason = await cliProcess(['reports', 'return', '--period', p, '--unit', 'X002', '--db', db]);
    expect(noReason.code).toBe(1);
    await cli(
      'reports',
      'return',
      '--period',
      p,
      '--unit',
      'X002',
      '--reason',
      'Số ý kiến đã giải quyết chưa khớp biên bản.',
    );

    const board = await cliJson<{
      rows: { unitCode: string; status: string; receivedDate: string | null; label: string }[];
      counts: { expected: number; received: number };
    }>('reports', 'status', '--period', p);
    expect(board.counts).toMatchObject({ expected: 4, received: 2 });
    expect(Object.fromEntries(board.rows.map((r) => [r.unitCode, [r.status, r.receivedDate, r.label]]))).toEqual({
      X001: ['da_duyet', addDays(today, -1), 'Đã duyệt, nộp đúng hạn'],
      X002: ['tra_lai', null, 'Trả lại'],
      P003: ['da_nop', today, 'Đã nộp đúng hạn'],
      X004: ['chua_nop', null, 'Chưa nộp'],
    });

    // 7. the consolidated figures: the accepted and the received report, not the returned one
    const shown = await cliJson<{ current: { indicators: { code: string; value: string | null }[] } }>(
      'compile',
      'show',
      '--period',
      p,
    );
    const value = (code: string) => shown.current.indicators.find((i) => i.code === code)?.value;
    expect(value('DT01')).toBe('5');
    expect(value('TD01')).toBe('32');
    expect(value('DT02')).toBe('75');

    // 8. the Word report, with the agency and the settings around it
    const report = path.join(dir, 'bao-cao.docx');
    await cli('export', 'report', '--period', p, '--out', report);
    const text = await docxText(report);
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('Ủy ban nhân dân tỉnh Quảng Nam');
    expect(text).toContain('Ban Dân vận Tỉnh ủy');
    expect(text).toContain('Nguyễn Văn An');

    // 9. the reminder to the units whose report is not in: the returned one and the silent one
    const letter = path.join(dir, 'don-doc.docx');
    const reminder = await cliJson<{ saved: boolean; path: string; entry: { number: number; symbol: string } }>(
      'reports',
      'reminder',
      '--period',
      p,
      '--out',
      letter,
    );
    expect(reminder).toMatchObject({ saved: true, path: letter, entry: { number: 1 } });
    const letterText = await docxText(letter);
    expect(letterText).toContain('Xã Núi Thành');
    expect(letterText).toContain('Xã Đại Lộc');
    expect(letterText).not.toContain('Xã Tam Xuân');
    expect(letterText).not.toContain('Phường Hội An');
  });
});
