// The migration runner: the latest schema from an empty file, upgrades from every earlier version
// (backup first, data kept), 0002's search index over 0001's units, a newer file refused, every
// migration file listed in name order, and a test of its own for every migration. A later one run
// before earlier ones: migrations-unordered.test.ts (both engines).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { latestMigration, migrations } from '../../src/main/db/migrations';
import { emptyDatabase, migrateTo, migrationNames } from './helpers';
import { listUnits } from '../../src/main/features/units/units';

describe('migrations', () => {
  it('builds the latest schema from an empty file, with WAL and foreign keys on', async () => {
    const m = emptyDatabase();
    const r = await m.migrateToLatest();
    expect(r.applied).toEqual(migrationNames);
    expect(r.backupPath).toBeNull(); // nothing to back up in a new file
    expect(r.version).toBe(latestMigration);
    expect(m.sql.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(m.sql.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(m.sql.pragma('integrity_check', { simple: true })).toBe('ok');
    // a second start applies nothing
    expect((await m.migrateToLatest()).applied).toEqual([]);
    await m.close();
  });

  it('upgrades from every earlier version, keeping the data and backing up first', async () => {
    const names = migrationNames;
    for (let k = 1; k < names.length; k++) {
      const m = await migrateTo(names[k - 1]!);
      // rows written by the old version
      await sql`INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
                VALUES ('DV01', 'Ban Dân vận', '', 'khac', '', '', '', 10, '2024-01-01', '2024-01-01')`.execute(
        m.database.db,
      );
      const r = await m.migrateToLatest();
      expect(r.applied).toEqual(names.slice(k));
      expect(r.backupPath).not.toBeNull();
      expect(fs.existsSync(r.backupPath!)).toBe(true);
      // the backup is the old version, readable on its own
      const old = openSqlite(r.backupPath!);
      expect(await old.executedMigrations()).toEqual(names.slice(0, k));
      await old.close();
      // the data survived
      const kept = await m.database.db.selectFrom('units').select(['code', 'name']).execute();
      expect(kept).toEqual([{ code: 'DV01', name: 'Ban Dân vận' }]);
      expect(m.sql.pragma('integrity_check', { simple: true })).toBe('ok');
      await m.close();
      fs.rmSync(m.dir, { recursive: true, force: true });
    }
  });

  it('0002 indexes the units that 0001 stored, folded for search', async () => {
    const m = await migrateTo('0001_initial');
    await sql`INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at)
              VALUES ('DV01', 'Ban Dân vận Đảng ủy', '', 'khac', '', '', '', 10, '2024-01-01', '2024-01-01')`.execute(
      m.database.db,
    );
    await m.migrateTo('0002_unit_search_and_events');
    await m.migrateToLatest();
    expect((await listUnits(m.database.db, { search: 'dan van dang uy' })).map((u) => u.code)).toEqual(['DV01']);
    await m.close();
  });

  it('lists every migration file once, in name order, each with a number of its own', () => {
    const listed = Object.keys(migrations);
    // the list is what a new database runs in order: a step listed out of order would run before one it follows
    expect(listed).toEqual([...listed].sort());
    const folder = path.join(__dirname, '../../src/main/db/migrations');
    const files = fs
      .readdirSync(folder)
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(listed).toEqual(files); // a file left out of index.ts would never run
    const numbers = listed.map((n) => n.slice(0, 4));
    expect(numbers.every((n) => /^\d{4}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has a test of its own for every migration (one naming it in tests/unit/migration*.test.ts)', () => {
    const texts = fs
      .readdirSync(__dirname)
      .filter((f) => /^migrations?[-.].*test\.ts$/.test(f))
      .map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8'));
    expect(migrationNames.filter((name) => !texts.some((t) => t.includes(`'${name}'`)))).toEqual([]);
  });

  it('refuses a database written by a newer version of the app', async () => {
    const m = emptyDatabase();
    await m.migrateToLatest();
    m.sql.prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES ('9999_future', '2030-01-01')`).run();
    await expect(m.migrateToLatest()).rejects.toMatchObject({ code: 'DB_NEWER' });
    await m.close();
  });
});
