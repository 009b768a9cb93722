// Rules the database enforces itself (RefusedChange), written as PL/pgSQL trigger functions. The
// condition goes inside the function (PostgreSQL's WHEN clause may not hold a subquery; the rules'
// conditions use EXISTS), and a row the rule lets through goes on unchanged.
import { sql } from 'kysely';
import type { AnyDb, RefusedChange } from '../database';

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
