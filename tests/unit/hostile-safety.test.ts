// Hostile backups and packages (issue 21): a restored file never brings its own schema, a package
// brings only the kinds of files the app keeps, evidence is checked again before it is opened,
// planted backups are neither listed nor counted, imports wait for each other, and copies left by
// a killed import go away. Each test failed before these were built.
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import {
  dailyBackup,
  inspectBackup,
  listBackups,
  restoreBackup,
  rotateBackups,
} from '../../src/main/features/safety/backups';
import { buildPackage, inspectPackage, importPackage } from '../../src/main/features/safety/package';
import { createUnit, listUnits } from '../../src/main/features/units/units';
import { commitUnitImport } from '../../src/main/features/units/unit-import';
import { listAudit } from '../../src/main/features/safety/audit-log';
import { cleanInterruptedWrites, INTENTS_DIR } from '../../src/main/core/intents';
import { addEvidence, openEvidence } from '../../src/main/features/scoring/scoring-evidence';
import { createDispatch } from '../../src/main/dispatch';
import { unitInput } from '../../src/shared/contract/units';
import { AppError } from '../../src/shared/errors';
import { databaseFingerprint, freshCore, tempDir } from './helpers';
import { unitBook } from '../fuzz/hostile-books';

let dir: string;
let core: Core;
let nextOpen: string | null = null;
const opened: string[] = [];

// SQLite on its file: these cases tamper with the file itself.
const open = (d: string) =>
  freshCore({ dir: d, file: 'data.db', engine: 'sqlite', platform: { nextOpenPath: () => nextOpen, opened } });

beforeEach(async () => {
  dir = tempDir('bcnv-hostile-safety-');
  fs.writeFileSync(path.join(dir, 'exit.cjs'), 'process.exit(0);');
  core = await open(dir);
  opened.length = 0;
});
afterEach(async () => {
  await core.close();
});

