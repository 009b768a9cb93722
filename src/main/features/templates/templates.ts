// Report templates: versioned. A template used by a period is frozen; saving changes to it makes
// a new version with the same code, and the periods keep the version they were made from.
import { fieldPathLabel } from '../../../shared/field-labels';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { moveToTrash } from '../safety/trash';
import { AppError } from '../../../shared/errors';
import { checkTemplate } from '../../../shared/domain/rules';
import { templateContentInput } from '../../../shared/contract/templates';
import type {
  Accumulation,
  AggregationRule,
  IndicatorType,
  Template,
  TemplateContent,
  TemplateFile,
  TemplateListItem,
} from '../../../shared/model/template';
import defaultTemplate from '../../../../resources/templates/dan-van-chinh-quyen.json';
import type { Executor } from '../../db/executor';
import { assertUnchanged } from '../../core/stale-edit';

export type TemplateContentData = z.output<typeof templateContentInput>;

async function periodCount(db: Executor, templateId: number): Promise<number> {
  const r = await db
    .selectFrom('periods')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('template_id', '=', templateId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function getTemplate(db: Executor, id: number): Promise<Template> {
  const t = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', `Không tìm thấy mẫu báo cáo có mã số ${id}.`);
  const [sections, indicators, rules] = await Promise.all([
    db.selectFrom('template_sections').selectAll().where('template_id', '=', id).orderBy('position').execute(),
    db.selectFrom('template_indicators').selectAll().where('template_id', '=', id).orderBy('position').execute(),
    db.selectFrom('template_rules').selectAll().where('template_id', '=', id).orderBy('position').execute(),
  ]);
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    version: t.version,
    basedOnId: t.based_on_id,
    frozen: (await periodCount(db, id)) > 0,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    sections: sections.map((s) => ({
      number: s.number,
      title: s.title,
      hint: s.hint,
      level: s.level,
      hasText: s.has_text === 1,
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      type: i.type as IndicatorType,
      rule: i.rule as AggregationRule,
      numerator: i.numerator,
      denominator: i.denominator,
      accumulation: i.accumulation as Accumulation,
      group: i.grp,
    })),
    rules: rules.map((r) => ({ expression: r.expression, message: r.message })),
  };
}

export async function listTemplates(db: Executor): Promise<TemplateListItem[]> {
  const rows = await db
    .selectFrom('templates as t')
    .select((eb) => [
      't.id',
      't.code',
      't.name',
      't.version',
      't.updated_at',
      eb
        .selectFrom('periods')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('periods.template_id', '=', 't.id')
        .as('periods'),
      eb
        .selectFrom('template_sections')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('template_sections.template_id', '=', 't.id')
        .as('sections'),
      eb
        .selectFrom('template_indicators')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('template_indicators.template_id', '=', 't.id')
        .as('indicators'),
    ])
    .orderBy('t.code')
    .orderBy('t.version', 'desc')
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.code, Math.max(latest.get(r.code) ?? 0, r.version));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    version: r.version,
    frozen: Number(r.periods) > 0,
    isLatest: latest.get(r.code) === r.version,
    periodCount: Number(r.periods ?? 0),
    sectionCount: Number(r.sections ?? 0),
    indicatorCount: Number(r.indicators ?? 0),
    updatedAt: r.updated_at,
  }));
}

/** Refuses a template with problems, listing every one of them. */
function assertValid(content: TemplateContentData): void {
  const problems = checkTemplate(content);
  if (problems.length > 0) {
    throw new AppError(
      'TEMPLATE_INVALID',
      `Mẫu báo cáo “${content.name}” chưa hợp lệ: ${problems[0]!.message}${problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : ''}`,
      { field: problems[0]!.field },
      problems.map((p) => ({ message: p.message, where: { field: p.field } })),
    );
  }
}

