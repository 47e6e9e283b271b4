import { app, BrowserWindow, session, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../app/external-links';
import { isAppUrl } from '../app/renderer-files';

/*
 * The shell's security settings in one place (Electron's security checklist; Element Desktop's habits).
 * The Electron fuses are set at packaging time in electron-builder.yml.
 */

/**
 * Every window of ours is made here: isolated, sandboxed, no Node, no <webview>, no middle-click windows.
 * (The `remote` module is gone since Electron 14, and @electron/remote is not a dependency: the security check
 * fails if it appears.) The preferences are written out literally so that Electronegativity can read them.
 */
export function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
}

/** Before the app is ready. */
export function hardenProcess(): void {
  app.enableSandbox();
}

/** Once the app is ready: guards for every webContents, and a default session that grants nothing. */
export function hardenApp(log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  hardenSession(session.defaultSession, log);
}

/** No navigation away from app://sabaq, no new windows; allowed https links open in the OS browser. */
export function guardWebContents(contents: WebContents, log: (message: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url, log);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, log);
    return { action: 'deny' };
  });
}

function openOutside(url: string, log: (message: string) => void): void {
  if (isAllowedExternalUrl(url)) {
    void shell.openExternal(url); // https and an allowlisted host only (reviewed in scripts/security-check.ts)
  } else {
    log(`blocked a link to ${url.slice(0, 200)}`);
  }
}

/**
 * Permissions: only fullscreen (the presentation on the board); no camera or microphone ('media'), no
 * notifications, no devices. The renderer has no business on the network: every request that is not app://
 * (or devtools) is cancelled, data goes through the preload bridge.
 */
export function hardenSession(ses: Session, log: (message: string) => void): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = permission === 'fullscreen';
    if (!granted) log(`denied permission ${permission}`);
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(app|devtools|data|blob):/i.test(details.url);
    if (!allowed) log(`cancelled a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  ses.on('will-download', (event) => event.preventDefault());
}
