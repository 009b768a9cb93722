import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { createMigrator, migrateToLatest } from '../../src/main/db/migrate';
import { migrations, latestMigration } from '../../src/main/db/migrations';
import { tempDir } from './helpers';
import { listUnits } from '../../src/main/features/units/units';

describe('migrations', () => {
  it('builds the latest schema from an empty file, with WAL and foreign keys on', async () => {
    const dir = tempDir();
    const conn = openSqlite(path.join(dir, 'a.db'));
    const r = await migrateToLatest(conn);
    expect(r.applied).toEqual(Object.keys(migrations));
    expect(r.backupPath).toBeNull(); // nothing to back up in a new file
    expect(r.version).toBe(latestMigration);
    expect(conn.handle.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.handle.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.handle.pragma('integrity_check', { simple: true })).toBe('ok');
    // a second start applies nothing
    expect((await migrateToLatest(conn)).applied).toEqual([]);
    await conn.close();
  });

  it('upgrades from every earlier version, keeping the data and backing up first', async () => {
    const names = Object.keys(migrations);
    for (let k = 1; k < names.length; k++) {
      const dir = tempDir();
      const file = path.join(dir, 'old.db');
      const conn = openSqlite(file);
      const { error } = await createMigrator(conn).migrateTo(names[k - 1]!);
      expect(error).toBeUndefined();
      // rows written by the old version
      {
        await sql`INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
                  VALUES ('DV01', 'Ban Dân vận', '', 'khac', '', '', '', 10, '2024-01-01', '2024-01-01')`.execute(
          conn.db,
        );
      }
      const r = await migrateToLatest(conn, { backupDir: path.join(dir, 'backups') });
      expect(r.applied).toEqual(names.slice(k));
      expect(r.backupPath).not.toBeNull();
      expect(fs.existsSync(r.backupPath!)).toBe(true);
      // the backup is the old version, readable on its own
      const old = openSqlite(r.backupPath!);
      const oldNames = (
        old.handle.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]
      ).map((x) => x.name);
      expect(oldNames).toEqual(names.slice(0, k));
      await old.close();
      // the data survived
      const kept = await conn.db.selectFrom('units').select(['code', 'name']).execute();
      expect(kept).toEqual([{ code: 'DV01', name: 'Ban Dân vận' }]);
      expect(conn.handle.pragma('integrity_check', { simple: true })).toBe('ok');
      await conn.close();
    }
  });

  it('0002 indexes the units that 0001 stored, folded for search', async () => {
    const conn = openSqlite(path.join(tempDir(), 'm2.db'));
    await createMigrator(conn).migrateTo('0001_initial');
    await sql`INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
              VALUES ('DV01', 'Ban Dân vận Đảng ủy', '', 'khac', '', '', '', 10, '2024-01-01', '2024-01-01')`.execute(
      conn.db,
    );
    const { error } = await createMigrator(conn).migrateTo('0002_unit_search_and_events');
    expect(error).toBeUndefined();
    await migrateToLatest(conn);
    expect((await listUnits(conn.db, { search: 'dan van dang uy' })).map((u) => u.code)).toEqual(['DV01']);
    await conn.close();
  });

  it('refuses a database written by a newer version of the app', async () => {
    const dir = tempDir();
    const conn = openSqlite(path.join(dir, 'n.db'));
    await migrateToLatest(conn);
    conn.handle.prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES ('9999_future', '2030-01-01')`).run();
    await expect(migrateToLatest(conn)).rejects.toMatchObject({ code: 'DB_NEWER' });
    await conn.close();
  });
});
