// Migration 2: diacritics-folded full-text search over units, and the units' event history.
// Frozen in time: never edit (engine-specific SQL goes through `engine`: db/database.ts).
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index';

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const search = engine.unitSearch;
  await search.create(db);

  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name', 'email', 'contact_person'])
    .execute();
  for (const r of rows as {
    id: number;
    code: string;
    name: string;
    short_name: string;
    email: string;
    contact_person: string;
  }[]) {
    const folded = fold([r.code, r.name, r.short_name, r.email, r.contact_person].join(' '));
    await search.index(db, r.id, folded);
  }

  await db.schema
    .createTable('unit_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('unit_events_unit').on('unit_events').column('unit_id').execute();
}
