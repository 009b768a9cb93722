import { z } from 'zod';
import { method } from './define';
import { emptyInput, expectedUpdatedAt, fileBytes, id, isoDate, requiredText, text } from './schemas';
import {
  UNIT_KINDS,
  type Unit,
  type UnitEvent,
  type UnitImportPreview,
  type UnitListItem,
  type UnitPage,
} from '../model/unit';

const optionalDate = z.union([isoDate, z.null()]);

/** The longest text of each field of a unit: the form, the API and the workbook import share them. */
export const UNIT_TEXT_CAPS = {
  code: 30,
  name: 250,
  shortName: 80,
  kind: 80,
  parentCode: 30,
  email: 200,
  contactPerson: 100,
  phone: 40,
  sortOrder: 20,
  activeFrom: 40,
  activeTo: 40,
} as const;

export const unitInput = z
  .object({
    code: requiredText('Mã đơn vị', UNIT_TEXT_CAPS.code).refine(
      (v) => v === '' || /^[\p{L}\p{N}._-]+$/u.test(v),
      'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (không dấu cách).',
    ),
    name: requiredText('Tên đơn vị', UNIT_TEXT_CAPS.name),
    shortName: text(UNIT_TEXT_CAPS.shortName),
    kind: z.enum(UNIT_KINDS, { error: 'Loại đơn vị không hợp lệ.' }),
    parentId: z.union([id, z.null()]),
    email: text(UNIT_TEXT_CAPS.email).refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Email không hợp lệ.',
    ),
    contactPerson: text(UNIT_TEXT_CAPS.contactPerson),
    phone: text(UNIT_TEXT_CAPS.phone).refine(
      (v) => v === '' || /^[0-9+()\s.-]{6,40}$/.test(v),
      'Số điện thoại không hợp lệ.',
    ),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    /**
     * The first day the unit reports. Omitted: the day it is created (kept as is on update);
     * null: no start (a unit that existed before the app, expected in every older period).
     */
    activeFrom: optionalDate.optional(),
    /** The day it stops reporting (thôi hoạt động từ), itself included: [activeFrom, activeTo). */
    activeTo: optionalDate,
  })
  .strict()
  .refine((u) => !u.activeFrom || !u.activeTo || u.activeFrom <= u.activeTo, {
    message: 'Ngày thôi hoạt động không được trước ngày bắt đầu hoạt động.',
    path: ['activeTo'],
  });

export type UnitInput = z.input<typeof unitInput>;

export const unitListQuery = z
  .object({
    search: text(200).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    includeClosed: z.boolean().optional(),
  })
  .strict();

export type UnitListQuery = z.input<typeof unitListQuery>;

/** units.list's question and a window of its answer (the Đơn vị screen pages its table). */
export const unitPageQuery = unitListQuery
  .extend({
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const unitsContract = {
  'units.list': method(unitListQuery).returns<UnitListItem[]>(),
  'units.page': method(unitPageQuery).returns<UnitPage>(),
  'units.get': method(z.object({ id }).strict()).returns<Unit>(),
  'units.create': method(unitInput).returns<Unit>(),
  'units.update': method(z.object({ id, unit: unitInput, expectedUpdatedAt }).strict()).returns<Unit>(),
  /** Thôi hoạt động từ `date`, that day included: not expected in a period whose cut-off is on or after it. */
  'units.close': method(z.object({ id, date: isoDate }).strict()).returns<Unit>(),
  'units.reopen': method(z.object({ id }).strict()).returns<Unit>(),
  'units.merge': method(z.object({ sourceId: id, targetId: id, date: isoDate }).strict()).returns<Unit>(),
  'units.move': method(z.object({ id, direction: z.enum(['up', 'down']) }).strict()).returns<UnitListItem[]>(),
  'units.history': method(z.object({ id }).strict()).returns<UnitEvent[]>(),
  'units.importPreview': method(fileBytes.strict()).returns<UnitImportPreview>(),
  'units.importCommit': method(fileBytes.strict()).returns<{ created: number; updated: number }>(),
  'units.exportXlsx': method(emptyInput).returns<{ saved: boolean; path: string | null }>(),
};