const unit = (code: string, name: string) =>
  unitInput.parse({
    code,
    name,
    shortName: '',
    kind: 'khac',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

/** A backup of the current data, then `sql` run on it as an attacker would. */
async function tamperedBackup(sql: string): Promise<string> {
  const file = (await dailyBackup(core, new Date(Date.now() + Math.floor(Math.random() * 1e9))))!;
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return path.basename(file);
}

describe('a restored backup brings its rows, never its schema', () => {
  it.each([
    [
      'a trigger renaming every unit on the next insert',
      `CREATE TRIGGER rename_all AFTER INSERT ON units BEGIN UPDATE units SET name = 'bị đổi'; END`,
      /có trigger “rename_all” \(trên bảng “units”\) không do ứng dụng tạo ra/,
    ],
    [
      'a trigger erasing new audit rows',
      `CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log WHERE id = NEW.id; END`,
      /có trigger “wipe” \(trên bảng “audit_log”\)/,
    ],
    [
      'a recursive trigger that would hang the next insert',
      `CREATE TRIGGER loop AFTER INSERT ON units BEGIN INSERT INTO units SELECT * FROM units; END`,
      /có trigger “loop”/,
    ],
    [
      "the app's own append-only rule dropped",
      `DROP TRIGGER scoring_events_no_update`,
      /thiếu trigger “scoring_events_no_update” của ứng dụng/,
    ],
    [
      'a table replaced by a view',
      `DROP TABLE unit_events; CREATE VIEW unit_events AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r`,
      /có view “unit_events” ở chỗ ứng dụng đặt bảng “unit_events”/,
    ],
    ['an extra column', `ALTER TABLE units ADD COLUMN note TEXT`, /có bảng “units” khác với định nghĩa của ứng dụng/],
    ['an extra index', `CREATE INDEX spy ON units(name)`, /có chỉ mục “spy” \(trên bảng “units”\)/],
    ['an extra table', `CREATE TABLE payload (x BLOB)`, /có bảng “payload” không do ứng dụng tạo ra/],
  ])('%s: refused at the check, by name, nothing changed', async (_label, sql, why) => {
    await createUnit(core.db, unit('G1', 'Giữ nguyên'));
    const name = await tamperedBackup(sql);
    const before = databaseFingerprint(core);
    const err = await refusal(inspectBackup(core, name));
    expect(err.code).toBe('BAD_BACKUP');
    expect(err.message).toMatch(why);
    expect(err.message).toContain(name);
    expect(databaseFingerprint(core)).toBe(before);
    expect(fs.readdirSync(path.join(dir, 'pending')).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  it('an audit trigger with a body of its own is never adopted: the restored data gets the app’s triggers', async () => {
    await createUnit(core.db, unit('A1', 'Trước'));
    const name = await tamperedBackup(
      `DROP TRIGGER audit_units_insert; CREATE TRIGGER audit_units_insert AFTER INSERT ON units BEGIN UPDATE units SET name = 'bị đổi'; DELETE FROM audit_log; END`,
    );
    const insp = await inspectBackup(core, name);
    await restoreBackup(core, insp!.token);
    await createUnit(core.db, unit('A2', 'Sau khôi phục'));
    expect((await listUnits(core.db)).map((u) => u.name).sort()).toEqual(['Sau khôi phục', 'Trước']);
    expect((await listAudit(core.db, { table: 'units', action: 'insert' })).total).toBeGreaterThan(0);
    // the app's own rules are there again
    const h = new Database(path.join(dir, 'data.db'), { readonly: true });
    expect(h.prepare(`SELECT name FROM sqlite_master WHERE name = 'scoring_events_no_update'`).get()).toBeTruthy();
    h.close();
  });

  it('a backup with its -wal beside it restores everything the log holds', async () => {
    await createUnit(core.db, unit('W0', 'Trong tệp chính'));
    const main = (await dailyBackup(core))!;
    // another copy of the app wrote 50 units that are still only in the write-ahead log
    const live = new Database(main);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    const insert = live.prepare(
      `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at) VALUES (?, ?, '', 'khac', '', '', '', 1, 'x', 'x')`,
    );
    for (let i = 1; i <= 50; i++) insert.run(`W${i}`, `Trong nhật ký ${i}`);
    const chosen = path.join(dir, 'chon.db');
    fs.copyFileSync(main, chosen);
    fs.copyFileSync(`${main}-wal`, `${chosen}-wal`);
    live.close();
    nextOpen = chosen;
    const insp = await inspectBackup(core);
    expect(insp!.counts.find((c) => c.label === 'Đơn vị')!.count).toBe(51);
    await restoreBackup(core, insp!.token);
    expect((await listUnits(core.db)).length).toBe(51);
    // search works on the restored units: the index is the app's, rebuilt from the rows
    expect((await listUnits(core.db, { search: 'nhat ky 42' })).map((u) => u.code)).toEqual(['W42']);
  });
});

describe('a package brings only data', () => {
  /** A package made by the app, then changed: `files` added (listed in its manifest, hashes right). */
  async function plantedPackage(files: Record<string, Uint8Array | string>): Promise<string> {
    const zip = await JSZip.loadAsync(await buildPackage(core));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      files: { path: string; size: number; sha256: string }[];
    };
    for (const [name, content] of Object.entries(files)) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      zip.file(`files/${name}`, bytes);
      manifest.files.push({
        path: `files/${name}`,
        size: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      });
    }
    zip.file('manifest.json', JSON.stringify(manifest));
    const file = path.join(dir, `goi-${crypto.randomBytes(4).toString('hex')}.zip`);
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    return file;
  }
  const MZ = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
  const sha16 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

  it.each([
    ['an executable named as a PDF', () => ({ [`evidence/dot-1/don-vi-1/${sha16(MZ)}-bien-ban.pdf.exe`]: MZ })],
    ['an executable behind a .pdf name', () => ({ [`evidence/dot-1/don-vi-1/${sha16(MZ)}-bien-ban.pdf`]: MZ })],
    ['a batch file beside the data', () => ({ 'run.bat': '@echo off\r\ncalc.exe' })],
    ['a desktop launcher', () => ({ 'autorun.desktop': '[Desktop Entry]\nExec=sh -c id' })],
    ['a planted daily backup', () => ({ 'backups/data-99999999-999999-hang-ngay.db': 'SQLite format 3' })],
    ['a pending check of its own', () => ({ [`pending/${'a'.repeat(32)}.json`]: '{}' })],
    ['a workbook that is not one', () => ({ 'sources/1/X001/2025-01-01-0123456789ab-bieu.xlsx': 'không phải zip' })],
    [
      'evidence whose name lies about its hash',
      () => ({ 'evidence/dot-1/don-vi-1/0000000000000000-a.pdf': '%PDF-1.4' }),
    ],
  ])('%s: the package is refused, naming the file; nothing is written', async (_label, make) => {
    const files = make();
    const file = await plantedPackage(files);
    const before = databaseFingerprint(core);
    nextOpen = file;
    const err = await refusal(inspectPackage(core));
    expect(err.code).toBe('PACKAGE_FILE_REFUSED');
    expect(err.message).toContain(Object.keys(files)[0]!.slice(0, 60));
    expect(databaseFingerprint(core)).toBe(before);
    for (const name of Object.keys(files)) expect(fs.existsSync(path.join(dir, name))).toBe(false);
  });

  it('an entry the manifest does not list is refused', async () => {
    const zip = await JSZip.loadAsync(await buildPackage(core));
    zip.file('files/run.bat', 'calc.exe');
    const file = path.join(dir, 'them.zip');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    nextOpen = file;
    expect((await refusal(inspectPackage(core))).message).toMatch(/“files\/run\.bat” không có trong danh mục/);
  });

  it("a package's database is rebuilt too: its own triggers never come in", async () => {
    await createUnit(core.db, unit('P1', 'Trong gói'));
    const zip = await JSZip.loadAsync(await buildPackage(core));
    const dbFile = path.join(dir, 'goi.db');
    fs.writeFileSync(dbFile, await zip.file('data/bao-cao-noi-vu.db')!.async('uint8array'));
    const h = new Database(dbFile);
    h.exec(`CREATE TRIGGER rename_all AFTER INSERT ON units BEGIN UPDATE units SET name = 'x'; END`);
    h.close();
    const bytes = new Uint8Array(fs.readFileSync(dbFile));
    zip.file('data/bao-cao-noi-vu.db', bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      files: { path: string; size: number; sha256: string }[];
    };
    const entry = manifest.files.find((f) => f.path === 'data/bao-cao-noi-vu.db')!;
    entry.size = bytes.length;
    entry.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    zip.file('manifest.json', JSON.stringify(manifest));
    const file = path.join(dir, 'goi-trigger.zip');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    nextOpen = file;
    expect((await refusal(inspectPackage(core))).message).toMatch(/có trigger “rename_all” \(trên bảng “units”\)/);
  });

  it('a package whose manifest is long and full of emoji file names moves whole (issue 22)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    for (const shift of ['', 'a']) {
      const d = tempDir();
      const from = await open(d);
      const to = await open(tempDir());
      try {
        for (let i = 0; i < 120; i++) {
          const bytes = new Uint8Array([...png, i, shift.length]);
          const name = `${shift}${'😀'.repeat(50)} ${i}.png`;
          const rel = path.join('evidence', 'dot-1', 'don-vi-1', `${sha16(bytes)}-${name}`);
          fs.mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
          fs.writeFileSync(path.join(d, rel), bytes);
        }
        const file = path.join(d, 'goi.zip');
        fs.writeFileSync(file, await buildPackage(from));
        nextOpen = file;
        const insp = await inspectPackage(to);
        expect((await importPackage(to, insp!.token)).files).toBe(120);
      } finally {
        await from.close();
        await to.close();
      }
    }
  });

  it('a good package with evidence and sources still moves to another computer', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 biên bản');
    const other = await open(tempDir());
    try {
      const file = await plantedPackage({ [`evidence/dot-1/don-vi-1/${sha16(pdf)}-bien-ban.pdf`]: pdf });
      nextOpen = file;
      const insp = await inspectPackage(other);
      const r = await importPackage(other, insp!.token);
      expect(r.files).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('evidence is checked again before it is opened', () => {
  it('a planted executable registered as evidence is never opened, whatever its row says', async () => {
    const set = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
    const dispatch = createDispatch(core);
    const u = await createUnit(core.db, unit('E1', 'Đơn vị'));
    const round = await dispatch('scoring.rounds.create', { year: 2030, setId: set, unitIds: [u.id] });
    if (!round.ok) throw new Error(round.error.message);
    const roundId = (round.value as { id: number }).id;
    const s = await addEvidence(
      core.db,
      core.dataDir,
      roundId,
      u.id,
      '1.1',
      'bien-ban.pdf',
      new TextEncoder().encode('%PDF-1.4'),
    );
    const e = s.evidence[0]!;
    const MZ = new Uint8Array([0x4d, 0x5a, 0x90, 0]);
    const hash = crypto.createHash('sha256').update(MZ).digest('hex');
    const plant = async (storedName: string, fileName: string) => {
      const rel = `evidence/dot-${roundId}/don-vi-${u.id}/${storedName}`;
      fs.writeFileSync(path.join(core.dataDir, rel), MZ);
      await core.db
        .updateTable('scoring_evidence')
        .set({ stored_path: rel, sha256: hash, file_name: fileName })
        .where('id', '=', e.id)
        .execute();
      return refusal(openEvidence(core.db, core.dataDir, core.platform, e.id));
    };
    // shown as "bien-ban.pdf", the file on disk is "….pdf.exe"
    expect((await plant(`${hash.slice(0, 16)}-bien-ban.pdf.exe`, 'bien-ban.pdf')).message).toMatch(
      /được lưu dưới tên khác/,
    );
    // name and hash consistent, but a program by its name
    expect((await plant(`${hash.slice(0, 16)}-bien-ban.pdf.exe`, 'bien-ban.pdf.exe')).message).toMatch(
      /có kiểu “\.exe” không được nhận/,
    );
    // a program behind a .pdf name
    expect((await plant(`${hash.slice(0, 16)}-bien-ban.pdf`, 'bien-ban.pdf')).message).toMatch(
      /thực chất là chương trình Windows/,
    );
    expect(opened).toEqual([]);
  });

  it('a file whose content is not of its type is refused when added', async () => {
    const set = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
    const dispatch = createDispatch(core);
    const u = await createUnit(core.db, unit('E2', 'Đơn vị'));
    const round = await dispatch('scoring.rounds.create', { year: 2030, setId: set, unitIds: [u.id] });
    const roundId = (round as { value: { id: number } }).value.id;
    const err = await refusal(
      addEvidence(core.db, core.dataDir, roundId, u.id, '1.1', 'anh.png', new TextEncoder().encode('%PDF-1.4')),
    );
    expect(err.message).toBe(
      'Tệp minh chứng “anh.png” mang đuôi “.png” nhưng nội dung không phải tệp .png: không được nhận. Hãy lưu lại đúng định dạng rồi gửi lại.',
    );
  });
});

describe('backups folder', () => {
  it('planted files are neither listed for restore nor counted by the rotation', async () => {
    const real: string[] = [];
    for (let d = 1; d <= 3; d++) real.push(path.basename((await dailyBackup(core, new Date(2030, 0, d, 8)))!));
    const folder = path.join(dir, 'backups');
    for (const planted of ['zzz-99999999-235959-hang-ngay.db', 'data-2099-hang-ngay.db', 'data.db-wal'])
      fs.writeFileSync(path.join(folder, planted), 'SQLite format 3');
    const list = await listBackups(core);
    expect(list.items.map((i) => i.name)).toEqual([...real].reverse());
    await createDispatch(core)('backups.setKeep', { keep: 2 });
    await rotateBackups(core);
    expect((await listBackups(core)).items.map((i) => i.name)).toEqual([real[2], real[1]]);
    expect(fs.existsSync(path.join(folder, 'zzz-99999999-235959-hang-ngay.db'))).toBe(true);
    await expect(inspectBackup(core, 'zzz-99999999-235959-hang-ngay.db')).rejects.toMatchObject({ code: 'BAD_NAME' });
  });
});

describe('two imports at once', () => {
  it('the second waits for the first instead of failing at once', async () => {
    await createUnit(core.db, unit('X0', 'Có sẵn'));
    // another process takes the write lock, writes, and commits 1.5 s later
    const holder = path.join(dir, 'holder.cjs');
    fs.writeFileSync(
      holder,
      `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
       const db = new D(process.argv[2]);
       db.exec('BEGIN IMMEDIATE');
       db.prepare("UPDATE units SET contact_person = 'khác' WHERE code = 'X0'").run();
       process.send('locked');
       setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, 1500);`,
    );
    const child = fork(holder, [path.join(dir, 'data.db')]);
    await new Promise((resolve) => child.once('message', resolve));
    const book = await unitBook([['Y1', 'Đơn vị nhập cùng lúc', 'UBND xã']], 'shared');
    const r = await commitUnitImport(core.db, 'cung-luc.xlsx', book);
    expect(r).toEqual({ created: 1, updated: 0 });
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await listUnits(core.db)).map((u) => u.code).sort()).toEqual(['X0', 'Y1']);
  });
});

describe('copies left by a killed import', () => {
  it('are removed at the next start; copies a record names, and imports still running, are left alone', async () => {
    const src = path.join(dir, 'sources', '1', 'X001');
    fs.mkdirSync(src, { recursive: true });
    const rel = (name: string) => `sources/1/X001/${name}`;
    for (const name of ['mo-coi.xlsx', 'dang-chay.xlsx', 'khong-ai-ghi.xlsx'])
      fs.writeFileSync(path.join(src, name), 'x');
    // a process that has ended: its import was killed between the copies and the transaction
    const dead = fork(path.join(dir, 'exit.cjs'), [], { stdio: 'ignore' });
    await new Promise((resolve) => dead.once('exit', resolve));
    const notes = path.join(dir, INTENTS_DIR);
    fs.mkdirSync(notes, { recursive: true });
    const note = (pid: number, files: string[]) =>
      fs.writeFileSync(
        path.join(notes, `${crypto.randomBytes(8).toString('hex')}.json`),
        JSON.stringify({ pid, at: Date.now(), files }),
      );
    note(dead.pid!, [rel('mo-coi.xlsx'), '../../ngoai.txt']);
    note(process.ppid, [rel('dang-chay.xlsx')]); // a live process: its import may still commit
    await core.close();
    core = await open(dir);
    expect(fs.existsSync(path.join(src, 'mo-coi.xlsx'))).toBe(false);
    expect(fs.existsSync(path.join(src, 'dang-chay.xlsx'))).toBe(true);
    // a file no note lists is never removed (an older backup may refer to it)
    expect(fs.existsSync(path.join(src, 'khong-ai-ghi.xlsx'))).toBe(true);
    expect(fs.readdirSync(notes)).toHaveLength(1);
    expect(await cleanInterruptedWrites(core.db, core.dataDir)).toBe(0);
  });
});
