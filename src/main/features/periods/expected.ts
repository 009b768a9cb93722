// Who must report in a period: the units of its selection (kinds or a list) valid on its data
// cut-off — and, once its data window has closed, the list stored then (frozen). A frozen list is
// changed only by "cập nhật danh sách đơn vị phải báo cáo" (periods.ts), never by register changes:
// every change of the register first freezes the periods whose window has closed, so a list is
// kept as it stood before the change.
import type { ExpectedUnit, ExpectedUnits } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import { todayIso } from '../../../shared/format';
import type { Executor } from '../../db/executor';

/** The units of a selection valid on `cutoff` (activeFrom ≤ cutoff < activeTo): the one query of who is valid. */
function validUnitsQuery(db: Executor, expected: ExpectedUnits, cutoff: string) {
  const q = db
    .selectFrom('units')
    .where((eb) => eb.or([eb('active_from', 'is', null), eb('active_from', '<=', cutoff)]))
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>', cutoff)]));
  return expected.mode === 'kinds'
    ? q.where('kind', 'in', expected.kinds.length ? expected.kinds : ['__none__'])
    : q.where('id', 'in', expected.unitIds.length ? expected.unitIds : [-1]);
}

/** The units of a selection valid on `cutoff`, in the register's order. */
export async function validUnitsOn(db: Executor, expected: ExpectedUnits, cutoff: string): Promise<ExpectedUnit[]> {
  // Only the four fields returned, and the validity test in SQL: this runs on every compile.
  const rows = await validUnitsQuery(db, expected, cutoff)
    .select(['id', 'code', 'name', 'kind'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind }));
}

function frozenQuery(db: Executor, periodId: number) {
  return db
    .selectFrom('period_expected as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .where('e.period_id', '=', periodId);
}

/** The stored list of a frozen period, in the register's order. */
export async function frozenUnits(db: Executor, periodId: number): Promise<ExpectedUnit[]> {
  const rows = await frozenQuery(db, periodId)
    .select(['u.id', 'u.code', 'u.name', 'u.kind'])
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .execute();
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind }));
}

export interface ExpectedSource {
  id: number;
  windowEnd: string;
  expected: ExpectedUnits;
  expectedFrozenAt: string | null;
}

/** The expected units of a period: stored once frozen, else the register's on the cut-off. */
export async function expectedUnitsOf(db: Executor, p: ExpectedSource): Promise<ExpectedUnit[]> {
  return p.expectedFrozenAt !== null ? frozenUnits(db, p.id) : validUnitsOn(db, p.expected, p.windowEnd);
}

/** The ids of the units `expectedUnitsOf` lists, in the same order (for a caller that knows their names). */
export async function expectedUnitIds(db: Executor, p: ExpectedSource): Promise<number[]> {
  const rows =
    p.expectedFrozenAt !== null
      ? await frozenQuery(db, p.id).select('u.id').orderBy('u.sort_order').orderBy('u.code').execute()
      : await validUnitsQuery(db, p.expected, p.windowEnd).select('id').orderBy('sort_order').orderBy('code').execute();
  return rows.map((u) => u.id);
}

/** The ids `expectedUnitIds` lists, unordered, as a query to join in SQL (the board counted by the database). */
export function expectedIdsQuery(db: Executor, p: ExpectedSource) {
  return p.expectedFrozenAt !== null
    ? frozenQuery(db, p.id).select('u.id as id')
    : validUnitsQuery(db, p.expected, p.windowEnd).select('id');
}

/** How many units `expectedUnitsOf` lists, counted by the database (lists of periods show only the count). */
export async function expectedCountOf(db: Executor, p: ExpectedSource): Promise<number> {
  const row =
    p.expectedFrozenAt !== null
      ? await frozenQuery(db, p.id)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      : await validUnitsQuery(db, p.expected, p.windowEnd)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function selectionOf(db: Executor, periodId: number, mode: 'kinds' | 'list', kinds: string) {
  const unitIds =
    mode === 'list'
      ? (await db.selectFrom('period_units').select('unit_id').where('period_id', '=', periodId).execute()).map(
          (r) => r.unit_id,
        )
      : [];
  return { mode, kinds: mode === 'kinds' ? (JSON.parse(kinds) as UnitKind[]) : [], unitIds };
}

/** Stores a period's list as it stands and marks it frozen (inside the caller's transaction). */
export async function storeExpected(
  db: Executor,
  periodId: number,
  units: { id: number }[],
  at: string,
  kind: 'frozen' | 'expected_updated',
  actor: string,
  note: string,
): Promise<void> {
  await db.deleteFrom('period_expected').where('period_id', '=', periodId).execute();
  // In statements of a thousand rows: a province's list is ten statements on a server, not ten thousand round trips.
  for (let i = 0; i < units.length; i += 1000)
    await db
      .insertInto('period_expected')
      .values(units.slice(i, i + 1000).map((u) => ({ period_id: periodId, unit_id: u.id })))
      .execute();
  await db.updateTable('periods').set({ expected_frozen_at: at }).where('id', '=', periodId).execute();
  await db.insertInto('period_events').values({ period_id: periodId, kind, actor, at, note }).execute();
}

/**
 * Freezes every period whose data window has closed (its cut-off is before today) and is not
 * frozen yet, with the register as it stands: called before any change of the register.
 */
export async function freezeClosedPeriods(db: Executor, now = new Date()): Promise<number> {
  const today = todayIso(now);
  const open = await db
    .selectFrom('periods')
    .select(['id', 'window_end', 'expected_mode', 'expected_kinds'])
    .where('expected_frozen_at', 'is', null)
    .where('window_end', '<', today)
    .execute();
  const at = now.toISOString();
  for (const p of open) {
    const units = await validUnitsOn(db, await selectionOf(db, p.id, p.expected_mode, p.expected_kinds), p.window_end);
    await storeExpected(
      db,
      p.id,
      units,
      at,
      'frozen',
      'Phần mềm',
      `Chốt danh sách ${units.length} đơn vị phải báo cáo (thời gian số liệu đã kết thúc, trước khi danh mục đơn vị thay đổi).`,
    );
  }
  return open.length;
}
