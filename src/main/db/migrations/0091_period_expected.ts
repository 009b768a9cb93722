// Migration 91: a period's expected units are stored once its data window has closed (frozen), and
// changed only by an explicit update recorded in the period's history. Frozen in time: never edit.
// Nothing is frozen here: the app stores the list of each closed period before the register next
// changes, so the lists users see today are the ones kept.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('periods').addColumn('expected_frozen_at', 'text').execute();
  await db.schema
    .createTable('period_expected')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('period_expected_pk', ['period_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('period_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('frozen', 'expected_updated')`))
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('period_events_period').on('period_events').column('period_id').execute();
}
