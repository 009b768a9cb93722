// One entry for every transport: validate the argument with the method's schema, run the
// handler, and turn any failure into typed data with a Vietnamese message.
import { z } from 'zod';
import { vi as viLocale } from 'zod/locales';
import { contract, type MethodName } from '../shared/contract';
import { AppError, type Result } from '../shared/errors';
import type { Core } from './core';
import { handlers } from './api-handlers';

z.config(viLocale());

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type Dispatch = (method: string, rawArgs: unknown) => Promise<Result<unknown>>;

export function createDispatch(core: Core, log: (msg: string, err: unknown) => void = () => {}): Dispatch {
  return async (method, rawArgs) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Chức năng "${String(method).slice(0, 80)}" không tồn tại.` } };
    }
    const schema = contract[method].input as z.ZodType;
    const parsed = schema.safeParse(rawArgs === null ? undefined : rawArgs);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.join('.') || undefined;
      return {
        ok: false,
        error: {
          code: 'INVALID_ARGS',
          message: `Dữ liệu không hợp lệ${field ? ` (trường ${field})` : ''}: ${first?.message ?? ''}`,
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
      log(`Lỗi không mong đợi ở ${method}`, err);
      return { ok: false, error: { code: 'INTERNAL', message: `Đã xảy ra lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}. Dữ liệu không bị thay đổi.` } };
    }
  };
}
