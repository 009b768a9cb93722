// Migration 80: reorganisations of the unit register as one act (issue 20). Frozen: never edit.
// - reorganisations: one row per act (effective date, source file, what it did) with the units'
//   rows as they were before, so that an undo restores the register exactly;
// - unit_lineage: which old unit went into which new one on that date (merge, split with an
//   optional share, rename, abolition, a unit that continues), read when comparing across the date.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reorganisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // The rows of every existing unit the act changed, before; and the ids of the units it created.
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('created_ids_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createTable('unit_lineage')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reorganisation_id', 'integer', (c) => c.notNull().references('reorganisations.id'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // null: the old unit was abolished without a successor.
    .addColumn('to_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('change', 'text', (c) => c.notNull())
    // A split's share of the old unit (0 < share ≤ 1); null when not given.
    .addColumn('share', 'real')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_lineage_from').on('unit_lineage').column('from_unit_id').execute();
  await db.schema.createIndex('unit_lineage_to').on('unit_lineage').column('to_unit_id').execute();
}
