// Loads the REAL main-process entry (src/main/index.ts) with a fake `electron` module and checks
// the security settings, the session policy, and that every contract method is served over IPC.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { FakeBrowserWindow, FakeElectron, IpcHandler } from './fake-electron';
import { channelOf, methodNames } from '../../src/shared/contract';
import { DB_FILE_NAME, type Core } from '../../src/main/core/core';
import type { Result } from '../../src/shared/errors';
import { sqliteHandle } from '../../src/main/db/sqlite/database';

const REPO = path.resolve(__dirname, '..', '..');

const h = vi.hoisted(() => ({ fake: null as FakeElectron | null, dir: '' }));

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  const nodeFs = await import('node:fs');
  const nodeOs = await import('node:os');
  const nodePath = await import('node:path');
  h.dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), 'bcnv-electron-main-'));
  h.fake = createFakeElectron({
    userData: nodePath.join(h.dir, 'userData', 'Báo cáo Nội vụ'),
    documents: nodePath.join(h.dir, 'Documents'),
    appPath: nodePath.resolve(__dirname, '..', '..'),
  });
  return { ...h.fake.module, default: h.fake.module };
});

const fake = () => h.fake!;
let core: Core;
let win: FakeBrowserWindow;
let mainModule: typeof import('../../src/main/index');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function invoke(method: string, args: unknown, senderUrl: string | null): Promise<Result<unknown>> {
  const handler = fake().handlers.get(channelOf(method as (typeof methodNames)[number])) as IpcHandler;
  return (await handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, args)) as Result<unknown>;
}

beforeAll(async () => {
  mainModule = await import('../../src/main/index');
  // Under plain Node the entry must not start by itself: nothing happens until main() is called.
  expect(fake().handlers.size).toBe(0);
  const started = mainModule.main();
  // main() has asked to be told when Electron is ready, and registers nothing before that
  expect(fake().state.whenReadyCalls).toBe(1);
  expect(fake().handlers.size).toBe(0);
  fake().ready();
  const result = await started;
  expect(fake().state.errorBoxes).toEqual([]);
  expect(result).not.toBeNull();
  core = result!.core;
  win = result!.window as unknown as FakeBrowserWindow;
});

