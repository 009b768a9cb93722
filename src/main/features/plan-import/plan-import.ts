// Nhập văn bản: read a plan's text into a proposal, then save the corrected proposal — new units,
// the plan with its tasks and targets, and its periods — in one transaction.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { AppError } from '../../../shared/errors';
import { foldDiacritics } from '../../../shared/text';
import type { planImportParseInput, planImportSaveInput, PlanImportResult } from '../../../shared/contract/plan-import';
import type { PlanDeadline, PlanTask, TaskUnitRef } from '../../../shared/model/plan';
import type { PlanProposal } from '../../../shared/model/plan-import';
import { UNIT_KINDS, type Unit } from '../../../shared/model/unit';
import { parsePlanText } from './reader/parse';
import { readPlanFile } from './reader/read-file';
import { getPlan, insertPlan, type PlanData } from '../plans/plans';
import { duplicateOf, getPeriod, insertPeriod } from '../periods/periods';
import { insertUnit } from '../units/units';

type SaveInput = z.output<typeof planImportSaveInput>;

export async function parsePlanImport(
  db: Kysely<DB>,
  args: z.output<typeof planImportParseInput>,
): Promise<PlanProposal> {
  const raw = args.file ? await readPlanFile(args.file.fileName, args.file.data) : (args.text ?? '');
  if (!raw.trim())
    throw new AppError(
      'EMPTY_TEXT',
      args.file
        ? `Tệp “${args.file.fileName}” không có chữ nào.`
        : 'Chưa có văn bản: hãy dán nội dung văn bản hoặc chọn tệp.',
      args.file ? { file: args.file.fileName } : { field: 'text' },
    );
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const proposal = parsePlanText(raw, {
    units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.short_name })),
  });
  const same = await samePlans(db, {
    number: proposal.number.value,
    symbol: proposal.symbol.value,
    issuedDate: proposal.date.value,
    issuer: proposal.issuer.value ?? '',
    summary: proposal.title.value,
  });
  return { ...proposal, duplicates: same.map((x) => ({ planId: x.id, summary: x.summary })) };
}

/**
 * Plans already saved that are the same document: same symbol, date and issuer (folded), and the
 * same number, or, when the number is blank, the same summary.
 */
export async function samePlans(
  db: Executor,
  d: { number: string; symbol: string; issuedDate: string | null; issuer: string; summary: string },
): Promise<{ id: number; summary: string }[]> {
  if (!d.symbol || !d.issuedDate) return [];
  const rows = await db
    .selectFrom('plans')
    .select(['id', 'number', 'issuer', 'summary'])
    .where('symbol', '=', d.symbol)
    .where('issued_date', '=', d.issuedDate)
    .execute();
  const fold = (v: string) => foldDiacritics(v).replace(/\s+/g, ' ').trim();
  return rows
    .filter((r) => fold(r.issuer) === fold(d.issuer))
    .filter((r) => (d.number ? r.number === d.number : !r.number && fold(r.summary) === fold(d.summary)))
    .map((r) => ({ id: r.id, summary: r.summary }));
}

/** A code for a new unit: the initials of its name ("Phòng Nội vụ" → "PNV"), unique in the register. */
async function freeCode(trx: Transaction<DB>, name: string): Promise<string> {
  const initials =
    foldDiacritics(name)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w[0]!)
      .join('')
      .toUpperCase()
      .slice(0, 12) || 'DV';
  for (let n = 1; n < 10_000; n++) {
    const code = n === 1 ? initials : `${initials}-${n}`;
    const taken = await trx.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new AppError('NO_CODE', `Không tạo được mã cho đơn vị mới “${name}”.`);
}

