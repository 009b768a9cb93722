// The logic of scripts/prepare-electron.mjs with the downloads and builds faked: a fake project
// (node_modules/electron, node_modules/better-sqlite3 with its Node build) in a temp folder.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  NATIVE_FILE,
  STAMP_FILE,
  PrepareError,
  checkPackTarget,
  cleanBuildEnv,
  electronBinaryStatus,
  ensureElectronBinary,
  ensureElectronNative,
  moduleVersionsOf,
  nativeDirOf,
  prepareElectron,
  readStamp,
  readTarget,
  runNode,
  type Runners,
  type Target,
} from '../../scripts/electron-native.mjs';
import { cliNativeBindingFor, electronNativeBinding } from '../../src/main/platform/native-binding';
import { AppError } from '../../src/shared/errors';
import { tempDir } from './helpers';

const REPO = path.resolve(__dirname, '..', '..');

let tmp: string;
let root: string;
let tmpRoot: string;
let nodeBuild: string;

/** Bytes that look like a native addon for Linux built for the given NODE_MODULE_VERSION. */
function fakeAddon(abi: number, tag = ''): Buffer {
  const head = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
  const body = Buffer.alloc(4096, 0x20);
  Buffer.from(`\0node_register_module_v${abi}\0${tag}\0`, 'latin1').copy(body, 1000);
  return Buffer.concat([head, body]);
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function writeFile(file: string, content: string | Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function setVersions(electron: string, sqlite: string, abi = '145') {
  writeFile(
    path.join(root, 'node_modules/electron/package.json'),
    JSON.stringify({ name: 'electron', version: electron }),
  );
  writeFile(path.join(root, 'node_modules/electron/abi_version'), abi);
  writeFile(
    path.join(root, 'node_modules/better-sqlite3/package.json'),
    JSON.stringify({ name: 'better-sqlite3', version: sqlite }),
  );
}

/** A fake builder that writes what a real one would: build/Release/better_sqlite3.node in the work copy. */
function builder(bytes: (t: Target) => Buffer, seen: string[] = []) {
  return vi.fn(async (workDir: string, target: Target) => {
    seen.push(workDir);
    writeFile(path.join(workDir, 'build', 'Release', NATIVE_FILE), bytes(target));
  });
}

const failing = (message: string) =>
  vi.fn(async (workDir: string) => {
    // a half-finished download: a partial file, then the failure
    writeFile(path.join(workDir, 'build', 'Release', NATIVE_FILE), Buffer.from([0x7f, 0x45]));
    throw new Error(message);
  });

const nativeFile = () => path.join(nativeDirOf(root), NATIVE_FILE);
const listNative = () => (fs.existsSync(nativeDirOf(root)) ? fs.readdirSync(nativeDirOf(root)).sort() : []);

beforeEach(() => {
  tmp = tempDir('bcnv-prepare-test-');
  root = path.join(tmp, 'project');
  tmpRoot = path.join(tmp, 'tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  setVersions('41.7.1', '12.11.1');
  writeFile(path.join(root, 'node_modules/better-sqlite3/binding.gyp'), "{ 'targets': [] }");
  writeFile(path.join(root, 'node_modules/better-sqlite3/src/better_sqlite3.cpp'), '// source');
  writeFile(path.join(root, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c'), '/* sqlite */');
  nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release', NATIVE_FILE);
  writeFile(nodeBuild, fakeAddon(115, 'node build'));
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('readTarget', () => {
  it('reads the installed versions and Electron ABI of this project', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    const t = readTarget({ root: REPO });
    expect(t.electronVersion).toBe(pkg.devDependencies.electron);
    expect(t.betterSqlite3Version).toBe(pkg.dependencies['better-sqlite3']);
    expect(t.abi).toBe(Number(fs.readFileSync(path.join(REPO, 'node_modules/electron/abi_version'), 'utf8')));
    expect(t.abi).not.toBe(Number(process.versions.modules));
  });

  it('asks for npm ci when the packages are missing', () => {
    fs.rmSync(path.join(root, 'node_modules/electron'), { recursive: true });
    expect(() => readTarget({ root })).toThrow(/npm ci/);
  });
});

describe('moduleVersionsOf', () => {
  it('finds the NODE_MODULE_VERSION of the real Node build of better-sqlite3', () => {
    const real = path.join(REPO, 'node_modules/better-sqlite3/build/Release', NATIVE_FILE);
    expect(moduleVersionsOf(fs.readFileSync(real))).toEqual([Number(process.versions.modules)]);
  });
});

describe('ensureElectronNative', () => {
  const target = () => readTarget({ root, platform: 'linux', arch: 'x64' });

  it('builds into native/electron with a stamp, from a copy without the Node build', async () => {
    const nodeHash = sha(nodeBuild);
    const nodeMtime = fs.statSync(nodeBuild).mtimeMs;
    const seen: string[] = [];
    let copyHadBuild = true;
    const prebuild = vi.fn(async (workDir: string, t: Target) => {
      seen.push(workDir);
      copyHadBuild = fs.existsSync(path.join(workDir, 'build'));
      expect(fs.existsSync(path.join(workDir, 'binding.gyp'))).toBe(true);
      expect(fs.existsSync(path.join(workDir, 'deps/sqlite3/sqlite3.c'))).toBe(true);
      writeFile(path.join(workDir, 'build', 'Release', NATIVE_FILE), fakeAddon(t.abi!, 'electron build'));
    });
    const gypBuild = builder(() => fakeAddon(145));
    const r = await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot });
    expect(r).toMatchObject({ ok: true, changed: true, source: 'prebuild', file: nativeFile() });
    expect(prebuild).toHaveBeenCalledTimes(1);
    expect(gypBuild).not.toHaveBeenCalled();
    expect(prebuild.mock.calls[0]![1]).toMatchObject({
      electronVersion: '41.7.1',
      arch: 'x64',
      platform: 'linux',
      abi: 145,
    });
    expect(copyHadBuild).toBe(false);
    expect(path.relative(path.join(root, 'node_modules'), seen[0]!).startsWith('..')).toBe(true);
    expect(fs.readFileSync(nativeFile()).toString('latin1')).toContain('electron build');
    expect(readStamp(nativeDirOf(root))).toMatchObject({
      electron: '41.7.1',
      betterSqlite3: '12.11.1',
      platform: 'linux',
      arch: 'x64',
      abi: 145,
      source: 'prebuild',
    });
    expect(listNative()).toEqual([NATIVE_FILE, STAMP_FILE]);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
    expect(sha(nodeBuild)).toBe(nodeHash);
    expect(fs.statSync(nodeBuild).mtimeMs).toBe(nodeMtime);
  });

  it('skips the work when the stamp matches', async () => {
    const prebuild = builder((t) => fakeAddon(t.abi!));
    const gypBuild = builder((t) => fakeAddon(t.abi!));
    await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot });
    const mtime = fs.statSync(nativeFile()).mtimeMs;
    const again = await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot });
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(prebuild).toHaveBeenCalledTimes(1);
    expect(gypBuild).not.toHaveBeenCalled();
    expect(fs.statSync(nativeFile()).mtimeMs).toBe(mtime);
  });

  it('rebuilds when Electron, better-sqlite3 or the architecture changes', async () => {
    const prebuild = builder((t) => fakeAddon(t.abi!, `for ${t.electronVersion} ${t.betterSqlite3Version} ${t.arch}`));
    const gypBuild = builder(() => fakeAddon(0));
    await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot });

    setVersions('41.8.0', '12.11.1', '146');
    const r1 = await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot });
    expect(r1.changed).toBe(true);
    expect(readStamp(nativeDirOf(root))).toMatchObject({ electron: '41.8.0', abi: 146 });
    expect(fs.readFileSync(nativeFile()).toString('latin1')).toContain('for 41.8.0 12.11.1 x64');

    setVersions('41.8.0', '12.12.0', '146');
    expect((await ensureElectronNative({ root, target: target(), prebuild, gypBuild, tmpRoot })).changed).toBe(true);
    expect(readStamp(nativeDirOf(root))).toMatchObject({ betterSqlite3: '12.12.0' });

    const arm = readTarget({ root, platform: 'linux', arch: 'arm64' });
    expect((await ensureElectronNative({ root, target: arm, prebuild, gypBuild, tmpRoot })).changed).toBe(true);
    expect(readStamp(nativeDirOf(root))).toMatchObject({ arch: 'arm64' });
    expect(prebuild).toHaveBeenCalledTimes(4);
    expect(gypBuild).not.toHaveBeenCalled();
    expect(listNative()).toEqual([NATIVE_FILE, STAMP_FILE]);
  });

  it('rebuilds a file whose stamp matches but which is not an Electron build (e.g. the Node build copied there)', async () => {
    const t = target();
    writeFile(nativeFile(), fs.readFileSync(nodeBuild));
    writeFile(
      path.join(nativeDirOf(root), STAMP_FILE),
      JSON.stringify({ electron: '41.7.1', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64', abi: 145 }),
    );
    const prebuild = builder((tt) => fakeAddon(tt.abi!, 'fresh'));
    const r = await ensureElectronNative({ root, target: t, prebuild, gypBuild: builder(() => fakeAddon(0)), tmpRoot });
    expect(r.changed).toBe(true);
    expect(moduleVersionsOf(fs.readFileSync(nativeFile()))).toEqual([145]);
  });

  it('falls back to node-gyp when the prebuilt download fails, and rejects a download built for the wrong ABI', async () => {
    const wrongAbi = builder(() => fakeAddon(115)); // what a build against Node's headers would give
    const gypBuild = builder((t) => fakeAddon(t.abi!, 'compiled'));
    const r = await ensureElectronNative({ root, target: target(), prebuild: wrongAbi, gypBuild, tmpRoot });
    expect(r).toMatchObject({ changed: true, source: 'node-gyp' });
    expect(gypBuild).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(nativeFile()).toString('latin1')).toContain('compiled');
    expect(readStamp(nativeDirOf(root))?.source).toBe('node-gyp');

    fs.rmSync(nativeDirOf(root), { recursive: true });
    const r2 = await ensureElectronNative({
      root,
      target: target(),
      prebuild: failing('getaddrinfo ENOTFOUND github.com'),
      gypBuild,
      tmpRoot,
    });
    expect(r2.source).toBe('node-gyp');
  });

  it('leaves no partial file and no temp folder when everything fails, and says why in Vietnamese', async () => {
    const nodeHash = sha(nodeBuild);
    const gypBuild = failing('gyp: network');
    const err = await ensureElectronNative({
      root,
      target: target(),
      prebuild: failing('ENOTFOUND github.com'),
      gypBuild,
      tmpRoot,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrepareError);
    const message = (err as PrepareError).message;
    expect(message).toContain('Không tạo được bản better-sqlite3 cho Electron 41.7.1');
    expect(message).toContain('ENOTFOUND github.com');
    expect(message).toContain('gyp: network');
    expect(message).toMatch(/Internet/);
    expect((err as PrepareError).hint).toMatch(/internet/i);
    expect(listNative()).toEqual([]);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
    expect(sha(nodeBuild)).toBe(nodeHash);
  });

  it('keeps the previous build and stamp untouched when a rebuild fails', async () => {
    await ensureElectronNative({
      root,
      target: target(),
      prebuild: builder((t) => fakeAddon(t.abi!, 'old')),
      gypBuild: builder(() => fakeAddon(0)),
      tmpRoot,
    });
    const before = {
      file: sha(nativeFile()),
      stamp: fs.readFileSync(path.join(nativeDirOf(root), STAMP_FILE), 'utf8'),
    };
    setVersions('41.8.0', '12.11.1', '146');
    const wrongAbi = builder(() => fakeAddon(145)); // still the old ABI: must not be placed
    await expect(
      ensureElectronNative({ root, target: target(), prebuild: wrongAbi, gypBuild: failing('no compiler'), tmpRoot }),
    ).rejects.toThrow(/ABI 145.*cần ABI 146/);
    expect(listNative()).toEqual([NATIVE_FILE, STAMP_FILE]);
    expect(sha(nativeFile())).toBe(before.file);
    expect(fs.readFileSync(path.join(nativeDirOf(root), STAMP_FILE), 'utf8')).toBe(before.stamp);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });

  it('treats a builder that exits cleanly without producing the file as a failure', async () => {
    const nothing = vi.fn(async () => {});
    await expect(
      ensureElectronNative({ root, target: target(), prebuild: nothing, gypBuild: nothing, tmpRoot }),
    ).rejects.toThrow(/không tạo ra better_sqlite3\.node/);
    expect(listNative()).toEqual([]);
  });
});

