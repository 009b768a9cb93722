// Migration 130: each report keeps how many of its template's rules its values break, and the
// revision it was counted on (issue 17: the board counts "có vi phạm quy tắc" without reading
// every report's values). The count is written with the values (reports.saveReportValuesIn, the
// rules judged by shared/domain/rules.ts); a count whose revision is not the report's own — older
// reports, none yet — is not used: the board judges that report's values itself.
// Frozen in time: never edit.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('breach_count', 'integer').execute();
  await db.schema.alterTable('reports').addColumn('breach_revision', 'integer').execute();
}
