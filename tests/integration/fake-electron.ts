import { EventEmitter } from 'node:events';
import Module from 'node:module';

/**
 * A stand-in for the 'electron' module, enough to load the built shell (dist-main/main.cjs, preload.cjs) in
 * plain Node and watch what it asks of Electron: no Electron binary is needed. Only the calls the shell makes
 * exist here; a new call in the shell fails loudly until it is added.
 */
export interface FakeWebContents extends EventEmitter {
  id: number;
  mainFrame: { url: string };
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
}

export interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  webContents: FakeWebContents;
  loadedUrl?: string;
  shown: number;
  focused: number;
  bounds?: { x: number; y: number; width: number; height: number } | undefined;
  fullScreen: boolean;
}

let nextContentsId = 1;
export function fakeWebContents(url = 'app://sabaq/index.html'): FakeWebContents {
  const contents = Object.assign(new EventEmitter(), {
    id: nextContentsId++,
    mainFrame: { url },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.windowOpenHandler = handler;
    },
  }) as FakeWebContents;
  return contents;
}

export function createFakeElectron(opts: { gotLock: boolean; appDir: string; userData: string }) {
  const log: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  let quitResolve!: () => void;
  const quit = new Promise<void>((resolve) => { quitResolve = resolve; });

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => opts.gotLock,
    quit: () => { log.push('app.quit'); quitResolve(); },
    exit: (code: number) => { log.push(`app.exit ${code}`); quitResolve(); },
    enableSandbox: () => log.push('app.enableSandbox'),
    whenReady: () => ready,
    getAppPath: () => opts.appDir,
    getPath: (name: string) => (name === 'userData' ? opts.userData : `/tmp/${name}`),
    getVersion: () => '0.1.0',
  });

  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (list: unknown[]) => {
      log.push(`protocol.registerSchemesAsPrivileged ready=${readyNow}`);
      schemes.push(...list);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
  };
  let readyNow = false;
  void ready.then(() => { readyNow = true; });

  const sessionHandlers: Record<string, (...args: never[]) => unknown> = {};
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (fn: never) => { sessionHandlers.permissionRequest = fn; },
    setPermissionCheckHandler: (fn: never) => { sessionHandlers.permissionCheck = fn; },
    setDevicePermissionHandler: (fn: never) => { sessionHandlers.devicePermission = fn; },
    setDisplayMediaRequestHandler: (fn: never) => { sessionHandlers.displayMedia = fn; },
    webRequest: { onBeforeRequest: (fn: never) => { sessionHandlers.beforeRequest = fn; } },
  });

  const windows: FakeWindow[] = [];
  class BrowserWindow extends EventEmitter {
    options: FakeWindow['options'];
    webContents = fakeWebContents();
    loadedUrl?: string;
    shown = 0;
    focused = 0;
    constructor(options: FakeWindow['options']) {
      super();
      this.options = options;
      windows.push(this as unknown as FakeWindow);
    }
    bounds?: { x: number; y: number; width: number; height: number } | undefined;
    fullScreen = false;
    static fromWebContents(contents: unknown) { return windows.find((w) => w.webContents === contents) ?? null; }
    loadURL(url: string) { this.loadedUrl = url; return Promise.resolve(); }
    setBounds(bounds: { x: number; y: number; width: number; height: number }) { this.bounds = bounds; }
    setFullScreen(on: boolean) { this.fullScreen = on; }
    close() { this.emit('closed'); }
    isMinimized() { return false; }
    restore() {}
    show() { this.shown++; }
    focus() { this.focused++; }
    isDestroyed() { return false; }
  }

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, fn);
    },
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  };

  const screen = Object.assign(new EventEmitter(), {
    // The teacher's monitor, and the interactive board (a touch panel) to its right.
    displays: [
      { id: 1, label: 'monitor', internal: false, touchSupport: 'unknown', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, label: 'board', internal: false, touchSupport: 'available', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ],
    getAllDisplays() { return this.displays; },
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  });

  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => { opened.push(url); } };

  // The preload's side.
  const exposed = new Map<string, unknown>();
  const rendererInvokes: unknown[][] = [];
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  const ipcRenderer = { invoke: async (...args: unknown[]) => { rendererInvokes.push(args); return { ok: true, echo: args }; } };

  const dialog = { showErrorBox: (title: string, text: string) => log.push(`dialog.showErrorBox ${title}: ${text}`) };

  const electron = { app, protocol, session: { defaultSession }, BrowserWindow, ipcMain, screen, shell, dialog, contextBridge, ipcRenderer };
  return {
    electron, log, schemes, protocolHandlers, sessionHandlers, windows, ipcHandlers, opened, exposed, rendererInvokes,
    ready: () => markReady(), quit,
  };
}

/**
 * Loads a CommonJS bundle with `require('electron')` answered by the fake. The hook stays until the returned
 * function is called: bundled modules may require 'electron' lazily, long after the bundle loaded.
 */
export function loadWithElectron(file: string, electron: unknown): () => void {
  const mod = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = mod._load;
  mod._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  const require = Module.createRequire(file);
  delete require.cache[file];
  try {
    require(file);
  } catch (err) {
    mod._load = original;
    throw err;
  }
  return () => {
    mod._load = original;
    delete require.cache[file];
  };
}
