// Types of scripts/electron-native.mjs, so tests under tsconfig.test.json typecheck.

export declare const NATIVE_FILE: 'better_sqlite3.node';
export declare const STAMP_FILE: 'better_sqlite3.stamp.json';
export declare const ELECTRON_HEADERS_URL: string;

export interface Target {
  electronVersion: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
  /** Electron's NODE_MODULE_VERSION, or null when it cannot be found out. */
  abi: number | null;
}

export interface Stamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
  abi: number | null;
  source: 'prebuild' | 'node-gyp';
  builtAt: string;
}

export interface Runners {
  installElectron(): Promise<void>;
  prebuild(workDir: string, target: Target): Promise<void>;
  gypBuild(workDir: string, target: Target): Promise<void>;
}

export type Log = (line: string) => void;

export declare class PrepareError extends Error {
  constructor(message: string, hint?: string);
  readonly hint: string | undefined;
}

export declare function nativeDirOf(root: string): string;
export declare function readTarget(opts: { root: string; platform?: string; arch?: string }): Target;
export declare function electronAbi(root: string, electronVersion: string): number | null;
export declare function moduleVersionsOf(bytes: Uint8Array): number[];
export declare function nativeFileProblem(bytes: Uint8Array, target: Target): string | null;
export declare function readStamp(nativeDir: string): Stamp | null;
export declare function stampMatches(stamp: unknown, target: Target): boolean;
export declare function nativeStatus(
  nativeDir: string,
  target: Target,
): { ok: true; file: string } | { ok: false; reason: string };
export declare function electronBinaryStatus(opts: {
  root: string;
  platform?: string;
  env?: NodeJS.ProcessEnv;
}): { ok: true; executable: string } | { ok: false; reason: string };
export declare function cleanBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function runNode(
  script: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; log?: Log; name?: string },
): Promise<void>;
export declare function defaultRunners(root: string, env?: NodeJS.ProcessEnv, log?: Log): Runners;
export declare function ensureElectronBinary(opts: {
  root: string;
  platform?: string;
  env?: NodeJS.ProcessEnv;
  installElectron: Runners['installElectron'];
  log?: Log;
}): Promise<{ ok: true; changed: boolean; executable: string }>;
export declare function copyPackageForBuild(sourceDir: string, workDir: string): void;
export declare function placeNative(nativeDir: string, bytes: Uint8Array, stamp: Stamp): void;
export declare function ensureElectronNative(opts: {
  root: string;
  nativeDir?: string;
  target: Target;
  prebuild: Runners['prebuild'];
  gypBuild: Runners['gypBuild'];
  force?: boolean;
  tmpRoot?: string;
  log?: Log;
  now?: () => Date;
}): Promise<{ ok: true; changed: boolean; file: string; source?: 'prebuild' | 'node-gyp' }>;
export declare function messageOf(err: unknown): string;
export declare function prepareElectron(opts: {
  root: string;
  platform?: string;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  force?: boolean;
  skipBinary?: boolean;
  runners?: Runners;
  tmpRoot?: string;
  log?: Log;
}): Promise<{
  target: Target;
  binary: { ok: true; changed: boolean; executable: string } | null;
  native: { ok: true; changed: boolean; file: string; source?: 'prebuild' | 'node-gyp' };
}>;
export declare function checkPackTarget(opts: {
  root: string;
  electronPlatformName: string;
  arch: number | string;
}): string;
