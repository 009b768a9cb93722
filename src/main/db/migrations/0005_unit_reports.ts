// Migration 5: units' reports, their current values, and the append-only history of every value
// and status change. Frozen in time: never edit (engine-specific SQL goes through `engine`: db/database.ts).
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('chua_nop', 'dang_nhap', 'da_nop', 'tra_lai', 'da_duyet')`),
    )
    .addColumn('received_date', 'text')
    .addColumn('channel', 'text', (c) => c.check(sql`channel IS NULL OR channel IN ('typed', 'imported', 'paper')`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_period_unit', ['period_id', 'unit_id'])
    .execute();

  // Current values. Counts and yes/no as INTEGER, amounts and percents as exact decimal TEXT,
  // narrative and text answers as TEXT: exactly one of the three is set.
  await db.schema
    .createTable('report_values')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('int_value', 'integer')
    .addColumn('dec_value', 'text')
    .addColumn('text_value', 'text')
    .addPrimaryKeyConstraint('report_values_pk', ['report_id', 'field_key'])
    .addCheckConstraint(
      'report_values_one',
      // PostgreSQL adds no booleans: the same rule in its words (SQLite's text stays as it was).
      engine.kind === 'postgres'
        ? sql`num_nonnulls(int_value, dec_value, text_value) = 1`
        : sql`(int_value IS NOT NULL) + (dec_value IS NOT NULL) + (text_value IS NOT NULL) = 1`,
    )
    .execute();

  await db.schema
    .createTable('report_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('report_revisions_number', ['report_id', 'number'])
    .execute();

  await db.schema
    .createTable('report_value_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('report_revisions.id'))
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .execute();
  await db.schema
    .createIndex('report_value_changes_revision')
    .on('report_value_changes')
    .column('revision_id')
    .execute();

  await db.schema
    .createTable('report_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('report_events_report').on('report_events').column('report_id').execute();

  // History is append-only: the database itself refuses to change or remove it.
  for (const table of ['report_revisions', 'report_value_changes', 'report_events']) {
    await engine.refuse(db, {
      name: `${table}_no_update`,
      table,
      on: 'update',
      message: 'Lịch sử báo cáo chỉ được ghi thêm, không được sửa.',
    });
    await engine.refuse(db, {
      name: `${table}_no_delete`,
      table,
      on: 'delete',
      message: 'Lịch sử báo cáo chỉ được ghi thêm, không được xóa.',
    });
  }
}
