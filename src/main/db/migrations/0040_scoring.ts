// Migration 40: chấm điểm, xếp loại. Criteria sets (versioned JSON, frozen once a round uses
// them), rounds, each unit's scoring, its score lines (points in whole hundredths, bounded by the
// database itself), evidence files and an append-only history. Frozen in time: never edit (engine-specific SQL goes through `engine`: db/database.ts).
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  await db.schema
    .createTable('scoring_sets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('total_c', 'integer', (c) => c.notNull().check(sql`total_c > 0`))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('based_on_id', 'integer', (c) => c.references('scoring_sets.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scoring_sets_code_version', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('scoring_rounds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('set_id', 'integer', (c) => c.notNull().references('scoring_sets.id'))
    .addColumn('self_deadline', 'text')
    .addColumn('appraisal_deadline', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A set used by a round is frozen: the database refuses to change its content or remove it.
  await engine.refuse(db, {
    name: 'scoring_sets_frozen',
    table: 'scoring_sets',
    on: 'update',
    columns: ['content', 'total_c', 'code', 'version'],
    when: 'EXISTS (SELECT 1 FROM scoring_rounds WHERE set_id = OLD.id)',
    message: 'Bộ tiêu chí đã được dùng để chấm điểm, không được sửa; hãy tạo phiên bản mới.',
  });

  await db.schema
    .createTable('scorings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`locked IN (0, 1)`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scorings_round_unit', ['round_id', 'unit_id'])
    .execute();

  // Points in hundredths. max_c is copied from the (frozen) set so that the bounds hold here too;
  // a changed appraisal needs its reason.
  await db.schema
    .createTable('scoring_lines')
    .addColumn('scoring_id', 'integer', (c) => c.notNull().references('scorings.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('criterion', 'bonus', 'deduction')`))
    .addColumn('max_c', 'integer', (c) => c.notNull().check(sql`max_c >= 0`))
    .addColumn('self_c', 'integer', (c) => c.check(sql`self_c IS NULL OR (self_c >= 0 AND self_c <= max_c)`))
    .addColumn('self_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('appraised_c', 'integer', (c) =>
      c.check(sql`appraised_c IS NULL OR (appraised_c >= 0 AND appraised_c <= max_c)`),
    )
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('scoring_lines_pk', ['scoring_id', 'code'])
    .addCheckConstraint(
      'scoring_lines_reason',
      sql`appraised_c IS NULL OR self_c IS NULL OR appraised_c = self_c OR length(trim(reason)) > 0`,
    )
    .execute();

  await db.schema
    .createTable('scoring_evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('scoring_id', 'integer', (c) => c.notNull().references('scorings.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scoring_evidence_scoring').on('scoring_evidence').column('scoring_id').execute();

  await db.schema
    .createTable('scoring_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('scoring_id', 'integer', (c) => c.notNull().references('scorings.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('self_saved', 'appraisal_saved', 'imported', 'approved', 'reopened', 'evidence_added', 'evidence_removed')`,
        ),
    )
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('scoring_events_scoring').on('scoring_events').column('scoring_id').execute();
  await engine.refuse(db, {
    name: 'scoring_events_no_update',
    table: 'scoring_events',
    on: 'update',
    message: 'Lịch sử chấm điểm chỉ được ghi thêm, không được sửa.',
  });
  await engine.refuse(db, {
    name: 'scoring_events_no_delete',
    table: 'scoring_events',
    on: 'delete',
    message: 'Lịch sử chấm điểm chỉ được ghi thêm, không được xóa.',
  });

  // An approved scoring is locked: its lines cannot change until it is reopened.
  await engine.refuse(db, {
    name: 'scoring_lines_locked',
    table: 'scoring_lines',
    on: 'update',
    when: '(SELECT locked FROM scorings WHERE id = OLD.scoring_id) = 1',
    message: 'Kết quả chấm điểm của đơn vị đã được duyệt, không được sửa.',
  });
}
