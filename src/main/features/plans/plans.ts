// Directing documents (văn bản chỉ đạo) with their tasks, the units responsible, and targets.
import { fieldPathLabel } from '../../../shared/field-labels';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { moveToTrash } from '../safety/trash';
import { AppError } from '../../../shared/errors';
import { planInput } from '../../../shared/contract/plans';
import type {
  Comparator,
  Plan,
  PlanDeadline,
  PlanListItem,
  PlanTask,
  PlanType,
  TargetScope,
  TaskUnitRef,
} from '../../../shared/model/plan';
import { TARGET_SCOPES } from '../../../shared/model/plan';
import type { UnitKind } from '../../../shared/model/unit';
import type { Executor } from '../../db/executor';
import { assertUnchanged } from '../../core/stale-edit';

export type PlanData = z.output<typeof planInput>;

function parseJsonArray<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export async function getPlan(db: Executor, id: number): Promise<Plan> {
  const p = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', `Không tìm thấy văn bản chỉ đạo có mã số ${id}.`);
  const tasks = await db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', id).orderBy('position').execute();
  const taskUnits = tasks.length
    ? await db
        .selectFrom('plan_task_units')
        .selectAll()
        .where(
          'task_id',
          'in',
          tasks.map((t) => t.id),
        )
        .orderBy('position')
        .execute()
    : [];
  const targets = await db
    .selectFrom('plan_targets')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('position')
    .execute();
  const refOf = (r: { unit_id: number | null; name: string }): TaskUnitRef => ({ unitId: r.unit_id, name: r.name });
  return {
    id: p.id,
    type: p.type as PlanType,
    number: p.number,
    symbol: p.symbol,
    issuedDate: p.issued_date,
    issuer: p.issuer,
    signer: p.signer,
    summary: p.summary,
    field: p.field,
    body: p.body,
    deadlines: parseJsonArray<PlanDeadline>(p.deadlines),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    tasks: tasks.map((t): PlanTask => {
      const mine = taskUnits.filter((u) => u.task_id === t.id);
      const leads = mine.filter((u) => u.role === 'lead');
      return {
        id: t.id,
        text: t.text,
        deadline: t.deadline,
        lead: leads[0] ? refOf(leads[0]) : null,
        coLeads: leads.slice(1).map(refOf),
        supporting: mine.filter((u) => u.role === 'support').map(refOf),
      };
    }),
    targets: targets.map((t) => ({
      id: t.id,
      text: t.text,
      indicatorCode: t.indicator_code,
      comparator: t.comparator as Comparator,
      value: t.value,
      valueUnit: t.value_unit,
      unitKinds: parseJsonArray<UnitKind>(t.unit_kinds),
      scope: (TARGET_SCOPES as readonly string[]).includes(t.scope) ? (t.scope as TargetScope) : 'total',
    })),
  };
}

export async function listPlans(db: Executor): Promise<PlanListItem[]> {
  const rows = await db
    .selectFrom('plans as p')
    .select((eb) => [
      'p.id',
      'p.type',
      'p.number',
      'p.symbol',
      'p.issued_date',
      'p.issuer',
      'p.summary',
      'p.field',
      eb
        .selectFrom('plan_tasks')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('plan_tasks.plan_id', '=', 'p.id')
        .as('tasks'),
      eb
        .selectFrom('plan_targets')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('plan_targets.plan_id', '=', 'p.id')
        .as('targets'),
      eb
        .selectFrom('periods')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('periods.plan_id', '=', 'p.id')
        .as('periods'),
    ])
    .orderBy('p.issued_date', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as PlanType,
    number: r.number,
    symbol: r.symbol,
    issuedDate: r.issued_date,
    issuer: r.issuer,
    summary: r.summary,
    field: r.field,
    taskCount: Number(r.tasks ?? 0),
    targetCount: Number(r.targets ?? 0),
    periodCount: Number(r.periods ?? 0),
  }));
}

