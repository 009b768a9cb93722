// What every part of a round reads: the round's row (with its set's name and version), each unit's
// sheet of lines with its stage and totals, and one unit's scoring row in the round.
import type { Executor } from '../../db/executor';
import { AppError } from '../../../shared/errors';
import { computeTotals, fromCenti, scoreItems } from '../../../shared/domain/scoring';
import type { CriteriaSet, ScoreLine, ScoringStage } from '../../../shared/model/scoring';

export async function roundRow(db: Executor, id: number) {
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

// ——— one unit's scoring ———

export interface Sheet {
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

export async function loadRoundSheets(
  db: Executor,
  roundId: number,
  set: CriteriaSet,
  unitId?: number,
): Promise<Sheet[]> {
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

export async function scoringRef(
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
