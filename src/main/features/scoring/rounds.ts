// Đợt chấm điểm: rounds over a frozen criteria set, the units in them (joining, leaving while
// unscored), listing and deletion into the trash. The rows every part reads: round-sheets.ts; each
// unit's scoring: unit-scoring.ts; evidence: scoring-evidence.ts; results: round-results.ts.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { roundInput } from '../../../shared/contract/scoring';
import { scoreItems, toCenti } from '../../../shared/domain/scoring';
import type {
  RoundCandidate,
  RoundUnitStatus,
  ScoringRound,
  ScoringRoundListItem,
} from '../../../shared/model/scoring';
import type { UnitListItem } from '../../../shared/model/unit';
import { getCriteriaSet } from './criteria-sets';
import { isActiveOn, listUnits } from '../units/units';
import { todayIso } from '../../../shared/format';
import { moveToTrash } from '../safety/trash';
import type { Executor } from '../../db/executor';
import { loadRoundSheets, roundRow } from './round-sheets';

export type RoundData = z.output<typeof roundInput>;

// ——— rounds ———

export async function createRound(db: Kysely<DB>, data: RoundData, now = new Date()): Promise<ScoringRound> {
  return db.transaction().execute(async (trx) => {
    const set = await getCriteriaSet(trx, data.setId);
    const all = await listUnits(trx, { includeClosed: true });
    let units = all.filter((u) => activeInYear(u, data.year, now));
    if (data.unitIds) {
      const wanted = new Set(data.unitIds);
      const missing = data.unitIds.filter((id) => !all.some((u) => u.id === id));
      if (missing.length > 0)
        throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã số ${missing.join(', ')}.`, { field: 'unitIds' });
      units = all.filter((u) => wanted.has(u.id));
    }
    if (units.length === 0)
      throw new AppError(
        'NO_UNITS',
        `Không có đơn vị nào hoạt động trong năm ${data.year} để chấm điểm. Hãy thêm đơn vị trước.`,
        { field: 'unitIds' },
      );
    const name = data.name || `Chấm điểm công tác dân vận chính quyền năm ${data.year}`;
    const round = await trx
      .insertInto('scoring_rounds')
      .values({
        name,
        year: data.year,
        set_id: set.id,
        self_deadline: data.selfDeadline,
        appraisal_deadline: data.appraisalDeadline,
        note: data.note,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = scoreItems(set);
    for (const [i, u] of units.entries()) await addSheet(trx, round.id, u.id, i + 1, items, now);
    return getRound(trx, round.id);
  });
}

/** Units that can join a round: active in its year and not in it yet. */
export async function roundCandidates(db: Executor, roundId: number, now = new Date()): Promise<RoundCandidate[]> {
  const r = await roundRow(db, roundId);
  const inRound = new Set(
    (await db.selectFrom('scorings').select('unit_id').where('round_id', '=', roundId).execute()).map((x) => x.unit_id),
  );
  const all = await listUnits(db, { includeClosed: true });
  return all
    .filter((u) => !inRound.has(u.id) && activeInYear(u, r.year, now))
    .map((u) => ({ unitId: u.id, code: u.code, name: u.name, kind: u.kind }));
}

/**
 * A unit is scored for a year when it is active at the year's end, or today for the current year:
 * a unit closed from today ("Thôi hoạt động" from today) is not in a new round.
 */
const activeInYear = (u: Pick<UnitListItem, 'activeFrom' | 'activeTo'>, year: number, now: Date): boolean => {
  const end = `${year}-12-31`;
  const today = todayIso(now);
  return isActiveOn(u, today < end ? today : end);
};

/**
 * Changes the units of a round, all or nothing: added units must be active in the round's year and
 * not in it yet; a removed unit must have nothing recorded (no score, no evidence, no history).
 */
export async function changeRoundUnits(
  db: Kysely<DB>,
  roundId: number,
  add: number[],
  remove: number[],
  now = new Date(),
): Promise<ScoringRound> {
  return db.transaction().execute((trx) => changeRoundUnitsIn(trx, roundId, add, remove, now));
}

/** changeRoundUnits inside the caller's transaction (a reorganisation's re-pointing). */
export async function changeRoundUnitsIn(
  trx: Executor,
  roundId: number,
  add: number[],
  remove: number[],
  now = new Date(),
): Promise<ScoringRound> {
  const r = await roundRow(trx, roundId);
  const set = await getCriteriaSet(trx, r.set_id);
  const both = add.filter((id) => remove.includes(id));
  if (both.length > 0)
    throw new AppError('BAD_REQUEST', `Đơn vị có mã số ${both.join(', ')} vừa được thêm vừa bị bỏ khỏi đợt.`, {
      field: 'unitIds',
    });
  const scorings = await trx
    .selectFrom('scorings as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 's.position', 'u.name'])
    .where('s.round_id', '=', roundId)
    .execute();
  const byUnit = new Map(scorings.map((s) => [s.unit_id, s]));
  for (const unitId of remove) {
    const s = byUnit.get(unitId);
    if (!s)
      throw new AppError('NOT_IN_ROUND', `Đơn vị có mã số ${unitId} không thuộc đợt “${r.name}”.`, {
        field: 'unitIds',
      });
    const scored = await trx
      .selectFrom('scoring_lines')
      .select('code')
      .where('scoring_id', '=', s.id)
      .where((eb) => eb.or([eb('self_c', 'is not', null), eb('appraised_c', 'is not', null)]))
      .executeTakeFirst();
    const event = await trx.selectFrom('scoring_events').select('id').where('scoring_id', '=', s.id).executeTakeFirst();
    const evidence = await trx
      .selectFrom('scoring_evidence')
      .select('id')
      .where('scoring_id', '=', s.id)
      .executeTakeFirst();
    if (scored || event || evidence) {
      throw new AppError(
        'UNIT_SCORED',
        `Không bỏ được ${s.name} khỏi đợt “${r.name}”: đơn vị đã có điểm hoặc lịch sử chấm điểm (lịch sử được giữ nguyên).`,
        { field: 'unitIds' },
      );
    }
  }
  const all = await listUnits(trx, { includeClosed: true });
  const units = new Map(all.map((u) => [u.id, u]));
  for (const unitId of add) {
    const u = units.get(unitId);
    if (!u) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã số ${unitId}.`, { field: 'unitIds' });
    if (byUnit.has(unitId))
      throw new AppError('ALREADY_IN_ROUND', `${u.name} đã có trong đợt “${r.name}”.`, { field: 'unitIds' });
    if (!activeInYear(u, r.year, now))
      throw new AppError('UNIT_INACTIVE', `${u.name} không hoạt động trong năm ${r.year}, không thêm vào đợt được.`, {
        field: 'unitIds',
      });
  }
  if (scorings.length - remove.length + add.length === 0)
    throw new AppError('NO_UNITS', `Đợt “${r.name}” phải còn ít nhất một đơn vị.`, { field: 'unitIds' });
  for (const unitId of remove) {
    const s = byUnit.get(unitId)!;
    await trx.deleteFrom('scoring_lines').where('scoring_id', '=', s.id).execute();
    await trx.deleteFrom('scorings').where('id', '=', s.id).execute();
  }
  const items = scoreItems(set);
  let position = Math.max(0, ...scorings.map((s) => s.position));
  for (const unitId of new Set(add)) await addSheet(trx, roundId, unitId, ++position, items, now);
  return getRound(trx, roundId);
}

export async function getRound(db: Executor, id: number): Promise<ScoringRound> {
  const r = await roundRow(db, id);
  const set = await getCriteriaSet(db, r.set_id);
  const sheets = await loadRoundSheets(db, id, set);
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    setId: r.set_id,
    setName: r.set_name,
    setVersion: r.set_version,
    selfDeadline: r.self_deadline,
    appraisalDeadline: r.appraisal_deadline,
    note: r.note,
    createdAt: r.created_at,
    units: sheets.map((s): RoundUnitStatus => ({
      unitId: s.unitId,
      code: s.unitCode,
      name: s.unitName,
      kind: s.unitKind,
      stage: s.stage,
      selfTotal: s.stage === 'chua_cham' ? null : s.self.total,
      finalTotal: s.stage === 'chua_cham' ? null : s.final.total,
      classLabel: s.stage === 'chua_cham' ? null : s.final.classLabel,
    })),
  };
}

