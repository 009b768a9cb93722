// What every command group of the CLI shares: argument parsing, output, failures, input files.
import fs from 'node:fs';
import type { Dispatch } from '../core/handlers';
import type { Core, CoreOptions } from '../core/core';
import type { MethodName, MethodOutput } from '../../shared/contract';
import { describeLocation, type Result } from '../../shared/errors';
import { decodeWire } from '../../shared/wire';
import type { Platform } from '../platform/platform';
import { followJobs } from './job-progress';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../shared/model/document';

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
  /** The version the app reports (package.json's when run through npm). */
  version: string;
  openCore(options: Omit<CoreOptions, 'seed'>): Promise<Core>;
  createDispatch(core: Core, log?: (msg: string, err: unknown) => void): Dispatch;
}

/** A failure whose message is already what the user should read. */
export class CliFailure extends Error {}

export interface ParsedArgs {
  positional: string[];
  /** Each flag with its values in order (a switch holds "true"). */
  all: Map<string, string[]>;
  /** The last value of each flag, or `true` for a switch. */
  flags: Map<string, string | true>;
}

/** Flags every command accepts: where the data is, machine-readable output, help. */
export const COMMON_VALUE_FLAGS = ['--db'] as const;
export const COMMON_SWITCHES = ['--json', '--help'] as const;

/**
 * Strict parsing: `valueFlags` take the next word (or `--flag=value`) as their value, `switches`
 * take none; any other `--flag` is refused, and so is a value flag without its value — a bare
 * `--db` must never fall back to the default data file. `--db`, `--json` and `--help` are always known.
 */
export function parseArgs(argv: string[], valueFlags: readonly string[], switches: readonly string[]): ParsedArgs {
  const values = new Set<string>([...COMMON_VALUE_FLAGS, ...valueFlags]);
  const bare = new Set<string>([...COMMON_SWITCHES, ...switches]);
  const positional: string[] = [];
  const all = new Map<string, string[]>();
  const flags = new Map<string, string | true>();
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyPositional || !a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (values.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
        throw new CliFailure(`Lỗi: ${name} cần một giá trị (ví dụ: ${name} ${exampleValue(name)}).`);
      if (eq < 0) i++;
      all.set(name, [...(all.get(name) ?? []), value]);
      flags.set(name, value);
    } else if (bare.has(name) && eq < 0) {
      all.set(name, ['true']);
      flags.set(name, true);
    } else if (bare.has(name)) {
      throw new CliFailure(`Lỗi: ${name} không nhận giá trị (đã ghi “${a.slice(0, 80)}”).`);
    } else {
      throw new CliFailure(`Lỗi: không có tùy chọn “${name.slice(0, 60)}” cho lệnh này. Xem --help.`);
    }
  }
  return { positional, all, flags };
}

function exampleValue(flag: string): string {
  if (flag === '--db') return 'du-lieu.db';
  if (/date|deadline|today|received|window/.test(flag)) return '2025-06-30';
  if (/period|round|year|index|template|plan|set/.test(flag)) return '1';
  return 'GIÁ_TRỊ';
}

/** The words of a command line that are not flags or flag values (to pick the command group). */
export function positionalWords(argv: string[], valueFlags: readonly string[]): string[] {
  const values = new Set<string>([...COMMON_VALUE_FLAGS, ...valueFlags]);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return [...out, ...argv.slice(i + 1)];
    if (!a.startsWith('--')) out.push(a);
    else if (values.has(a)) i++;
  }
  return out;
}

/** Reads a file named on the command line, with a message the user can act on. */
export function readInputBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new CliFailure(`Lỗi: không đọc được tệp “${file}”.`);
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

