// Migration 70: each signer's signature image (a transparent PNG), placed on copies that are not
// signed digitally. Keyed by the signer's full name: signer rows are rewritten on every agency
// save, a person's signature stays theirs. Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signer_signatures')
    .addColumn('full_name', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('width_px', 'integer', (c) => c.notNull().check(sql`width_px > 0`))
    .addColumn('height_px', 'integer', (c) => c.notNull().check(sql`height_px > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
