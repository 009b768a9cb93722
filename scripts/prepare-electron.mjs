#!/usr/bin/env node
// Run by `npm start`, `npm run dev` and `npm run dist` before Electron: gets the Electron binary
// and the Electron build of better-sqlite3 (native/electron/) when missing or out of date.
// The Node build in node_modules (tests, CLI) is never touched. Logic: scripts/electron-native.mjs.
//   node scripts/prepare-electron.mjs [--force] [--skip-binary] [--platform P] [--arch A]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrepareError, messageOf, prepareElectron } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const valueOf = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const log = (s) => console.log(`[prepare-electron] ${s}`);

const platform = valueOf('--platform') ?? process.platform;
const arch = valueOf('--arch') ?? process.arch;

try {
  const result = await prepareElectron({
    root,
    platform,
    arch,
    force: argv.includes('--force'),
    // Another platform's binary cannot run here; electron-builder fetches its own for packaging.
    skipBinary: argv.includes('--skip-binary') || platform !== process.platform || arch !== process.arch,
    log,
  });
  log(
    `Sẵn sàng: Electron ${result.target.electronVersion}, better-sqlite3 ${result.target.betterSqlite3Version} (${platform}-${arch}).`,
  );
} catch (err) {
  console.error(`\n[prepare-electron] LỖI: ${messageOf(err)}`);
  if (err instanceof PrepareError && err.hint) console.error(`[prepare-electron] (${err.hint})`);
  else if (!(err instanceof PrepareError) && err instanceof Error && err.stack) console.error(err.stack);
  console.error('[prepare-electron] Các lệnh npm test và npm run cli không cần bước này và vẫn dùng được.');
  process.exitCode = 1;
}
