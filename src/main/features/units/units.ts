// The register of reporting units: a tree; closing and merging keep history.
import type { Kysely } from 'kysely';
import type { DB, UnitRow } from '../../db/schema';
import { indexUnit, searchUnitIds } from '../../db/search';
import { AppError } from '../../../shared/errors';
import type { Unit, UnitEvent, UnitKind, UnitListItem } from '../../../shared/model/unit';
import type { z } from 'zod';
import type { unitInput, unitListQuery } from '../../../shared/contract/units';
import { viCollator } from '../../../shared/text';
import { formatDateShort, todayIso } from '../../../shared/format';
import type { Executor } from '../../db/executor';
import { isActiveOn, unitCodeKey } from '../../../shared/domain/validity';
import { freezeClosedPeriods } from '../periods/expected';
import { assertUnchanged } from '../../core/stale-edit';

export { isActiveOn };

export type UnitData = z.output<typeof unitInput>;

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    parentId: r.parent_id,
    email: r.email,
    contactPerson: r.contact_person,
    phone: r.phone,
    sortOrder: r.sort_order,
    activeFrom: r.active_from,
    activeTo: r.active_to,
    mergedIntoId: r.merged_into_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Orders units as a tree (siblings by sort order, then name) and gives each its depth. */
export function orderAsTree(units: Unit[], today = todayIso()): UnitListItem[] {
  const byParent = new Map<number | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(u);
    byParent.set(key, list);
  }
  for (const list of byParent.values())
    list.sort((a, b) => a.sortOrder - b.sortOrder || viCollator.compare(a.name, b.name));
  const out: UnitListItem[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const u of byParent.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({
        ...u,
        depth,
        parentCode: u.parentId !== null ? (codeOf.get(u.parentId) ?? null) : null,
        isActive: isActiveOn(u, today),
      });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function listUnits(db: Executor, query: z.output<typeof unitListQuery> = {}): Promise<UnitListItem[]> {
  const all = (await db.selectFrom('units').selectAll().execute()).map(toUnit);
  return unitsUnder(orderAsTree(all), query.search ? await searchUnitIds(db, query.search) : null, query);
}

/**
 * The units of the register (in tree order) that a list's question keeps, in the same order: the search's
 * matches (`found`: their ids, null when nothing was typed), of the kind, closed ones only when asked.
 * One home for units.list and units.page, so a page is always a window of the list.
 */
export function unitsUnder(
  tree: readonly UnitListItem[],
  found: readonly number[] | null,
  query: z.output<typeof unitListQuery>,
): UnitListItem[] {
  const ids = found === null ? null : new Set(found);
  return tree.filter(
    (u) =>
      (ids === null || ids.has(u.id)) && (!query.kind || u.kind === query.kind) && (query.includeClosed || u.isActive),
  );
}

export async function getUnit(db: Executor, id: number): Promise<Unit> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã số ${id}.`);
  return toUnit(row);
}

async function addEvent(
  db: Executor,
  unitId: number,
  kind: UnitEvent['kind'],
  detail: string,
  at: string,
): Promise<void> {
  await db.insertInto('unit_events').values({ unit_id: unitId, kind, detail, at }).execute();
}

/** Codes are unique after NFC and case folding: "ubnd-px1" is taken when "UBND-PX1" exists. */
async function assertCodeFree(db: Executor, code: string, exceptId: number | null): Promise<void> {
  const clash = await db
    .selectFrom('units')
    .select(['id', 'name', 'code'])
    .where('code_key', '=', unitCodeKey(code))
    .executeTakeFirst();
  if (clash && clash.id !== exceptId) {
    throw new AppError(
      'DUPLICATE_CODE',
      clash.code === code
        ? `Mã đơn vị “${code}” đã được dùng cho “${clash.name}”.`
        : `Mã đơn vị “${code}” trùng với mã “${clash.code}” của “${clash.name}” (không phân biệt chữ hoa, chữ thường).`,
      { field: 'code' },
    );
  }
}

/** A parent must exist and must not be the unit itself or one of its descendants. */
async function assertParentValid(db: Executor, id: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  const parents = new Map(
    (await db.selectFrom('units').select(['id', 'parent_id']).execute()).map((r) => [r.id, r.parent_id]),
  );
  if (!parents.has(parentId)) throw new AppError('NO_PARENT', 'Đơn vị cấp trên không tồn tại.', { field: 'parentId' });
  let cur: number | null = parentId;
  for (let steps = 0; cur !== null && steps <= parents.size; steps++) {
    if (cur === id)
      throw new AppError('TREE_CYCLE', 'Không thể chọn đơn vị cấp trên là chính nó hoặc đơn vị cấp dưới của nó.', {
        field: 'parentId',
      });
    cur = parents.get(cur) ?? null;
  }
}

async function nextSortOrder(db: Executor, parentId: number | null): Promise<number> {
  const q = db.selectFrom('units').select((eb) => eb.fn.max('sort_order').as('m'));
  const row = await (
    parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)
  ).executeTakeFirst();
  return (row?.m ?? 0) + 10;
}

/**
 * `prechecked`: the caller (an import) has already checked codes and the tree for all rows.
 * A new unit reports from the day it is created unless its first day is given (null: always).
 */
export async function insertUnit(db: Executor, data: UnitData, now: Date, prechecked = false): Promise<Unit> {
  if (!prechecked) {
    await assertCodeFree(db, data.code, null);
    await assertParentValid(db, null, data.parentId);
  }
  await freezeClosedPeriods(db, now);
  const at = now.toISOString();
  const activeFrom = data.activeFrom === undefined ? todayIso(now) : data.activeFrom;
  if (activeFrom && data.activeTo && data.activeTo < activeFrom)
    throw new AppError('BAD_DATE', 'Ngày thôi hoạt động không được trước ngày bắt đầu hoạt động.', {
      field: 'activeTo',
    });
  const row = await db
    .insertInto('units')
    .values({
      code: data.code,
      name: data.name,
      short_name: data.shortName,
      kind: data.kind,
      parent_id: data.parentId,
      email: data.email,
      contact_person: data.contactPerson,
      phone: data.phone,
      sort_order: data.sortOrder ?? (await nextSortOrder(db, data.parentId)),
      active_from: activeFrom,
      active_to: data.activeTo,
      code_key: unitCodeKey(data.code),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexUnit(db, row.id, row);
  await addEvent(db, row.id, 'created', '', at);
  return toUnit(row);
}

export async function createUnit(db: Kysely<DB>, data: UnitData, now = new Date()): Promise<Unit> {
  return db.transaction().execute((trx) => insertUnit(trx, data, now));
}

const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  short_name: 'Tên viết tắt',
  kind: 'Loại',
  parent_id: 'Đơn vị cấp trên',
  email: 'Email',
  contact_person: 'Người liên hệ',
  phone: 'Điện thoại',
  sort_order: 'Thứ tự',
  active_from: 'Hoạt động từ',
  active_to: 'Hoạt động đến',
};

export async function changeUnit(
  db: Executor,
  id: number,
  data: UnitData,
  now: Date,
  prechecked = false,
): Promise<Unit> {
  const before = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã số ${id}.`);
  if (!prechecked) {
    await assertCodeFree(db, data.code, id);
    await assertParentValid(db, id, data.parentId);
  }
  const values = {
    code: data.code,
    name: data.name,
    short_name: data.shortName,
    kind: data.kind,
    parent_id: data.parentId,
    email: data.email,
    contact_person: data.contactPerson,
    phone: data.phone,
    sort_order: data.sortOrder ?? before.sort_order,
    active_from: data.activeFrom === undefined ? before.active_from : data.activeFrom,
    active_to: data.activeTo,
  };
  if (values.active_from && values.active_to && values.active_to < values.active_from)
    throw new AppError('BAD_DATE', 'Ngày thôi hoạt động không được trước ngày bắt đầu hoạt động.', {
      field: 'activeTo',
    });
  const changes = (Object.keys(values) as (keyof typeof values)[])
    .filter((k) => values[k] !== before[k])
    .map((k) => `${FIELD_LABELS[k]}: ${String(before[k] ?? '')} → ${String(values[k] ?? '')}`);
  if (changes.length === 0) return toUnit(before);
  await freezeClosedPeriods(db, now);
  const at = now.toISOString();
  const row = await db
    .updateTable('units')
    .set({ ...values, code_key: unitCodeKey(values.code), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexUnit(db, id, row);
  await addEvent(db, id, 'updated', changes.join('; '), at);
  return toUnit(row);
}

export async function updateUnit(
  db: Kysely<DB>,
  id: number,
  data: UnitData,
  now = new Date(),
  expectedUpdatedAt?: string | null,
): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    await assertUnchanged(trx, 'units', id, expectedUpdatedAt, 'Đơn vị này');
    return changeUnit(trx, id, data, now);
  });
}

