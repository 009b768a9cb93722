// What `npm start`, `npm run dev` and `npm run dist` need before Electron can run the app:
//  1. the Electron binary (npm ci never downloads it: package.json sets allowScripts electron:false);
//  2. an Electron-ABI build of better-sqlite3 in native/electron/, separate from the Node build in
//     node_modules/better-sqlite3/build that tests and the CLI use. It is made in a temporary copy of
//     the package, so the Node build is never touched, and placed atomically with a stamp beside it.
// The downloads and builds are injected functions, so the logic is unit-tested without internet.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'better_sqlite3.stamp.json';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Where the Electron build lives in a checkout (the packaged app has it in resources/native). */
export const nativeDirOf = (root) => path.join(root, 'native', 'electron');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export class PrepareError extends Error {
  /** @param {string} message Vietnamese, for the user. @param {string} [hint] English hint. */
  constructor(message, hint) {
    super(message);
    this.name = 'PrepareError';
    this.hint = hint;
  }
}

/** The versions the Electron build must match, read from what is installed. */
export function readTarget({ root, platform = process.platform, arch = process.arch }) {
  const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
  const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3', 'package.json');
  if (!fs.existsSync(electronPkg) || !fs.existsSync(sqlitePkg)) {
    throw new PrepareError(
      'Chưa cài các gói của dự án (thiếu node_modules/electron hoặc node_modules/better-sqlite3). Hãy chạy "npm ci" trước.',
      'Run "npm ci" first.',
    );
  }
  const electronVersion = String(readJson(electronPkg).version);
  const betterSqlite3Version = String(readJson(sqlitePkg).version);
  return { electronVersion, betterSqlite3Version, platform, arch, abi: electronAbi(root, electronVersion) };
}

/** Electron's NODE_MODULE_VERSION: from the file electron ships, else from node-abi, else unknown. */
export function electronAbi(root, electronVersion) {
  try {
    const v = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    if (/^\d+$/.test(v)) return Number(v);
  } catch {
    // older electron packages have no abi_version file
  }
  try {
    const abiPath = path.join(root, 'node_modules', 'node-abi', 'index.js');
    if (fs.existsSync(abiPath)) {
      const v = createRequire(abiPath)(abiPath).getAbi(electronVersion, 'electron');
      if (/^\d+$/.test(String(v))) return Number(v);
    }
  } catch {
    // unknown to node-abi: no ABI check then
  }
  return null;
}

/**
 * The NODE_MODULE_VERSIONs a native addon was built for, read from its exported
 * `node_register_module_v<N>` symbol (present on Linux, Windows and macOS builds).
 */
export function moduleVersionsOf(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  const found = new Set();
  for (const m of text.matchAll(/node_register_module_v(\d+)/g)) found.add(Number(m[1]));
  return [...found];
}

const MAGIC = {
  linux: [[0x7f, 0x45, 0x4c, 0x46]], // ELF
  win32: [[0x4d, 0x5a]], // MZ
  darwin: [
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ], // Mach-O 64/32, universal
};

/** Why a built file is not a usable Electron addon for the target, or null when it is. */
export function nativeFileProblem(bytes, target) {
  const buf = Buffer.from(bytes);
  if (buf.length < 1024) return `tệp quá nhỏ (${buf.length} byte)`;
  const magics = MAGIC[target.platform];
  if (magics && !magics.some((m) => m.every((b, i) => buf[i] === b)))
    return `không phải thư viện nhị phân cho ${target.platform}`;
  if (target.abi !== null) {
    const versions = moduleVersionsOf(buf);
    if (versions.length > 0 && !versions.includes(target.abi)) {
      return `được biên dịch cho ABI ${versions.join(', ')}, Electron ${target.electronVersion} cần ABI ${target.abi}`;
    }
  }
  return null;
}

export function readStamp(nativeDir) {
  try {
    return readJson(path.join(nativeDir, STAMP_FILE));
  } catch {
    return null;
  }
}

export function stampMatches(stamp, target) {
  return (
    stamp !== null &&
    typeof stamp === 'object' &&
    stamp.electron === target.electronVersion &&
    stamp.betterSqlite3 === target.betterSqlite3Version &&
    stamp.platform === target.platform &&
    stamp.arch === target.arch &&
    (target.abi === null || stamp.abi === target.abi)
  );
}

