// Evidence files attached to a unit's scoring: added (checked, hashed, stored), unlinked, opened
// only after their hash is checked again. The files themselves: evidence.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import type { UnitScoring } from '../../../shared/model/scoring';
import { checkEvidence, storeEvidence, verifyStoredEvidence } from './evidence';
import type { Executor } from '../../db/executor';
import { scoringRef } from './round-sheets';
import { getUnitScoring } from './unit-scoring';

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
    throw new AppError('NOT_FOUND', `Không có tiêu chí mã “${itemCode}” để gắn minh chứng.`, { field: 'itemCode' });
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
