// A reorganisation as one act: new units made, old ones closed on the date, each mapping recorded,
// all in one transaction with one `reorganisations` row that names the act; undone exactly from
// the rows it kept, as long as nothing has used the units it made.
import type { Kysely, Selectable } from 'kysely';
import type { DB, ReorganisationTable, UnitRow } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { AppError } from '../../../shared/errors';
import { formatDateShort } from '../../../shared/format';
import {
  REORG_CHANGE_LABELS,
  type Reorganisation,
  type ReorgPreview,
  type UnitLineage,
  type LineageUnit,
} from '../../../shared/model/reorganise';
import { indexUnit, unindexUnit } from '../../db/search';
import { insertUnit, toUnit } from '../units/units';
import { freezeClosedPeriods } from '../periods/expected';
import { readMappingWorkbook } from './mapping-book';
import { codeKey, planReorganisation, type ReorgPlan } from './plan';

async function analyse(db: Executor, fileName: string, bytes: Uint8Array, date: string | null): Promise<ReorgPlan> {
  const book = await readMappingWorkbook(bytes, fileName);
  const units = (await db.selectFrom('units').selectAll().execute()).map(toUnit);
  return planReorganisation(fileName, book, units, date);
}

export async function previewReorganisation(
  db: Kysely<DB>,
  fileName: string,
  bytes: Uint8Array,
  date: string | null,
): Promise<ReorgPreview> {
  return (await analyse(db, fileName, bytes, date)).preview;
}

const toReorg = (r: Selectable<ReorganisationTable>): Reorganisation => ({
  id: r.id,
  effectiveDate: r.effective_date,
  fileName: r.file_name,
  summary: r.summary,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
});

interface Kept {
  units: UnitRow[];
  /** unit_events written by the act: ids firstEventId…lastEventId. */
  firstEventId: number;
  lastEventId: number;
}

