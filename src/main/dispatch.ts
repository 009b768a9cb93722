// One entry for every transport: validate the argument with the method's schema, run the
// handler, and turn any failure into typed data with a Vietnamese message.
import { z } from 'zod';
import { vi as viLocale } from 'zod/locales';
import { contract, type MethodName } from '../shared/contract';
import { AppError } from '../shared/errors';
import { fieldPathLabel, wrongTypeMessage } from '../shared/field-labels';
import type { Core } from './core/core';
import { handlers } from './api-handlers';
import type { Dispatch } from './core/handlers';
import { tableLabel } from '../shared/model/safety';
import { HIDDEN_COLUMNS, columnLabel } from '../shared/model/audit-labels';

z.config(viLocale());
z.config({ customError: wrongTypeMessage });

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { Dispatch };

export function createDispatch(core: Core, log: (msg: string, err: unknown) => void = () => {}): Dispatch {
  return async (method, rawArgs) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `Chức năng “${String(method).slice(0, 80)}” không tồn tại.` },
      };
    }
    const schema = contract[method].input as z.ZodType;
    const parsed = schema.safeParse(rawArgs === null ? undefined : rawArgs);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.join('.') || undefined;
      // where.field keeps the key (screens put the message beside that input); the text says it in Vietnamese.
      const label = first ? fieldPathLabel(first.path) : '';
      return {
        ok: false,
        error: {
          code: 'INVALID_ARGS',
          message: `Dữ liệu không hợp lệ${label ? ` (${label})` : ''}: ${first?.message ?? ''}`,
          where: field ? { field } : undefined,
          details: parsed.error.issues.map((i) => ({ message: i.message, where: { field: i.path.join('.') } })),
        },
      };
    }
    try {
      const handler = handlers[method] as (core: Core, args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(core, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toData() };
      const storage = storageError(err);
      if (storage) return { ok: false, error: storage };
      log(`Lỗi không mong đợi ở ${method}`, err);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Đã xảy ra lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}. Dữ liệu không bị thay đổi.`,
        },
      };
    }
  };
}

/**
 * Disk full, read-only folder, a locked file: the change was rolled back and the app keeps
 * working on what it has; the user is told what to do.
 */
export function storageError(err: unknown): { code: string; message: string } | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const unique = uniqueViolation(err);
  if (unique) return unique;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return {
      code: 'DISK_FULL',
      message:
        'Ổ đĩa đã đầy: thay đổi vừa rồi chưa được lưu (dữ liệu cũ vẫn nguyên vẹn). Hãy giải phóng dung lượng rồi thử lại.',
    };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return {
      code: 'READ_ONLY',
      message:
        'Thư mục dữ liệu đang ở chế độ chỉ đọc: thay đổi vừa rồi chưa được lưu. Hãy kiểm tra quyền ghi của thư mục hoặc chuyển dữ liệu sang thư mục khác.',
    };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return {
      code: 'DB_BUSY',
      message:
        'Tệp dữ liệu đang bị chương trình khác khóa: thay đổi vừa rồi chưa được lưu. Hãy đóng chương trình kia rồi thử lại.',
    };
  if (code.startsWith('SQLITE_IOERR'))
    return {
      code: 'DISK_ERROR',
      message: 'Lỗi đọc/ghi ổ đĩa: thay đổi vừa rồi chưa được lưu. Hãy kiểm tra ổ đĩa rồi thử lại.',
    };
  return null;
}

/** The key's columns as each engine names them: "Key (a, b)=(…)" (PostgreSQL), "failed: t.a, t.b" (SQLite). */
function keyOf(err: { code: string; message?: unknown; table?: unknown; detail?: unknown }) {
  if (err.code === '23505') {
    const cols = /^Key \(([^)]*)\)=/.exec(String(err.detail ?? ''))?.[1] ?? '';
    return { table: String(err.table ?? ''), columns: cols.split(',').map((c) => c.trim()) };
  }
  const list = String(err.message ?? '').split('failed: ')[1] ?? '';
  const names = list.split(',').map((c) => c.trim().split('.'));
  return { table: names[0]?.[0] ?? '', columns: names.map((n) => n[1] ?? '') };
}

/**
 * Two people creating the same thing at once (a unit's code, a period) on a shared server: the
 * second insert meets the first's unique key. Nothing of it was written; the user is told to reopen.
 * (A report's first save is caught earlier and refused by its row version: reports/row-version.ts.)
 */
export function uniqueViolation(err: unknown): { code: string; message: string } | null {
  const e = err as { code?: unknown } | null;
  const code = String(e?.code ?? '');
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const key = keyOf(e as { code: string });
  const fields = key.columns.filter((c) => c && !HIDDEN_COLUMNS.has(c)).map((c) => columnLabel(c, key.table));
  const shown = key.columns.includes('code_key') && !fields.includes('Mã') ? ['Mã', ...fields] : fields;
  return {
    code: 'ALREADY_CREATED',
    message: `${key.table ? tableLabel(key.table) : 'Bản ghi này'}${shown.length ? ` (trùng ${shown.join(', ')})` : ''} vừa được người khác tạo; mở lại để xem. Thay đổi vừa rồi chưa được lưu.`,
  };
}
