// Migration 10: the workbooks units sent back (thu biểu Excel). Each accepted file is recorded
// with its name, SHA-256 and where its copy is kept, next to the report revision it produced.
// Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collect_sources')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    // The report revision the file produced (the current one when the file changed nothing).
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('excel')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull())
    // Relative to the app's data folder: sources/<period>/<unit>/<file>.
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('changed_count', 'integer', (c) => c.notNull())
    .addColumn('breach_count', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('collect_sources_report')
    .on('collect_sources')
    .columns(['period_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('collect_sources_sha').on('collect_sources').column('sha256').execute();
}
