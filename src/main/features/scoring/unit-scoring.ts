// One unit's scoring in a round: self-score and appraisal (a changed score needs its reason),
// approval that locks, and reopening that is recorded.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { saveScoresInput } from '../../../shared/contract/scoring';
import { formatPoints, fromCenti, scoreItems, toCenti } from '../../../shared/domain/scoring';
import type { Evidence, ScoreItem, ScoringEvent, UnitScoring } from '../../../shared/model/scoring';
import { getCriteriaSet } from './criteria-sets';
import type { Executor } from '../../db/executor';
import { loadRoundSheets, roundRow, scoringRef } from './round-sheets';
import { engineOf } from '../../db/database';
import { formatChangedAt } from '../../../shared/format';

export type SaveScoresData = z.output<typeof saveScoresInput>;

export async function getUnitScoring(db: Executor, roundId: number, unitId: number): Promise<UnitScoring> {
  const r = await roundRow(db, roundId);
  const set = await getCriteriaSet(db, r.set_id);
  const [sheet] = await loadRoundSheets(db, roundId, set, unitId);
  if (!sheet) throw new AppError('NOT_IN_ROUND', `Đơn vị có mã số ${unitId} không thuộc đợt chấm điểm “${r.name}”.`);
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

/** Someone else saved this line after the form was opened: say who, when and what it is now. */
async function lineChanged(trx: Executor, scoringId: number, label: string, now: string): Promise<AppError> {
  const last = await trx
    .selectFrom('scoring_events')
    .select(['actor', 'at'])
    .where('scoring_id', '=', scoringId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return new AppError(
    'EDIT_CONFLICT',
    `${label} đã được ${last?.actor || 'người khác'} sửa ${(last && formatChangedAt(last.at)) || 'sau đó'} sau khi anh/chị mở (nay là ${now} điểm). Điểm anh/chị vừa nhập chưa được lưu: hãy mở lại để xem rồi nhập lại.`,
  );
}

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
    // two people on one sheet: one save after the other, so a line's `was` is checked against the last
    await engineOf(trx).serialize(trx, `scoring:${ref.id}`);
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
        problems.push({ message: `Không có tiêu chí mã “${line.code}” trong bộ tiêu chí “${set.name}”.`, where: loc });
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
      if (line.was) {
        const [nowC, nowNote] = data.side === 'self' ? [cur.self_c, cur.self_note] : [cur.appraised_c, cur.reason];
        const wasC = line.was.score === null ? null : toCenti(line.was.score);
        if (wasC !== nowC || line.was.note !== nowNote) throw await lineChanged(trx, ref.id, label, show(nowC));
      }
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
