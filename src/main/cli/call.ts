// `call METHOD [ARGS.json | - | '{…}']`: every contract method from the command line, through the
// same dispatcher and validation as IPC, the result printed as JSON. Dialogs are answered by
// `--open FILE` and `--save FILE|FOLDER` through the CLI's platform; `call --list` describes
// every method with its input as JSON Schema so that a script can discover them.
import path from 'node:path';
import { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { describeLocation, type Result } from '../../shared/errors';
import { cliPlatform } from '../platform/cli-platform';
import { guardPlatform } from '../platform/guarded-platform';
import { fillFilePlaces, takesFiles } from './open-files';
import { CliFailure, parseArgs, parseJsonText, readJsonInput, withApp, type CliApp, type CliIo } from './kit';

export const CALL_USAGE = `  call PHƯƠNG_THỨC [ĐỐI_SỐ.json | - | '{"…": …}'] [--open TỆP]… [--save TỆP|THƯ_MỤC]…
                                               gọi một chức năng bất kỳ (như giao diện), in kết quả JSON;
                                               "-": đọc đối số từ đầu vào chuẩn; tệp nhị phân trong JSON: {"$bytes": base64}
                                               --open: trả lời hộp chọn tệp / điền các trường tệp (lặp lại được)
                                               --save: trả lời hộp “lưu vào đâu” / “chọn thư mục”
  call --list [--json]                         mọi chức năng và đối số của chúng (JSON Schema)`;

const VALUE_FLAGS = ['--open', '--save'];

/** Bytes travel as {"$bytes": base64}, as on the test bridge. */
const jsonOut = (value: unknown) =>
  JSON.stringify(
    value,
    (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v),
    2,
  );

/** The input of a method as JSON Schema (what the JSON argument must look like). */
export function methodInputSchema(method: MethodName): Record<string, unknown> {
  return z.toJSONSchema(contract[method].input as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === 'custom') {
        Object.assign(ctx.jsonSchema, {
          type: 'object',
          description: 'Nội dung tệp: {"$bytes": "<base64>"}, hoặc để trống và dùng --open TỆP.',
          properties: { $bytes: { type: 'string', contentEncoding: 'base64' } },
          required: ['$bytes'],
          additionalProperties: false,
        });
      }
    },
  }) as Record<string, unknown>;
}

export interface MethodDescription {
  method: MethodName;
  /** Whether the argument carries file contents (fillable with --open). */
  takesFiles: boolean;
  input: Record<string, unknown>;
}

export const describeMethods = (): MethodDescription[] =>
  methodNames.map((method) => ({
    method,
    takesFiles: takesFiles(contract[method].input as z.ZodType),
    input: methodInputSchema(method),
  }));

function listText(): string[] {
  return describeMethods().map((m) => {
    const props = (m.input.properties ?? {}) as Record<string, unknown>;
    const required = new Set((m.input.required ?? []) as string[]);
    const fields = Object.keys(props).map((k) => (required.has(k) ? k : `${k}?`));
    return `${m.method}\t${fields.length ? `{ ${fields.join(', ')} }` : '{}'}${m.takesFiles ? '\t[tệp: --open]' : ''}`;
  });
}

/** The JSON argument: a file, standard input ("-"), or the JSON text itself; none is {}. */
function readArgs(arg: string | undefined): unknown {
  if (arg === undefined) return {};
  return /^\s*[{[]/.test(arg) ? parseJsonText(arg, 'đối số JSON trên dòng lệnh') : readJsonInput(arg);
}

export async function runCallCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, all, flags } = parseArgs(argv, VALUE_FLAGS, ['--list']);
  const [, method, argFile, ...extra] = positional;
  if (flags.has('--list')) {
    if (method) throw new CliFailure('Lỗi: “call --list” không nhận tên chức năng.');
    io.out(flags.has('--json') ? JSON.stringify(describeMethods(), null, 2) : listText().join('\n'));
    return 0;
  }
  if (!method) throw new CliFailure(`Lỗi: thiếu tên chức năng.\n${CALL_USAGE}`);
  if (extra.length) throw new CliFailure(`Lỗi: thừa “${extra[0]!.slice(0, 80)}” sau đối số JSON.`);
  if (!Object.prototype.hasOwnProperty.call(contract, method))
    throw new CliFailure(`Lỗi: không có chức năng “${method.slice(0, 80)}”. Xem “call --list”.`);
  const name = method as MethodName;
  const open = [...(all.get('--open') ?? [])].map((f) => path.resolve(f));
  const args = fillFilePlaces(contract[name].input as z.ZodType, readArgs(argFile), open);
  const platform = cliPlatform({ open, save: all.get('--save') ?? [] });
  const guarded = guardPlatform(platform, { dbPath, dataDir: path.dirname(path.resolve(dbPath)) });
  return withApp(app, dbPath, guarded, io, async (_call, dispatch) => {
    const r = (await dispatch(name, args)) as Result<unknown>;
    const left = platform.unused();
    for (const f of left.open) io.err(`Cảnh báo: không dùng đến --open ${f}.`);
    for (const f of left.save) io.err(`Cảnh báo: không dùng đến --save ${f}.`);
    if (!r.ok) {
      const where = describeLocation(r.error.where);
      io.err(`Lỗi: ${r.error.message}${where && !r.error.message.includes(where) ? ` (${where})` : ''}`);
      for (const d of r.error.details?.slice(1, 50) ?? []) io.err(`  - ${d.message}`);
      if (flags.has('--json')) io.out(JSON.stringify({ error: r.error }, null, 2));
      return 2;
    }
    io.out(jsonOut(r.value ?? null));
    return 0;
  });
}
