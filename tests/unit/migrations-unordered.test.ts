// Migrations land in any order (helpers number theirs in ranges of their own; db/migrate.ts runs
// Kysely with allowUnorderedMigrations): a database made by a build that had a later migration
// (0150) but not yet earlier ones (0130, 0131) gets those on its next start, after a backup of the
// file, its rows kept. On SQLite and, in the `postgres` project, the server (which has no file to
// back up: the office's server is backed up by its own copies, docs/POSTGRES.md).
import fs from 'node:fs';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { openPostgres } from '../../src/main/db/postgres/database';
import type { Database } from '../../src/main/db/database';
import { migrateToLatest } from '../../src/main/db/migrate';
import { migrationsFor } from '../../src/main/db/migrations';
import { serverDatabaseOf } from '../pg/databases';
import { DEFAULT_ENGINE, migrationNames, tempDir } from './helpers';

const LATER = '0150_report_values_cover';
const EARLIER = ['0130_report_breach_counts', '0131_report_kept_standing'];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function openBare(dir: string): Promise<Database> {
  return DEFAULT_ENGINE === 'postgres' ? openPostgres(await serverDatabaseOf(dir)) : openSqlite(path.join(dir, 'm.db'));
}

/** What an older build ran: every migration up to LATER, except the EARLIER ones it did not have yet. */
async function runAsOlderBuild(database: Database): Promise<string[]> {
  const all = migrationsFor(database.engine);
  const had = migrationNames.filter((n) => n <= LATER && !EARLIER.includes(n));
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => Object.fromEntries(had.map((n) => [n, all[n]!])) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return had;
}

describe(`a database that ran a later migration before earlier ones (${DEFAULT_ENGINE})`, () => {
  it('gets the earlier ones on the next start: backup first, rows kept, nothing run twice', async () => {
    const dir = tempDir('bcnv-unordered-');
    dirs.push(dir);
    const database = await openBare(dir);
    try {
      const had = await runAsOlderBuild(database);
      expect(await database.executedMigrations()).toEqual(had);
      expect(had).toContain(LATER);
      const db = database.db;
      const at = '2025-07-05T00:00:00.000Z';
      await sql`INSERT INTO units (code, name, kind, code_key, created_at, updated_at)
                VALUES ('XAN', 'UBND xã An Nhơn', 'ubnd_xa', 'xan', ${at}, ${at})`.execute(db);
      await sql`INSERT INTO templates (code, version, name, description, created_at, updated_at)
                VALUES ('t', 1, 'Mẫu 6 tháng', '', ${at}, ${at})`.execute(db);
      await sql`INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
                VALUES ('6 tháng đầu năm 2025', 'half', 2025, '2024-12-15', '2025-06-14', '2025-06-20', 1, 'kinds', '["ubnd_xa"]', '', ${at}, ${at})`.execute(
        db,
      );
      await sql`INSERT INTO reports (period_id, unit_id, status, received_date, channel, revision, created_at, updated_at)
                VALUES (1, 1, 'da_nop', '2025-07-01', 'typed', 3, ${at}, ${at})`.execute(db);
      await sql`INSERT INTO report_values (report_id, field_key, int_value, dec_value, text_value)
                VALUES (1, 'DT01', 12, NULL, NULL)`.execute(db);
      const report = await db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
      const values = await db.selectFrom('report_values').selectAll().execute();

      const r = await migrateToLatest(database, { backupDir: path.join(dir, 'backups') });
      expect(r.applied).toEqual(migrationNames.filter((n) => !had.includes(n)));
      expect(r.applied.slice(0, EARLIER.length)).toEqual(EARLIER);
      expect(await database.executedMigrations()).toEqual(migrationNames);
      if (database.file !== null) {
        // the backup is the file as the older build left it, readable on its own
        expect(r.backupPath).not.toBeNull();
        const old = openSqlite(r.backupPath!);
        expect(await old.executedMigrations()).toEqual(had);
        expect(await old.db.selectFrom('reports').select(['id', 'revision']).execute()).toEqual([
          { id: 1, revision: 3 },
        ]);
        await old.close();
      } else expect(r.backupPath).toBeNull();
      // the rows are kept; the earlier migrations' columns are there, unknown for this report
      expect(await db.selectFrom('reports').selectAll().executeTakeFirstOrThrow()).toEqual({
        ...report,
        breach_count: null,
        breach_revision: null,
        standing_from: null,
        standing_key: null,
      });
      expect(await db.selectFrom('report_values').selectAll().execute()).toEqual(values);
      // a second start applies nothing
      expect((await migrateToLatest(database, { backupDir: path.join(dir, 'backups') })).applied).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
