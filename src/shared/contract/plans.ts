import { z } from 'zod';
import { method } from './define';
import { emptyInput, expectedUpdatedAt, fileBytes, id, isoDate, requiredText, text } from './schemas';
import {
  COMPARATORS,
  PLAN_TYPES,
  TARGET_SCOPES,
  defaultTargetScope,
  type Plan,
  type PlanListItem,
} from '../model/plan';
import { PERIOD_TYPES } from '../model/period';
import { UNIT_KINDS } from '../model/unit';
import { fromJsNumber, parseViNumber } from '../domain/decimal';

const optionalDate = z.union([isoDate, z.null()]).default(null);

const unitRef = z
  .object({ unitId: z.union([id, z.null()]).default(null), name: requiredText('Tên đơn vị', 250) })
  .strict();

export const planTaskInput = z
  .object({
    text: requiredText('Nội dung nhiệm vụ', 4000),
    lead: z.union([unitRef, z.null()]).default(null),
    /** Further units that lead the task jointly with the first ("Sở Tư pháp, Thanh tra tỉnh chủ trì"). */
    coLeads: z.array(unitRef).max(100).default([]),
    supporting: z.array(unitRef).max(100).default([]),
    deadline: optionalDate,
  })
  .strict();

export const planTargetInput = z
  .object({
    text: requiredText('Nội dung chỉ tiêu', 1000),
    indicatorCode: text(20)
      .transform((v) => v.toUpperCase())
      .default(''),
    comparator: z.enum(COMPARATORS, {
      error: 'Phép so sánh của chỉ tiêu không hợp lệ (tren, it_nhat, bang, duoi, khong_qua).',
    }),
    value: z.union([z.string(), z.number()]).transform((v, ctx) => {
      const r = typeof v === 'number' ? fromJsNumber(v) : parseViNumber(v);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: `Giá trị chỉ tiêu: ${r.message}` });
        return z.NEVER;
      }
      return r.value;
    }),
    valueUnit: text(40).default(''),
    unitKinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
    /** Null or omitted: a rate when the value is in %, else the total. */
    scope: z
      .union([z.enum(TARGET_SCOPES, { error: 'Phạm vi chỉ tiêu không hợp lệ (total, rate, each_unit).' }), z.null()])
      .default(null),
  })
  .strict()
  .transform((t) => ({ ...t, scope: t.scope ?? defaultTargetScope(t.valueUnit) }));

export const planDeadlineInput = z
  .object({
    periodType: z.enum(PERIOD_TYPES),
    monthDay: z
      .string()
      .regex(
        /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
        'Hạn nộp theo kế hoạch phải có dạng MM-DD (ví dụ 05-10 là ngày 10/5).',
      ),
  })
  .strict();

/** The fields of a plan's own record, shared by typing it in and by reading it from a text. */
export const planRecordFields = {
  type: z.enum(PLAN_TYPES, { error: 'Loại văn bản không hợp lệ.' }),
  number: text(20).default(''),
  symbol: text(60).default(''),
  issuedDate: optionalDate,
  issuer: text(250).default(''),
  signer: text(100).default(''),
  summary: requiredText('Trích yếu', 1000),
  field: text(200).default(''),
  body: text(200_000).default(''),
};

export const planInput = z
  .object({
    ...planRecordFields,
    tasks: z.array(planTaskInput).max(500).default([]),
    targets: z.array(planTargetInput).max(200).default([]),
    deadlines: z.array(planDeadlineInput).max(20).default([]),
  })
  .strict()
  .refine((p) => new Set(p.deadlines.map((d) => d.periodType)).size === p.deadlines.length, {
    message: 'Mỗi loại kỳ báo cáo chỉ có một hạn nộp.',
    path: ['deadlines'],
  });

export type PlanInput = z.input<typeof planInput>;

export const plansContract = {
  'plans.list': method(emptyInput).returns<PlanListItem[]>(),
  'plans.get': method(z.object({ id }).strict()).returns<Plan>(),
  'plans.create': method(planInput).returns<Plan>(),
  'plans.update': method(z.object({ id, plan: planInput, expectedUpdatedAt }).strict()).returns<Plan>(),
  'plans.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** A plan as JSON (the format of plans.get without ids), for fixtures and the CLI. */
  'plans.import': method(fileBytes.strict()).returns<Plan>(),
};
