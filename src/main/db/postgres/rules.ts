// Rules the database enforces itself (RefusedChange), written as PL/pgSQL trigger functions. The
// condition goes inside the function (PostgreSQL's WHEN clause may not hold a subquery; the rules'
// conditions use EXISTS), and a row the rule lets through goes on unchanged.
import { sql } from 'kysely';
import type { AnyDb, GreatestKept, RefusedChange } from '../database';

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function refusedChangeFunction(rule: RefusedChange): string[] {
  const fn = quoteIdent(`${rule.name}_fn`);
  const refuse = `RAISE EXCEPTION USING MESSAGE = ${quoteText(rule.message)}, ERRCODE = 'P0001'`;
  const body = rule.when ? `IF ${rule.when} THEN ${refuse}; END IF;` : `${refuse};`;
  const of = rule.on === 'update' && rule.columns?.length ? ` OF ${rule.columns.map(quoteIdent).join(', ')}` : '';
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $bcnv$ BEGIN ${body} IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $bcnv$`,
    `CREATE TRIGGER ${quoteIdent(rule.name)} BEFORE ${rule.on.toUpperCase()}${of} ON ${quoteIdent(rule.table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export async function createRefusedChange(db: AnyDb, rule: RefusedChange): Promise<void> {
  for (const statement of refusedChangeFunction(rule)) await sql.raw(statement).execute(db);
}

/** GreatestKept: an upsert after each insert, the greater id staying (rows copied in any order). */
export function greatestKeptFunction(rule: GreatestKept): string[] {
  const fn = quoteIdent(`${rule.name}_fn`);
  const [into, key, value] = [rule.into, rule.key, rule.value].map(quoteIdent);
  const body = `INSERT INTO ${into} (${key}, ${value}) VALUES (NEW.${key}, NEW.id) ON CONFLICT (${key}) DO UPDATE SET ${value} = GREATEST(${into}.${value}, EXCLUDED.${value});`;
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $bcnv$ BEGIN ${body} RETURN NEW; END $bcnv$`,
    `CREATE TRIGGER ${quoteIdent(rule.name)} AFTER INSERT ON ${quoteIdent(rule.from)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export async function createGreatestKept(db: AnyDb, rule: GreatestKept): Promise<void> {
  for (const statement of greatestKeptFunction(rule)) await sql.raw(statement).execute(db);
}