async function maxEventId(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('unit_events')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

function summaryOf(p: ReorgPreview): string {
  const c = p.counts;
  return `Sắp xếp ${c.oldUnits} đơn vị từ ngày ${formatDateShort(p.effectiveDate)}: tạo ${c.created}, thôi hoạt động ${c.closed}; ${c.merges} sáp nhập, ${c.splits} chia tách, ${c.renames} đổi tên, ${c.abolished} giải thể (tệp ${p.fileName}).`;
}

/** Applies the annex or changes nothing: any row error refuses the whole file. */
export async function applyReorganisation(
  db: Kysely<DB>,
  fileName: string,
  bytes: Uint8Array,
  date: string | null,
  now = new Date(),
): Promise<Reorganisation> {
  return db.transaction().execute(async (trx) => {
    const plan = await analyse(trx, fileName, bytes, date);
    const { preview } = plan;
    if (preview.errors.length > 0)
      throw new AppError(
        'REORG_ROWS',
        `Tệp “${fileName}” có ${preview.errors.length} lỗi; chưa thay đổi đơn vị nào. Lỗi đầu tiên: ${preview.errors[0]!.message}`,
        { file: fileName, row: preview.errors[0]!.row, column: preview.errors[0]!.column },
        preview.errors.map((e) => ({ message: e.message, where: { row: e.row, column: e.column } })),
      );
    // Periods whose window has closed keep the lists they had before the register changes.
    await freezeClosedPeriods(trx, now);
    const at = now.toISOString();
    const day = plan.date;
    const touched = new Set<number>([
      ...plan.closing.map((c) => c.unit.id),
      ...plan.moved.map((m) => m.unit.id),
      ...plan.targets.flatMap((t) => (t.existingId !== null ? [t.existingId] : [])),
    ]);
    const before = touched.size
      ? await trx
          .selectFrom('units')
          .selectAll()
          .where('id', 'in', [...touched])
          .execute()
      : [];
    const firstEventId = (await maxEventId(trx)) + 1;

    const idOf = new Map<string, number>();
    for (const u of await trx.selectFrom('units').select(['id', 'code']).execute()) idOf.set(codeKey(u.code), u.id);
    const created: number[] = [];
    for (const t of plan.targets.filter((x) => x.action === 'create')) {
      const u = await insertUnit(
        trx,
        {
          code: t.code,
          name: t.name,
          shortName: '',
          kind: t.kind,
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: day,
          activeTo: null,
        },
        now,
        true,
      );
      idOf.set(codeKey(t.code), u.id);
      created.push(u.id);
    }
    const event = (unitId: number, kind: string, detail: string) =>
      trx.insertInto('unit_events').values({ unit_id: unitId, kind, detail, at }).execute();
    for (const t of plan.targets) {
      const id = idOf.get(codeKey(t.code))!;
      const parentId = t.parentKey ? (idOf.get(t.parentKey) ?? null) : null;
      const set: Partial<UnitRow> = { parent_id: parentId, updated_at: at };
      if (t.rename.name) set.name = t.rename.name;
      if (t.rename.kind) set.kind = t.rename.kind;
      const row = await trx.updateTable('units').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      if (t.rename.name) await indexUnit(trx, id, row);
      await event(id, 'reorganised', `Hình thành từ ${t.fromCodes.join(', ')} từ ${formatDateShort(day)}`);
    }
    for (const c of plan.closing) {
      const single = c.successors.length === 1 ? idOf.get(c.successors[0]!)! : null;
      await trx
        .updateTable('units')
        .set({ active_to: day, merged_into_id: single, updated_at: at })
        .where('id', '=', c.unit.id)
        .execute();
      const into = c.successors.map((k) => plan.targets.find((t) => codeKey(t.code) === k)!.code).join(', ');
      await event(
        c.unit.id,
        'reorganised',
        into ? `Chuyển sang ${into} từ ${formatDateShort(day)}` : `Giải thể từ ${formatDateShort(day)}`,
      );
    }
    for (const m of plan.moved) {
      const parentId = m.parentKey ? (idOf.get(m.parentKey) ?? null) : null;
      await trx.updateTable('units').set({ parent_id: parentId, updated_at: at }).where('id', '=', m.unit.id).execute();
      await event(m.unit.id, 'reorganised', `Chuyển cấp trên theo sắp xếp từ ${formatDateShort(day)}`);
    }
    const kept: Kept = { units: before, firstEventId, lastEventId: await maxEventId(trx) };
    const reorg = await trx
      .insertInto('reorganisations')
      .values({
        effective_date: day,
        file_name: fileName,
        summary: summaryOf(preview),
        before_json: JSON.stringify(kept),
        created_ids_json: JSON.stringify(created),
        created_at: at,
        undone_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (plan.links.length)
      await trx
        .insertInto('unit_lineage')
        .values(
          plan.links.map((l) => ({
            reorganisation_id: reorg.id,
            from_unit_id: l.fromId,
            to_unit_id: l.toKey ? idOf.get(l.toKey)! : null,
            change: l.change,
            share: l.share,
            effective_date: day,
          })),
        )
        .execute();
    return toReorg(reorg);
  });
}

/** Puts the register back as it was before the act; refused once a unit it made has been used. */
export async function undoReorganisation(
  db: Kysely<DB>,
  id: number,
  now = new Date(),
): Promise<{ restored: number; removed: number }> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('reorganisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', `Không có lần sắp xếp đơn vị số ${id}.`);
    if (r.undone_at) throw new AppError('ALREADY_UNDONE', `Lần sắp xếp số ${id} đã được hoàn tác.`);
    const later = await trx
      .selectFrom('reorganisations')
      .select('id')
      .where('id', '>', id)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (later) throw new AppError('REORG_LATER', `Hãy hoàn tác lần sắp xếp số ${later.id} (sau lần này) trước.`);
    const repointed = await trx
      .selectFrom('reorg_repoints')
      .select('id')
      .where('reorganisation_id', '=', id)
      .executeTakeFirst();
    if (repointed)
      throw new AppError(
        'REORG_REPOINTED',
        `Không hoàn tác được: đã chuyển văn bản chỉ đạo, kỳ báo cáo hoặc đợt chấm điểm sang đơn vị mới theo lần sắp xếp số ${id}.`,
      );
    const kept = JSON.parse(r.before_json) as Kept;
    const created = JSON.parse(r.created_ids_json) as number[];
    await trx.deleteFrom('unit_lineage').where('reorganisation_id', '=', id).execute();
    for (const row of kept.units) {
      const { id: unitId, ...rest } = row;
      await trx.updateTable('units').set(rest).where('id', '=', unitId).execute();
      await indexUnit(trx, unitId, row);
    }
    await trx
      .deleteFrom('unit_events')
      .where('id', '>=', kept.firstEventId)
      .where('id', '<=', kept.lastEventId)
      .execute();
    if (created.length) {
      await trx.deleteFrom('unit_events').where('unit_id', 'in', created).execute();
      await trx.updateTable('units').set({ parent_id: null }).where('id', 'in', created).execute();
      try {
        await trx.deleteFrom('units').where('id', 'in', created).execute();
      } catch (e) {
        if (!/FOREIGN KEY/i.test(e instanceof Error ? e.message : String(e))) throw e;
        throw new AppError(
          'REORG_USED',
          'Không hoàn tác được: đơn vị mới đã được dùng (kỳ báo cáo, báo cáo, nhiệm vụ, chấm điểm hoặc đơn vị cấp dưới thêm sau).',
        );
      }
      for (const unitId of created) await unindexUnit(trx, unitId);
    }
    await trx.updateTable('reorganisations').set({ undone_at: now.toISOString() }).where('id', '=', id).execute();
    return { restored: kept.units.length, removed: created.length };
  });
}