async function writeParts(db: Executor, templateId: number, content: TemplateContentData): Promise<void> {
  for (const table of ['template_sections', 'template_indicators', 'template_rules'] as const) {
    await db.deleteFrom(table).where('template_id', '=', templateId).execute();
  }
  for (const [i, s] of content.sections.entries()) {
    await db
      .insertInto('template_sections')
      .values({
        template_id: templateId,
        position: i,
        number: s.number,
        title: s.title,
        hint: s.hint,
        level: s.level,
        has_text: s.hasText ? 1 : 0,
      })
      .execute();
  }
  for (const [i, ind] of content.indicators.entries()) {
    await db
      .insertInto('template_indicators')
      .values({
        template_id: templateId,
        position: i,
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        type: ind.type,
        rule: ind.rule,
        numerator: ind.rule === 'RATE' ? ind.numerator : null,
        denominator: ind.rule === 'RATE' ? ind.denominator : null,
        accumulation: ind.accumulation,
        grp: ind.group,
      })
      .execute();
  }
  for (const [i, r] of content.rules.entries()) {
    await db
      .insertInto('template_rules')
      .values({ template_id: templateId, position: i, expression: r.expression, message: r.message })
      .execute();
  }
}

async function insertTemplate(
  db: Executor,
  content: TemplateContentData,
  version: number,
  basedOnId: number | null,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('templates')
    .values({
      code: content.code,
      version,
      name: content.name,
      description: content.description,
      based_on_id: basedOnId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeParts(db, row.id, content);
  return row.id;
}

async function nextVersion(db: Executor, code: string): Promise<number> {
  const r = await db
    .selectFrom('templates')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

/**
 * Saves a template. New (id null): its code must be free. Existing and not used by any period:
 * edited in place. Existing and used: a new version is made and returned (newVersion: true).
 */
export async function saveTemplate(
  db: Kysely<DB>,
  id: number | null,
  content: TemplateContentData,
  now = new Date(),
  expectedUpdatedAt?: string | null,
): Promise<{ template: Template; newVersion: boolean }> {
  assertValid(content);
  return db.transaction().execute(async (trx) => {
    if (id === null) {
      const clash = await trx
        .selectFrom('templates')
        .select(['name'])
        .where('code', '=', content.code)
        .executeTakeFirst();
      if (clash)
        throw new AppError(
          'DUPLICATE_CODE',
          `Mã mẫu “${content.code}” đã được dùng cho mẫu “${clash.name}”. Hãy chọn mã khác.`,
          { field: 'code' },
        );
      const newId = await insertTemplate(trx, content, 1, null, now);
      return { template: await getTemplate(trx, newId), newVersion: false };
    }
    // a used template gets a new version either way; one edited in place must still be as shown
    await assertUnchanged(trx, 'templates', id, expectedUpdatedAt, 'Mẫu báo cáo này');
    const current = await getTemplate(trx, id);
    if (content.code !== current.code) {
      throw new AppError(
        'CODE_CHANGED',
        `Không đổi được mã của mẫu “${current.name}”; muốn có mẫu khác, hãy sao chép mẫu.`,
        { field: 'code' },
      );
    }
    if (current.frozen) {
      const newId = await insertTemplate(trx, content, await nextVersion(trx, content.code), id, now);
      return { template: await getTemplate(trx, newId), newVersion: true };
    }
    await trx
      .updateTable('templates')
      .set({ name: content.name, description: content.description, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeParts(trx, id, content);
    return { template: await getTemplate(trx, id), newVersion: false };
  });
}

export async function copyTemplate(
  db: Kysely<DB>,
  id: number,
  code: string,
  name: string,
  now = new Date(),
): Promise<Template> {
  const source = await getTemplate(db, id);
  const { template } = await saveTemplate(db, null, { ...contentOf(source), code, name }, now);
  await db.updateTable('templates').set({ based_on_id: id }).where('id', '=', template.id).execute();
  return getTemplate(db, template.id);
}

/** Deleting a template that a period uses is refused: periods and reports keep their form. */
export async function deleteTemplate(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const t = await getTemplate(trx, id);
    const periods = await trx.selectFrom('periods').select(['name']).where('template_id', '=', id).execute();
    if (periods.length > 0) {
      throw new AppError(
        'IN_USE',
        `Không xóa được mẫu “${t.name}” (phiên bản ${t.version}): đang được dùng cho ${periods.length} kỳ báo cáo (${periods
          .slice(0, 3)
          .map((p) => p.name)
          .join('; ')}${periods.length > 3 ? '; …' : ''}).`,
      );
    }
    const child = await trx
      .selectFrom('templates')
      .select(['version'])
      .where('based_on_id', '=', id)
      .executeTakeFirst();
    if (child) await trx.updateTable('templates').set({ based_on_id: null }).where('based_on_id', '=', id).execute();
    // Into the trash with its sections, indicators and rules: restorable until the trash is emptied.
    await moveToTrash(trx, 'templates', id, `${t.name} (phiên bản ${t.version})`, [
      { table: 'template_sections', column: 'template_id' },
      { table: 'template_indicators', column: 'template_id' },
      { table: 'template_rules', column: 'template_id' },
    ]);
    return { deleted: true as const };
  });
}

export function contentOf(t: TemplateContent): TemplateContentData {
  return {
    code: t.code,
    name: t.name,
    description: t.description,
    sections: t.sections.map((s) => ({ ...s })),
    indicators: t.indicators.map((i) => ({ ...i })),
    rules: t.rules.map((r) => ({ ...r })),
  };
}

export function templateToFile(t: Template): TemplateFile {
  return { format: 'bao-cao-noi-vu/template', formatVersion: 1, version: t.version, ...contentOf(t) };
}

export function exportTemplateJson(t: Template): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(templateToFile(t), null, 2) + '\n');
}

/** Reads a template file (JSON) and checks it with the same schema as the API. */
export function parseTemplateFile(fileName: string, data: Uint8Array): TemplateContentData {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('BAD_FILE', `Tệp “${fileName}” không phải là tệp JSON hợp lệ (UTF-8).`, { file: fileName });
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== 'bao-cao-noi-vu/template') {
    throw new AppError(
      'BAD_FILE',
      `Tệp “${fileName}” không phải là mẫu báo cáo của ứng dụng (thiếu "format": "bao-cao-noi-vu/template").`,
      { file: fileName },
    );
  }
  const { format: _f, formatVersion: _v, version: _ver, ...rest } = raw as Record<string, unknown>;
  const parsed = templateContentInput.safeParse(rest);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const field = first.path.join('.');
    throw new AppError(
      'BAD_FILE',
      `Tệp “${fileName}”${first.path.length ? `, ${fieldPathLabel(first.path)}` : ''}: ${first.message}`,
      { file: fileName, field },
      parsed.error.issues.map((i) => ({ message: i.message, where: { file: fileName, field: i.path.join('.') } })),
    );
  }
  return parsed.data;
}

