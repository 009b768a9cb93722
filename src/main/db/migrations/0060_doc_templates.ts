// Migration 60: the office's own Word templates (mẫu Word) with frozen versions, and the images
// of the signature and the seal they may show. Frozen in time: never edit (engine-specific SQL goes
// through `engine`: db/database.ts).
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  await db.schema
    .createTable('doc_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) =>
      c.notNull().check(sql`usage IN ('report', 'reminder', 'scoring', 'unit_letter')`),
    )
    // The report template (mẫu báo cáo) a report's Word form belongs to; null: any.
    .addColumn('report_template_id', 'integer', (c) => c.references('templates.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Deleted templates are archived, not erased: their versions may be behind issued documents.
    .addColumn('archived_at', 'text')
    .execute();

  await db.schema
    .createTable('doc_template_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doc_template_id', 'integer', (c) => c.notNull().references('doc_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    // The linter's report when the version was stored (JSON), and its counts for lists.
    .addColumn('lint_json', 'text', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('doc_template_versions_template_version', ['doc_template_id', 'version'])
    .execute();
  // A stored version is what a filled document was made from: it never changes.
  await engine.refuse(db, {
    name: 'doc_template_versions_frozen',
    table: 'doc_template_versions',
    on: 'update',
    message: 'Phiên bản mẫu Word đã lưu không được sửa: hãy tải lên phiên bản mới.',
  });

  await db.schema
    .createTable('doc_images')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`key IN ('signature', 'seal')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('width_px', 'integer', (c) => c.notNull().check(sql`width_px > 0`))
    .addColumn('height_px', 'integer', (c) => c.notNull().check(sql`height_px > 0`))
    // The size shown in documents, in tenths of a millimetre.
    .addColumn('width_dmm', 'integer', (c) => c.notNull().check(sql`width_dmm > 0`))
    .addColumn('height_dmm', 'integer', (c) => c.notNull().check(sql`height_dmm > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
