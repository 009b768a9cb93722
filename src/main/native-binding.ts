// Where the Electron-ABI build of better-sqlite3 lives. Node (tests, CLI) uses the build in
// node_modules; the app loads its own copy made by scripts/prepare-electron.mjs.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export function electronNativeBinding(opts: { isPackaged: boolean; resourcesPath: string; appPath: string }): string | undefined {
  if (!process.versions.electron) return undefined;
  const candidate = opts.isPackaged
    ? path.join(opts.resourcesPath, 'native', NATIVE_FILE)
    : path.join(opts.appPath, 'native', 'electron', NATIVE_FILE);
  return fs.existsSync(candidate) ? candidate : undefined;
}
