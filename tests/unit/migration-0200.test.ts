// Migration 0200: each report's last event id kept by the database (report_last_events, a trigger
// on report_events). On a database with history written before it — reports with many events, few,
// none, their events' ids interleaved across reports — the kept id equals MAX(event id) of every
// report; afterwards every insert into report_events, through the app or behind it (raw SQL), keeps
// it so. On SQLite and, in the `postgres` project, the server.
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
import { copyData } from '../../src/main/db/copy';
import type { Core } from '../../src/main/core/core';
import { DEFAULT_ENGINE, freshCore, migrationBefore, migrationNames, tempDir } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear } from './workflow-helpers';

const MIGRATION = '0200_report_last_events';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function openBare(dir: string): Promise<Database> {
  return DEFAULT_ENGINE === 'postgres' ? openPostgres(await serverDatabaseOf(dir)) : openSqlite(path.join(dir, 'm.db'));
}

/** Every migration before 0200, as the build before it ran them. */
async function runUpTo(database: Database, last: string): Promise<void> {
  const all = migrationsFor(database.engine);
  const migrator = new Migrator({
    db: database.db,
    provider: {
      getMigrations: async () => Object.fromEntries(migrationNames.filter((n) => n <= last).map((n) => [n, all[n]!])),
    },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** A small seeded generator (mulberry32): the same history on both engines. */
function random(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe(`migration ${MIGRATION} (${DEFAULT_ENGINE})`, () => {
  it('keeps MAX(event id) of every report after migrating a history, and after every insert behind the app', async () => {
    const dir = tempDir('bcnv-m0200-');
    dirs.push(dir);
    const database = await openBare(dir);
    try {
      await runUpTo(database, migrationBefore(MIGRATION));
      const db = database.db;
      const at = '2025-07-05T00:00:00.000Z';
      await sql`INSERT INTO templates (code, version, name, description, created_at, updated_at)
                VALUES ('t', 1, 'Mẫu 6 tháng', '', ${at}, ${at})`.execute(db);
      await sql`INSERT INTO periods (name, type, year, window_start, window_end, deadline, template_id, expected_mode, expected_kinds, note, created_at, updated_at)
                VALUES ('6 tháng đầu năm 2025', 'half', 2025, '2024-12-15', '2025-06-14', '2025-06-20', 1, 'kinds', '["ubnd_xa"]', '', ${at}, ${at})`.execute(
        db,
      );
      const reports: number[] = [];
      for (let i = 1; i <= 40; i++) {
        await sql`INSERT INTO units (code, name, kind, code_key, created_at, updated_at)
                  VALUES (${`X${i}`}, ${`UBND xã ${i}`}, 'ubnd_xa', ${`x${i}`}, ${at}, ${at})`.execute(db);
        const r = await sql<{
          id: number;
        }>`INSERT INTO reports (period_id, unit_id, status, received_date, channel, revision, created_at, updated_at)
                  VALUES (1, ${i}, 'dang_nhap', NULL, 'typed', 1, ${at}, ${at}) RETURNING id`.execute(db);
        reports.push(Number(r.rows[0]!.id));
      }
      // events interleaved across reports: a report's last event is not the last one written; a
      // quarter of the reports have none
      const rnd = random(17);
      const event = (reportId: number) =>
        sql`INSERT INTO report_events (report_id, from_status, to_status, actor, at, note)
            VALUES (${reportId}, 'chua_nop', 'dang_nhap', 't', ${at}, '')`.execute(db);
      for (let k = 0; k < 150; k++) await event(reports[rnd(30)]!);
      const expected = async () =>
        (
          await sql<{ report_id: number; event_id: number }>`SELECT r.id AS report_id,
            COALESCE((SELECT MAX(e.id) FROM report_events e WHERE e.report_id = r.id), 0) AS event_id
            FROM reports r ORDER BY r.id`.execute(db)
        ).rows.map((r) => [Number(r.report_id), Number(r.event_id)]);
      const kept = async () => {
        const rows = await sql<{ report_id: number; event_id: number }>`SELECT r.id AS report_id,
            COALESCE(l.event_id, 0) AS event_id
            FROM reports r LEFT JOIN report_last_events l ON l.report_id = r.id ORDER BY r.id`.execute(db);
        return rows.rows.map((r) => [Number(r.report_id), Number(r.event_id)]);
      };
      const before = await expected();
      expect(before.filter(([, e]) => e === 0).length).toBe(10);
      expect(new Set(before.map(([, e]) => e)).size).toBe(31);

      await migrateToLatest(database, { backupDir: path.join(dir, 'backups') });
      expect(await database.executedMigrations()).toEqual(migrationNames);
      expect(await kept()).toEqual(before);
      // one row per report with events, none for the others
      const rows = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM report_last_events`.execute(db);
      expect(Number(rows.rows[0]!.n)).toBe(30);

      // inserts behind the app (raw SQL, as the command line or another program would): kept so,
      // on reports with events and on reports that had none
      for (let k = 0; k < 60; k++) await event(reports[rnd(40)]!);
      const after = await expected();
      expect(after).not.toEqual(before);
      expect(after.filter(([, e]) => e === 0).length).toBeLessThan(10);
      expect(await kept()).toEqual(after);
      // the history stays append-only: the rules refuse to change or remove an event
      await expect(sql`DELETE FROM report_events WHERE id = 1`.execute(db)).rejects.toThrow(/chỉ được ghi thêm/);
      // and the kept table is the database's own bookkeeping: not in the audit log
      expect(await database.auditedTables()).not.toContain('report_last_events');
    } finally {
      await database.close();
    }
  });

  it('is made again from the events in a copy and a restored backup, never taken from them', async () => {
    const dir = tempDir('bcnv-m0200-copy-');
    dirs.push(dir);
    const source = await freshCore({ dir, file: 'nguon.db' });
    const cores: Core[] = [source];
    try {
      const api = apiOf(source);
      const ids = await addUnits(api, 4);
      const p = await api('periods.create', {
        type: 'half',
        year: thisYear - 1,
        templateId: await templateId(source),
        expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
      });
      for (const [k, id] of ids.slice(0, 3).entries())
        await sendReport(api, p.id, id, { DT01: 3 + k }, `${thisYear - 1}-06-1${k}`);
      await api('reports.return', { periodId: p.id, unitId: ids[0]!, reason: 'Thiếu số liệu' });
      const lastEvents = async (core: Core) =>
        (
          await sql<{ report_id: number; event_id: number }>`SELECT r.id AS report_id,
            COALESCE(l.event_id, 0) AS kept,
            COALESCE((SELECT MAX(e.id) FROM report_events e WHERE e.report_id = r.id), 0) AS event_id
            FROM reports r LEFT JOIN report_last_events l ON l.report_id = r.id ORDER BY r.id`.execute(core.db)
        ).rows.map((r) => Object.values(r).map(Number));
      const truth = await lastEvents(source);
      expect(truth.length).toBe(3);
      for (const [, kept, last] of truth) expect(kept).toBe(last);
      // the source's kept table changed behind the app: a copy must not carry it over
      await sql`UPDATE report_last_events SET event_id = 1`.execute(source.db);
      expect(await lastEvents(source)).not.toEqual(truth);

      const target = await freshCore({ dir: tempDir('bcnv-m0200-to-') });
      cores.push(target);
      await target.database.dropAuditTriggers();
      const summary = await copyData(source.database, target.database);
      expect(summary.counts).not.toHaveProperty('report_last_events');
      expect(await lastEvents(target)).toEqual(truth);

      if (source.database.file) {
        // a backup chosen from disk is rebuilt: its rows copied into a new file, this table made again
        await source.close();
        cores.shift();
        const rebuilt = path.join(tempDir('bcnv-m0200-rebuilt-'), 'data.db');
        await target.database.rebuildCopy(path.join(dir, 'nguon.db'), 'nguon.db', rebuilt, ['reports']);
        const again = await freshCore({ dir: path.dirname(rebuilt), file: 'data.db' });
        cores.push(again);
        expect(await lastEvents(again)).toEqual(truth);
      }
    } finally {
      for (const c of cores) await c.close();
    }
  });
});