export async function listReorganisations(db: Kysely<DB>): Promise<Reorganisation[]> {
  return (await db.selectFrom('reorganisations').selectAll().orderBy('id', 'desc').execute()).map(toReorg);
}

/** From which units a unit was formed and into which it went, through every act not undone. */
export async function unitLineage(db: Kysely<DB>, code: string): Promise<UnitLineage> {
  const units = await db.selectFrom('units').select(['id', 'code', 'name', 'active_from', 'active_to']).execute();
  const u = units.find((x) => codeKey(x.code) === codeKey(code));
  if (!u) throw new AppError('NOT_FOUND', `Không có đơn vị mã “${code}”.`);
  const small = (x: (typeof units)[number]): LineageUnit => ({
    id: x.id,
    code: x.code,
    name: x.name,
    activeFrom: x.active_from,
    activeTo: x.active_to,
  });
  const byId = new Map(units.map((x) => [x.id, x]));
  const links = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('reorganisations as r', 'r.id', 'l.reorganisation_id')
    .select(['l.from_unit_id', 'l.to_unit_id', 'l.change', 'l.share', 'l.effective_date', 'l.reorganisation_id'])
    .where('r.undone_at', 'is', null)
    .where((eb) => eb.or([eb('l.from_unit_id', '=', u.id), eb('l.to_unit_id', '=', u.id)]))
    .orderBy('l.id')
    .execute();
  const link = (l: (typeof links)[number], other: number | null) => ({
    change: l.change as keyof typeof REORG_CHANGE_LABELS,
    share: l.share,
    effectiveDate: l.effective_date,
    reorganisationId: l.reorganisation_id,
    unit: other !== null && byId.has(other) ? small(byId.get(other)!) : null,
  });
  return {
    unit: small(u),
    formedFrom: links
      .filter((l) => l.to_unit_id === u.id && l.from_unit_id !== u.id)
      .map((l) => link(l, l.from_unit_id)),
    wentInto: links.filter((l) => l.from_unit_id === u.id && l.to_unit_id !== u.id).map((l) => link(l, l.to_unit_id)),
  };
}
