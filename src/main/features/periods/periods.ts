// Reporting periods: the data window (Nghị định 09/2019 by default), the deadline (the plan's,
// else one working day after the cut-off; always editable), the template and the expected units.
import { sql, type Kysely, type Transaction } from 'kysely';
import { RECEIVED_STATUSES } from '../../../shared/domain/report-status';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { moveToTrash } from '../safety/trash';
import { AppError } from '../../../shared/errors';
import { periodInput } from '../../../shared/contract/periods';
import { checkWindow, defaultDeadline, periodName, periodWindow, planDeadline } from '../../../shared/domain/periods';
import type { ExpectedUnit, Period, PeriodListItem, PeriodPreview, PeriodType } from '../../../shared/model/period';
import { PERIOD_TYPE_LABELS } from '../../../shared/model/period';
import type { PlanDeadline } from '../../../shared/model/plan';
import type { UnitKind } from '../../../shared/model/unit';
import { notValidReason } from '../../../shared/domain/validity';
import { todayIso } from '../../../shared/format';
import { holidayDates } from './holidays';
import type { Executor } from '../../db/executor';
import { expectedCountOf, expectedUnitsOf, storeExpected, validUnitsOn } from './expected';
import { assertUnchanged } from '../../core/stale-edit';

export type PeriodData = z.output<typeof periodInput>;
export { expectedUnitsOf };

interface Resolved {
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  deadlineSource: PeriodPreview['deadlineSource'];
  problems: string[];
}

/** The stored index: month, quarter, or 2 for "6 tháng cuối năm" (1 is the default half, stored as null). */
const indexOf = (data: Pick<PeriodData, 'type' | 'index'>): number | null =>
  data.type === 'month' || data.type === 'quarter' ? data.index : data.type === 'half' && data.index === 2 ? 2 : null;

/** A period of the same kind, year (and month, quarter or half, or window) and template: refused. */
/** The period of the same kind, time and template, if there is one (periods are never made twice). */
export async function duplicateOf(
  db: Executor,
  data: PeriodData,
  windowStart: string,
  windowEnd: string,
  exceptId: number | null,
) {
  const tpl = await db.selectFrom('templates').select('code').where('id', '=', data.templateId).executeTakeFirst();
  if (!tpl) return null;
  const index = indexOf(data);
  let q = db
    .selectFrom('periods as p')
    .innerJoin('templates as t', 't.id', 'p.template_id')
    .select(['p.id', 'p.name'])
    .where('t.code', '=', tpl.code)
    .where('p.type', '=', data.type)
    .where('p.year', '=', data.year);
  q = index === null ? q.where('p.idx', 'is', null) : q.where('p.idx', '=', index);
  if (data.type === 'ad_hoc') q = q.where('p.window_start', '=', windowStart).where('p.window_end', '=', windowEnd);
  if (exceptId !== null) q = q.where('p.id', '!=', exceptId);
  return (await q.executeTakeFirst()) ?? null;
}

