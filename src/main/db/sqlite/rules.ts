// Rules the database enforces itself (RefusedChange) and tables it keeps itself (GreatestKept),
// written as SQLite triggers.
import { sql } from 'kysely';
import type { AnyDb, GreatestKept, RefusedChange } from '../database';

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function refusedChangeTrigger(rule: RefusedChange): string {
  const of = rule.on === 'update' && rule.columns?.length ? ` OF ${rule.columns.join(', ')}` : '';
  const when = rule.when ? ` WHEN ${rule.when}` : '';
  return `CREATE TRIGGER ${rule.name} BEFORE ${rule.on.toUpperCase()}${of} ON ${rule.table}${when} BEGIN SELECT RAISE(ABORT, ${quoteText(rule.message)}); END`;
}

export async function createRefusedChange(db: AnyDb, rule: RefusedChange): Promise<void> {
  await sql.raw(refusedChangeTrigger(rule)).execute(db);
}

export function greatestKeptTrigger(rule: GreatestKept): string {
  const { name, from, key, into, value } = rule;
  return `CREATE TRIGGER ${name} AFTER INSERT ON ${from} BEGIN INSERT INTO ${into} (${key}, ${value}) VALUES (NEW.${key}, NEW.id) ON CONFLICT (${key}) DO UPDATE SET ${value} = max(${value}, excluded.${value}); END`;
}

export async function createGreatestKept(db: AnyDb, rule: GreatestKept): Promise<void> {
  await sql.raw(greatestKeptTrigger(rule)).execute(db);
}
