// The first-start checklist's facts: is the agency named, are there units, a directive, a period,
// a report received? Five counts, each one indexed query (never a whole table loaded).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SetupProgress, SetupStep } from '../../../shared/model/setup';
import { RECEIVED_STATUSES } from '../../../shared/domain/report-status';

const countOf = async (q: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }) =>
  Number((await q.executeTakeFirst())?.n ?? 0);

export async function setupProgress(db: Kysely<DB>): Promise<SetupProgress> {
  const agency = await db.selectFrom('agency').select('name').executeTakeFirst();
  const [units, plans, periods, reports] = await Promise.all([
    countOf(db.selectFrom('units').select((eb) => eb.fn.countAll().as('n'))),
    countOf(db.selectFrom('plans').select((eb) => eb.fn.countAll().as('n'))),
    countOf(db.selectFrom('periods').select((eb) => eb.fn.countAll().as('n'))),
    countOf(
      db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', [...RECEIVED_STATUSES]),
    ),
  ]);
  const named = (agency?.name ?? '').trim() !== '';
  const steps: SetupStep[] = [
    { key: 'agency', done: named, count: named ? 1 : 0 },
    { key: 'units', done: units > 0, count: units },
    { key: 'plans', done: plans > 0, count: plans },
    { key: 'periods', done: periods > 0, count: periods },
    { key: 'reports', done: reports > 0, count: reports },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}