/**
 * Closing keeps every record: from `date` on, that day included, the unit is no longer active and
 * no longer expected (a period whose cut-off is on or after it, a new scoring round).
 */
export async function closeUnit(db: Kysely<DB>, id: number, date: string, now = new Date()): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const u = await getUnit(trx, id);
    // From its first day itself: the unit never reports (a unit entered by mistake).
    if (u.activeFrom && date < u.activeFrom)
      throw new AppError(
        'BAD_DATE',
        `Ngày thôi hoạt động không được trước ngày bắt đầu hoạt động (${formatDateShort(u.activeFrom)}).`,
        { field: 'date' },
      );
    await freezeClosedPeriods(trx, now);
    const at = now.toISOString();
    const row = await trx
      .updateTable('units')
      .set({ active_to: date, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(trx, id, 'closed', `Thôi hoạt động từ ${formatDateShort(date)}`, at);
    return toUnit(row);
  });
}

export async function reopenUnit(db: Kysely<DB>, id: number, now = new Date()): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    await getUnit(trx, id);
    await freezeClosedPeriods(trx, now);
    const at = now.toISOString();
    const row = await trx
      .updateTable('units')
      .set({ active_to: null, merged_into_id: null, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(trx, id, 'reopened', '', at);
    return toUnit(row);
  });
}