async function assertUnitsExist(db: Executor, data: PlanData): Promise<void> {
  const ids = new Set<number>();
  for (const t of data.tasks) for (const r of [t.lead, ...t.coLeads, ...t.supporting]) if (r?.unitId) ids.add(r.unitId);
  if (ids.size === 0) return;
  const found = new Set(
    (
      await db
        .selectFrom('units')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
  const missing = [...ids].filter((i) => !found.has(i));
  if (missing.length)
    throw new AppError('NO_UNIT', `Nhiệm vụ gắn với đơn vị không tồn tại (mã số ${missing.join(', ')}).`, {
      field: 'tasks',
    });
}

async function writeParts(db: Executor, planId: number, data: PlanData): Promise<void> {
  const oldTasks = await db.selectFrom('plan_tasks').select('id').where('plan_id', '=', planId).execute();
  if (oldTasks.length) {
    await db
      .deleteFrom('plan_task_units')
      .where(
        'task_id',
        'in',
        oldTasks.map((t) => t.id),
      )
      .execute();
  }
  await db.deleteFrom('plan_tasks').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_targets').where('plan_id', '=', planId).execute();
  for (const [i, t] of data.tasks.entries()) {
    const row = await db
      .insertInto('plan_tasks')
      .values({ plan_id: planId, position: i, text: t.text, deadline: t.deadline })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refs: { role: 'lead' | 'support'; ref: TaskUnitRef }[] = [
      ...(t.lead ? [{ role: 'lead' as const, ref: t.lead }] : []),
      ...t.coLeads.map((ref) => ({ role: 'lead' as const, ref })),
      ...t.supporting.map((ref) => ({ role: 'support' as const, ref })),
    ];
    for (const [j, r] of refs.entries()) {
      await db
        .insertInto('plan_task_units')
        .values({ task_id: row.id, role: r.role, position: j, unit_id: r.ref.unitId, name: r.ref.name })
        .execute();
    }
  }
  for (const [i, t] of data.targets.entries()) {
    await db
      .insertInto('plan_targets')
      .values({
        plan_id: planId,
        position: i,
        text: t.text,
        indicator_code: t.indicatorCode,
        comparator: t.comparator,
        value: t.value,
        value_unit: t.valueUnit,
        unit_kinds: JSON.stringify(t.unitKinds),
        scope: t.scope,
      })
      .execute();
  }
}

function header(data: PlanData) {
  return {
    type: data.type,
    number: data.number,
    symbol: data.symbol,
    issued_date: data.issuedDate,
    issuer: data.issuer,
    signer: data.signer,
    summary: data.summary,
    field: data.field,
    body: data.body,
    deadlines: JSON.stringify(data.deadlines),
  };
}

export async function createPlan(db: Kysely<DB>, data: PlanData, now = new Date()): Promise<Plan> {
  return db.transaction().execute((trx) => insertPlan(trx, data, now));
}

/** createPlan inside the caller's transaction (the plan-text import saves plan, units and periods together). */
export async function insertPlan(trx: Transaction<DB>, data: PlanData, now = new Date()): Promise<Plan> {
  await assertUnitsExist(trx, data);
  const at = now.toISOString();
  const row = await trx
    .insertInto('plans')
    .values({ ...header(data), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeParts(trx, row.id, data);
  return getPlan(trx, row.id);
}

export async function updatePlan(
  db: Kysely<DB>,
  id: number,
  data: PlanData,
  now = new Date(),
  expectedUpdatedAt?: string | null,
): Promise<Plan> {
  return db.transaction().execute(async (trx) => {
    await getPlan(trx, id);
    await assertUnchanged(trx, 'plans', id, expectedUpdatedAt, 'Văn bản này');
    await assertUnitsExist(trx, data);
    await trx
      .updateTable('plans')
      .set({ ...header(data), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeParts(trx, id, data);
    return getPlan(trx, id);
  });
}

/** A plan that periods follow is not deleted: the periods would lose where their deadline came from. */
export async function deletePlan(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const plan = await getPlan(trx, id);
    const periods = await trx.selectFrom('periods').select('name').where('plan_id', '=', id).execute();
    if (periods.length) {
      throw new AppError(
        'IN_USE',
        `Không xóa được văn bản “${plan.summary}”: có ${periods.length} kỳ báo cáo theo văn bản này (${periods
          .slice(0, 3)
          .map((p) => p.name)
          .join('; ')}). Hãy xóa các kỳ báo cáo đó trước.`,
      );
    }
    // Into the trash with its tasks and targets: restorable until the trash is emptied.
    await moveToTrash(trx, 'plans', id, plan.summary || `Văn bản số ${id}`, [
      { table: 'plan_tasks', column: 'plan_id', children: [{ table: 'plan_task_units', column: 'task_id' }] },
      { table: 'plan_targets', column: 'plan_id' },
    ]);
    return { deleted: true as const };
  });
}

/** Reads a plan from a JSON file (the shape of plans.get without ids), all or nothing. */
export async function importPlan(db: Kysely<DB>, fileName: string, data: Uint8Array, now = new Date()): Promise<Plan> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('BAD_FILE', `Tệp “${fileName}” không phải là tệp JSON hợp lệ (UTF-8).`, { file: fileName });
  }
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o && typeof o === 'object') {
      return Object.fromEntries(
        Object.entries(o as Record<string, unknown>)
          .filter(([k]) => !['id', 'createdAt', 'updatedAt'].includes(k))
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return o;
  };
  const parsed = planInput.safeParse(strip(raw));
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const field = first.path.join('.');
    throw new AppError(
      'BAD_FILE',
      `Tệp “${fileName}”${first.path.length ? `, ${fieldPathLabel(first.path)}` : ''}: ${first.message}`,
      {
        file: fileName,
        field,
      },
    );
  }
  return createPlan(db, parsed.data, now);
}
