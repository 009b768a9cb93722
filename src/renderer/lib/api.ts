// The renderer's client of the contract: Electron's preload bridge in the app, HTTP to the
// loopback test bridge in browser tests. Both speak the same typed methods.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppErrorData, Result } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';

type RawApi = Record<MethodName, (args: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    api?: RawApi;
  }
}

export class ApiError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.data = data;
  }
}

async function viaHttp(method: MethodName, args: unknown): Promise<Result<unknown>> {
  const res = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: encodeWire(args ?? null),
  });
  return decodeWire(await res.text()) as Result<unknown>;
}

export async function call<M extends MethodName>(
  method: M,
  ...args: undefined extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]
): Promise<MethodOutput<M>> {
  const raw = window.api ? await window.api[method](args[0]) : await viaHttp(method, args[0]);
  if (!raw.ok) throw new ApiError(raw.error);
  return raw.value as MethodOutput<M>;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.data.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