/**
 * Merges `source` into `target`: the source is closed on `date` and points to the target,
 * its active sub-units move under the target; its past records stay with it.
 */
export async function mergeUnits(
  db: Kysely<DB>,
  sourceId: number,
  targetId: number,
  date: string,
  now = new Date(),
): Promise<Unit> {
  if (sourceId === targetId) throw new AppError('MERGE_SELF', 'Không thể sáp nhập một đơn vị vào chính nó.');
  return db.transaction().execute(async (trx) => {
    const source = await getUnit(trx, sourceId);
    const target = await getUnit(trx, targetId);
    if (source.mergedIntoId !== null)
      throw new AppError('ALREADY_MERGED', `Đơn vị “${source.name}” đã được sáp nhập trước đó.`);
    if (!isActiveOn(target, date))
      throw new AppError(
        'TARGET_CLOSED',
        `Đơn vị nhận sáp nhập “${target.name}” không còn hoạt động vào ngày ${formatDateShort(date)}.`,
      );
    await assertParentValid(trx, sourceId, targetId).catch(() => {
      throw new AppError('MERGE_CYCLE', 'Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
    });
    if (source.activeFrom && date < source.activeFrom)
      throw new AppError(
        'BAD_DATE',
        `Ngày sáp nhập không được trước ngày bắt đầu hoạt động của “${source.name}” (${formatDateShort(source.activeFrom)}).`,
        { field: 'date' },
      );
    await freezeClosedPeriods(trx, now);
    const at = now.toISOString();
    await trx
      .updateTable('units')
      .set({ active_to: date, merged_into_id: targetId, updated_at: at })
      .where('id', '=', sourceId)
      .execute();
    const children = await trx
      .selectFrom('units')
      .select(['id'])
      .where('parent_id', '=', sourceId)
      .where('active_to', 'is', null)
      .execute();
    for (const c of children)
      await trx.updateTable('units').set({ parent_id: targetId, updated_at: at }).where('id', '=', c.id).execute();
    await addEvent(
      trx,
      sourceId,
      'merged_into',
      `Sáp nhập vào ${target.code} — ${target.name} từ ${formatDateShort(date)}`,
      at,
    );
    await addEvent(
      trx,
      targetId,
      'merged_from',
      `Nhận sáp nhập ${source.code} — ${source.name} từ ${formatDateShort(date)}`,
      at,
    );
    return getUnit(trx, targetId);
  });
}

export async function unitHistory(db: Kysely<DB>, id: number): Promise<UnitEvent[]> {
  await getUnit(db, id);
  const rows = await db.selectFrom('unit_events').selectAll().where('unit_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    kind: r.kind as UnitEvent['kind'],
    at: r.at,
    detail: r.detail,
  }));
}