async function resolve(db: Executor, data: PeriodData, exceptId: number | null = null): Promise<Resolved> {
  const problems: string[] = [];
  if (data.type === 'month' && (data.index === null || data.index < 1 || data.index > 12))
    problems.push('Kỳ tháng phải chọn tháng từ 1 đến 12.');
  if (data.type === 'quarter' && (data.index === null || data.index < 1 || data.index > 4))
    problems.push('Kỳ quý phải chọn quý từ I đến IV.');
  if (data.type === 'half' && data.index !== null && data.index !== 1 && data.index !== 2)
    problems.push(`Kỳ 6 tháng chỉ có 6 tháng đầu năm (1) và 6 tháng cuối năm (2), không có kỳ thứ ${data.index}.`);
  if ((data.type === 'nine_months' || data.type === 'year' || data.type === 'ad_hoc') && data.index !== null)
    problems.push(
      `Kỳ ${PERIOD_TYPE_LABELS[data.type].toLocaleLowerCase('vi')} không chọn tháng, quý hay số thứ tự (đã nhập ${data.index}).`,
    );
  const index = indexOf(data);
  const key = { type: data.type, year: data.year, index };
  const def = problems.length ? null : periodWindow(key);
  const windowStart = data.windowStart ?? def?.start ?? '';
  const windowEnd = data.windowEnd ?? def?.end ?? '';
  if (data.type === 'ad_hoc' && (!data.windowStart || !data.windowEnd))
    problems.push('Kỳ đột xuất phải nhập ngày bắt đầu và ngày chốt số liệu.');
  let deadline = data.deadline ?? '';
  let deadlineSource: Resolved['deadlineSource'] = 'typed';
  if (!deadline && data.planId !== null) {
    const plan = await db.selectFrom('plans').select(['deadlines']).where('id', '=', data.planId).executeTakeFirst();
    if (!plan) problems.push(`Không tìm thấy văn bản chỉ đạo có mã số ${data.planId}.`);
    const rule = (JSON.parse(plan?.deadlines ?? '[]') as PlanDeadline[]).find((d) => d.periodType === data.type);
    const fromPlan = rule ? planDeadline(rule.monthDay, data.year) : null;
    if (fromPlan) {
      deadline = fromPlan;
      deadlineSource = 'plan';
    }
  }
  if (!deadline && windowEnd) {
    deadline = defaultDeadline(windowEnd, await holidayDates(db));
    deadlineSource = 'default';
  }
  if (windowStart && windowEnd && deadline) problems.push(...checkWindow(windowStart, windowEnd, deadline));
  const tpl = await db.selectFrom('templates').select('id').where('id', '=', data.templateId).executeTakeFirst();
  if (!tpl) problems.push(`Không tìm thấy mẫu báo cáo có mã số ${data.templateId}.`);
  const dup = windowEnd ? await duplicateOf(db, data, windowStart, windowEnd, exceptId) : null;
  if (dup)
    problems.push(
      `Đã có kỳ “${dup.name}” (mã số ${dup.id}) cùng loại, cùng thời gian và cùng mẫu báo cáo: không tạo kỳ trùng. Hãy mở kỳ đó, hoặc đặt loại/thời gian khác.`,
    );
  return {
    name: data.name || periodName({ ...key, index }),
    windowStart,
    windowEnd,
    deadline,
    deadlineSource,
    problems,
  };
}

export async function previewPeriod(
  db: Executor,
  data: PeriodData,
  exceptId: number | null = null,
  now = new Date(),
): Promise<PeriodPreview> {
  const r = await resolve(db, data, exceptId);
  const expectedUnits = r.windowEnd ? await validUnitsOn(db, data.expected, r.windowEnd) : [];
  const notValidOnCutoff = r.windowEnd ? await leftOut(db, data, r.windowEnd) : [];
  const problems = [...r.problems];
  if (r.windowEnd && expectedUnits.length === 0)
    problems.push(
      `Không có đơn vị nào phải báo cáo trong kỳ này: các đơn vị đã chọn đều chưa hoặc không còn hoạt động vào ngày chốt số liệu${notValidOnCutoff.length ? ` (${notValidOnCutoff.length} đơn vị, ví dụ ${notValidOnCutoff[0]!.name}: ${notValidOnCutoff[0]!.reason})` : ''}. Nếu đơn vị đã hoạt động từ trước, hãy sửa “Hoạt động từ ngày” trong Danh mục đơn vị.`,
    );
  return {
    notValidOnCutoff,
    freezesOnCreate: r.windowEnd !== '' && r.windowEnd < todayIso(now),
    name: r.name,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    deadline: r.deadline,
    deadlineSource: r.deadlineSource,
    expectedUnits,
    problems,
  };
}

/** Units of the selection that are not valid on the cut-off, with why (shown in the preview). */
async function leftOut(db: Executor, data: PeriodData, cutoff: string) {
  let q = db.selectFrom('units').select(['id', 'code', 'name', 'active_from', 'active_to']);
  if (data.expected.mode === 'kinds')
    q = q.where('kind', 'in', data.expected.kinds.length ? data.expected.kinds : ['__none__']);
  else q = q.where('id', 'in', data.expected.unitIds.length ? data.expected.unitIds : [-1]);
  const rows = await q.orderBy('sort_order').orderBy('code').execute();
  return rows
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      reason: notValidReason({ activeFrom: u.active_from, activeTo: u.active_to }, cutoff),
    }))
    .filter((u) => u.reason !== '');
}

