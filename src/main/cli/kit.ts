// What every command group of the CLI shares: argument parsing, output, failures, input files.
import fs from 'node:fs';
import type { Dispatch } from '../core/handlers';
import type { Core, CoreOptions } from '../core/core';
import type { MethodName, MethodOutput } from '../../shared/contract';
import { describeLocation, type Result } from '../../shared/errors';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * What a feature's commands get from the CLI's composition root (src/main/cli.ts): a way to open
 * the app on a platform of their choice and its dispatcher, so features never import the root.
 */
export interface CliApp {
  nativeBinding: string | undefined;
  openCore(options: Omit<CoreOptions, 'seed'>): Promise<Core>;
  createDispatch(core: Core, log?: (msg: string, err: unknown) => void): Dispatch;
}

/** A failure whose message is already what the user should read. */
export class CliFailure extends Error {}

export interface ParsedArgs {
  positional: string[];
  /** Each flag with its values in order (a flag without a value holds "true"). */
  all: Map<string, string[]>;
  /** The last value of each flag, or `true` for a flag without a value. */
  flags: Map<string, string | true>;
}

/** `valueFlags` take the next word as their value; any other `--flag` is a switch. */
export function parseArgs(argv: string[], valueFlags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const all = new Map<string, string[]>();
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (valueFlags.includes(a) && next !== undefined) {
        all.set(a, [...(all.get(a) ?? []), next]);
        flags.set(a, next);
        i++;
      } else {
        all.set(a, ['true']);
        flags.set(a, true);
      }
    } else positional.push(a);
  }
  return { positional, all, flags };
}

/** Reads a file named on the command line, with a message the user can act on. */
export function readInputBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new CliFailure(`Lỗi: không đọc được tệp "${file}".`);
  }
}

/**
 * A typed caller of the contract for a CLI command: a refusal becomes a CliFailure whose text
 * is the Vietnamese message, where it happened, and the further problems one per line.
 */
export function contractCaller(dispatch: Dispatch) {
  return async <M extends MethodName>(method: M, args: unknown): Promise<MethodOutput<M>> => {
    const r = (await dispatch(method, args)) as Result<MethodOutput<M>>;
    if (!r.ok) {
      const where = describeLocation(r.error.where);
      const lines = [`Lỗi: ${r.error.message}${where && !r.error.message.includes(where) ? ` (${where})` : ''}`];
      for (const d of r.error.details?.slice(0, 50) ?? [])
        if (!r.error.message.includes(d.message)) lines.push(`  - ${d.message}`);
      throw new CliFailure(lines.join('\n'));
    }
    return r.value;
  };
}
