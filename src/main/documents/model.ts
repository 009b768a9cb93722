// The document model on the main side: validation into a Vietnamese AppError that names the
// field (the page geometry of Nghị định 30/2020 is in nd30/plan.ts).
import { fieldPathLabel } from '../../shared/field-labels';
import { z } from 'zod';
import { vi as viLocale } from 'zod/locales';
import { documentModel, type DocumentModel } from '../../shared/contract/document-model';
import { AppError } from '../../shared/errors';

// Messages of zod's own checks in Vietnamese, also when the writer is used without the dispatcher.
z.config(viLocale());

export { documentModel, type DocumentModel } from '../../shared/contract/document-model';

/** "body[3].items[0]" from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

type Issue = z.core.$ZodIssue;

/** A union that failed (text or runs, say) reports the branch that matched the type of the input. */
function unwrap(issue: Issue): Issue {
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors) {
      const inner = branch[0];
      if (inner && inner.code !== 'invalid_type')
        return unwrap({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
    }
  }
  return issue;
}

/** Validates a model; a model that breaks the schema is refused with the first problem named. */
export function parseDocumentModel(raw: unknown, file?: string): DocumentModel {
  const r = documentModel.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map(unwrap);
  const first = issues[0]!;
  const field = fieldPath(first.path) || '(gốc)';
  const more = issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '';
  throw new AppError(
    'INVALID_DOCUMENT',
    `Văn bản không hợp lệ${first.path.length ? ` (${fieldPathLabel(first.path)})` : ''}: ${first.message}${more}`,
    { field, ...(file ? { file } : {}) },
    issues.slice(0, 100).map((i) => ({ message: i.message, where: { field: fieldPath(i.path) } })),
  );
}
