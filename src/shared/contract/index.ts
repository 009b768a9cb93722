// The one contract between the renderer and the main process. Transports (Electron IPC,
// the loopback test bridge) are generated from this map and never edited per feature.
import type { z } from 'zod';
import { agencyContract } from './agency';
import { appContract } from './app';
import { unitsContract } from './units';
import { plansContract } from './plans';
import { templatesContract } from './templates';
import { periodsContract } from './periods';
import { reportsContract } from './reports';
import { documentsContract } from './documents';
import { compileContract } from './compile';
import { safetyContract } from './safety';
import { scoringContract } from './scoring';
import { collectContract } from './collect';
import { jobsContract } from './jobs';
import { planImportContract } from './plan-import';
import { docTemplatesContract } from './doc-templates';
import { reorganiseContract } from './reorganise';
import { databaseContract } from './database';
import type { MethodSpec } from './define';

export const contract = {
  ...planImportContract,
  ...documentsContract,
  ...compileContract,
  ...appContract,
  ...agencyContract,
  ...unitsContract,
  ...plansContract,
  ...templatesContract,
  ...periodsContract,
  ...reportsContract,
  ...safetyContract,
  ...scoringContract,
  ...collectContract,
  ...jobsContract,
  ...docTemplatesContract,
  ...reorganiseContract,
  ...databaseContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

type SpecOf<M extends MethodName> = Contract[M];
export type MethodInput<M extends MethodName> = SpecOf<M> extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodArgs<M extends MethodName> = SpecOf<M> extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodOutput<M extends MethodName> = SpecOf<M> extends MethodSpec<z.ZodType, infer O> ? O : never;

/** The IPC channel of a method. */
export const channelOf = (name: MethodName): string => `api:${name}`;
