// A faithful-enough fake of the `electron` main-process API, for loading the real main entry under
// Node: it records what the app configures (windows, handlers, session policies) and lets a test
// fire the events Electron would fire. Behaviour mirrors Electron where the app relies on it
// (e.g. ipcMain.handle refuses a second handler for a channel, whenReady resolves once ready).
import { EventEmitter } from 'node:events';
import path from 'node:path';

type Listener = (...args: unknown[]) => void;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export const fakeEvent = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export type WindowOpenHandler = (details: {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  url = '';
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  /** Fires a cancellable event the way Electron does and says whether the app prevented it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loaded: { file?: string; url?: string } = {};
  visible = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
    this.webContents.url = `file://${file.split(path.sep).join('/')}`;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.webContents.url = url;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export type IpcHandler = (
  event: { senderFrame: { url: string } | null; sender?: unknown },
  ...args: unknown[]
) => unknown;

export type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (r: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;
export type RequestListener = (details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void;
export type PermissionRequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;

export function createFakeElectron(paths: { userData: string; documents: string; appPath: string; version?: string }) {
  const opts = { ...paths };
  const appEvents = new EventEmitter();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const handlers = new Map<string, IpcHandler>();
  const state = {
    quitCalled: 0,
    exitCode: null as number | null,
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Record<string, unknown>[],
    messageBoxResponse: 0,
    saveDialogResult: { canceled: true, filePath: undefined as string | undefined },
    openedExternal: [] as string[],
    headersListener: null as HeadersListener | null,
    requestListener: null as RequestListener | null,
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as PermissionCheckHandler | null,
    singleInstance: true,
    /** How many times the app asked to be told when Electron is ready. */
    whenReadyCalls: 0,
    /** The answer of the last message box, for a test to await what follows it. */
    lastMessageBox: null as Promise<{ response: number; checkboxChecked: boolean }> | null,
  };

  const app = {
    isPackaged: false,
    whenReady: () => {
      state.whenReadyCalls++;
      return ready;
    },
    isReady: () => false,
    on: (name: string, fn: Listener) => {
      appEvents.on(name, fn);
      return app;
    },
    once: (name: string, fn: Listener) => {
      appEvents.once(name, fn);
      return app;
    },
    emit: (name: string, ...args: unknown[]) => appEvents.emit(name, ...args),
    getPath: (name: string) => {
      if (name === 'userData') return opts.userData;
      if (name === 'documents') return opts.documents;
      if (name === 'temp') return path.join(opts.userData, 'tmp');
      throw new Error(`Failed to get '${name}' path`);
    },
    getAppPath: () => opts.appPath,
    getVersion: () => opts.version ?? '0.0.0-test',
    getName: () => 'Báo cáo Nội vụ',
    requestSingleInstanceLock: () => state.singleInstance,
    quit: () => {
      state.quitCalled++;
    },
    exit: (code = 0) => {
      state.exitCode = code;
    },
  };

  const ipcMain = {
    handle(channel: string, fn: IpcHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    on() {
      return ipcMain;
    },
  };

  const dialog = {
    showErrorBox(title: string, content: string) {
      state.errorBoxes.push({ title, content });
    },
    showMessageBox(a: unknown, b?: unknown) {
      const options = (b ?? a) as Record<string, unknown>;
      state.messageBoxes.push(options);
      state.lastMessageBox = Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false });
      return state.lastMessageBox;
    },
    async showSaveDialog(a: unknown, b?: unknown) {
      void (b ?? a);
      return state.saveDialogResult;
    },
    async showOpenDialog() {
      return { canceled: true, filePaths: [] };
    },
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler(fn: PermissionRequestHandler) {
        state.permissionRequest = fn;
      },
      setPermissionCheckHandler(fn: PermissionCheckHandler) {
        state.permissionCheck = fn;
      },
      webRequest: {
        onHeadersReceived(fn: HeadersListener) {
          state.headersListener = fn;
        },
        onBeforeRequest(fn: RequestListener) {
          state.requestListener = fn;
        },
      },
    },
  };

  const shell = {
    async openExternal(url: string) {
      state.openedExternal.push(url);
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    dialog,
    session,
    shell,
    // No keyring on the test machine: a server password is never kept (platform/database-choice.ts).
    safeStorage: { isEncryptionAvailable: () => false },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
  };
  return { module, state, handlers, paths: opts, ready: () => resolveReady() };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
