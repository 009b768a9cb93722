// After a reorganisation, what still names a unit the act closed: plan tasks still to do, the lists
// of periods whose data window ends on or after the date, scoring rounds of the years the old unit
// no longer lives through. Each is proposed for re-pointing to the units that took the old one
// over; nothing changes until the user confirms a proposal, and each confirmed one is recorded
// (reorg_repoints, the period's history, the audit log). Periods that ended before the date keep
// their old units and are never listed.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { AppError } from '../../../shared/errors';
import { formatDateShort } from '../../../shared/format';
import { isActiveOn } from '../../../shared/domain/validity';
import { planReference, type PlanType } from '../../../shared/model/plan';
import type { RepointList, RepointProposal, RepointUnit } from '../../../shared/model/reorganise';
import { changeRoundUnitsIn } from '../scoring/rounds';

interface Known extends RepointUnit {
  activeFrom: string | null;
  activeTo: string | null;
}

const short = (t: string, n = 90) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
const yearEnd = (year: number) => `${year}-12-31`;

/** The proposals of one act, as things stand now. */
export async function repointList(db: Executor, id: number): Promise<RepointList> {
  const act = await db.selectFrom('reorganisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!act) throw new AppError('NOT_FOUND', `Không có lần sắp xếp đơn vị số ${id}.`);
  if (act.undone_at) throw new AppError('ALREADY_UNDONE', `Lần sắp xếp số ${id} đã được hoàn tác.`);
  const date = act.effective_date;
  const links = await db
    .selectFrom('unit_lineage')
    .select(['from_unit_id', 'to_unit_id'])
    .where('reorganisation_id', '=', id)
    .orderBy('id')
    .execute();
  // Old units the act closed (a unit that goes on links to itself) and the units that took each over.
  const goesOn = new Set(links.filter((l) => l.to_unit_id === l.from_unit_id).map((l) => l.from_unit_id));
  const successorIds = new Map<number, number[]>();
  for (const l of links) {
    if (goesOn.has(l.from_unit_id)) continue;
    const list = successorIds.get(l.from_unit_id) ?? [];
    if (l.to_unit_id !== null && !list.includes(l.to_unit_id)) list.push(l.to_unit_id);
    successorIds.set(l.from_unit_id, list);
  }
  const olds = [...successorIds.keys()];
  const empty: RepointList = { reorganisationId: id, effectiveDate: date, proposals: [], closedPeriodsKept: 0 };
  if (olds.length === 0) return empty;
  const ids = [...new Set([...olds, ...[...successorIds.values()].flat()])];
  const known = new Map<number, Known>(
    (
      await db
        .selectFrom('units')
        .select(['id', 'code', 'name', 'active_from', 'active_to'])
        .where('id', 'in', ids)
        .execute()
    ).map((u) => [u.id, { id: u.id, code: u.code, name: u.name, activeFrom: u.active_from, activeTo: u.active_to }]),
  );
  const unit = (k: Known): RepointUnit => ({ id: k.id, code: k.code, name: k.name });
  /** The successors valid on a day (a period's cut-off, a round's year end). */
  const successorsOn = (old: number, day: string) =>
    (successorIds.get(old) ?? []).map((s) => known.get(s)!).filter((s) => isActiveOn(s, day));
  const proposals: RepointProposal[] = [];
  const push = (p: Omit<RepointProposal, 'key'>) =>
    proposals.push({ ...p, key: `${p.area}:${p.ownerId}:${p.oldUnit.id}` });

  // Plan tasks not yet due before the date.
  const tasks = await db
    .selectFrom('plan_task_units as tu')
    .innerJoin('plan_tasks as t', 't.id', 'tu.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['tu.id', 'tu.unit_id', 't.position', 't.text', 'p.type', 'p.number', 'p.symbol', 'p.issued_date'])
    .where('tu.unit_id', 'in', olds)
    .where((eb) => eb.or([eb('t.deadline', 'is', null), eb('t.deadline', '>=', date)]))
    .orderBy('p.id')
    .orderBy('t.position')
    // A task's units in the order they were given (lead first): the same list on every engine.
    .orderBy('tu.id')
    .execute();
  for (const t of tasks) {
    const old = known.get(t.unit_id!)!;
    const successors = (successorIds.get(old.id) ?? []).map((s) => unit(known.get(s)!));
    push({
      area: 'plan_task',
      ownerId: t.id,
      owner: `${planReference({ type: t.type as PlanType, number: t.number, symbol: t.symbol, issuedDate: t.issued_date })}, nhiệm vụ ${t.position + 1}: ${short(t.text)}`,
      oldUnit: unit(old),
      successors,
      blocked: successors.length
        ? ''
        : 'Đơn vị đã giải thể, không có đơn vị tiếp nhận: hãy sửa nhiệm vụ trong văn bản chỉ đạo.',
    });
  }

  // Periods: those that ended before the date keep their units; the others' lists are proposed.
  const periods = await db
    .selectFrom('periods')
    .select(['id', 'name', 'window_end', 'expected_mode', 'expected_frozen_at'])
    .orderBy('id')
    .execute();
  const named = async (table: 'period_units' | 'period_expected') =>
    db
      .selectFrom(table)
      .select(['period_id', 'unit_id'])
      .where('unit_id', 'in', olds)
      .orderBy('period_id')
      .orderBy('unit_id')
      .execute();
  const inList = await named('period_units');
  const inFrozen = await named('period_expected');
  const reported = new Set(
    (await db.selectFrom('reports').select(['period_id', 'unit_id']).where('unit_id', 'in', olds).execute()).map(
      (r) => `${r.period_id}:${r.unit_id}`,
    ),
  );
  let closedKept = 0;
  for (const p of periods) {
    const list = p.expected_mode === 'list' ? inList.filter((x) => x.period_id === p.id) : [];
    const frozen = p.expected_frozen_at !== null ? inFrozen.filter((x) => x.period_id === p.id) : [];
    if (!list.length && !frozen.length) continue;
    if (p.window_end < date) {
      closedKept++;
      continue;
    }
    // One proposal per old unit: the list in force (stored once frozen) and the selection together.
    for (const old of new Set([...list, ...frozen].map((x) => x.unit_id)))
      push({
        area: p.expected_frozen_at !== null ? 'period_expected' : 'period_list',
        ownerId: p.id,
        owner: `Kỳ báo cáo “${p.name}”`,
        oldUnit: unit(known.get(old)!),
        successors: successorsOn(old, p.window_end).map(unit),
        blocked: reported.has(`${p.id}:${old}`) ? 'Đơn vị cũ đã có báo cáo trong kỳ này: giữ nguyên.' : '',
      });
  }

  // Scoring rounds of a year whose end the old unit does not reach (the rounds' own rule).
  const scorings = await db
    .selectFrom('scorings as s')
    .innerJoin('scoring_rounds as r', 'r.id', 's.round_id')
    .select(['s.id', 's.unit_id', 'r.id as round_id', 'r.name', 'r.year'])
    .where('s.unit_id', 'in', olds)
    .orderBy('r.id')
    .orderBy('s.id')
    .execute();
  for (const s of scorings) {
    const old = known.get(s.unit_id)!;
    if (isActiveOn(old, yearEnd(s.year))) continue;
    const recorded =
      (await db
        .selectFrom('scoring_lines')
        .select('code')
        .where('scoring_id', '=', s.id)
        .where((eb) => eb.or([eb('self_c', 'is not', null), eb('appraised_c', 'is not', null)]))
        .executeTakeFirst()) ??
      (await db.selectFrom('scoring_events').select('id').where('scoring_id', '=', s.id).executeTakeFirst()) ??
      (await db.selectFrom('scoring_evidence').select('id').where('scoring_id', '=', s.id).executeTakeFirst());
    push({
      area: 'scoring_round',
      ownerId: s.round_id,
      owner: `Đợt chấm điểm “${s.name}” (năm ${s.year})`,
      oldUnit: unit(old),
      successors: successorsOn(old.id, yearEnd(s.year)).map(unit),
      blocked: recorded ? 'Đơn vị cũ đã có điểm hoặc lịch sử chấm điểm trong đợt: giữ nguyên.' : '',
    });
  }
  return { ...empty, proposals, closedPeriodsKept: closedKept };
}

/** Applies the chosen proposals, all or none; refused when one is no longer proposed or is blocked. */
export async function applyRepoint(
  db: Kysely<DB>,
  input: { id: number; keys: string[]; actor: string },
  now = new Date(),
): Promise<{ applied: number; list: RepointList }> {
  return db.transaction().execute(async (trx) => {
    const list = await repointList(trx, input.id);
    const byKey = new Map(list.proposals.map((p) => [p.key, p]));
    const keys = [...new Set(input.keys)];
    const stale = keys.filter((k) => !byKey.has(k));
    if (stale.length)
      throw new AppError(
        'STALE_REPOINT',
        `Đề xuất ${stale.slice(0, 3).join(', ')} không còn trong danh sách (đã chuyển hoặc đã thay đổi). Hãy xem lại danh sách. Chưa thay đổi gì.`,
      );
    const blocked = keys.map((k) => byKey.get(k)!).filter((p) => p.blocked);
    if (blocked.length)
      throw new AppError(
        'REPOINT_BLOCKED',
        `Không chuyển được ${blocked[0]!.oldUnit.name} (${blocked[0]!.owner}): ${blocked[0]!.blocked} Chưa thay đổi gì.`,
      );
    const at = now.toISOString();
    const when = formatDateShort(list.effectiveDate);
    for (const p of keys.map((k) => byKey.get(k)!)) {
      const to = p.successors.map((s) => s.id);
      if (p.area === 'plan_task') {
        const row = await trx
          .selectFrom('plan_task_units')
          .selectAll()
          .where('id', '=', p.ownerId)
          .executeTakeFirstOrThrow();
        await trx.updateTable('plan_task_units').set({ unit_id: to[0]! }).where('id', '=', row.id).execute();
        // A split: the task goes to every unit that took the old one over, after the task's units.
        const last = await trx
          .selectFrom('plan_task_units')
          .select((eb) => eb.fn.max('position').as('m'))
          .where('task_id', '=', row.task_id)
          .executeTakeFirst();
        let position = Number(last?.m ?? row.position);
        for (const s of p.successors.slice(1))
          await trx
            .insertInto('plan_task_units')
            .values({ task_id: row.task_id, role: row.role, position: ++position, unit_id: s.id, name: s.name })
            .execute();
      } else if (p.area === 'scoring_round') {
        const inRound = new Set(
          (await trx.selectFrom('scorings').select('unit_id').where('round_id', '=', p.ownerId).execute()).map(
            (r) => r.unit_id,
          ),
        );
        await changeRoundUnitsIn(
          trx,
          p.ownerId,
          to.filter((u) => !inRound.has(u)),
          [p.oldUnit.id],
          now,
        );
      } else {
        for (const table of ['period_units', 'period_expected'] as const) {
          const present = new Set(
            (await trx.selectFrom(table).select('unit_id').where('period_id', '=', p.ownerId).execute()).map(
              (r) => r.unit_id,
            ),
          );
          if (!present.has(p.oldUnit.id)) continue;
          await trx.deleteFrom(table).where('period_id', '=', p.ownerId).where('unit_id', '=', p.oldUnit.id).execute();
          for (const u of to.filter((x) => !present.has(x)))
            await trx.insertInto(table).values({ period_id: p.ownerId, unit_id: u }).execute();
        }
        await trx
          .insertInto('period_events')
          .values({
            period_id: p.ownerId,
            kind: 'expected_updated',
            actor: input.actor,
            at,
            note: `Theo lần sắp xếp đơn vị số ${input.id} (từ ngày ${when}): ${p.successors.length ? `thay ${p.oldUnit.name} bằng ${p.successors.map((s) => s.name).join(', ')}` : `bỏ ${p.oldUnit.name} (đã giải thể)`}.`,
          })
          .execute();
      }
      await trx
        .insertInto('reorg_repoints')
        .values({
          reorganisation_id: input.id,
          area: p.area,
          owner_id: p.ownerId,
          from_unit_id: p.oldUnit.id,
          to_unit_ids: JSON.stringify(to),
          actor: input.actor,
          at,
        })
        .execute();
    }
    return { applied: keys.length, list: await repointList(trx, input.id) };
  });
}
