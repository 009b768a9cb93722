// Nhập văn bản: read a plan's text into a proposal, then save the corrected proposal — new units,
// the plan with its tasks and targets, and its periods — in one transaction.
import type { DocumentFormat } from '../../../shared/model/document';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import { foldDiacritics } from '../../../shared/text';
import { todayIso } from '../../../shared/format';
import type { planImportParseInput, planImportSaveInput, PlanImportResult } from '../../../shared/contract/plan-import';
import type { SavedDocument } from '../../../shared/contract/documents';
import type { PlanDeadline, PlanTask, TaskUnitRef } from '../../../shared/model/plan';
import type { PlanProposal } from '../../../shared/model/plan-import';
import { UNIT_KINDS, type Unit } from '../../../shared/model/unit';
import { parsePlanText } from './reader/parse';
import { readPlanFile } from './reader/read-file';
import { planDocumentModel } from './to-document';
import { parseDocumentModel } from '../../documents/model';
import { FORMAT_FILTERS, renderDocument } from '../../documents/render';
import { writeFileAtomic } from '../../platform/files';
import { getAgency } from '../agency/agency';
import { getPlan, insertPlan, type PlanData } from '../plans/plans';
import { insertPeriod } from '../periods/periods';
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
        ? `Tệp "${args.file.fileName}" không có chữ nào.`
        : 'Chưa có văn bản: hãy dán nội dung văn bản hoặc chọn tệp.',
      args.file ? { file: args.file.fileName } : { field: 'text' },
    );
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return parsePlanText(raw, {
    units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.short_name })),
  });
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
  throw new AppError('NO_CODE', `Không tạo được mã cho đơn vị mới "${name}".`);
}

export async function savePlanImport(db: Kysely<DB>, input: SaveInput, now = new Date()): Promise<PlanImportResult> {
  return db.transaction().execute(async (trx) => {
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

    // 2. the plan: the first lead unit leads the task, the others support it
    const tasks: PlanTask[] = input.tasks.map((t) => {
      const refs = t.units.map((u): TaskUnitRef & { role: string } => ({
        unitId: idOf(u),
        name: u.name,
        role: u.role,
      }));
      const lead = refs.find((r) => r.role === 'lead') ?? refs[0] ?? null;
      return {
        text: t.text,
        lead: lead ? { unitId: lead.unitId, name: lead.name } : null,
        supporting: refs.filter((r) => r !== lead).map((r) => ({ unitId: r.unitId, name: r.name })),
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
    if (input.periods.length) {
      const templateId =
        input.templateId ?? (await trx.selectFrom('templates').select('id').orderBy('id').executeTakeFirst())?.id;
      if (!templateId)
        throw new AppError(
          'NO_TEMPLATE',
          'Chưa có mẫu báo cáo nào nên chưa tạo được kỳ báo cáo. Hãy tạo mẫu báo cáo trước, hoặc bỏ chọn các kỳ báo cáo.',
          { field: 'templateId' },
        );
      const unitIds = [
        ...new Set(
          plan.tasks
            .flatMap((t) => [t.lead, ...t.supporting])
            .map((r) => r?.unitId)
            .filter((i): i is number => typeof i === 'number'),
        ),
      ];
      const expected = unitIds.length
        ? { mode: 'list' as const, kinds: [], unitIds }
        : { mode: 'kinds' as const, kinds: [...UNIT_KINDS], unitIds: [] };
      for (const [i, p] of input.periods.entries()) {
        try {
          periods.push(
            await insertPeriod(
              trx,
              {
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
              },
              now,
            ),
          );
        } catch (err) {
          if (err instanceof AppError)
            throw new AppError(
              err.code,
              `Kỳ báo cáo "${p.name || p.type}": ${err.message} Chưa lưu gì.`,
              { field: `periods.${i}` },
              err.details,
            );
          throw err;
        }
      }
    }
    return { plan: await getPlan(trx, plan.id), periods, createdUnits };
  });
}

/** Writes a saved plan as an official-format .docx (or PDF) where the user chooses. */
export async function exportPlanDocx(
  db: Kysely<DB>,
  platform: Platform,
  planId: number,
  format: DocumentFormat = 'docx',
): Promise<SavedDocument> {
  const plan = await getPlan(db, planId);
  const agency = await getAgency(db);
  const model = parseDocumentModel(planDocumentModel(plan, agency, todayIso()));
  const name =
    `${plan.number ? `${plan.number}-` : ''}${plan.symbol || 'KH'}-${plan.issuedDate ?? todayIso()}.${format}`.replace(
      /[\\/:*?"<>|\s]+/g,
      '-',
    );
  const target = await platform.chooseSavePath(name, FORMAT_FILTERS[format]);
  if (!target) return { saved: false, path: null, entry: null };
  writeFileAtomic(target, await renderDocument(model, format));
  return { saved: true, path: target, entry: null };
}
