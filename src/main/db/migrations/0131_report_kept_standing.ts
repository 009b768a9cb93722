// Migration 131: each report keeps from which day its own row — status and received date — is
// its standing on every later day (issue 17: the board of a period answers "as of today" without
// replaying every report's events). `standing_key` names what that was worked out from (status,
// received date, last event); a key that no longer matches, or no day, sends the board back to
// the events. Written with each save and move of the report (reports/standings-kept.ts).
// Frozen in time: never edit.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('standing_from', 'text').execute();
  await db.schema.alterTable('reports').addColumn('standing_key', 'text').execute();
}