describe('ensureElectronBinary', () => {
  const installBinary = (version = '41.7.1') => {
    const dir = path.join(root, 'node_modules/electron');
    writeFile(path.join(dir, 'path.txt'), 'electron');
    writeFile(path.join(dir, 'dist', 'version'), `v${version}`);
    writeFile(path.join(dir, 'dist', 'electron'), 'binary');
  };

  it('does nothing when the binary of the installed version is there', async () => {
    installBinary();
    const installElectron = vi.fn(async () => {});
    const r = await ensureElectronBinary({ root, platform: 'linux', env: {}, installElectron });
    expect(r).toMatchObject({
      ok: true,
      changed: false,
      executable: path.join(root, 'node_modules/electron/dist/electron'),
    });
    expect(installElectron).not.toHaveBeenCalled();
  });

  it("runs electron's installer when the binary is missing or of another version", async () => {
    expect(electronBinaryStatus({ root, platform: 'linux', env: {} }).ok).toBe(false);
    const installElectron = vi.fn(async () => installBinary());
    expect(await ensureElectronBinary({ root, platform: 'linux', env: {}, installElectron })).toMatchObject({
      changed: true,
    });
    expect(installElectron).toHaveBeenCalledTimes(1);

    installBinary('41.6.0');
    expect(electronBinaryStatus({ root, platform: 'linux', env: {} })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('41.6.0'),
    });
    await ensureElectronBinary({ root, platform: 'linux', env: {}, installElectron });
    expect(installElectron).toHaveBeenCalledTimes(2);
  });

  it('fails with a Vietnamese message when the download fails or produces nothing', async () => {
    const offline = vi.fn(async () => {
      throw new Error('getaddrinfo ENOTFOUND github.com');
    });
    await expect(ensureElectronBinary({ root, platform: 'linux', env: {}, installElectron: offline })).rejects.toThrow(
      /Không tải được chương trình Electron.*ENOTFOUND/,
    );
    const silent = vi.fn(async () => {}); // e.g. ELECTRON_SKIP_BINARY_DOWNLOAD made install.js exit 0
    await expect(ensureElectronBinary({ root, platform: 'linux', env: {}, installElectron: silent })).rejects.toThrow(
      /vẫn chưa có chương trình Electron/,
    );
  });
});