function refuse(problems: string[]): never {
  const fieldOf = (m: string) =>
    m.startsWith('Hạn nộp')
      ? 'deadline'
      : m.startsWith('Ngày bắt đầu') || m.startsWith('Kỳ đột xuất')
        ? 'windowStart'
        : m.startsWith('Không có đơn vị')
          ? 'expected'
          : m.startsWith('Đã có kỳ')
            ? 'type'
            : m.startsWith('Kỳ')
              ? 'index'
              : 'templateId';
  throw new AppError(
    'PERIOD_INVALID',
    problems[0]!,
    { field: fieldOf(problems[0]!) },
    problems.map((message) => ({ message, where: { field: fieldOf(message) } })),
  );
}

export async function getPeriod(db: Executor, id: number): Promise<Period> {
  const p = await db
    .selectFrom('periods as p')
    .innerJoin('templates as t', 't.id', 'p.template_id')
    .selectAll('p')
    .select(['t.name as template_name', 't.version as template_version'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', `Không tìm thấy kỳ báo cáo có mã số ${id}.`);
  const listed =
    p.expected_mode === 'list'
      ? (await db.selectFrom('period_units').select('unit_id').where('period_id', '=', id).execute()).map(
          (r) => r.unit_id,
        )
      : [];
  return {
    id: p.id,
    name: p.name,
    type: p.type as PeriodType,
    year: p.year,
    index: p.idx,
    windowStart: p.window_start,
    windowEnd: p.window_end,
    deadline: p.deadline,
    templateId: p.template_id,
    templateName: p.template_name,
    templateVersion: p.template_version,
    planId: p.plan_id,
    expected: {
      mode: p.expected_mode,
      kinds: p.expected_mode === 'kinds' ? (JSON.parse(p.expected_kinds) as UnitKind[]) : [],
      unitIds: listed,
    },
    expectedFrozenAt: p.expected_frozen_at,
    note: p.note,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

async function writePeriod(db: Executor, id: number | null, data: PeriodData, r: Resolved, now: Date): Promise<number> {
  const at = now.toISOString();
  const values = {
    name: r.name,
    type: data.type,
    year: data.year,
    idx: indexOf(data),
    window_start: r.windowStart,
    window_end: r.windowEnd,
    deadline: r.deadline,
    template_id: data.templateId,
    plan_id: data.planId,
    expected_mode: data.expected.mode,
    expected_kinds: JSON.stringify(data.expected.mode === 'kinds' ? data.expected.kinds : []),
    note: data.note,
    updated_at: at,
  };
  let periodId: number;
  if (id === null) {
    periodId = (
      await db
        .insertInto('periods')
        .values({ ...values, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    await db.updateTable('periods').set(values).where('id', '=', id).execute();
    periodId = id;
  }
  await db.deleteFrom('period_units').where('period_id', '=', periodId).execute();
  if (data.expected.mode === 'list') {
    const ids = [...new Set(data.expected.unitIds)];
    const found = new Set(
      (await db.selectFrom('units').select('id').where('id', 'in', ids).execute()).map((u) => u.id),
    );
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length)
      throw new AppError('NO_UNIT', `Đơn vị phải báo cáo không tồn tại (mã số ${missing.join(', ')}).`, {
        field: 'expected',
      });
    for (const unitId of ids)
      await db.insertInto('period_units').values({ period_id: periodId, unit_id: unitId }).execute();
  }
  return periodId;
}

export async function createPeriod(db: Kysely<DB>, data: PeriodData, now = new Date()): Promise<Period> {
  return db.transaction().execute((trx) => insertPeriod(trx, data, now));
}

/** createPeriod inside the caller's transaction (the plan-text import saves plan and periods together). */
export async function insertPeriod(trx: Transaction<DB>, data: PeriodData, now = new Date()): Promise<Period> {
  const preview = await previewPeriod(trx, data, null, now);
  if (preview.problems.length) refuse(preview.problems);
  const r = await resolve(trx, data);
  const id = await writePeriod(trx, null, data, r, now);
  // A window already closed: its list is stored now, as the preview showed it.
  if (preview.freezesOnCreate)
    await storeExpected(
      trx,
      id,
      preview.expectedUnits,
      now.toISOString(),
      'frozen',
      'Phần mềm',
      `Chốt danh sách ${preview.expectedUnits.length} đơn vị phải báo cáo khi tạo kỳ (thời gian số liệu đã kết thúc).`,
    );
  return getPeriod(trx, id);
}

export async function updatePeriod(
  db: Kysely<DB>,
  id: number,
  data: PeriodData,
  now = new Date(),
  expectedUpdatedAt?: string | null,
): Promise<Period> {
  return db.transaction().execute(async (trx) => {
    const before = await getPeriod(trx, id);
    await assertUnchanged(trx, 'periods', id, expectedUpdatedAt, 'Kỳ báo cáo này');
    const reports = await trx
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period_id', '=', id)
      .executeTakeFirst();
    if (Number(reports?.n ?? 0) > 0 && before.templateId !== data.templateId) {
      throw new AppError('IN_USE', `Kỳ “${before.name}” đã có báo cáo của đơn vị nên không đổi được mẫu báo cáo.`, {
        field: 'templateId',
      });
    }
    const preview = await previewPeriod(trx, data, id, now);
    if (preview.problems.length) refuse(preview.problems);
    await writePeriod(trx, id, data, await resolve(trx, data, id), now);
    // A frozen list stays as it is (periods.updateExpected changes it, showing the difference);
    // a window that has closed by this edit is frozen with the list the preview showed.
    if (before.expectedFrozenAt === null && preview.freezesOnCreate)
      await storeExpected(
        trx,
        id,
        preview.expectedUnits,
        now.toISOString(),
        'frozen',
        'Phần mềm',
        `Chốt danh sách ${preview.expectedUnits.length} đơn vị phải báo cáo (thời gian số liệu đã kết thúc).`,
      );
    return getPeriod(trx, id);
  });
}

export async function listPeriods(db: Executor): Promise<PeriodListItem[]> {
  const ids = await db.selectFrom('periods').select('id').orderBy('deadline', 'desc').orderBy('id', 'desc').execute();
  // the reports of every period counted at once, by the database
  const counts = new Map(
    (
      await db
        .selectFrom('reports')
        .select((eb) => [
          'period_id',
          eb.fn.countAll<number>().as('n'),
          sql<number>`COUNT(CASE WHEN status IN (${sql.join(RECEIVED_STATUSES)}) THEN 1 END)`.as('submitted'),
        ])
        .groupBy('period_id')
        .execute()
    ).map((r) => [r.period_id, r]),
  );
  const out: PeriodListItem[] = [];
  for (const { id } of ids) {
    const p = await getPeriod(db, id);
    const c = counts.get(id);
    out.push({
      ...p,
      expectedCount: await expectedCountOf(db, p),
      reportCount: Number(c?.n ?? 0),
      submittedCount: Number(c?.submitted ?? 0),
    });
  }
  return out;
}

/** A period with reports is not deleted: its reports and their history would be orphaned. */
export async function deletePeriod(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const p = await getPeriod(trx, id);
    const r = await trx
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period_id', '=', id)
      .executeTakeFirst();
    const n = Number(r?.n ?? 0);
    if (n > 0)
      throw new AppError('IN_USE', `Không xóa được kỳ “${p.name}”: đã có ${n} báo cáo của đơn vị trong kỳ này.`);
    // Into the trash with its expected units (and any kept source files' records).
    await moveToTrash(trx, 'periods', id, p.name, [
      { table: 'period_units', column: 'period_id' },
      { table: 'period_expected', column: 'period_id' },
      { table: 'period_events', column: 'period_id' },
      { table: 'collect_sources', column: 'period_id' },
    ]);
    return { deleted: true as const };
  });
}

export async function periodExpectedUnits(db: Executor, id: number): Promise<ExpectedUnit[]> {
  return expectedUnitsOf(db, await getPeriod(db, id));
}