afterAll(async () => {
  if (core && sqliteHandle(core.database).open) await core.close();
  fs.rmSync(h.dir, { recursive: true, force: true });
});

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security and the preload', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    // out/main/index.js → out/preload/index.js, as electron.vite.config.ts builds them
    const preload = prefs.preload as string;
    expect(path.isAbsolute(preload)).toBe(true);
    expect(path.relative(path.join(REPO, 'src', 'main'), preload)).toBe(path.join('..', 'preload', 'index.js'));
  });

  it('loads the bundled page, shows when ready, and has the title and icon', () => {
    expect(win.loaded.file).toBe(path.join(REPO, 'src', 'renderer', 'index.html'));
    expect(win.options.title).toBe('Báo cáo Nội vụ');
    expect(win.options.icon).toBe(path.join(REPO, 'resources', 'icon.png'));
    expect(fs.existsSync(win.options.icon as string)).toBe(true);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('cannot navigate or redirect to another origin, nor attach a webview', () => {
    const appUrl = win.webContents.getURL();
    expect(appUrl.startsWith('file://')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://localhost:3000/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(win.webContents.fire('will-navigate', url).defaultPrevented, url).toBe(true);
      expect(win.webContents.fire('will-redirect', url).defaultPrevented, url).toBe(true);
    }
    expect(win.webContents.fire('will-navigate', appUrl).defaultPrevented).toBe(false);
    expect(win.webContents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('denies new windows; opens only mailto:/https: outside, and only after the user agrees', async () => {
    const open = (url: string) =>
      win.webContents.windowOpenHandler!({ url, frameName: '', features: '', disposition: 'new-window' });
    const state = fake().state;

    state.messageBoxResponse = 0;
    expect(open('https://thuvienphapluat.vn/van-ban')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(state.openedExternal).toEqual(['https://thuvienphapluat.vn/van-ban']));
    expect(state.messageBoxes).toHaveLength(1);
    expect(String(state.messageBoxes[0]!.message)).toContain('https://thuvienphapluat.vn/van-ban');
    expect(state.messageBoxes[0]!.cancelId).toBe(1);

    expect(open('mailto:vanthu@example.vn')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(state.openedExternal).toContain('mailto:vanthu@example.vn'));

    state.messageBoxResponse = 1; // the user clicks "Hủy"
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(state.messageBoxes).toHaveLength(3);
    // the handler awaited this answer first, so it has acted on it once this await returns
    await state.lastMessageBox;
    expect(state.openedExternal).not.toContain('https://example.org/');

    state.messageBoxResponse = 0;
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'không phải địa chỉ',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    // refused before any await in openExternalSafely, so nothing can come later
    expect(state.messageBoxes).toHaveLength(3); // never even asked
    expect(state.openedExternal).toEqual(['https://thuvienphapluat.vn/van-ban', 'mailto:vanthu@example.vn']);
  });
});

describe('the session policy', () => {
  it('installs a strict Content-Security-Policy header on every response', () => {
    const listener = fake().state.headersListener!;
    expect(listener).toBeTypeOf('function');
    let headers: Record<string, string[]> | undefined;
    listener(
      { url: 'file:///app/index.html', responseHeaders: { 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers!['X-Other']).toEqual(['1']);
    const csp = headers!['Content-Security-Policy']!;
    expect(csp).toHaveLength(1);
    const d = directives(csp[0]!);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(csp[0]).not.toContain('unsafe-eval');
    expect(csp[0]).not.toMatch(/https?:|\*/);
  });

  it('cancels every request for remote content', () => {
    const listener = fake().state.requestListener!;
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('https://cdn.example.com/x.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true); // no dev server in this run
    expect(cancelled('file:///app/out/renderer/assets/index.js')).toBe(false);
  });

  it('refuses every permission request and check', () => {
    const state = fake().state;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      state.permissionRequest!(win.webContents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(state.permissionCheck!(win.webContents, permission, 'file://', {}), permission).toBe(false);
    }
  });
});

describe('the API over IPC', () => {
  it('has one ipcMain.handle channel for every contract method, and no other', () => {
    expect([...fake().handlers.keys()].sort()).toEqual(methodNames.map((m) => channelOf(m)).sort());
    expect(methodNames.length).toBeGreaterThan(5);
  });

  it('serves the app page, with the database in the userData folder', async () => {
    const dbPath = path.join(fake().paths.userData, DB_FILE_NAME);
    expect(fs.existsSync(dbPath)).toBe(true);
    const info = await invoke('app.info', undefined, win.webContents.getURL());
    expect(info).toMatchObject({ ok: true, value: { dbPath, dataDir: fake().paths.userData, version: '0.0.0-test' } });
  });

  it('refuses bad arguments with INVALID_ARGS and a Vietnamese message, changing nothing', async () => {
    const before = await invoke('units.list', {}, win.webContents.getURL());
    expect(before.ok).toBe(true);
    for (const bad of [{}, { code: 42 }, 'units', null]) {
      const r = await invoke('units.create', bad, win.webContents.getURL());
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_ARGS');
        expect(r.error.message).toMatch(/^Dữ liệu không hợp lệ/);
      }
    }
    expect(await invoke('units.list', {}, win.webContents.getURL())).toEqual(before);
  });

  it('refuses calls from any other frame with FORBIDDEN', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank', '', null]) {
      const r = await invoke('app.info', undefined, url);
      expect(r, String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message).toMatch(/từ chối/);
    }
  });
});

describe('the app lifecycle', () => {
  it('a second instance only focuses the existing window', async () => {
    win.minimized = true;
    fake().module.app.emit('second-instance', {}, [], REPO);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);

    const windowsBefore = fake().module.BrowserWindow.getAllWindows().length;
    fake().state.singleInstance = false;
    expect(await mainModule.main()).toBeNull();
    expect(fake().state.quitCalled).toBe(1);
    expect(fake().module.BrowserWindow.getAllWindows()).toHaveLength(windowsBefore);
    fake().state.singleInstance = true;
    fake().state.quitCalled = 0;
  });

  it('closing the last window closes the database, then quits', async () => {
    expect(sqliteHandle(core.database).open).toBe(true);
    fake().module.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake().state.quitCalled).toBe(1));
    expect(sqliteHandle(core.database).open).toBe(false);
  });

  it('a start-up failure ends in a Vietnamese error box and exit code 1', async () => {
    // userData under a plain file: the database folder cannot be made
    const blocker = path.join(h.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    fake().paths.userData = path.join(blocker, 'userData');
    fake().handlers.clear();
    expect(await mainModule.main()).toBeNull();
    expect(fake().state.exitCode).toBe(1);
    expect(fake().state.errorBoxes).toHaveLength(1);
    expect(fake().state.errorBoxes[0]!.title).toBe('Báo cáo Nội vụ');
    expect(fake().state.errorBoxes[0]!.content).toMatch(/^Không khởi động được ứng dụng: /);
  });
});