describe('prepareElectron', () => {
  it('gets the binary first and does not build when it cannot', async () => {
    const runners: Runners = {
      installElectron: vi.fn(async () => {
        throw new Error('offline');
      }),
      prebuild: builder((t) => fakeAddon(t.abi!)),
      gypBuild: builder((t) => fakeAddon(t.abi!)),
    };
    await expect(
      prepareElectron({ root, platform: 'linux', arch: 'x64', env: {}, runners, tmpRoot }),
    ).rejects.toBeInstanceOf(PrepareError);
    expect(runners.prebuild).not.toHaveBeenCalled();
    expect(listNative()).toEqual([]);
  });

  it('prepares both, then is a no-op on the next start', async () => {
    const runners: Runners = {
      installElectron: vi.fn(async () => {
        writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
        writeFile(path.join(root, 'node_modules/electron/dist/version'), 'v41.7.1');
        writeFile(path.join(root, 'node_modules/electron/dist/electron'), 'binary');
      }),
      prebuild: builder((t) => fakeAddon(t.abi!)),
      gypBuild: builder((t) => fakeAddon(t.abi!)),
    };
    const first = await prepareElectron({ root, platform: 'linux', arch: 'x64', env: {}, runners, tmpRoot });
    expect(first.binary?.changed).toBe(true);
    expect(first.native.changed).toBe(true);
    const second = await prepareElectron({ root, platform: 'linux', arch: 'x64', env: {}, runners, tmpRoot });
    expect(second.binary?.changed).toBe(false);
    expect(second.native.changed).toBe(false);
    expect(runners.installElectron).toHaveBeenCalledTimes(1);
    expect(runners.prebuild).toHaveBeenCalledTimes(1);
  });
});

