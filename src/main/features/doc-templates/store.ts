// Mẫu Word của cơ quan: stored templates with frozen versions (a new version only when the file
// changed), each with the linter's findings at upload; deleting archives, it never erases.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import {
  type DocTemplate,
  type DocTemplateListItem,
  type DocUsage,
  type LintReport,
  type updateInput,
  type uploadInput,
} from '../../../shared/contract/doc-templates';
import { saveExport } from '../../platform/exports';
import { openDocx } from './package';
import { lintPackage } from './lint';

type Fonts = Set<string> | null;
const WORD_FILTER = [{ name: 'Văn bản Word', extensions: ['docx'] }];

export async function lintBytes(
  data: Uint8Array,
  fileName: string,
  usage: DocUsage | null,
  fonts: Fonts,
): Promise<LintReport> {
  const pkg = await openDocx(data, fileName);
  return lintPackage(pkg, fileName, { usage, installedFonts: fonts });
}

// ——— Stored templates ———

async function versionsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('doc_template_versions')
    .select(['version', 'file_name', 'size', 'sha256', 'created_at', 'errors', 'warnings', 'lint_json'])
    .where('doc_template_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}

export async function getDocTemplate(db: Kysely<DB>, id: number): Promise<DocTemplate> {
  const row = await db
    .selectFrom('doc_templates as d')
    .leftJoin('templates as t', 't.id', 'd.report_template_id')
    .select([
      'd.id',
      'd.name',
      'd.usage',
      'd.report_template_id',
      'd.note',
      'd.created_at',
      'd.updated_at',
      't.name as template_name',
    ])
    .where('d.id', '=', id)
    .where('d.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy mẫu Word số ${id}.`);
  const versions = await versionsOf(db, id);
  return {
    id: row.id,
    name: row.name,
    usage: row.usage as DocUsage,
    reportTemplateId: row.report_template_id,
    reportTemplateName: row.template_name ?? null,
    note: row.note,
    versions: versions.map((v) => ({
      version: v.version,
      fileName: v.file_name,
      size: v.size,
      sha256: v.sha256,
      createdAt: v.created_at,
      errors: v.errors,
      warnings: v.warnings,
    })),
    lint: JSON.parse(versions[0]!.lint_json) as LintReport,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listDocTemplates(db: Kysely<DB>): Promise<DocTemplateListItem[]> {
  const rows = await db
    .selectFrom('doc_templates as d')
    .leftJoin('templates as t', 't.id', 'd.report_template_id')
    .innerJoin('doc_template_versions as v', (j) =>
      j.onRef('v.doc_template_id', '=', 'd.id').on('v.version', '=', (eb) =>
        eb
          .selectFrom('doc_template_versions as w')
          .select((e) => e.fn.max('w.version').as('m'))
          .whereRef('w.doc_template_id', '=', 'd.id'),
      ),
    )
    .select([
      'd.id',
      'd.name',
      'd.usage',
      'd.report_template_id',
      'd.note',
      'd.created_at',
      'd.updated_at',
      't.name as template_name',
      'v.version',
      'v.errors',
      'v.warnings',
    ])
    .where('d.archived_at', 'is', null)
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    usage: r.usage as DocUsage,
    reportTemplateId: r.report_template_id,
    reportTemplateName: r.template_name ?? null,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    errors: r.errors,
    warnings: r.warnings,
  }));
}

/** Stores a file as a new template, or as the next version of one (unless it is the same file). */
export async function uploadDocTemplate(
  db: Kysely<DB>,
  a: z.output<typeof uploadInput>,
  fonts: Fonts,
  now = new Date(),
): Promise<{ template: DocTemplate; newVersion: boolean }> {
  const lint = await lintBytes(a.data, a.fileName, a.usage, fonts);
  const sha256 = crypto.createHash('sha256').update(a.data).digest('hex');
  const at = now.toISOString();
  const result = await db.transaction().execute(async (trx) => {
    let id = a.id;
    let version = 1;
    if (id === null) {
      const row = await trx
        .insertInto('doc_templates')
        .values({
          name: a.name,
          usage: a.usage,
          report_template_id: a.reportTemplateId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const current = await trx
        .selectFrom('doc_templates')
        .select('id')
        .where('id', '=', id)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND', `Không tìm thấy mẫu Word số ${id}.`);
      const last = await trx
        .selectFrom('doc_template_versions')
        .select(['version', 'sha256'])
        .where('doc_template_id', '=', id)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      await trx
        .updateTable('doc_templates')
        .set({ name: a.name, usage: a.usage, report_template_id: a.reportTemplateId, updated_at: at })
        .where('id', '=', id)
        .execute();
      if (last?.sha256 === sha256) return { id, newVersion: false };
      version = (last?.version ?? 0) + 1;
    }
    await trx
      .insertInto('doc_template_versions')
      .values({
        doc_template_id: id,
        version,
        file_name: a.fileName,
        sha256,
        size: a.data.length,
        content: a.data,
        lint_json: JSON.stringify(lint),
        errors: lint.counts.errors,
        warnings: lint.counts.warnings,
        created_at: at,
      })
      .execute();
    return { id, newVersion: version > 1 };
  });
  return { template: await getDocTemplate(db, result.id), newVersion: result.newVersion };
}

export async function updateDocTemplate(
  db: Kysely<DB>,
  a: z.output<typeof updateInput>,
  now = new Date(),
): Promise<DocTemplate> {
  const r = await db
    .updateTable('doc_templates')
    .set({
      name: a.name,
      usage: a.usage,
      report_template_id: a.reportTemplateId,
      note: a.note.normalize('NFC'),
      updated_at: now.toISOString(),
    })
    .where('id', '=', a.id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `Không tìm thấy mẫu Word số ${a.id}.`);
  return getDocTemplate(db, a.id);
}

/** Archives a template: its versions stay, as documents may have been made from them. */
export async function deleteDocTemplate(db: Kysely<DB>, id: number, now = new Date()): Promise<{ deleted: true }> {
  const r = await db
    .updateTable('doc_templates')
    .set({ archived_at: now.toISOString() })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `Không tìm thấy mẫu Word số ${id}.`);
  return { deleted: true };
}

export async function versionFile(
  db: Kysely<DB>,
  id: number,
  version: number | null,
): Promise<{ fileName: string; data: Uint8Array; usage: DocUsage; name: string }> {
  const t = await getDocTemplate(db, id);
  const v = version ?? t.versions[0]!.version;
  const row = await db
    .selectFrom('doc_template_versions')
    .select(['file_name', 'content'])
    .where('doc_template_id', '=', id)
    .where('version', '=', v)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Mẫu Word “${t.name}” không có phiên bản ${v}.`);
  return { fileName: row.file_name, data: new Uint8Array(row.content), usage: t.usage, name: t.name };
}

export async function downloadDocTemplate(db: Kysely<DB>, platform: Platform, id: number, version: number | null) {
  const f = await versionFile(db, id, version);
  return saveExport(platform, f.fileName, WORD_FILTER, f.data);
}
