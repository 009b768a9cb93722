// Where the Electron-ABI build of better-sqlite3 lives. Node (tests, CLI under Node) uses the build in
// node_modules/better-sqlite3/build; Electron loads its own copy, made by scripts/prepare-electron.mjs
// into native/electron/ and shipped by electron-builder.yml (extraResources) as resources/native/.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export const NATIVE_FILE = 'better_sqlite3.node';

/** In a checkout (npm start / npm run dev): <project>/native/electron/better_sqlite3.node. */
export const checkoutNativePath = (projectRoot: string) => path.join(projectRoot, 'native', 'electron', NATIVE_FILE);
/** In an installed app: <resources>/native/better_sqlite3.node. */
export const packagedNativePath = (resourcesPath: string) => path.join(resourcesPath, 'native', NATIVE_FILE);

function missing(tried: string[]): AppError {
  return new AppError(
    'NATIVE_MISSING',
    `Thiếu thư viện SQLite dành cho Electron (${tried.join('; ')}). Trong thư mục mã nguồn, hãy chạy “npm start” (lệnh này tự tải hoặc dựng thư viện, cần Internet); với bản đã cài, hãy cài lại ứng dụng.`,
    { file: tried[0] },
  );
}

/**
 * The nativeBinding for the app's main process: undefined under plain Node (tests), otherwise the
 * Electron build. Without it Electron would load the Node build and fail with an ABI error, so a
 * missing file is reported plainly instead.
 */
export function electronNativeBinding(opts: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
  runtime?: string;
  exists?: (p: string) => boolean;
}): string | undefined {
  const runtime = 'runtime' in opts ? opts.runtime : process.versions.electron;
  if (!runtime) return undefined;
  const candidate = opts.isPackaged ? packagedNativePath(opts.resourcesPath) : checkoutNativePath(opts.appPath);
  if (!(opts.exists ?? fs.existsSync)(candidate)) throw missing([candidate]);
  return candidate;
}

/**
 * The nativeBinding for the CLI (src/main/cli.ts, built to out/main/cli.js). Under Electron
 * (ELECTRON_RUN_AS_NODE=1 with the installed app's executable) it looks in the resources folder
 * (app.asar/out/main → resources) and in the checkout (out/main → project root).
 */
export function cliNativeBindingFor(opts: {
  mainDir: string;
  resourcesPath?: string;
  runtime?: string;
  exists?: (p: string) => boolean;
}): string | undefined {
  const runtime = 'runtime' in opts ? opts.runtime : process.versions.electron;
  if (!runtime) return undefined;
  const candidates = [
    opts.resourcesPath ? packagedNativePath(opts.resourcesPath) : '',
    packagedNativePath(path.resolve(opts.mainDir, '..', '..', '..')),
    checkoutNativePath(path.resolve(opts.mainDir, '..', '..')),
  ].filter((c) => c !== '');
  const found = candidates.find((c) => (opts.exists ?? fs.existsSync)(c));
  if (!found) throw missing(candidates);
  return found;
}
