// The shape of the contract's implementation: one async function per method, typed from the contract.
// Each feature exports its slice (`satisfies Partial<Handlers>`); src/main/api-handlers.ts is the union.
import type { Core } from './core';
import type { MethodArgs, MethodName, MethodOutput } from '../../shared/contract';

export type Handlers = { [M in MethodName]: (core: Core, args: MethodArgs<M>) => Promise<MethodOutput<M>> };

/** One entry for every transport: validates, runs, and answers with data (never throws). */
export type Dispatch = (method: string, rawArgs: unknown) => Promise<import('../../shared/errors').Result<unknown>>;
