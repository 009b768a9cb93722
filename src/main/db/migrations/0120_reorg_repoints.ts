// Migration 120: what was re-pointed after a reorganisation (issue 20): each confirmed proposal —
// a plan task's unit, an open period's list, a scoring round's unit — with the old unit and the
// units that took its place, who confirmed it and when. An act with re-pointings is not undone.
// Frozen in time: never edit.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reorg_repoints')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reorganisation_id', 'integer', (c) => c.notNull().references('reorganisations.id'))
    // plan_task | period_list | period_expected | scoring_round
    .addColumn('area', 'text', (c) => c.notNull())
    // The plan_task_units row, the period or the scoring round.
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // JSON array of unit ids (empty: the old unit was only taken off a list).
    .addColumn('to_unit_ids', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reorg_repoints_act').on('reorg_repoints').column('reorganisation_id').execute();
}
