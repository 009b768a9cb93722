// Every migration, in order, listed in code: a bundled app cannot read a migrations folder.
import type { Kysely, Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_unit_search_and_events';
import * as m0003 from './0003_document_register';
import * as m0004 from './0004_plans_templates_periods';
import * as m0005 from './0005_unit_reports';
import * as m0010 from './0010_collect_sources';
import * as m0020 from './0020_compile_drafts';
import * as m0040 from './0040_scoring';
import * as m0050 from './0050_safety';
import * as m0060 from './0060_doc_templates';
import * as m0065 from './0065_report_sent_as_is';
import * as m0080 from './0080_reorganisations';
import * as m0090 from './0090_unit_validity';
import * as m0091 from './0091_period_expected';
import * as m0092 from './0092_report_event_dates';
import * as m0093 from './0093_target_scope';
import * as m0100 from './0100_signer_signatures';
import * as m0120 from './0120_reorg_repoints';
import * as m0130 from './0130_report_breach_counts';
import * as m0131 from './0131_report_kept_standing';
import * as m0150 from './0150_report_values_cover';
import * as m0180 from './0180_criteria_set_updated_at';
import * as m0190 from './0190_unit_search_prefixes';
import * as m0200 from './0200_report_last_events';

/**
 * What migrations need from the database engine, declared here because migrations never import
 * app code (they are frozen in time); db/database.ts's Engine satisfies it.
 */
export interface MigrationEngine {
  /** Only where the engines' SQL must differ (a migration's SQLite text never changes: copies are compared with it). */
  readonly kind: 'sqlite' | 'postgres';
  /** A change the database refuses (a trigger): see RefusedChange in db/database.ts. */
  refuse(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
    db: Kysely<any>,
    rule: { name: string; table: string; on: 'update' | 'delete'; columns?: string[]; when?: string; message: string },
  ): Promise<void>;
  /** The greatest id of `from`'s rows per `key`, kept in `into` on every insert: see GreatestKept in db/database.ts. */
  keepGreatest(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
    db: Kysely<any>,
    rule: { name: string; from: string; key: string; into: string; value: string },
  ): Promise<void>;
  unitSearch: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
    create(db: Kysely<any>): Promise<void>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
    index(db: Kysely<any>, id: number, folded: string): Promise<void>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
    withPrefixes(db: Kysely<any>): Promise<boolean>;
  };
}

/** A migration: Kysely's, with the engine's parts as a second argument. */
export interface AppMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
  up(db: Kysely<any>, engine: MigrationEngine): Promise<void>;
}

const steps: Record<string, AppMigration> = {
  '0001_initial': m0001,
  '0002_unit_search_and_events': m0002,
  '0003_document_register': m0003,
  '0004_plans_templates_periods': m0004,
  '0005_unit_reports': m0005,
  '0010_collect_sources': m0010,
  '0020_compile_drafts': m0020,
  '0040_scoring': m0040,
  '0050_safety': m0050,
  '0060_doc_templates': m0060,
  '0065_report_sent_as_is': m0065,
  '0080_reorganisations': m0080,
  '0090_unit_validity': m0090,
  '0091_period_expected': m0091,
  '0092_report_event_dates': m0092,
  '0093_target_scope': m0093,
  '0100_signer_signatures': m0100,
  '0120_reorg_repoints': m0120,
  '0130_report_breach_counts': m0130,
  '0131_report_kept_standing': m0131,
  '0150_report_values_cover': m0150,
  '0180_criteria_set_updated_at': m0180,
  '0190_unit_search_prefixes': m0190,
  '0200_report_last_events': m0200,
};

/** The migrations in Kysely's form, for one engine. */
export function migrationsFor(engine: MigrationEngine): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(steps).map(([name, step]) => [name, { up: (db) => step.up(db, engine) } satisfies Migration]),
  );
}

/** Names of the known migrations (a set to look names up in). */
export const migrations: Record<string, true> = Object.fromEntries(Object.keys(steps).map((name) => [name, true]));

export const latestMigration = Object.keys(steps).at(-1) ?? '';