export async function listRounds(db: Executor): Promise<ScoringRoundListItem[]> {
  const rows = await db
    .selectFrom('scoring_rounds as r')
    .innerJoin('scoring_sets as s', 's.id', 'r.set_id')
    .leftJoin('scorings as sc', 'sc.round_id', 'r.id')
    .select([
      'r.id',
      'r.name',
      'r.year',
      'r.set_id',
      'r.self_deadline',
      'r.appraisal_deadline',
      's.name as set_name',
      's.version as set_version',
    ])
    .select((eb) => [eb.fn.count<number>('sc.id').as('units'), eb.fn.sum<number>('sc.locked').as('approved')])
    .groupBy('r.id')
    .orderBy('r.year', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    year: r.year,
    setId: r.set_id,
    setName: r.set_name,
    setVersion: r.set_version,
    selfDeadline: r.self_deadline,
    appraisalDeadline: r.appraisal_deadline,
    unitCount: Number(r.units),
    approvedCount: Number(r.approved ?? 0),
  }));
}

/** A round can be removed while nothing has been scored in it (history is never deleted). */
export async function deleteRound(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const r = await roundRow(trx, id);
    const used = await trx
      .selectFrom('scoring_events as e')
      .innerJoin('scorings as s', 's.id', 'e.scoring_id')
      .select('e.id')
      .where('s.round_id', '=', id)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        'ROUND_IN_USE',
        `Đợt “${r.name}” đã có đơn vị chấm điểm, không xóa được (lịch sử chấm điểm được giữ nguyên).`,
      );
    // Into the trash with its (still empty) scorings: restorable until the trash is emptied.
    await moveToTrash(trx, 'scoring_rounds', id, r.name, [
      {
        table: 'scorings',
        column: 'round_id',
        children: [
          { table: 'scoring_lines', column: 'scoring_id' },
          { table: 'scoring_evidence', column: 'scoring_id' },
        ],
      },
    ]);
    return { deleted: true as const };
  });
}

/** A unit's empty scoring sheet in a round: one line per criterion, nothing scored. */
async function addSheet(
  trx: Executor,
  roundId: number,
  unitId: number,
  position: number,
  items: ReturnType<typeof scoreItems>,
  now: Date,
): Promise<void> {
  const s = await trx
    .insertInto('scorings')
    .values({ round_id: roundId, unit_id: unitId, position, locked: 0, updated_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('scoring_lines')
    .values(
      items.map((it) => ({
        scoring_id: s.id,
        code: it.code,
        kind: it.kind,
        max_c: toCenti(it.maxPoints)!,
        self_c: null,
        self_note: '',
        appraised_c: null,
        reason: '',
      })),
    )
    .execute();
}