/** Is native/electron/better_sqlite3.node present, stamped for this target, and really an Electron build? */
export function nativeStatus(nativeDir, target) {
  const file = path.join(nativeDir, NATIVE_FILE);
  if (!fs.existsSync(file)) return { ok: false, reason: 'chưa có' };
  const stamp = readStamp(nativeDir);
  if (!stampMatches(stamp, target)) {
    const was =
      stamp && typeof stamp === 'object'
        ? `Electron ${stamp.electron}, better-sqlite3 ${stamp.betterSqlite3}, ${stamp.platform}-${stamp.arch}`
        : 'không rõ';
    return { ok: false, reason: `dựng cho phiên bản khác (${was})` };
  }
  const problem = nativeFileProblem(fs.readFileSync(file), target);
  return problem ? { ok: false, reason: problem } : { ok: true, file };
}

function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** Is the Electron binary of node_modules/electron installed, for its own version? (mirrors electron/install.js) */
export function electronBinaryStatus({ root, platform = process.platform, env = process.env }) {
  const dir = path.join(root, 'node_modules', 'electron');
  let version;
  try {
    version = String(readJson(path.join(dir, 'package.json')).version);
  } catch {
    return { ok: false, reason: 'thiếu node_modules/electron' };
  }
  let rel;
  try {
    rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return { ok: false, reason: 'chưa tải, thiếu node_modules/electron/path.txt' };
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || platformExecutable(platform));
    return fs.existsSync(exe) ? { ok: true, executable: exe } : { ok: false, reason: `không thấy ${exe}` };
  }
  let distVersion;
  try {
    distVersion = fs
      .readFileSync(path.join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    return { ok: false, reason: 'thiếu node_modules/electron/dist' };
  }
  if (distVersion !== version) return { ok: false, reason: `bản đã tải là ${distVersion}, cần ${version}` };
  const exe = path.join(dir, 'dist', rel);
  return fs.existsSync(exe) ? { ok: true, executable: exe } : { ok: false, reason: `không thấy ${exe}` };
}

/** Environment for child builds: without npm settings that would aim node-gyp at Node's own headers. */
export function cleanBuildEnv(env) {
  const out = { ...env };
  for (const key of Object.keys(out)) {
    const k = key.toLowerCase();
    if (
      k === 'npm_config_nodedir' ||
      k === 'npm_config_target' ||
      k === 'npm_config_runtime' ||
      k === 'npm_config_disturl' ||
      k === 'npm_config_dist_url' ||
      k === 'npm_config_build_from_source' ||
      k === 'npm_config_arch' ||
      k === 'npm_config_platform' ||
      k === 'electron_skip_binary_download'
    ) {
      delete out[key];
    }
  }
  return out;
}

/** Runs `node script args…` and resolves when it exits with 0. */
export function runNode(script, args, { cwd, env, log = () => {}, name = path.basename(script) }) {
  return new Promise((resolve, reject) => {
    log(`$ node ${path.relative(cwd, script) || script} ${args.join(' ')}`);
    const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: 'inherit', windowsHide: true });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} kết thúc với mã ${code ?? signal}`));
    });
  });
}

function resolveFirst(candidates) {
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

/** The real downloads and builds. Each is replaced by a fake in the unit tests. */
export function defaultRunners(root, env = process.env, log = () => {}) {
  const childEnv = cleanBuildEnv(env);
  return {
    /** electron's own installer: downloads the binary into node_modules/electron/dist. */
    async installElectron() {
      const dir = path.join(root, 'node_modules', 'electron');
      await runNode(path.join(dir, 'install.js'), [], { cwd: dir, env: childEnv, log, name: 'electron/install.js' });
    },
    /** Downloads the prebuilt Electron binary of better-sqlite3 into workDir/build/Release. */
    async prebuild(workDir, target) {
      const bin = resolveFirst([path.join(root, 'node_modules', 'prebuild-install', 'bin.js')]);
      if (!bin) throw new Error('không tìm thấy prebuild-install');
      await runNode(
        bin,
        [
          '--runtime',
          'electron',
          '--target',
          target.electronVersion,
          '--arch',
          target.arch,
          '--platform',
          target.platform,
          '--verbose',
        ],
        { cwd: workDir, env: childEnv, log, name: 'prebuild-install' },
      );
    },
    /** Compiles better-sqlite3 against Electron's headers into workDir/build/Release. */
    async gypBuild(workDir, target) {
      const npmDir = env.npm_execpath ? path.dirname(path.dirname(env.npm_execpath)) : '';
      const bin = resolveFirst([
        path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
        env.npm_config_node_gyp ?? '',
        npmDir ? path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '',
      ]);
      if (!bin) throw new Error('không tìm thấy node-gyp');
      await runNode(
        bin,
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${target.electronVersion}`,
          `--arch=${target.arch}`,
          `--dist-url=${ELECTRON_HEADERS_URL}`,
        ],
        { cwd: workDir, env: childEnv, log, name: 'node-gyp' },
      );
    },
  };
}

