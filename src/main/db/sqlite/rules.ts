// Rules the database enforces itself (RefusedChange), written as SQLite triggers.
import { sql } from 'kysely';
import type { AnyDb, RefusedChange } from '../database';

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function refusedChangeTrigger(rule: RefusedChange): string {
  const of = rule.on === 'update' && rule.columns?.length ? ` OF ${rule.columns.join(', ')}` : '';
  const when = rule.when ? ` WHEN ${rule.when}` : '';
  return `CREATE TRIGGER ${rule.name} BEFORE ${rule.on.toUpperCase()}${of} ON ${rule.table}${when} BEGIN SELECT RAISE(ABORT, ${quoteText(rule.message)}); END`;
}

export async function createRefusedChange(db: AnyDb, rule: RefusedChange): Promise<void> {
  await sql.raw(refusedChangeTrigger(rule)).execute(db);
}
