import { z } from 'zod';
import { method } from './define';
import { emptyInput, expectedUpdatedAt, fileBytes, id, requiredText, text } from './schemas';
import {
  ACCUMULATIONS,
  AGGREGATION_RULES,
  INDICATOR_TYPES,
  type Template,
  type TemplateListItem,
} from '../model/template';

const codeRef = z.union([text(20).transform((v) => v.toUpperCase()), z.null()]).transform((v) => (v ? v : null));

export const templateSectionInput = z
  .object({
    number: requiredText('Số mục', 20),
    title: requiredText('Tên mục', 300),
    hint: text(1000).default(''),
    level: z.number().int().min(1).max(3).default(1),
    hasText: z.boolean().default(true),
  })
  .strict();

export const templateIndicatorInput = z
  .object({
    code: requiredText('Mã chỉ số', 20).transform((v) => v.toUpperCase()),
    name: requiredText('Tên chỉ số', 300),
    unit: text(40).default(''),
    type: z.enum(INDICATOR_TYPES, {
      error: 'Kiểu dữ liệu của chỉ số không hợp lệ (count, amount, percent, yesno, text).',
    }),
    rule: z.enum(AGGREGATION_RULES, { error: 'Cách tổng hợp không hợp lệ (SUM, RATE, SHARE, NONE, TEXT).' }),
    numerator: codeRef.default(null),
    denominator: codeRef.default(null),
    accumulation: z
      .enum(ACCUMULATIONS, { error: 'Cách tính theo kỳ không hợp lệ (period, cumulative).' })
      .default('period'),
    group: text(200).default(''),
  })
  .strict();

export const templateRuleInput = z
  .object({
    expression: requiredText('Quy tắc kiểm tra', 300),
    message: text(300).default(''),
  })
  .strict();

export const templateContentInput = z
  .object({
    code: requiredText('Mã mẫu', 60).refine(
      (v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v),
      'Mã mẫu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ dan-van-chinh-quyen).',
    ),
    name: requiredText('Tên mẫu', 300),
    description: text(2000).default(''),
    sections: z.array(templateSectionInput).max(200),
    indicators: z.array(templateIndicatorInput).max(500),
    rules: z.array(templateRuleInput).max(300).default([]),
  })
  .strict();

export type TemplateContentInput = z.input<typeof templateContentInput>;

export const templatesContract = {
  'templates.list': method(emptyInput).returns<TemplateListItem[]>(),
  'templates.get': method(z.object({ id }).strict()).returns<Template>(),
  /** id null: a new template; otherwise edits it in place, or as a new version when it is frozen. */
  'templates.save': method(
    z.object({ id: z.union([id, z.null()]), content: templateContentInput, expectedUpdatedAt }).strict(),
  ).returns<{
    template: Template;
    newVersion: boolean;
  }>(),
  'templates.copy': method(
    z.object({ id, code: templateContentInput.shape.code, name: requiredText('Tên mẫu', 300) }).strict(),
  ).returns<Template>(),
  'templates.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  'templates.export': method(z.object({ id }).strict()).returns<{ saved: boolean; path: string | null }>(),
  'templates.import': method(fileBytes.strict()).returns<{ template: Template; newVersion: boolean }>(),
};
