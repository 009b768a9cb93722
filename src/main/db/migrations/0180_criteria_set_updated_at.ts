// Migration 0180: a criteria set not used yet is edited in place, and two people may edit it at
// once (a shared server): like units, plans, periods and templates it now keeps the moment it was
// last saved, which the form sends back (`expectedUpdatedAt`, core/stale-edit.ts). Sets already
// there start from the moment they were made. Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scoring_sets').addColumn('updated_at', 'text').execute();
  // updated_at is outside the frozen set's guarded columns: a used set takes it too
  await sql`UPDATE scoring_sets SET updated_at = created_at`.execute(db);
}
