// One full half-year cycle driven only by the command line, each step a real process as a user's
// script runs it: units, agency, settings, period, workbooks out and back, approval, compile, the
// Word report and the reminder letter. The database is a parameter: in the `postgres` test project
// (BCNV_TEST_DATABASE=postgres) the same cycle runs on SQLite and then on a database of the tests'
// PostgreSQL server, and what the CLI says of the figures and the board must be equal on both, as
// must every file it exports (Word, Excel, email), part by part apart from their dates.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cliOk, cliProcess } from './cli-process';
import { fillWorkbook, readBytes } from './collect-helpers';
import { DEFAULT_ENGINE, tempDir } from './helpers';
import { serverDatabaseOf } from '../pg/databases';
import { emlParts, zipParts } from './export-parts';

interface Target {
  name: string;
  /** The --db value for a fresh database in `dir`. */
  db: (dir: string) => Promise<string>;
}

function targets(): Target[] {
  const list: Target[] = [{ name: 'SQLite', db: async (dir) => path.join(dir, 'du-lieu.db') }];
  if (DEFAULT_ENGINE === 'postgres')
    list.push({
      name: 'PostgreSQL',
      db: async (dir) => {
        // This computer's files (kept copies of what is exported) go to the test's folder.
        process.env.BCNV_DATA_DIR = dir;
        return serverDatabaseOf(dir);
      },
    });
  return list;
}

