// Migration 3: the outgoing-document register (sổ văn bản đi). Numbers restart at 1 each year per
// document type; a blank number (filled in by hand) is stored as NULL. Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_register')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.check(sql`number IS NULL OR number >= 1`))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One number per type and year; NULLs (blank numbers) never collide.
  await db.schema
    .createIndex('document_register_number')
    .unique()
    .on('document_register')
    .columns(['document_type', 'year', 'number'])
    .execute();
  await db.schema.createIndex('document_register_date').on('document_register').columns(['date', 'id']).execute();
}
