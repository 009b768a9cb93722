// `call` across separate processes: dialogs answered by --open/--save, tokens kept in the data
// folder between two processes, every method listed with its JSON Schema, full output through a pipe.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src/shared/contract';
import { cliPlatform } from '../../src/main/platform/cli-platform';
import { callJson, cliOk, cliProcess, fakeHome } from './cli-process';
import { tempDir } from './helpers';
import { blankUnit } from './refusals';

const unit = (code: string, name: string) => blankUnit(code, { name });

const codes = async (db: string) =>
  (await callJson<{ code: string }[]>(db, 'units.list', { includeClosed: true })).map((u) => u.code).sort();

// Each step is a real process (a few seconds each on a busy machine): no time limit, as for every test here.
describe('call across processes', { timeout: 0 }, () => {
  it('restores a backup chosen with --open in one process, by its token in another; a changed file is refused', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'du-lieu.db');
    await callJson(db, 'units.create', unit('SNV', 'Sở Nội vụ'));
    const saved = await callJson<{ saved: boolean; path: string }>(db, 'backups.create', undefined, [
      '--save',
      path.join(dir, 'ban-sao.db'),
    ]);
    expect(saved).toEqual({ saved: true, path: path.join(dir, 'ban-sao.db') });
    await callJson(db, 'units.create', unit('STC', 'Sở Tài chính'));
    expect(await codes(db)).toEqual(['SNV', 'STC']);

    const inspection = await callJson<{ token: string; counts: { label: string; count: number }[] }>(
      db,
      'backups.inspect',
      undefined,
      ['--open', saved.path],
    );
    expect(inspection.counts).toContainEqual({ label: 'Đơn vị', count: 1 });
    // the check's entry, and the database rebuilt from the backup waiting for the restore
    expect(fs.readdirSync(path.join(dir, 'pending')).sort()).toEqual([
      `${inspection.token}.json`,
      `${inspection.token}.rebuilt.db`,
    ]);

    const restored = await callJson<{ safetyCopy: string }>(db, 'backups.restore', { token: inspection.token });
    expect(fs.existsSync(restored.safetyCopy)).toBe(true);
    expect(await codes(db)).toEqual(['SNV']);
    // used once
    const again = await cliProcess([
      'call',
      'backups.restore',
      JSON.stringify({ token: inspection.token }),
      '--db',
      db,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Phiên kiểm tra đã hết hạn');

    // the file changes between the check and the restore: refused, data untouched
    await callJson(db, 'units.create', unit('SXD', 'Sở Xây dựng'));
    const second = await callJson<{ token: string }>(db, 'backups.inspect', {}, ['--open', saved.path]);
    fs.appendFileSync(saved.path, Buffer.alloc(4096, 1));
    const refused = await cliProcess(['call', 'backups.restore', JSON.stringify({ token: second.token }), '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('đã thay đổi sau khi kiểm tra');
    expect(await codes(db)).toEqual(['SNV', 'SXD']);
    expect(fs.readdirSync(path.join(dir, 'pending'))).toEqual([]);
  });

  it('moves the data to another computer: package export, then inspect and import in two more processes', async () => {
    const from = tempDir();
    const to = tempDir();
    const dbA = path.join(from, 'a.db');
    const dbB = path.join(to, 'b.db');
    await callJson(dbA, 'units.create', unit('SNV', 'Sở Nội vụ'));
    await callJson(dbA, 'units.create', unit('SYT', 'Sở Y tế'));
    // an evidence file kept as the app keeps one (only such kinds travel in a package)
    const text = 'Biên bản họp dân — ngày 05 tháng 02 năm 2025';
    const sha = crypto.createHash('sha256').update(text).digest('hex');
    const kept = path.join('evidence', 'dot-1', 'don-vi-1', `${sha.slice(0, 16)}-minh-chung.txt`);
    fs.mkdirSync(path.dirname(path.join(from, kept)), { recursive: true });
    fs.writeFileSync(path.join(from, kept), text);
    const exported = await callJson<{ path: string }>(dbA, 'package.export', undefined, ['--save', from]);
    expect(path.dirname(exported.path)).toBe(from);
    expect(exported.path).toMatch(/goi-du-lieu-.*\.zip$/);

    await callJson(dbB, 'units.create', unit('KHAC', 'Đơn vị khác'));
    const inspection = await callJson<{ token: string; kind: string; files: number }>(dbB, 'package.inspect', {}, [
      '--open',
      exported.path,
    ]);
    expect(inspection).toMatchObject({ kind: 'package', files: 1 });
    const imported = await callJson<{ files: number }>(dbB, 'package.import', { token: inspection.token });
    expect(imported.files).toBe(1);
    expect(await codes(dbB)).toEqual(['SNV', 'SYT']);
    expect(fs.readFileSync(path.join(to, kept), 'utf8')).toContain('ngày 05 tháng 02');
  });

  it('answers a method that asks for a file without --open with a message, and warns of unused answers', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'd.db');
    const r = await cliProcess(['call', 'package.inspect', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('thêm --open TỆP');
    const s = await cliProcess(['call', 'backups.create', '--db', db]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--save');
    const unused = await cliProcess(['call', 'agency.get', '--db', db, '--save', dir]);
    expect(unused.code).toBe(0);
    expect(unused.stderr).toContain('không dùng đến --save');
  });

  it('fills file places of the arguments from --open (one file, or every file for a list)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'd.db');
    const plan = path.join(dir, 'ke-hoach.txt');
    fs.writeFileSync(plan, 'UBND TỈNH X\nKẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2025\n');
    const proposal = await callJson<{ title: { value: string } }>(db, 'planImport.parse', {}, ['--open', plan]);
    expect(proposal.title.value).toContain('dân vận chính quyền');
    // file contents may also travel inside the JSON, as on the test bridge
    const inline = await callJson<{ title: { value: string } }>(db, 'planImport.parse', {
      file: { fileName: 'k.txt', data: { $bytes: fs.readFileSync(plan).toString('base64') } },
    });
    expect(inline.title.value).toBe(proposal.title.value);
  });
});

describe('call --list', { timeout: 0 }, () => {
  it('describes every contract method with its input as JSON Schema, in full through a pipe (> 64 KiB)', async () => {
    const r = await cliProcess(['call', '--list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    const list = JSON.parse(r.stdout) as { method: string; takesFiles: boolean; input: Record<string, unknown> }[];
    expect(list.map((m) => m.method).sort()).toEqual([...methodNames].sort());
    for (const m of list) expect(m.input.type, m.method).toBe('object');
    const byName = new Map(list.map((m) => [m.method, m]));
    expect(byName.get('units.importCommit')?.takesFiles).toBe(true);
    expect(byName.get('collect.analyze')?.takesFiles).toBe(true);
    expect(byName.get('agency.get')?.takesFiles).toBe(false);
    expect(byName.get('reports.transition')?.input).toMatchObject({
      required: expect.arrayContaining(['periodId', 'unitId', 'to']),
    });
    const text = await cliOk(['call', '--list']);
    expect(text.trim().split('\n')).toHaveLength(methodNames.length);
  });
});

describe('command line robustness', { timeout: 0 }, () => {
  it('--help exits 0; a flag without its value and an unknown flag are refused without touching any data', async () => {
    const home = fakeHome();
    const help = await cliProcess(['--help'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('call PHƯƠNG_THỨC');
    expect((await cliProcess(['reports', 'status', '--help'], { home })).code).toBe(0);
    const bareDb = await cliProcess(['units', 'list', '--db'], { home });
    expect(bareDb.code).toBe(1);
    expect(bareDb.stderr).toContain('--db cần đường dẫn');
    const dbThenFlag = await cliProcess(['units', 'list', '--db', '--json'], { home });
    expect(dbThenFlag.code).toBe(1);
    const unknown = await cliProcess(['units', 'list', '--jsno', '--db', path.join(tempDir(), 'x.db')], { home });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('“--jsno”');
    const missingPeriod = await cliProcess(['reports', 'status', '--period'], { home });
    expect(missingPeriod.code).toBe(1);
    expect(missingPeriod.stderr).toContain('--period cần một giá trị');
    // nothing fell back to the default data folder
    expect(fs.existsSync(path.join(home, '.config'))).toBe(false);
  });
});

describe('the command line platform', () => {
  it('answers dialogs in order, puts a file into a --save folder under the proposed name, and opens nothing', async () => {
    const dir = tempDir();
    const backup = path.join(dir, 'sao-luu.db');
    fs.writeFileSync(backup, '');
    const p = cliPlatform({ open: [backup, path.join(dir, 'missing.zip')], save: [dir, path.join(dir, 'x.docx')] });
    expect(await p.chooseOpenPath([])).toBe(backup);
    await expect(p.chooseOpenPath([])).rejects.toThrow('Không có tệp');
    await expect(p.chooseOpenPath([])).rejects.toThrow('--open TỆP');
    expect(await p.chooseSavePath('bao-cao.docx', [])).toBe(path.join(dir, 'bao-cao.docx'));
    expect(await p.chooseSavePath('khac.docx', [])).toBe(path.join(dir, 'x.docx'));
    await expect(p.chooseFolder()).rejects.toThrow('--save THƯ_MỤC');
    await expect(p.openPath(path.join(dir, 'x.docx'))).rejects.toThrow(`tệp ở: ${path.join(dir, 'x.docx')}`);
    expect(p.unused()).toEqual({ open: [], save: [] });
  });
});
