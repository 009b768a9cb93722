// Bộ tiêu chí chấm điểm: versioned data. A set used by a scoring round is frozen; saving changes
// to it makes a new version with the same code, and the rounds keep the version they were made from.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { criteriaSetInput } from '../../../shared/contract/scoring';
import { checkCriteriaSet, toCenti } from '../../../shared/domain/scoring';
import type {
  CriteriaSet,
  CriteriaSetContent,
  CriteriaSetFile,
  CriteriaSetListItem,
} from '../../../shared/model/scoring';
import defaultSet from '../../../../resources/scoring/dan-van-chinh-quyen.json';
import { moveToTrash } from '../safety/trash';
import type { Executor } from '../../db/executor';
import { assertUnchanged } from '../../core/stale-edit';

export type CriteriaSetData = z.output<typeof criteriaSetInput>;

export const DEFAULT_SET_RESOURCE = 'scoring:dan-van-chinh-quyen';
export const SET_FILE_FORMAT = 'bao-cao-noi-vu/bo-tieu-chi';
export const MAX_SET_FILE_BYTES = 2 * 1024 * 1024;

async function roundCount(db: Executor, setId: number): Promise<number> {
  const r = await db
    .selectFrom('scoring_rounds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('set_id', '=', setId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Refuses a set that breaks a rule, naming every problem. */
export function assertSoundSet(content: CriteriaSetContent, file?: string): void {
  const problems = checkCriteriaSet(content);
  if (problems.length === 0) return;
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  throw new AppError(
    'INVALID_CRITERIA_SET',
    `${file ? `Tệp “${file}”: ` : ''}Bộ tiêu chí “${content.name}” không hợp lệ: ${first.message}${more}`,
    { field: first.field, ...(file ? { file } : {}) },
    problems.map((p) => ({ message: p.message, where: { field: p.field } })),
  );
}

function contentOf(c: CriteriaSetContent): CriteriaSetContent {
  return {
    code: c.code,
    name: c.name,
    province: c.province,
    year: c.year,
    description: c.description,
    totalPoints: c.totalPoints,
    groups: c.groups,
    bonus: c.bonus,
    deductions: c.deductions,
    classes: c.classes,
  };
}

export async function getCriteriaSet(db: Executor, id: number): Promise<CriteriaSet> {
  const r = await db.selectFrom('scoring_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', `Không tìm thấy bộ tiêu chí có mã số ${id}.`);
  const content = JSON.parse(r.content) as CriteriaSetContent;
  return {
    ...contentOf(content),
    id: r.id,
    version: r.version,
    basedOnId: r.based_on_id,
    frozen: (await roundCount(db, id)) > 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listCriteriaSets(db: Executor): Promise<CriteriaSetListItem[]> {
  const rows = await db
    .selectFrom('scoring_sets as s')
    .leftJoin('scoring_rounds as r', 'r.set_id', 's.id')
    .select(['s.id', 's.code', 's.name', 's.province', 's.year', 's.version', 's.total_c'])
    .select((eb) => eb.fn.count<number>('r.id').as('rounds'))
    .groupBy('s.id')
    .orderBy('s.year', 'desc')
    .orderBy('s.code')
    .orderBy('s.version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    province: r.province,
    year: r.year,
    version: r.version,
    totalPoints: r.total_c / 100,
    frozen: Number(r.rounds) > 0,
    rounds: Number(r.rounds),
  }));
}

async function insertSet(
  db: Executor,
  content: CriteriaSetContent,
  version: number,
  basedOnId: number | null,
  now: Date,
): Promise<number> {
  const r = await db
    .insertInto('scoring_sets')
    .values({
      code: content.code,
      version,
      name: content.name,
      province: content.province,
      year: content.year,
      total_c: toCenti(content.totalPoints)!,
      content: JSON.stringify(contentOf(content)),
      based_on_id: basedOnId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function latestVersion(db: Executor, code: string): Promise<{ id: number; version: number } | undefined> {
  return db
    .selectFrom('scoring_sets')
    .select(['id', 'version'])
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/**
 * Saves a set. A new code makes version 1; an unused set is changed in place, only over the version
 * the form showed (`expectedUpdatedAt`; none from the command line); a frozen set (or a save under
 * an existing code without an id) makes the next version.
 */
export async function saveCriteriaSet(
  db: Kysely<DB>,
  id: number | null,
  content: CriteriaSetData,
  now = new Date(),
  file?: string,
  expectedUpdatedAt?: string | null,
): Promise<{ set: CriteriaSet; newVersion: boolean }> {
  assertSoundSet(content, file);
  return db.transaction().execute(async (trx) => {
    const latest = await latestVersion(trx, content.code);
    if (id === null) {
      const newId = await insertSet(trx, content, (latest?.version ?? 0) + 1, latest?.id ?? null, now);
      return { set: await getCriteriaSet(trx, newId), newVersion: latest !== undefined };
    }
    // a used set gets a new version either way; one edited in place must still be as shown
    await assertUnchanged(trx, 'scoring_sets', id, expectedUpdatedAt, 'Bộ tiêu chí này');
    const current = await getCriteriaSet(trx, id);
    if (current.code !== content.code) {
      throw new AppError(
        'CODE_CHANGED',
        `Không đổi được mã bộ tiêu chí “${current.code}” thành “${content.code}”; hãy lưu thành bộ tiêu chí mới.`,
        { field: 'code' },
      );
    }
    if (current.frozen) {
      const newId = await insertSet(trx, content, (latest?.version ?? current.version) + 1, current.id, now);
      return { set: await getCriteriaSet(trx, newId), newVersion: true };
    }
    await trx
      .updateTable('scoring_sets')
      .set({
        name: content.name,
        province: content.province,
        year: content.year,
        total_c: toCenti(content.totalPoints)!,
        content: JSON.stringify(contentOf(content)),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    return { set: await getCriteriaSet(trx, id), newVersion: false };
  });
}

export async function deleteCriteriaSet(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const set = await getCriteriaSet(trx, id);
    if (set.frozen)
      throw new AppError(
        'SET_IN_USE',
        `Bộ tiêu chí “${set.name}” (phiên bản ${set.version}) đã được dùng để chấm điểm, không xóa được.`,
      );
    await trx.updateTable('scoring_sets').set({ based_on_id: null }).where('based_on_id', '=', id).execute();
    await moveToTrash(trx, 'scoring_sets', id, `${set.name} (phiên bản ${set.version})`);
    return { deleted: true as const };
  });
}

export function exportCriteriaSetJson(set: CriteriaSet): Uint8Array {
  const file: CriteriaSetFile = { format: SET_FILE_FORMAT, formatVersion: 1, version: set.version, ...contentOf(set) };
  return new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n');
}

/** Reads a set file; every problem names the file and the field. Nothing is stored on a bad file. */
export function parseCriteriaSetFile(fileName: string, data: Uint8Array): CriteriaSetData {
  const where = { file: fileName };
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp “${fileName}” rỗng (0 byte).`, where);
  if (data.length > MAX_SET_FILE_BYTES)
    throw new AppError(
      'FILE_TOO_BIG',
      `Tệp “${fileName}” quá lớn (tối đa ${MAX_SET_FILE_BYTES / 1048576} MB cho một bộ tiêu chí).`,
      where,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError(
      'BAD_JSON',
      `Tệp “${fileName}” không phải là tệp JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`,
      where,
    );
  }
  if (
    !raw ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== SET_FILE_FORMAT
  ) {
    throw new AppError(
      'NOT_A_SET',
      `Tệp “${fileName}” không phải là tệp bộ tiêu chí chấm điểm (thiếu "format": "${SET_FILE_FORMAT}").`,
      where,
    );
  }
  const { format: _f, formatVersion, version: _v, ...rest } = raw as Record<string, unknown>;
  if (formatVersion !== 1)
    throw new AppError(
      'SET_FORMAT',
      `Tệp “${fileName}” dùng định dạng bộ tiêu chí phiên bản ${String(formatVersion)}, ứng dụng chỉ đọc được phiên bản 1.`,
      where,
    );
  const parsed = criteriaSetInput.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new AppError(
      'INVALID_CRITERIA_SET',
      `Tệp “${fileName}”, trường ${field || '(gốc)'}: ${issue.message}`,
      { file: fileName, field },
      parsed.error.issues.slice(0, 50).map((i) => ({ message: i.message, where: { field: i.path.join('.') } })),
    );
  }
  return parsed.data;
}

/** Imports a set file as a new set or as the next version of the set with the same code. */
export async function importCriteriaSet(
  db: Kysely<DB>,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<{ set: CriteriaSet; newVersion: boolean }> {
  const content = parseCriteriaSetFile(fileName, data);
  return saveCriteriaSet(db, null, content, now, fileName);
}

/** Installs the built-in set once (first start); later starts, or a user who deleted it, are left alone. */
export async function installDefaultCriteriaSet(db: Kysely<DB>, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('installed_resources')
      .select('version')
      .where('name', '=', DEFAULT_SET_RESOURCE)
      .executeTakeFirst();
    if (done) return false;
    const { format: _f, formatVersion: _fv, version, ...rest } = defaultSet;
    const content = criteriaSetInput.parse(rest);
    assertSoundSet(content, 'resources/scoring/dan-van-chinh-quyen.json');
    const exists = await latestVersion(trx, content.code);
    if (!exists) await insertSet(trx, content, 1, null, now);
    await trx
      .insertInto('installed_resources')
      .values({ name: DEFAULT_SET_RESOURCE, version, installed_at: now.toISOString() })
      .execute();
    return !exists;
  });
}
