// Migration 20: drafts of the consolidated report (one per chosen window of periods) and the
// settings of the report sent upward (Kính gửi, Nơi nhận, email addresses). Frozen: never edit.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compile_drafts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The chosen periods, sorted ids joined by ",": one draft per window.
    .addColumn('window_key', 'text', (c) => c.notNull().unique())
    .addColumn('period_ids', 'text', (c) => c.notNull())
    .addColumn('compare_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of sections: {number, title, level, hasText, text, generated, refreshNote}.
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compile_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kinh_gui', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('noi_nhan', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email_to', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email_cc', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('symbol', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text')
    .execute();
}
