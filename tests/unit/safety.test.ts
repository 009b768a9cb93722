// Nothing is lost: audit log, trash, backups with rotation, restore, data packages, disk errors.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { createUnit, listUnits, updateUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { listAudit } from '../../src/main/features/safety/audit-log';
import { emptyTrash, listTrash, moveToTrash, restoreFromTrash } from '../../src/main/features/safety/trash';
import {
  dailyBackup,
  inspectBackup,
  listBackups,
  restoreBackup,
  setBackupKeep,
} from '../../src/main/features/safety/backups';
import { buildPackage, importPackage, inspectPackage, readPackage } from '../../src/main/features/safety/package';
import { exportUnitWorkbook } from '../../src/main/features/units/unit-import';
import { dataFingerprint, tempDir, freshCore, migrateTo } from './helpers';
import { sqliteHandle } from '../../src/main/db/sqlite/database';

let dir: string;
let core: Core;
let nextOpen: string | null = null;
const opened: string[] = [];

async function open(d: string): Promise<Core> {
  return freshCore({ dir: d, file: 'data.db', platform: { nextOpenPath: () => nextOpen, opened } });
}

beforeEach(async () => {
  dir = tempDir();
  core = await open(dir);
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

describe('audit log', () => {
  it('records every insert, update and delete with who and before → after', async () => {
    const u = await createUnit(core.db, unit('A1', 'Tên cũ'));
    await updateUnit(core.db, u.id, unit('A1', 'Tên mới'));
    const page = await listAudit(core.db, { table: 'units' });
    expect(page.rows.map((r) => r.action)).toEqual(['update', 'insert']);
    const upd = page.rows[0]!;
    expect(upd.tableLabel).toBe('Đơn vị');
    expect(upd.changes.find((c) => c.field === 'name')).toEqual({
      field: 'name',
      label: 'Tên',
      before: 'Tên cũ',
      after: 'Tên mới',
    });
    expect(upd.user).toBe((await core.db.selectFrom('audit_context').select('user').executeTakeFirstOrThrow()).user);
    expect((await listAudit(core.db, { search: 'Tên mới' })).total).toBeGreaterThan(0);
    // a change made behind the services' back is logged too
    sqliteHandle(core.database).prepare(`UPDATE units SET phone = '0123456' WHERE id = ?`).run(u.id);
    expect((await listAudit(core.db, { table: 'units', action: 'update' })).rows[0]!.changes).toEqual([
      { field: 'phone', label: 'Điện thoại', before: '', after: '0123456' },
    ]);
  });

  it('survives a reopen (triggers are rebuilt) and covers every data table', async () => {
    await core.close();
    core = await open(dir);
    await createUnit(core.db, unit('B1', 'Sau khi mở lại'));
    expect((await listAudit(core.db, { table: 'units', action: 'insert' })).total).toBe(1);
    const triggers = sqliteHandle(core.database)
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%'`)
      .get() as { n: number };
    expect(triggers.n).toBeGreaterThanOrEqual(3 * 5);
  });
});

describe('trash', () => {
  it('keeps a deleted record with its dependent rows and puts it back with the same id', async () => {
    const u = await createUnit(core.db, unit('T1', 'Đơn vị sẽ xóa'));
    const events = (await core.db.selectFrom('unit_events').selectAll().where('unit_id', '=', u.id).execute()).length;
    await core.db
      .transaction()
      .execute((trx) =>
        moveToTrash(trx, 'units', u.id, 'T1 — Đơn vị sẽ xóa', [{ table: 'unit_events', column: 'unit_id' }]),
      );
    expect(await listUnits(core.db, { includeClosed: true })).toHaveLength(0);
    const [item] = await listTrash(core.db);
    expect(item).toMatchObject({ tableName: 'units', tableLabel: 'Đơn vị', rowId: u.id, label: 'T1 — Đơn vị sẽ xóa' });
    await restoreFromTrash(core.db, item!.id);
    const back = await listUnits(core.db);
    expect(back.map((x) => [x.id, x.code])).toEqual([[u.id, 'T1']]);
    expect((await core.db.selectFrom('unit_events').selectAll().where('unit_id', '=', u.id).execute()).length).toBe(
      events,
    );
    expect(await listTrash(core.db)).toEqual([]);
  });

  it('refuses to restore over a record that took the code, and empties for good', async () => {
    const u = await createUnit(core.db, unit('T2', 'Một'));
    await core.db
      .transaction()
      .execute((trx) => moveToTrash(trx, 'units', u.id, 'T2', [{ table: 'unit_events', column: 'unit_id' }]));
    await createUnit(core.db, unit('T2', 'Hai'));
    const [item] = await listTrash(core.db);
    await expect(restoreFromTrash(core.db, item!.id)).rejects.toMatchObject({ code: 'RESTORE_CONFLICT' });
    expect(await listTrash(core.db)).toHaveLength(1);
    expect(await emptyTrash(core.db)).toEqual({ removed: 1 });
    expect(await listTrash(core.db)).toEqual([]);
  });
});

describe('backups and restore', () => {
  it('makes one daily backup a day and rotates by the setting', async () => {
    const day = (d: number) => new Date(2026, 10, d, 9, 0, 0);
    expect(await dailyBackup(core, day(1))).not.toBeNull();
    expect(await dailyBackup(core, day(1))).toBeNull(); // same day: nothing
    for (let d = 2; d <= 5; d++) await dailyBackup(core, day(d));
    expect((await listBackups(core)).items.filter((i) => i.reason === 'hang-ngay')).toHaveLength(5);
    const after = await setBackupKeep(core, 3);
    expect(after.keep).toBe(3);
    const names = after.items.filter((i) => i.reason === 'hang-ngay').map((i) => i.name);
    expect(names).toHaveLength(3);
    expect(names[0]).toContain('20261105');
  });

  it('checks a backup, shows its summary, restores it and keeps a safety copy of the current data', async () => {
    await createUnit(core.db, unit('K1', 'Có trong bản sao lưu'));
    const backup = await dailyBackup(core);
    await createUnit(core.db, unit('K2', 'Thêm sau khi sao lưu'));
    const inspection = await inspectBackup(core, path.basename(backup!));
    expect(inspection).toMatchObject({ integrity: 'ok', kind: 'backup' });
    expect(inspection!.counts.find((c) => c.label === 'Đơn vị')!.count).toBe(1);
    const { safetyCopy } = await restoreBackup(core, inspection!.token);
    expect((await listUnits(core.db)).map((u) => u.code)).toEqual(['K1']);
    const safe = new Database(safetyCopy, { readonly: true });
    expect(
      (safe.prepare('SELECT code FROM units ORDER BY code').all() as { code: string }[]).map((r) => r.code),
    ).toEqual(['K1', 'K2']);
    safe.close();
    // the token is single-use
    await expect(restoreBackup(core, inspection!.token)).rejects.toMatchObject({ code: 'STALE_TOKEN' });
  });

  it('restores a backup from an older schema version and migrates it', async () => {
    const { latestMigration } = await import('../../src/main/db/migrations');
    const conn = await migrateTo('0001_initial', tempDir('bcnv-old-'));
    const old = conn.file;
    conn.sql
      .prepare(
        `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at) VALUES ('CU1', 'Ban Dân vận cũ', '', 'khac', '', '', '', 1, '2024-01-01', '2024-01-01')`,
      )
      .run();
    await conn.close();
    nextOpen = old;
    const insp = await inspectBackup(core);
    expect(insp).toMatchObject({ schemaVersion: '0001_initial', appSchemaVersion: latestMigration });
    await restoreBackup(core, insp!.token);
    expect(core.migration.version).toBe(latestMigration);
    expect((await listUnits(core.db, { search: 'dan van cu' })).map((u) => u.code)).toEqual(['CU1']);
    // the restored data is audited like any other
    await createUnit(core.db, unit('CU2', 'Sau khôi phục'));
    expect((await listAudit(core.db, { table: 'units', action: 'insert' })).total).toBeGreaterThan(0);
  });

  it('refuses a corrupt file, a foreign database and a newer version, changing nothing', async () => {
    await createUnit(core.db, unit('Z1', 'Giữ nguyên'));
    const before = await dataFingerprint(core);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    nextOpen = junk;
    await expect(inspectBackup(core)).rejects.toMatchObject({ code: 'BAD_BACKUP' });
    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE t (x)');
    f.close();
    nextOpen = foreign;
    await expect(inspectBackup(core)).rejects.toMatchObject({ code: 'BAD_BACKUP' });
    const newer = (await dailyBackup(core))!;
    const n = new Database(newer);
    n.prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES ('9999_future', 'x')`).run();
    n.close();
    nextOpen = newer;
    await expect(inspectBackup(core)).rejects.toMatchObject({ code: 'BACKUP_NEWER' });
    await expect(inspectBackup(core, '../../etc/passwd')).rejects.toMatchObject({ code: 'BAD_NAME' });
    nextOpen = null;
    expect(await inspectBackup(core)).toBeNull(); // cancelled
    expect(await dataFingerprint(core)).toBe(before);
  });
});

describe('data package', () => {
  it('moves the database and the kept files to a new computer', async () => {
    await createUnit(core.db, unit('P1', 'Đơn vị trong gói'));
    // a returned workbook kept as the app keeps one (only such kinds travel in a package)
    const kept = path.join(dir, 'sources', '1', 'X001', '2025-06-05-0123456789ab-bieu-da-nop.xlsx');
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    const book = await exportUnitWorkbook(core.db);
    fs.writeFileSync(kept, book);
    const bytes = await buildPackage(core);
    const file = path.join(dir, 'goi.zip');
    fs.writeFileSync(file, bytes);

    const otherDir = tempDir();
    const other = await open(otherDir);
    try {
      nextOpen = file;
      const insp = await inspectPackage(other);
      expect(insp).toMatchObject({ kind: 'package', integrity: 'ok', files: 1 });
      const r = await importPackage(other, insp!.token);
      expect(r.files).toBe(1);
      expect((await listUnits(other.db)).map((u) => u.code)).toEqual(['P1']);
      expect(new Uint8Array(fs.readFileSync(path.join(otherDir, path.relative(dir, kept))))).toEqual(book);
    } finally {
      await other.close();
    }
  });

  it('refuses tampered, truncated, traversing and foreign packages with nothing changed', async () => {
    await createUnit(core.db, unit('P2', 'Không đổi'));
    const good = await buildPackage(core);
    const before = await dataFingerprint(core);
    await expect(readPackage(good.slice(0, good.length - 100), 'cut.zip')).rejects.toMatchObject({
      code: 'CORRUPT_PACKAGE',
    });
    await expect(readPackage(new TextEncoder().encode('hello'), 'a.zip')).rejects.toMatchObject({
      code: 'NOT_PACKAGE',
    });
    const z = await JSZip.loadAsync(good);
    z.file('data/bao-cao-noi-vu.db', 'đã bị sửa');
    await expect(readPackage(await z.generateAsync({ type: 'uint8array' }), 'sua.zip')).rejects.toMatchObject({
      code: 'CORRUPT_PACKAGE',
    });
    const evil = await JSZip.loadAsync(good);
    evil.file('../../ngoai.txt', 'x');
    await expect(readPackage(await evil.generateAsync({ type: 'uint8array' }), 'evil.zip')).rejects.toThrow(
      /đường dẫn nguy hiểm/,
    );
    const noManifest = new JSZip();
    noManifest.file('data/bao-cao-noi-vu.db', 'x');
    await expect(readPackage(await noManifest.generateAsync({ type: 'uint8array' }), 'x.zip')).rejects.toThrow(
      /manifest/,
    );
    expect(await dataFingerprint(core)).toBe(before);
  });
});

describe('disk full and read-only', () => {
  it('says so in Vietnamese, keeps the old data, and works again afterwards', async () => {
    const dispatch = createDispatch(core);
    await createUnit(core.db, unit('D1', 'Trước'));
    sqliteHandle(core.database).pragma('query_only = ON');
    const ro = await dispatch('units.create', { ...unit('D2', 'Không lưu được'), parentId: null });
    expect(ro).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    sqliteHandle(core.database).pragma('query_only = OFF');
    const pages = sqliteHandle(core.database).pragma('page_count', { simple: true }) as number;
    sqliteHandle(core.database).pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(200);
    let full: Awaited<ReturnType<typeof dispatch>> | null = null;
    for (let i = 0; i < 200 && (!full || full.ok); i++)
      full = await dispatch('units.create', { ...unit(`F${i}`, big), parentId: null });
    expect(full).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    sqliteHandle(core.database).pragma('max_page_count = 1073741823');
    expect((await dispatch('units.create', { ...unit('D3', 'Sau'), parentId: null })).ok).toBe(true);
    expect(sqliteHandle(core.database).pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('deleting plans, templates and periods goes through the trash', () => {
  it('puts a deleted plan back with its tasks, their units and its targets', async () => {
    const { importPlan, deletePlan, getPlan, listPlans } = await import('../../src/main/features/plans/plans');
    const file = fs.readdirSync(path.resolve('tests/fixtures/plans')).find((f) => f.endsWith('.json'))!;
    const plan = await importPlan(
      core.db,
      file,
      new Uint8Array(fs.readFileSync(path.resolve('tests/fixtures/plans', file))),
    );
    const before = await getPlan(core.db, plan.id);
    expect(before.tasks.length).toBeGreaterThan(0);
    await deletePlan(core.db, plan.id);
    expect((await listPlans(core.db)).map((p) => p.id)).not.toContain(plan.id);
    const [item] = await listTrash(core.db);
    expect(item).toMatchObject({ tableName: 'plans', tableLabel: 'Văn bản chỉ đạo' });
    await restoreFromTrash(core.db, item!.id);
    expect(await getPlan(core.db, plan.id)).toEqual(before);
  });

  it('puts a deleted template back with its sections and indicators', async () => {
    const { listTemplates, getTemplate, copyTemplate, deleteTemplate } =
      await import('../../src/main/features/templates/templates');
    const [builtIn] = await listTemplates(core.db);
    const copy = await copyTemplate(core.db, builtIn!.id, 'BAN-SAO', 'Bản sao để xóa');
    const before = await getTemplate(core.db, copy.id);
    await deleteTemplate(core.db, copy.id);
    await expect(getTemplate(core.db, copy.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [item] = await listTrash(core.db);
    await restoreFromTrash(core.db, item!.id);
    expect(await getTemplate(core.db, copy.id)).toEqual(before);
  });
});

describe('table names people read', () => {
  it('has a Vietnamese label for every audited table', async () => {
    const { TABLE_LABELS } = await import('../../src/shared/model/safety');
    expect((await core.database.auditedTables()).filter((t) => !(t in TABLE_LABELS))).toEqual([]);
  });
});