/** `--db PATH` (or `--db=PATH`) wherever it stands; a bare `--db` is an error, never the default file. */
export function dbFlag(argv: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--db' || a.startsWith('--db=')) {
      const v = a === '--db' ? argv[++i] : a.slice('--db='.length);
      if (v === undefined || v === '' || v.startsWith('--'))
        throw new CliFailure('Lỗi: --db cần đường dẫn tệp dữ liệu (ví dụ: --db du-lieu.db).');
      found = v;
    }
  }
  return found;
}

export type ContractCall = ReturnType<typeof contractCaller>;

/**
 * Opens the app on `platform`, runs `body` with a typed caller, closes it. A refusal prints its
 * message and gives exit code 2; a usage mistake found by `body` (CliFailure) too.
 */
export async function withApp(
  app: CliApp,
  dbPath: string,
  platform: Platform,
  io: CliIo,
  body: (call: ContractCall, dispatch: Dispatch, core: Core) => Promise<number>,
): Promise<number> {
  let core: Core;
  try {
    core = await app.openCore({ dbPath, platform, version: app.version, nativeBinding: app.nativeBinding });
  } catch (err) {
    io.err(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const dispatch = app.createDispatch(core, (m, e) => io.err(`${m}: ${String(e)}`));
  const unfollow = followJobs(core.jobs, io.err);
  try {
    return await body(contractCaller(dispatch), dispatch, core);
  } catch (err) {
    io.err(err instanceof CliFailure ? err.message : `Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  } finally {
    unfollow();
    await core.close();
  }
}

/** The last value of a value flag, if given. */
export const flagValue = (flags: Map<string, string | true>, name: string): string | undefined => {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** A positive whole number flag (an id, a year), with a message naming the flag. */
export function intFlag(flags: Map<string, string | true>, name: string, required: true): number;
export function intFlag(flags: Map<string, string | true>, name: string, required: false): number | null;
export function intFlag(flags: Map<string, string | true>, name: string, required: boolean): number | null {
  const v = flagValue(flags, name);
  if (v === undefined) {
    if (required) throw new CliFailure(`Lỗi: thiếu ${name}.`);
    return null;
  }
  if (!/^\d{1,9}$/.test(v)) throw new CliFailure(`Lỗi: ${name} phải là số nguyên dương (đã ghi “${v.slice(0, 40)}”).`);
  return Number(v);
}

/** Reads a JSON file (UTF-8, BOM allowed) or standard input for "-"; bytes as {"$bytes": base64}. */
export function readJsonInput(file: string): unknown {
  const what = file === '-' ? 'đầu vào chuẩn' : `tệp “${file}”`;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file === '-' ? 0 : file));
  } catch (err) {
    const notRead = (err as { code?: unknown } | null)?.code !== undefined;
    throw new CliFailure(`Lỗi: ${notRead ? `không đọc được ${what}` : `${what} không phải là văn bản UTF-8`}.`);
  }
  return parseJsonText(text, what);
}

export function parseJsonText(text: string, what: string): unknown {
  try {
    return decodeWire(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CliFailure(`Lỗi: ${what} không phải là JSON hợp lệ.`);
  }
}

/**
 * Word or PDF for a command that writes a document: `--format docx|pdf` when given, otherwise the
 * output name's extension (.pdf → PDF, .docx → Word). A --format that contradicts the name is refused.
 */
export function documentFormatOf(format: string | true | undefined, out: string | undefined): DocumentFormat {
  const byName = /\.pdf$/i.test(out ?? '') ? 'pdf' : /\.docx$/i.test(out ?? '') ? 'docx' : null;
  if (format === undefined || format === true) return byName ?? 'docx';
  const f = format.toLowerCase();
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(f))
    throw new CliFailure(`Lỗi: --format phải là docx (Word) hoặc pdf (đã ghi “${format.slice(0, 20)}”).`);
  if (byName && byName !== f)
    throw new CliFailure(`Lỗi: --format ${f} nhưng tệp --out có đuôi .${byName}: hãy đặt tên tệp đuôi .${f}.`);
  return f as DocumentFormat;
}
