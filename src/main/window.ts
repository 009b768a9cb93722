// The one application window: isolated, sandboxed, no Node, strict CSP, no navigation away.
import { BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export { CONTENT_SECURITY_POLICY };

export const secureWebPreferences = (preloadPath: string) => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** The app's own pages: the bundled file, or the dev server while developing. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (u.origin === dev.origin) return true;
  }
  return u.protocol === 'file:' && u.pathname.endsWith('/renderer/index.html');
}

/** Opens mailto: and https: links in the system, after asking; refuses everything else. */
export async function openExternalSafely(win: BrowserWindow | null, url: string): Promise<boolean> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'mailto:' && u.protocol !== 'https:') return false;
  const options = {
    type: 'question' as const,
    buttons: ['Mở', 'Hủy'],
    defaultId: 1,
    cancelId: 1,
    title: 'Mở liên kết bên ngoài',
    message: `Mở liên kết này bằng chương trình khác?\n${u.toString().slice(0, 300)}`,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(u.toString());
  return true;
}

export function hardenContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(BrowserWindow.fromWebContents(contents), url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installSessionPolicy(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No remote content, ever: only the app's files (and the dev server while developing).
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith('file:') ||
      details.url.startsWith('devtools:') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:') ||
      (devServerUrl !== undefined && details.url.startsWith(new URL(devServerUrl).origin)) ||
      (devServerUrl !== undefined && details.url.startsWith('ws:'));
    callback({ cancel: !ok });
  });
}

export function createMainWindow(opts: {
  preloadPath: string;
  rendererDir: string;
  devServerUrl?: string;
  iconPath?: string;
}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Báo cáo Nội vụ',
    icon: opts.iconPath,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  hardenContents(win.webContents, opts.devServerUrl);
  win.once('ready-to-show', () => win.show());
  if (opts.devServerUrl) void win.loadURL(opts.devServerUrl);
  else void win.loadFile(path.join(opts.rendererDir, 'index.html'));
  return win;
}
