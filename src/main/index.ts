// Composition root of the desktop app: open the database, build the services, create the
// window, register the API.
import { app, BrowserWindow, dialog, ipcMain, safeStorage } from 'electron';
import path from 'node:path';
import type { Core } from './core/core';
import { openCore } from './app';
import { warmAfterChanges } from './core/warm-reads';
import { createDispatch } from './dispatch';
import { registerApi } from './ipc';
import { createMainWindow, installSessionPolicy, isAppUrl } from './window';
import { electronPlatform } from './platform/electron-platform';
import { electronNativeBinding } from './platform/native-binding';
import { AppError } from '../shared/errors';
import { dailyBackup } from './features/safety/backups';
import { guardPlatform } from './platform/guarded-platform';
import { CHOICE_FILE, locateDatabase, type SecretStore } from './platform/database-choice';

let mainWindow: BrowserWindow | null = null;

export function databasePath(argv: string[], userData: string, secrets: SecretStore | null = null): string {
  const i = argv.indexOf('--db');
  return locateDatabase(i >= 0 ? argv[i + 1] : undefined, userData, secrets);
}

/** The system's encryption for this account; none on Linux without a keyring (plain text is no protection). */
function osSecrets(): SecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    encrypt: (text) => safeStorage.encryptString(text).toString('base64'),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data, 'base64')),
  };
}

export async function startApp(): Promise<{ core: Core; window: BrowserWindow; channels: string[] }> {
  await app.whenReady();
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  installSessionPolicy(devServerUrl);
  const userData = app.getPath('userData');
  const secrets = osSecrets();
  const dbPath = databasePath(process.argv, userData, secrets);
  const core = await openCore({
    dbPath,
    local: {
      choiceFile: path.join(userData, CHOICE_FILE),
      secrets,
      fixedByCommandLine: process.argv.includes('--db'),
    },
    platform: guardPlatform(
      electronPlatform(
        () => mainWindow,
        () => app.getPath('documents'),
      ),
      { dbPath, dataDir: path.dirname(dbPath) },
    ),
    version: app.getVersion(),
    nativeBinding: electronNativeBinding({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
  });
  // The daily backup never blocks or stops the start: a failure is only logged.
  void dailyBackup(core).catch((err: unknown) => console.error('Sao lưu hằng ngày thất bại', err));
  // the screens' reads are taken again when the app is idle after a change (core/warm-reads.ts)
  const warm = warmAfterChanges(
    core,
    createDispatch(core, (msg, err) => console.error(msg, err)),
  );
  const dispatch = warm.dispatch;
  const channels = registerApi(ipcMain, dispatch, (url) => isAppUrl(url, devServerUrl));
  mainWindow = createMainWindow({
    preloadPath: path.join(__dirname, '../preload/index.js'),
    rendererDir: path.join(__dirname, '../renderer'),
    devServerUrl,
    iconPath: path.join(app.getAppPath(), 'resources', 'icon.png'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('window-all-closed', () => {
    void warm
      .stop()
      .then(() => core.close())
      .finally(() => app.quit());
  });
  return { core, window: mainWindow, channels };
}

/** One instance only; a second start focuses the existing window. Errors end in a dialog. */
export function main(): Promise<Awaited<ReturnType<typeof startApp>> | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve(null);
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  return startApp().catch((err: unknown) => {
    const message =
      err instanceof AppError
        ? err.message
        : `Không khởi động được ứng dụng: ${err instanceof Error ? err.message : String(err)}`;
    dialog.showErrorBox('Báo cáo Nội vụ', message);
    app.exit(1);
    return null;
  });
}

// Starts by itself inside Electron; the unit test (plain Node, fake electron) calls main().
if (process.versions.electron) void main();