describe('child processes', () => {
  it('never pass npm settings that would aim node-gyp at Node headers', () => {
    const env = cleanBuildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      HTTPS_PROXY: 'http://proxy:8080',
    });
    expect(env).toEqual({ PATH: '/bin', HTTPS_PROXY: 'http://proxy:8080' });
  });

  it('runNode resolves on exit 0 and rejects with the step name otherwise', async () => {
    const ok = path.join(tmp, 'ok.cjs');
    const bad = path.join(tmp, 'bad.cjs');
    fs.writeFileSync(ok, 'process.exit(0)');
    fs.writeFileSync(bad, 'process.exit(3)');
    await expect(runNode(ok, [], { cwd: tmp, env: process.env })).resolves.toBeUndefined();
    await expect(runNode(bad, [], { cwd: tmp, env: process.env, name: 'prebuild-install' })).rejects.toThrow(
      'prebuild-install kết thúc với mã 3',
    );
  });
});

describe('checkPackTarget (electron-builder beforePack)', () => {
  const build = async () =>
    ensureElectronNative({
      root,
      target: readTarget({ root, platform: 'linux', arch: 'x64' }),
      prebuild: builder((t) => fakeAddon(t.abi!)),
      gypBuild: builder(() => fakeAddon(0)),
      tmpRoot,
    });

  it('accepts the build made for the platform and arch being packaged', async () => {
    await build();
    expect(checkPackTarget({ root, electronPlatformName: 'linux', arch: 1 })).toBe(nativeFile()); // Arch.x64 = 1
  });

  it('refuses another arch or platform, or a missing build, naming the command to run', async () => {
    expect(() => checkPackTarget({ root, electronPlatformName: 'linux', arch: 1 })).toThrow(
      /Không đóng gói được.*chưa có/,
    );
    await build();
    expect(() => checkPackTarget({ root, electronPlatformName: 'linux', arch: 3 })).toThrow(
      /linux-arm64.*--platform linux --arch arm64/,
    );
    expect(() => checkPackTarget({ root, electronPlatformName: 'win32', arch: 1 })).toThrow(PrepareError);
  });
});