/** What the CLI said of the figures and the board, per engine: equal on both. */
const said = new Map<string, unknown[]>();
/** The files each engine's cycle exported (Word, Excel, email), by name: equal apart from their dates. */
const exportedFiles = new Map<string, Record<string, string>>();

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
    const db = await target.db(dir);
    const outputs: unknown[] = [];
    said.set(target.name, outputs);
    const files: Record<string, string> = {};
    exportedFiles.set(target.name, files);
    const cli = (...args: string[]) => cliOk([...args, '--db', db]);
    const cliJson = async <T>(...args: string[]) => JSON.parse(await cli(...args, '--json')) as T;

    // 1. the register of units, from the workbook the office keeps
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Hoạt động từ']);
    for (const [code, name, kind] of UNITS) ws.addRow([code, name, kind, '', '01/01/2020']);
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

    // 4. the first half of 2025 for the xã and phường (its window closed: the expected list is frozen)
    const [template] = await cliJson<{ id: number; code: string }[]>('templates', 'list');
    const period = await cliJson<{ id: number; name: string }>(
      'periods',
      'create',
      '--type',
      'half',
      '--year',
      '2025',
      '--index',
      '1',
      '--template',
      String(template!.id),
      '--kinds',
      'ubnd_xa,ubnd_phuong',
      '--deadline',
      '2025-06-20',
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
    // two arrived before the deadline, one after it; short workbooks are confirmed, not skipped
    const importBatch = (received: string, ...files: string[]) =>
      cliJson<Imported>(
        'collect',
        'import',
        ...files,
        '--period',
        p,
        '--accept',
        'all',
        '--confirm-warnings',
        '--received',
        received,
      );
    const first = await importBatch('2025-06-18', returned.X001!, returned.X002!);
    expect(first.review.counts).toMatchObject({ new: 2, problem: 0 });
    expect(first.commit.saved.map((s) => s.unitCode).sort()).toEqual(['X001', 'X002']);
    const second = await importBatch('2025-06-25', returned.P003!);
    expect(second.commit.saved.map((s) => s.unitCode)).toEqual(['P003']);

    // 6. approval: accepted, reopened with a reason, accepted again; one returned with its reason
    expect(await cli('reports', 'accept', '--period', p, '--unit', 'X001')).toContain('đã duyệt');
    const noReason = await cliProcess(['reports', 'reopen', '--period', p, '--unit', 'X001', '--db', db]);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('--reason');
    await cli('reports', 'reopen', '--period', p, '--unit', 'X001', '--reason', 'Cần đối chiếu lại số buổi tiếp dân.');
    await cli('reports', 'accept', '--period', p, '--unit', 'X001', '--note', 'Đã đối chiếu.');
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

    type Status = {
      counts: Record<string, number | string | null>;
      rows: { unitCode: string; status: string; receivedDate: string | null; timeliness: string | null }[];
    };
    // today: the approvals and the return are in
    const board = await cliJson<Status>('reports', 'status', '--period', p);
    expect(board.counts).toMatchObject({
      expected: 4,
      received: 2,
      notReceived: 2,
      onTime: 1,
      late: 1,
      overdue: 2,
      da_duyet: 1,
      da_nop: 1,
      tra_lai: 1,
      chua_nop: 1,
    });
    expect(Object.fromEntries(board.rows.map((r) => [r.unitCode, [r.status, r.receivedDate, r.timeliness]]))).toEqual({
      X001: ['da_duyet', '2025-06-18', 'dung_han'],
      X002: ['tra_lai', null, null],
      P003: ['da_nop', '2025-06-25', 'muon'],
      X004: ['chua_nop', null, null],
    });
    // as it stood on 30 June, before any approval: three received (one late), one overdue
    const june30 = await cliJson<Status>('reports', 'status', '--period', p, '--as-of', '2025-06-30');
    expect(june30.counts).toMatchObject({ expected: 4, received: 3, da_nop: 3, onTime: 2, late: 1, overdue: 1 });
    // as it stood on 19 June: two received on time, the third not yet arrived
    const before = await cliJson<Status>('reports', 'status', '--period', p, '--as-of', '2025-06-19');
    expect(before.counts).toMatchObject({ expected: 4, received: 2, onTime: 2, late: 0 });
    expect(before.rows.find((r) => r.unitCode === 'P003')?.receivedDate).toBeNull();

    // 7. the consolidated figures: today the accepted and the received report, not the returned one;
    // as of 30 June, the three reports received by then
    type Shown = { current: { indicators: { code: string; value: string | null }[] } };
    const figures = async (...asOf: string[]) => {
      const shown = await cliJson<Shown>('compile', 'show', '--period', p, ...asOf);
      outputs.push(shown);
      return Object.fromEntries(
        ['DT01', 'TD01', 'DT02'].map((code) => [code, shown.current.indicators.find((i) => i.code === code)?.value]),
      );
    };
    expect(await figures()).toEqual({ DT01: '5', TD01: '32', DT02: '75' });
    expect(await figures('--today', '2025-06-30')).toEqual({ DT01: '6', TD01: '37', DT02: '85' });

    // 8. the Word report, with the agency and the settings around it
    const report = path.join(dir, 'bao-cao.docx');
    await cli('export', 'report', '--period', p, '--out', report);
    const text = await docxText(report);
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('Ủy ban nhân dân tỉnh Quảng Nam');
    expect(text).toContain('Ban Dân vận Tỉnh ủy');
    expect(text).toContain('Nguyễn Văn An');
    files.report = report;

    // 8b. the Excel summary and the email upward with both attached
    const summary = path.join(dir, 'tong-hop.xlsx');
    await cli('export', 'summary', '--period', p, '--out', summary);
    files.summary = summary;
    const eml = path.join(dir, 'thu-bao-cao.eml');
    await cli('compile', 'eml', '--period', p, '--out', eml);
    files.eml = eml;

    // 9. reminders to the units whose report is not in. A letter dated 1 July speaks of that day: only
    // the silent unit had not sent (Đại Lộc's report was returned later); one dated today names both.
    type Saved = { saved: boolean; path: string; entry: { number: number; year: number } };
    const july = path.join(dir, 'don-doc-thang-7.docx');
    const dated = await cliJson<Saved>(
      'reports',
      'reminder',
      '--period',
      p,
      '--out',
      july,
      '--date',
      '2025-07-01',
      '--new-deadline',
      '2025-07-10',
    );
    expect(dated).toMatchObject({ saved: true, path: july, entry: { number: 1, year: 2025 } });
    files.july = july;
    const julyText = await docxText(july);
    expect(julyText).toContain('Kính gửi: Xã Núi Thành.');
    expect(julyText).toMatch(/chậm nhất ngày 10 tháng 0?7 năm 2025/);
    for (const other of ['Xã Đại Lộc', 'Xã Tam Xuân', 'Phường Hội An']) expect(julyText).not.toContain(other);

    const now = path.join(dir, 'don-doc.docx');
    const current = await cliJson<Saved>('reports', 'reminder', '--period', p, '--out', now);
    expect(current).toMatchObject({ saved: true, path: now });
    files.reminder = now;
    const nowText = await docxText(now);
    expect(nowText).toContain('Xã Núi Thành');
    expect(nowText).toContain('Xã Đại Lộc');
    for (const other of ['Xã Tam Xuân', 'Phường Hội An']) expect(nowText).not.toContain(other);

    // 10. the silent unit's report arrives on paper: typed in, recorded with the day it came
    const values = path.join(dir, 'x004.json');
    fs.writeFileSync(values, JSON.stringify({ LD01: 2, TD01: 7, DT01: 1, DT02: 9, DT03: 9 }));
    await cli('reports', 'set', '--period', p, '--unit', 'X004', '--values', values);
    expect(
      await cli('reports', 'submit', '--period', p, '--unit', 'X004', '--received', '2025-07-08', '--channel', 'paper'),
    ).toContain('ngày nhận 08/07/2025');
    const last = await cliJson<Status>('reports', 'status', '--period', p);
    outputs.push(board, june30, before, last);
    outputs.push(await cliJson('compile', 'show', '--period', p, '--today', '2025-07-31'));
    expect(last.counts).toMatchObject({ expected: 4, received: 3, onTime: 1, late: 2, notReceived: 1, tra_lai: 1 });
  });
});

/** The moments things were recorded (each run has its own clock) become one placeholder; all else stays. */
const withoutMoments = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(x) ? '<moment>' : x,
    ),
  );

if (targets().length > 1)
  describe('the same cycle on both engines', () => {
    it('gives the same compile JSON and the same board on SQLite and PostgreSQL (apart from when rows were written)', () => {
      expect(said.get('PostgreSQL')).toHaveLength(said.get('SQLite')!.length);
      expect(withoutMoments(said.get('PostgreSQL'))).toEqual(withoutMoments(said.get('SQLite')));
    });

    it('exports the same Word reports, Excel summary and email from both (apart from their dates)', async () => {
      const lite = exportedFiles.get('SQLite')!;
      const server = exportedFiles.get('PostgreSQL')!;
      expect(Object.keys(server).sort()).toEqual(['eml', 'july', 'reminder', 'report', 'summary']);
      for (const name of Object.keys(lite)) {
        const read = name === 'eml' ? emlParts : zipParts;
        const [a, b] = [await read(readBytes(lite[name]!)), await read(readBytes(server[name]!))];
        expect(b, name).toEqual(a);
      }
    });
  });
