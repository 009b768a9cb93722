// The command line as a user's script runs it: a real child process (tsx), its stdout through a
// pipe, its exit code. HOME and XDG_CONFIG_HOME point into a temp folder so that a command that
// wrongly fell back to the default data file would leave a trace there instead of in the user's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const fakeHome = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-home-'));

export function cliProcess(
  args: string[],
  opts: { input?: string; home?: string; cwd?: string } = {},
): Promise<CliRun> {
  const home = opts.home ?? fakeHome();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, 'src/main/cli.ts'), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), npm_package_version: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs and expects success; the failure message carries the child's stderr. */
export async function cliOk(args: string[], opts: { input?: string; home?: string; cwd?: string } = {}) {
  const r = await cliProcess(args, opts);
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} → ${r.code}\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  return r.stdout;
}

/** `call METHOD ARGS` and its JSON result. */
export async function callJson<T = unknown>(db: string, method: string, args?: unknown, extra: string[] = []) {
  const argv = ['call', method, ...(args === undefined ? [] : [JSON.stringify(args)]), '--db', db, ...extra];
  return JSON.parse(await cliOk(argv)) as T;
}