describe('the paths agree: script, main process, CLI and electron-builder.yml', () => {
  const requireHere = createRequire(import.meta.url);
  const config = (requireHere('js-yaml') as { load(s: string): unknown }).load(
    fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8'),
  ) as Record<string, unknown>;

  it('electron-builder.yml passes electron-builder 26 validation and ships native/electron as resources/native', async () => {
    const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, l: unknown): Promise<void>;
    };
    const { DebugLogger } = requireHere('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.appId).toBe('vn.gov.noivu.baocao');
    expect(config.productName).toBe('Báo cáo Nội vụ');
    const extra = config.extraResources as { from: string; to: string; filter: string[] }[];
    expect(extra).toContainEqual({
      from: path.relative(REPO, nativeDirOf(REPO)).split(path.sep).join('/'),
      to: 'native',
      filter: [NATIVE_FILE],
    });
    expect(fs.existsSync(path.join(REPO, config.beforePack as string))).toBe(true);
    const nsis = config.nsis as Record<string, unknown>;
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['vi_VN'], language: '1066' });
    for (const key of ['win', 'linux', 'mac'] as const) {
      const icon = (config[key] as { icon: string }).icon;
      expect(fs.statSync(path.join(REPO, icon)).size, icon).toBeGreaterThan(1000);
    }
  });

  it('the app loads native/electron in a checkout and resources/native when installed', () => {
    const seen: string[] = [];
    const exists = (p: string) => (seen.push(p), true);
    expect(
      electronNativeBinding({ isPackaged: false, resourcesPath: '/r', appPath: REPO, runtime: '41.7.1', exists }),
    ).toBe(path.join(nativeDirOf(REPO), NATIVE_FILE));
    expect(
      electronNativeBinding({
        isPackaged: true,
        resourcesPath: '/opt/app/resources',
        appPath: '/opt/app/resources/app.asar',
        runtime: '41.7.1',
        exists,
      }),
    ).toBe(path.join('/opt/app/resources', 'native', NATIVE_FILE));
    expect(
      electronNativeBinding({ isPackaged: false, resourcesPath: '/r', appPath: REPO, runtime: undefined, exists }),
    ).toBeUndefined();
  });

  it('under Electron a missing build is a clear Vietnamese error, not an ABI crash', () => {
    let err: unknown;
    try {
      electronNativeBinding({
        isPackaged: false,
        resourcesPath: '/r',
        appPath: REPO,
        runtime: '41.7.1',
        exists: () => false,
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NATIVE_MISSING');
    expect((err as AppError).message).toContain('npm start');
  });

  it('the CLI finds the build both in an installed app and in a checkout', () => {
    const installedMain = path.join('/opt/app/resources', 'app.asar', 'out', 'main');
    const onlyPackaged = (p: string) => p === path.join('/opt/app/resources', 'native', NATIVE_FILE);
    expect(cliNativeBindingFor({ mainDir: installedMain, runtime: '41.7.1', exists: onlyPackaged })).toBe(
      path.join('/opt/app/resources', 'native', NATIVE_FILE),
    );
    const checkout = path.join(nativeDirOf(REPO), NATIVE_FILE);
    expect(
      cliNativeBindingFor({
        mainDir: path.join(REPO, 'out', 'main'),
        runtime: '41.7.1',
        exists: (p) => p === checkout,
      }),
    ).toBe(checkout);
    expect(cliNativeBindingFor({ mainDir: path.join(REPO, 'out', 'main'), runtime: undefined })).toBeUndefined();
    expect(() => cliNativeBindingFor({ mainDir: installedMain, runtime: '41.7.1', exists: () => false })).toThrow(
      AppError,
    );
  });
});

describe('placing the file', () => {
  it('reports a file that cannot be replaced (e.g. the app still running) plainly, leaving no temp files', async () => {
    // native/electron is a plain file here, so nothing can be written into it
    writeFile(nativeDirOf(root), 'not a folder');
    const err = await ensureElectronNative({
      root,
      target: readTarget({ root, platform: 'linux', arch: 'x64' }),
      prebuild: builder((t) => fakeAddon(t.abi!)),
      gypBuild: builder(() => fakeAddon(0)),
      tmpRoot,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrepareError);
    expect((err as PrepareError).message).toMatch(/Không ghi được .*đóng ứng dụng/);
    expect(fs.readFileSync(nativeDirOf(root), 'utf8')).toBe('not a folder');
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });
});
