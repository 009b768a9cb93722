// Migration 50: what keeps data from being lost — the audit log, the trash and app settings.
// Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_table_row').on('audit_log').columns(['table_name', 'row_id']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  // One row: who is working now, read by the audit triggers.
  await db.schema
    .createTable('audit_context')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('user', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // "user" quoted: a reserved word in PostgreSQL (the same statement for SQLite).
  await sql`INSERT INTO audit_context (id, "user") VALUES (1, '')`.execute(db);

  await db.schema
    .createTable('trash')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('row_json', 'text', (c) => c.notNull())
    .addColumn('children_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