export async function ensureElectronBinary({
  root,
  platform = process.platform,
  env = process.env,
  installElectron,
  log = () => {},
}) {
  const before = electronBinaryStatus({ root, platform, env });
  if (before.ok) {
    log(`Electron đã có: ${before.executable}`);
    return { ok: true, changed: false, executable: before.executable };
  }
  log(
    `Chưa có chương trình Electron (${before.reason}). Đang tải bằng trình cài đặt của Electron… (downloading the Electron binary)`,
  );
  try {
    await installElectron();
  } catch (err) {
    throw new PrepareError(
      `Không tải được chương trình Electron: ${messageOf(err)}. Cần kết nối Internet cho lần chạy đầu tiên.`,
      'Electron binary download failed; check the internet connection or proxy (HTTPS_PROXY, ELECTRON_MIRROR) and run "npm start" again.',
    );
  }
  const after = electronBinaryStatus({ root, platform, env: cleanBuildEnv(env) });
  if (!after.ok) {
    throw new PrepareError(
      `Trình cài đặt Electron đã chạy xong nhưng vẫn chưa có chương trình Electron (${after.reason}).`,
      'node_modules/electron/install.js finished but the binary is missing; delete node_modules/electron/dist and retry.',
    );
  }
  log(`Đã tải Electron: ${after.executable}`);
  return { ok: true, changed: true, executable: after.executable };
}

/** Copies node_modules/better-sqlite3 without its build folder (the Node build stays where it is). */
export function copyPackageForBuild(sourceDir, workDir) {
  fs.cpSync(sourceDir, workDir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(sourceDir, src);
      const top = rel.split(path.sep)[0];
      return top !== 'build' && top !== 'node_modules' && top !== 'prebuilds';
    },
  });
}

