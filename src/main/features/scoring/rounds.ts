// Đợt chấm điểm and each unit's scoring: self-score, appraisal (a changed score needs its
// reason), approval that locks, reopening that is recorded, evidence files and the results.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import type { roundInput, saveScoresInput } from '../../../shared/contract/scoring';
import {
  computeTotals,
  formatPoints,
  fromCenti,
  rankByTotal,
  scoreItems,
  TIE_RULE,
  toCenti,
} from '../../../shared/domain/scoring';
import type {
  CriteriaSet,
  Evidence,
  RankingRow,
  RoundCandidate,
  RoundResults,
  RoundUnitStatus,
  ScoreItem,
  ScoreLine,
  ScoringEvent,
  ScoringRound,
  ScoringRoundListItem,
  ScoringStage,
  UnitScoring,
} from '../../../shared/model/scoring';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind, type UnitListItem } from '../../../shared/model/unit';
import { getCriteriaSet } from './criteria-sets';
import { isActiveOn, listUnits } from '../units/units';
import { todayIso } from '../../../shared/format';
import { checkEvidence, storeEvidence, verifyStoredEvidence } from './evidence';
import { moveToTrash } from '../safety/trash';
import type { Executor } from '../../db/executor';

export type RoundData = z.output<typeof roundInput>;
export type SaveScoresData = z.output<typeof saveScoresInput>;

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
    for (const [i, u] of units.entries()) {
      const s = await trx
        .insertInto('scorings')
        .values({ round_id: round.id, unit_id: u.id, position: i + 1, locked: 0, updated_at: now.toISOString() })
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
  return db.transaction().execute(async (trx) => {
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
        throw new AppError('NOT_IN_ROUND', `Đơn vị có mã số ${unitId} không thuộc đợt "${r.name}".`, {
          field: 'unitIds',
        });
      const scored = await trx
        .selectFrom('scoring_lines')
        .select('code')
        .where('scoring_id', '=', s.id)
        .where((eb) => eb.or([eb('self_c', 'is not', null), eb('appraised_c', 'is not', null)]))
        .executeTakeFirst();
      const event = await trx
        .selectFrom('scoring_events')
        .select('id')
        .where('scoring_id', '=', s.id)
        .executeTakeFirst();
      const evidence = await trx
        .selectFrom('scoring_evidence')
        .select('id')
        .where('scoring_id', '=', s.id)
        .executeTakeFirst();
      if (scored || event || evidence) {
        throw new AppError(
          'UNIT_SCORED',
          `Không bỏ được ${s.name} khỏi đợt "${r.name}": đơn vị đã có điểm hoặc lịch sử chấm điểm (lịch sử được giữ nguyên).`,
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
        throw new AppError('ALREADY_IN_ROUND', `${u.name} đã có trong đợt "${r.name}".`, { field: 'unitIds' });
      if (!activeInYear(u, r.year, now))
        throw new AppError('UNIT_INACTIVE', `${u.name} không hoạt động trong năm ${r.year}, không thêm vào đợt được.`, {
          field: 'unitIds',
        });
    }
    if (scorings.length - remove.length + add.length === 0)
      throw new AppError('NO_UNITS', `Đợt "${r.name}" phải còn ít nhất một đơn vị.`, { field: 'unitIds' });
    for (const unitId of remove) {
      const s = byUnit.get(unitId)!;
      await trx.deleteFrom('scoring_lines').where('scoring_id', '=', s.id).execute();
      await trx.deleteFrom('scorings').where('id', '=', s.id).execute();
    }
    const items = scoreItems(set);
    let position = Math.max(0, ...scorings.map((s) => s.position));
    for (const unitId of new Set(add)) {
      const s = await trx
        .insertInto('scorings')
        .values({ round_id: roundId, unit_id: unitId, position: ++position, locked: 0, updated_at: now.toISOString() })
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
    return getRound(trx, roundId);
  });
}

async function roundRow(db: Executor, id: number) {
  const r = await db
    .selectFrom('scoring_rounds as r')
    .innerJoin('scoring_sets as s', 's.id', 'r.set_id')
    .select([
      'r.id',
      'r.name',
      'r.year',
      'r.set_id',
      'r.self_deadline',
      'r.appraisal_deadline',
      'r.note',
      'r.created_at',
      's.name as set_name',
      's.version as set_version',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', `Không tìm thấy đợt chấm điểm có mã số ${id}.`);
  return r;
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
        `Đợt "${r.name}" đã có đơn vị chấm điểm, không xóa được (lịch sử chấm điểm được giữ nguyên).`,
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

// ——— one unit's scoring ———

interface Sheet {
  scoringId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  locked: boolean;
  stage: ScoringStage;
  lines: ScoreLine[];
  self: ReturnType<typeof computeTotals>;
  final: ReturnType<typeof computeTotals>;
  finalScores: Map<string, number | null>;
}

function stageOf(locked: boolean, lines: ScoreLine[]): ScoringStage {
  if (locked) return 'da_duyet';
  if (lines.some((l) => l.appraisedScore !== null)) return 'tham_dinh';
  if (lines.some((l) => l.selfScore !== null)) return 'tu_cham';
  return 'chua_cham';
}

async function loadRoundSheets(db: Executor, roundId: number, set: CriteriaSet, unitId?: number): Promise<Sheet[]> {
  let q = db
    .selectFrom('scorings as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 's.locked', 'u.code', 'u.name', 'u.kind'])
    .where('s.round_id', '=', roundId)
    .orderBy('s.position');
  if (unitId !== undefined) q = q.where('s.unit_id', '=', unitId);
  const scorings = await q.execute();
  if (scorings.length === 0) return [];
  const lineRows = await db
    .selectFrom('scoring_lines')
    .selectAll()
    .where(
      'scoring_id',
      'in',
      scorings.map((s) => s.id),
    )
    .execute();
  const byScoring = new Map<number, typeof lineRows>();
  for (const l of lineRows) byScoring.set(l.scoring_id, [...(byScoring.get(l.scoring_id) ?? []), l]);
  const items = scoreItems(set);
  return scorings.map((s) => {
    const rows = new Map((byScoring.get(s.id) ?? []).map((l) => [l.code, l]));
    const lines: ScoreLine[] = items.map((it) => {
      const l = rows.get(it.code);
      return {
        code: it.code,
        selfScore: l?.self_c == null ? null : fromCenti(l.self_c),
        selfNote: l?.self_note ?? '',
        appraisedScore: l?.appraised_c == null ? null : fromCenti(l.appraised_c),
        reason: l?.reason ?? '',
      };
    });
    const selfScores = new Map(lines.map((l) => [l.code, l.selfScore]));
    const finalScores = new Map(lines.map((l) => [l.code, l.appraisedScore ?? l.selfScore]));
    const locked = s.locked === 1;
    return {
      scoringId: s.id,
      unitId: s.unit_id,
      unitCode: s.code,
      unitName: s.name,
      unitKind: s.kind,
      locked,
      stage: stageOf(locked, lines),
      lines,
      self: computeTotals(set, selfScores),
      final: computeTotals(set, finalScores),
      finalScores,
    };
  });
}

async function scoringRef(
  db: Executor,
  roundId: number,
  unitId: number,
): Promise<{ id: number; locked: boolean; unitName: string }> {
  const s = await db
    .selectFrom('scorings as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.locked', 'u.name'])
    .where('s.round_id', '=', roundId)
    .where('s.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!s) {
    await roundRow(db, roundId);
    throw new AppError('NOT_IN_ROUND', `Đơn vị có mã số ${unitId} không thuộc đợt chấm điểm này.`);
  }
  return { id: s.id, locked: s.locked === 1, unitName: s.name };
}

export async function getUnitScoring(db: Executor, roundId: number, unitId: number): Promise<UnitScoring> {
  const r = await roundRow(db, roundId);
  const set = await getCriteriaSet(db, r.set_id);
  const [sheet] = await loadRoundSheets(db, roundId, set, unitId);
  if (!sheet) throw new AppError('NOT_IN_ROUND', `Đơn vị có mã số ${unitId} không thuộc đợt chấm điểm "${r.name}".`);
  const [evidence, events] = await Promise.all([
    db.selectFrom('scoring_evidence').selectAll().where('scoring_id', '=', sheet.scoringId).orderBy('id').execute(),
    db.selectFrom('scoring_events').selectAll().where('scoring_id', '=', sheet.scoringId).orderBy('id').execute(),
  ]);
  return {
    roundId,
    unitId,
    unitCode: sheet.unitCode,
    unitName: sheet.unitName,
    stage: sheet.stage,
    locked: sheet.locked,
    set,
    lines: sheet.lines,
    evidence: evidence.map((e): Evidence => ({
      id: e.id,
      itemCode: e.code,
      fileName: e.file_name,
      size: e.size,
      sha256: e.sha256,
      addedAt: e.added_at,
    })),
    events: events.map((e): ScoringEvent => ({
      id: e.id,
      kind: e.kind as ScoringEvent['kind'],
      actor: e.actor,
      at: e.at,
      note: e.note,
    })),
    self: sheet.self,
    final: sheet.final,
  };
}

const show = (c: number | null): string => (c === null ? '—' : formatPoints(fromCenti(c)));

/**
 * Saves one side of a unit's scoring, all or nothing: every line is checked (known code, within
 * 0…max, a reason wherever an appraisal differs from the self-score) before anything is written.
 */
export async function saveScores(
  db: Kysely<DB>,
  data: SaveScoresData,
  now = new Date(),
  eventKind: 'self_saved' | 'appraisal_saved' | 'imported' = data.side === 'self' ? 'self_saved' : 'appraisal_saved',
  where?: (code: string) => { file?: string; sheet?: string; cell?: string },
): Promise<UnitScoring> {
  await db.transaction().execute(async (trx) => {
    const ref = await scoringRef(trx, data.roundId, data.unitId);
    if (ref.locked)
      throw new AppError(
        'LOCKED',
        `Kết quả chấm điểm của ${ref.unitName} đã được duyệt; hãy mở lại (ghi rõ lý do) trước khi sửa.`,
      );
    const r = await roundRow(trx, data.roundId);
    const set = await getCriteriaSet(trx, r.set_id);
    const items = new Map<string, ScoreItem>(scoreItems(set).map((it) => [it.code.toUpperCase(), it]));
    const current = new Map(
      (await trx.selectFrom('scoring_lines').selectAll().where('scoring_id', '=', ref.id).execute()).map((l) => [
        l.code,
        l,
      ]),
    );
    const problems: { message: string; where?: { field?: string; file?: string; sheet?: string; cell?: string } }[] =
      [];
    const changes: string[] = [];
    const updates: {
      code: string;
      self_c?: number | null;
      self_note?: string;
      appraised_c?: number | null;
      reason?: string;
    }[] = [];
    const seen = new Set<string>();
    for (const line of data.lines) {
      const it = items.get(line.code.toUpperCase());
      const loc = { field: line.code, ...(where?.(line.code) ?? {}) };
      if (!it) {
        problems.push({ message: `Không có tiêu chí mã "${line.code}" trong bộ tiêu chí "${set.name}".`, where: loc });
        continue;
      }
      if (seen.has(it.code)) {
        problems.push({ message: `Tiêu chí ${it.code} được nhập hai lần.`, where: loc });
        continue;
      }
      seen.add(it.code);
      const label =
        it.kind === 'criterion'
          ? `Tiêu chí ${it.code}`
          : it.kind === 'bonus'
            ? `Mục thưởng ${it.code}`
            : `Mục trừ điểm ${it.code}`;
      const c = line.score === null ? null : toCenti(line.score);
      const max = toCenti(it.maxPoints)!;
      if (c !== null && c > max) {
        problems.push({
          message: `${label}: điểm ${formatPoints(line.score)} vượt điểm tối đa ${formatPoints(it.maxPoints)}.`,
          where: loc,
        });
        continue;
      }
      const cur = current.get(it.code)!;
      if (data.side === 'self') {
        if (c !== cur.self_c && cur.appraised_c !== null) {
          problems.push({
            message: `${label} đã được thẩm định (${show(cur.appraised_c)} điểm); không sửa điểm tự chấm được nữa.`,
            where: loc,
          });
          continue;
        }
        if (c !== cur.self_c) changes.push(`${it.code}: ${show(cur.self_c)} → ${show(c)}`);
        updates.push({ code: it.code, self_c: c, self_note: line.note });
      } else {
        const differs = c !== null && cur.self_c !== null && c !== cur.self_c;
        if (differs && line.note.trim() === '') {
          problems.push({
            message: `${label}: điểm thẩm định ${formatPoints(line.score)} khác điểm tự chấm ${show(cur.self_c)} nên phải ghi lý do.`,
            where: loc,
          });
          continue;
        }
        if (c !== cur.appraised_c)
          changes.push(`${it.code}: ${show(cur.appraised_c)} → ${show(c)}${line.note ? ` (${line.note})` : ''}`);
        updates.push({ code: it.code, appraised_c: c, reason: line.note });
      }
    }
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new AppError(
        'INVALID_SCORES',
        problems.length === 1
          ? `Chưa lưu: ${first.message}`
          : `Chưa lưu: ${first.message} (và ${problems.length - 1} lỗi khác).`,
        first.where,
        problems,
      );
    }
    for (const u of updates) {
      const { code, ...values } = u;
      await trx
        .updateTable('scoring_lines')
        .set(values)
        .where('scoring_id', '=', ref.id)
        .where('code', '=', code)
        .execute();
    }
    await trx.updateTable('scorings').set({ updated_at: now.toISOString() }).where('id', '=', ref.id).execute();
    if (changes.length > 0 || eventKind === 'imported') {
      await trx
        .insertInto('scoring_events')
        .values({
          scoring_id: ref.id,
          kind: eventKind,
          actor: data.actor,
          at: now.toISOString(),
          note: changes.join('; ').slice(0, 4000) || 'Không thay đổi điểm.',
        })
        .execute();
    }
  });
  return getUnitScoring(db, data.roundId, data.unitId);
}

/** Approval locks the scoring. Criteria not changed in appraisal keep the self-score as appraised. */
export async function approveScoring(
  db: Kysely<DB>,
  roundId: number,
  unitId: number,
  note: string,
  actor: string,
  now = new Date(),
): Promise<UnitScoring> {
  await db.transaction().execute(async (trx) => {
    const ref = await scoringRef(trx, roundId, unitId);
    if (ref.locked) throw new AppError('LOCKED', `Kết quả chấm điểm của ${ref.unitName} đã được duyệt rồi.`);
    const lines = await trx.selectFrom('scoring_lines').selectAll().where('scoring_id', '=', ref.id).execute();
    const missing = lines
      .filter((l) => l.kind === 'criterion' && l.self_c === null && l.appraised_c === null)
      .map((l) => l.code);
    if (missing.length > 0) {
      throw new AppError(
        'INCOMPLETE',
        `Chưa duyệt được: ${ref.unitName} còn ${missing.length} tiêu chí chưa có điểm (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}).`,
      );
    }
    for (const l of lines) {
      if (l.appraised_c === null && l.self_c !== null) {
        await trx
          .updateTable('scoring_lines')
          .set({ appraised_c: l.self_c })
          .where('scoring_id', '=', ref.id)
          .where('code', '=', l.code)
          .execute();
      }
    }
    await trx
      .updateTable('scorings')
      .set({ locked: 1, updated_at: now.toISOString() })
      .where('id', '=', ref.id)
      .execute();
    await trx
      .insertInto('scoring_events')
      .values({ scoring_id: ref.id, kind: 'approved', actor, at: now.toISOString(), note })
      .execute();
  });
  return getUnitScoring(db, roundId, unitId);
}

export async function reopenScoring(
  db: Kysely<DB>,
  roundId: number,
  unitId: number,
  reason: string,
  actor: string,
  now = new Date(),
): Promise<UnitScoring> {
  await db.transaction().execute(async (trx) => {
    const ref = await scoringRef(trx, roundId, unitId);
    if (!ref.locked)
      throw new AppError('NOT_LOCKED', `Kết quả chấm điểm của ${ref.unitName} chưa được duyệt, không cần mở lại.`);
    if (!reason.trim())
      throw new AppError('REASON_REQUIRED', 'Phải ghi lý do mở lại kết quả đã duyệt.', { field: 'reason' });
    await trx
      .updateTable('scorings')
      .set({ locked: 0, updated_at: now.toISOString() })
      .where('id', '=', ref.id)
      .execute();
    await trx
      .insertInto('scoring_events')
      .values({ scoring_id: ref.id, kind: 'reopened', actor, at: now.toISOString(), note: reason })
      .execute();
  });
  return getUnitScoring(db, roundId, unitId);
}

// ——— evidence ———

export async function addEvidence(
  db: Kysely<DB>,
  dataDir: string,
  roundId: number,
  unitId: number,
  itemCode: string,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<UnitScoring> {
  const checked = checkEvidence(fileName, data);
  const ref = await scoringRef(db, roundId, unitId);
  if (ref.locked)
    throw new AppError(
      'LOCKED',
      `Kết quả chấm điểm của ${ref.unitName} đã được duyệt; hãy mở lại trước khi thêm minh chứng.`,
    );
  const line = await db
    .selectFrom('scoring_lines')
    .select('code')
    .where('scoring_id', '=', ref.id)
    .where('code', '=', itemCode)
    .executeTakeFirst();
  if (!line)
    throw new AppError('NOT_FOUND', `Không có tiêu chí mã "${itemCode}" để gắn minh chứng.`, { field: 'itemCode' });
  // The file is written first (atomically, named by its hash); the row only when it is on disk.
  const stored = storeEvidence(dataDir, roundId, unitId, checked, data);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scoring_evidence')
      .values({
        scoring_id: ref.id,
        code: line.code,
        file_name: checked.fileName,
        stored_path: stored,
        size: checked.size,
        sha256: checked.sha256,
        added_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('scoring_events')
      .values({
        scoring_id: ref.id,
        kind: 'evidence_added',
        actor: '',
        at: now.toISOString(),
        note: `${line.code}: ${checked.fileName} (SHA-256 ${checked.sha256.slice(0, 12)}…)`,
      })
      .execute();
  });
  return getUnitScoring(db, roundId, unitId);
}

/** Removes the link to a file; the file itself stays in the data folder (history may name it). */
export async function removeEvidence(
  db: Kysely<DB>,
  roundId: number,
  unitId: number,
  evidenceId: number,
  now = new Date(),
): Promise<UnitScoring> {
  await db.transaction().execute(async (trx) => {
    const ref = await scoringRef(trx, roundId, unitId);
    if (ref.locked)
      throw new AppError(
        'LOCKED',
        `Kết quả chấm điểm của ${ref.unitName} đã được duyệt; hãy mở lại trước khi bỏ minh chứng.`,
      );
    const e = await trx
      .selectFrom('scoring_evidence')
      .selectAll()
      .where('id', '=', evidenceId)
      .where('scoring_id', '=', ref.id)
      .executeTakeFirst();
    if (!e) throw new AppError('NOT_FOUND', `Không tìm thấy tệp minh chứng có mã số ${evidenceId} của đơn vị này.`);
    await trx.deleteFrom('scoring_evidence').where('id', '=', evidenceId).execute();
    await trx
      .insertInto('scoring_events')
      .values({
        scoring_id: ref.id,
        kind: 'evidence_removed',
        actor: '',
        at: now.toISOString(),
        note: `${e.code}: ${e.file_name}`,
      })
      .execute();
  });
  return getUnitScoring(db, roundId, unitId);
}

/** Opens a stored evidence file after checking it lies in the data folder and still has its hash. */
export async function openEvidence(
  db: Executor,
  dataDir: string,
  platform: Platform,
  evidenceId: number,
): Promise<{ opened: boolean; path: string }> {
  const e = await db.selectFrom('scoring_evidence').selectAll().where('id', '=', evidenceId).executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', `Không tìm thấy tệp minh chứng có mã số ${evidenceId}.`);
  // Checked again by content on every open: a data package or another program may have put it there.
  const abs = verifyStoredEvidence(dataDir, e);
  await platform.openPath(abs);
  return { opened: true, path: abs };
}

// ——— results ———

export async function roundResults(db: Executor, roundId: number): Promise<RoundResults> {
  const r = await roundRow(db, roundId);
  const set = await getCriteriaSet(db, r.set_id);
  const sheets = await loadRoundSheets(db, roundId, set);
  const criteria = scoreItems(set);
  // Chưa chấm: outside the ranking and the class counts (a total of 0 would rank them last and
  // count them in the lowest class).
  const scored = sheets.filter((s) => s.stage !== 'chua_cham');
  const ranked = rankByTotal(scored.map((s) => ({ sheet: s, total: s.final.total })));
  const ranking: RankingRow[] = ranked.map((x) => ({
    rank: x.rank,
    rankLabel: x.tied ? `${x.rank} (đồng hạng)` : String(x.rank),
    tied: x.tied,
    unitId: x.sheet.unitId,
    unitCode: x.sheet.unitCode,
    unitName: x.sheet.unitName,
    unitKind: x.sheet.unitKind,
    stage: x.sheet.stage,
    base: x.sheet.final.base,
    bonus: x.sheet.final.bonus,
    deductions: x.sheet.final.deductions,
    total: x.sheet.final.total,
    selfTotal: x.sheet.self.total,
    classCode: x.sheet.final.classCode,
    classLabel: x.sheet.final.classLabel,
    scores: Object.fromEntries(criteria.map((it) => [it.code, x.sheet.finalScores.get(it.code) ?? null])),
  }));
  const ties: string[] = [];
  const byRank = new Map<number, RankingRow[]>();
  for (const row of ranking) if (row.tied) byRank.set(row.rank, [...(byRank.get(row.rank) ?? []), row]);
  for (const [rank, rows] of byRank) {
    ties.push(
      `Hạng ${rank}: ${rows.map((x) => x.unitName).join(', ')} cùng đạt ${formatPoints(rows[0]!.total)} điểm, xếp đồng hạng; hạng kế tiếp là ${rank + rows.length}.`,
    );
  }
  const classCounts: Record<string, number> = Object.fromEntries(set.classes.map((c) => [c.code, 0]));
  const kinds = new Map<string, Record<string, number>>();
  for (const row of ranking) {
    classCounts[row.classCode] = (classCounts[row.classCode] ?? 0) + 1;
    const k = kinds.get(row.unitKind) ?? Object.fromEntries(set.classes.map((c) => [c.code, 0]));
    k[row.classCode] = (k[row.classCode] ?? 0) + 1;
    kinds.set(row.unitKind, k);
  }
  const byKind = [...kinds.entries()]
    .sort((a, b) => UNIT_KINDS.indexOf(a[0] as UnitKind) - UNIT_KINDS.indexOf(b[0] as UnitKind))
    .map(([kind, counts]) => ({
      kind,
      kindLabel: UNIT_KIND_LABELS[kind as UnitKind] ?? kind,
      counts,
      total: Object.values(counts).reduce((s, n) => s + n, 0),
    }));
  return {
    round: {
      id: r.id,
      name: r.name,
      year: r.year,
      setId: r.set_id,
      setName: r.set_name,
      setVersion: r.set_version,
      selfDeadline: r.self_deadline,
      appraisalDeadline: r.appraisal_deadline,
      unitCount: sheets.length,
      approvedCount: sheets.filter((s) => s.locked).length,
    },
    set,
    ranking,
    unscored: sheets
      .filter((s) => s.stage === 'chua_cham')
      .map((s) => ({ unitId: s.unitId, unitCode: s.unitCode, unitName: s.unitName, unitKind: s.unitKind })),
    tieRule: TIE_RULE,
    ties,
    byKind,
    classCounts,
    notApproved: sheets.filter((s) => !s.locked).length,
  };
}