export async function savePlanImport(db: Kysely<DB>, input: SaveInput, now = new Date()): Promise<PlanImportResult> {
  return db.transaction().execute(async (trx) => {
    // 0. the same document twice is asked about, never saved silently
    const same = input.allowDuplicate ? [] : await samePlans(trx, input);
    if (same.length)
      throw new AppError(
        'DUPLICATE_PLAN',
        `Văn bản này đã có trong danh sách (mã số ${same.map((x) => x.id).join(', ')}: “${same[0]!.summary}”): cùng số, ký hiệu ${input.symbol}, ngày ban hành và cơ quan ban hành. Chưa lưu gì. Nếu đúng là cần lưu thêm một bản, hãy xác nhận lưu trùng.`,
        { field: 'number' },
      );
    // 1. units named in the text and not in the register, created once each
    const createdUnits: Unit[] = [];
    const created = new Map<string, number>();
    for (const t of input.tasks) {
      for (const u of t.units) {
        if (u.unitId !== null || u.createKind === null) continue;
        const key = foldDiacritics(u.name);
        if (created.has(key)) continue;
        const unit = await insertUnit(
          trx,
          {
            code: await freeCode(trx, u.name),
            name: u.name,
            shortName: '',
            kind: u.createKind,
            parentId: null,
            email: '',
            contactPerson: '',
            phone: '',
            activeFrom: null,
            activeTo: null,
          },
          now,
        );
        created.set(key, unit.id);
        createdUnits.push(unit);
      }
    }
    const idOf = (u: SaveInput['tasks'][number]['units'][number]): number | null =>
      u.unitId ?? created.get(foldDiacritics(u.name)) ?? null;

    // 2. the plan: every lead unit leads the task (joint leads stay joint), the others support it
    const tasks: PlanTask[] = input.tasks.map((t) => {
      const ref = (u: (typeof t.units)[number]): TaskUnitRef => ({ unitId: idOf(u), name: u.name });
      const leads = t.units.filter((u) => u.role === 'lead').map(ref);
      return {
        text: t.text,
        lead: leads[0] ?? null,
        coLeads: leads.slice(1),
        supporting: t.units.filter((u) => u.role !== 'lead').map(ref),
        deadline: t.deadline,
      };
    });
    const deadlines: PlanDeadline[] = [];
    for (const p of input.periods)
      if (!deadlines.some((d) => d.periodType === p.type))
        deadlines.push({ periodType: p.type, monthDay: p.deadline.slice(5) });
    const data: PlanData = {
      type: input.type,
      number: input.number,
      symbol: input.symbol,
      issuedDate: input.issuedDate,
      issuer: input.issuer,
      signer: input.signer,
      summary: input.summary,
      field: input.field,
      body: input.body,
      tasks,
      targets: input.targets,
      deadlines,
    };
    const plan = await insertPlan(trx, data, now);

    // 3. the periods, expecting the units the tasks name (every kind when they name none)
    const periods = [];
    const existingPeriods = [];
    if (input.periods.length) {
      const templateId =
        input.templateId ?? (await trx.selectFrom('templates').select('id').orderBy('id').executeTakeFirst())?.id;
      if (!templateId)
        throw new AppError(
          'NO_TEMPLATE',
          'Chưa có mẫu báo cáo nào nên chưa tạo được kỳ báo cáo. Hãy tạo mẫu báo cáo trước, hoặc bỏ chọn các kỳ báo cáo.',
          { field: 'templateId' },
        );
      // the units the tasks name, and every active unit of the kinds their group phrases name
      const kinds = [
        ...new Set(input.tasks.flatMap((t) => t.units.flatMap((u) => (u.unitId === null ? u.kinds : [])))),
      ];
      const named = plan.tasks
        .flatMap((t) => [t.lead, ...t.coLeads, ...t.supporting])
        .map((r) => r?.unitId)
        .filter((i): i is number => typeof i === 'number');
      const ofKinds =
        named.length && kinds.length
          ? (
              await trx
                .selectFrom('units')
                .select('id')
                .where('kind', 'in', kinds)
                .where('active_to', 'is', null)
                .execute()
            ).map((u) => u.id)
          : [];
      const unitIds = [...new Set([...named, ...ofKinds])];
      const expected = unitIds.length
        ? { mode: 'list' as const, kinds: [], unitIds }
        : { mode: 'kinds' as const, kinds: kinds.length ? kinds : [...UNIT_KINDS], unitIds: [] };
      for (const [i, p] of input.periods.entries()) {
        const data = {
          type: p.type,
          year: p.year,
          index: p.index,
          name: p.name,
          windowStart: p.windowStart,
          windowEnd: p.windowEnd,
          deadline: p.deadline,
          templateId,
          planId: plan.id,
          expected,
          note: `Theo ${plan.summary}`.slice(0, 2000),
        };
        // a period already kept (the same plan saved again, or another plan asking the same report) is
        // named in the result, never made twice nor taken over: its expected list is its own
        const same = await duplicateOf(trx, data, p.windowStart, p.windowEnd, null);
        if (same) {
          existingPeriods.push(await getPeriod(trx, same.id));
          continue;
        }
        try {
          periods.push(await insertPeriod(trx, data, now));
        } catch (err) {
          if (err instanceof AppError)
            throw new AppError(
              err.code,
              `Kỳ báo cáo “${p.name || p.type}”: ${err.message} Chưa lưu gì.`,
              { field: `periods.${i}` },
              err.details,
            );
          throw err;
        }
      }
    }
    return { plan: await getPlan(trx, plan.id), periods, existingPeriods, createdUnits };
  });
}
