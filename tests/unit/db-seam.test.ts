// The database seam (src/main/db/database.ts) on SQLite: what every engine must do, checked here on
// the embedded one; a PostgreSQL engine is held to the same tests.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { engineOf } from '../../src/main/db/database';
import { openSqliteReadOnly, sqliteEngine, sqliteHandle } from '../../src/main/db/sqlite/database';
import { refusedChangeTrigger } from '../../src/main/db/sqlite/rules';
import { createUnit, listUnits } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { freshCore, migrateTo, tempDir } from './helpers';
import { copyData } from '../../src/main/db/copy';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = tempDir();
  core = await freshCore(dir);
});

afterEach(async () => {
  await core.close();
});

const unit = (code: string, name: string) =>
  unitInput.parse({
    code,
    name,
    shortName: '',
    kind: 'ubnd_xa',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

describe('the database seam on SQLite', () => {
  it('leads every executor, a transaction included, back to its engine', async () => {
    expect(engineOf(core.db)).toBe(sqliteEngine);
    await core.db.transaction().execute(async (trx) => expect(engineOf(trx)).toBe(sqliteEngine));
    expect(core.database.engine.kind).toBe('sqlite');
  });

  it('does not trust a schema from outside: trusted_schema is off on every connection', async () => {
    expect(sqliteHandle(core.database).pragma('trusted_schema', { simple: true })).toBe(0);
    const copy = path.join(dir, 'copy.db');
    await core.database.copyTo(copy);
    const readOnly = openSqliteReadOnly(copy);
    try {
      expect(readOnly.pragma('trusted_schema', { simple: true })).toBe(0);
    } finally {
      readOnly.close();
    }
  });

  it('copies, inspects and replaces the data through the interface', async () => {
    await createUnit(core.db, unit('A1', 'Xã Một'));
    const copy = path.join(dir, 'copy.db');
    await core.database.copyTo(copy);
    const facts = core.database.inspectCopy(copy, 'copy.db', ['units', 'no_such_table']);
    expect(facts.integrity).toBe('ok');
    expect(facts.migrations).toEqual(await core.database.executedMigrations());
    expect(facts.counts).toEqual({ units: 1 });
    await createUnit(core.db, unit('A2', 'Xã Hai'));
    await core.replaceDatabase(copy);
    expect((await listUnits(core.db)).map((u) => u.code)).toEqual(['A1']);
    // the search index came back with the data
    expect((await listUnits(core.db, { search: 'xa mot' })).map((u) => u.code)).toEqual(['A1']);
  });

  it('refuses to copy between databases at different migrations, in Vietnamese, touching neither', async () => {
    const older = await migrateTo('0150_report_values_cover');
    try {
      await createUnit(core.db, unit('A1', 'Xã Một'));
      await expect(copyData(core.database, older.database)).rejects.toMatchObject({
        code: 'COPY_SCHEMA',
        message: expect.stringMatching(
          /^Không chép được: hai cơ sở dữ liệu ở hai bước nâng cấp khác nhau \(“.+” và “0150_report_values_cover”\)\. Chưa chép gì\.$/,
        ),
      });
      expect(older.sql.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 0 });
    } finally {
      await older.close();
      fs.rmSync(older.dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a database, naming it', () => {
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'not a database at all, just text '.repeat(200));
    expect(() => core.database.inspectCopy(bad, 'bad.db', [])).toThrow(/bad\.db/);
  });

  it('writes each refused change as the trigger the migrations always wrote', () => {
    expect(
      refusedChangeTrigger({
        name: 'scoring_sets_frozen',
        table: 'scoring_sets',
        on: 'update',
        columns: ['content', 'total_c'],
        when: 'EXISTS (SELECT 1 FROM scoring_rounds WHERE set_id = OLD.id)',
        message: "Không được sửa; hãy tạo 'phiên bản' mới.",
      }),
    ).toBe(
      "CREATE TRIGGER scoring_sets_frozen BEFORE UPDATE OF content, total_c ON scoring_sets WHEN EXISTS (SELECT 1 FROM scoring_rounds WHERE set_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'Không được sửa; hãy tạo ''phiên bản'' mới.'); END",
    );
    const names = (
      sqliteHandle(core.database)
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'audit\\_%' ESCAPE '\\'`)
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(names.sort()).toEqual([
      'doc_template_versions_frozen',
      'report_event_dates_no_delete',
      'report_event_dates_no_update',
      'report_events_last',
      'report_events_no_delete',
      'report_events_no_update',
      'report_revisions_no_delete',
      'report_revisions_no_update',
      'report_value_changes_no_delete',
      'report_value_changes_no_update',
      'scoring_events_no_delete',
      'scoring_events_no_update',
      'scoring_lines_locked',
      'scoring_sets_frozen',
    ]);
  });

  it('names the audited tables without the bookkeeping ones', async () => {
    const tables = await core.database.auditedTables();
    expect(tables).toContain('units');
    expect(tables).not.toContain('audit_log');
    expect(tables.some((t) => t.startsWith('units_fts'))).toBe(false);
    // kept by the database from report_events (migration 0200), whose inserts are audited
    expect(tables).toContain('report_events');
    expect(tables).not.toContain('report_last_events');
  });
});