function writeFileDurable(file, bytes) {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Places the built addon and its stamp. The old stamp goes first, so a crash half-way leaves
 * a file without a (matching) stamp, which the next run rebuilds, never a wrong pair.
 */
export function placeNative(nativeDir, bytes, stamp) {
  fs.mkdirSync(nativeDir, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  const tmpNative = path.join(nativeDir, NATIVE_FILE + suffix);
  const tmpStamp = path.join(nativeDir, STAMP_FILE + suffix);
  try {
    writeFileDurable(tmpNative, bytes);
    writeFileDurable(tmpStamp, JSON.stringify(stamp, null, 2) + '\n');
    fs.rmSync(path.join(nativeDir, STAMP_FILE), { force: true });
    fs.renameSync(tmpNative, path.join(nativeDir, NATIVE_FILE));
    fs.renameSync(tmpStamp, path.join(nativeDir, STAMP_FILE));
  } finally {
    fs.rmSync(tmpNative, { force: true });
    fs.rmSync(tmpStamp, { force: true });
  }
}

/** Makes sure native/electron holds a better-sqlite3 build for the installed Electron. */
export async function ensureElectronNative({
  root,
  nativeDir = nativeDirOf(root),
  target,
  prebuild,
  gypBuild,
  force = false,
  tmpRoot = os.tmpdir(),
  log = () => {},
  now = () => new Date(),
}) {
  const status = nativeStatus(nativeDir, target);
  if (status.ok && !force) {
    log(`Bản better-sqlite3 cho Electron ${target.electronVersion} đã có: ${status.file}`);
    return { ok: true, changed: false, file: status.file };
  }
  log(
    `${force ? 'Dựng lại theo yêu cầu' : `Bản better-sqlite3 cho Electron ${status.reason}`}: đang tạo bản cho Electron ${target.electronVersion} ` +
      `(${target.platform}-${target.arch}, better-sqlite3 ${target.betterSqlite3Version})… (building better-sqlite3 for Electron)`,
  );
  const sourceDir = path.join(root, 'node_modules', 'better-sqlite3');
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'bcnv-electron-native-'));
  const workDir = path.join(tmp, 'better-sqlite3');
  const failures = [];
  try {
    copyPackageForBuild(sourceDir, workDir);
    const built = path.join(workDir, 'build', 'Release', NATIVE_FILE);
    const attempts = [
      ['prebuild', 'tải bản dựng sẵn (prebuild-install)', prebuild],
      ['node-gyp', 'biên dịch từ mã nguồn (node-gyp)', gypBuild],
    ];
    for (const [source, label, run] of attempts) {
      fs.rmSync(path.join(workDir, 'build'), { recursive: true, force: true });
      log(`Thử ${label}…`);
      try {
        await run(workDir, target);
      } catch (err) {
        failures.push(`${label}: ${messageOf(err)}`);
        log(`  không được: ${messageOf(err)}`);
        continue;
      }
      if (!fs.existsSync(built)) {
        failures.push(`${label}: không tạo ra ${NATIVE_FILE}`);
        continue;
      }
      const bytes = fs.readFileSync(built);
      const problem = nativeFileProblem(bytes, target);
      if (problem) {
        failures.push(`${label}: tệp tạo ra ${problem}`);
        log(`  tệp tạo ra không dùng được: ${problem}`);
        continue;
      }
      const stamp = {
        electron: target.electronVersion,
        betterSqlite3: target.betterSqlite3Version,
        platform: target.platform,
        arch: target.arch,
        abi: target.abi,
        source,
        builtAt: now().toISOString(),
      };
      try {
        placeNative(nativeDir, bytes, stamp);
      } catch (err) {
        throw new PrepareError(
          `Không ghi được ${path.join(nativeDir, NATIVE_FILE)}: ${messageOf(err)}. Nếu ứng dụng đang chạy, hãy đóng ứng dụng rồi chạy lại lệnh.`,
          'Could not replace the native file (is the app still running?).',
        );
      }
      const file = path.join(nativeDir, NATIVE_FILE);
      log(`Đã tạo ${file} (${source}).`);
      return { ok: true, changed: true, file, source };
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  throw new PrepareError(
    `Không tạo được bản better-sqlite3 cho Electron ${target.electronVersion}:\n  - ${failures.join('\n  - ')}\n` +
      'Lần chạy đầu cần Internet (tải bản dựng sẵn); nếu không tải được thì cần công cụ biên dịch C++ (Python 3 và Visual Studio Build Tools / Xcode / build-essential).',
    'Needs internet for the prebuilt download, or a C++ toolchain for node-gyp. The Node build used by tests and the CLI was not touched.',
  );
}

export function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}

/** Both steps, in order. Throws PrepareError with a Vietnamese message when something is missing. */
export async function prepareElectron({
  root,
  platform = process.platform,
  arch = process.arch,
  env = process.env,
  force = false,
  skipBinary = false,
  runners,
  tmpRoot,
  log = () => {},
}) {
  const target = readTarget({ root, platform, arch });
  const run = runners ?? defaultRunners(root, env, log);
  const binary = skipBinary
    ? null
    : await ensureElectronBinary({ root, platform, env, installElectron: run.installElectron, log });
  const native = await ensureElectronNative({
    root,
    target,
    prebuild: run.prebuild,
    gypBuild: run.gypBuild,
    force,
    tmpRoot,
    log,
  });
  return { target, binary, native };
}

const BUILDER_ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * For electron-builder's beforePack hook: refuse to package a better-sqlite3 build made for another
 * Electron, platform or architecture than the one being packaged (its Arch enum is a number).
 */
export function checkPackTarget({ root, electronPlatformName, arch }) {
  const platform = electronPlatformName === 'mas' ? 'darwin' : electronPlatformName;
  const archName = typeof arch === 'number' ? (BUILDER_ARCH[arch] ?? String(arch)) : arch;
  const target = readTarget({ root, platform, arch: archName });
  const status = nativeStatus(nativeDirOf(root), target);
  if (!status.ok) {
    throw new PrepareError(
      `Không đóng gói được: bản better-sqlite3 cho Electron ${target.electronVersion} (${platform}-${archName}) ${status.reason}. ` +
        `Hãy chạy "node scripts/prepare-electron.mjs --platform ${platform} --arch ${archName}" trên máy có Internet rồi đóng gói lại.`,
      'The Electron build of better-sqlite3 does not match the package being built; run prepare-electron for that platform/arch.',
    );
  }
  return status.file;
}