/** Import: a new template when the code is new, else saved over the latest version of that code. */
export async function importTemplate(
  db: Kysely<DB>,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<{ template: Template; newVersion: boolean }> {
  const content = parseTemplateFile(fileName, data);
  const latest = await db
    .selectFrom('templates')
    .select(['id'])
    .where('code', '=', content.code)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return saveTemplate(db, latest?.id ?? null, content, now);
}

const DEFAULT_RESOURCE = 'template:dan-van-chinh-quyen';

/**
 * Installs the built-in template once. Recorded in installed_resources, so a user who deletes or
 * renames it does not see it come back; idempotent, safe to call at every start.
 */
export async function installDefaultTemplates(db: Kysely<DB>, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('installed_resources')
      .select('version')
      .where('name', '=', DEFAULT_RESOURCE)
      .executeTakeFirst();
    if (done) return false;
    const { format: _f, formatVersion: _v, version: _ver, ...rest } = defaultTemplate;
    const content = templateContentInput.parse(rest);
    const exists = await trx.selectFrom('templates').select('id').where('code', '=', content.code).executeTakeFirst();
    if (!exists) {
      assertValid(content);
      await insertTemplate(trx, content, 1, null, now);
    }
    await trx
      .insertInto('installed_resources')
      .values({ name: DEFAULT_RESOURCE, version: defaultTemplate.version, installed_at: now.toISOString() })
      .execute();
    return !exists;
  });
}
