import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { boardDisplayPreference, displayMenu } from '../app/board-display';
import { startClientApp } from '../app/client-app';
import { startSyncLoop } from '../app/sync-loop';
import { APP_START_URL } from '../app/renderer-files';
import type { ClientApp } from '../app/types';
import { policyFilePath, readMachinePolicy, serverUrlFor } from '../app/update-policy';
import { displayFacts } from './displays';
import { registerIpc, type IpcBridge } from './ipc';
import { createPresenterWindows, type PresenterWindows } from './presenter-window';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { createSecureWindow, hardenApp, hardenProcess } from './security';
import { startUpdater } from './updater';

/*
 * The Electron shell: one instance, one main window on app://sabaq, the ClientApp (replica, sync, sessions,
 * lock after idle) behind the IPC bridge, the board display watched, updates as the machine policy says.
 * Everything with logic in it lives in src-main/app and is tested in Node.
 */
const log = {
  info: (message: string) => console.log(`[sabaq] ${message}`),
  warn: (message: string) => console.warn(`[sabaq] ${message}`),
  error: (message: string) => console.error(`[sabaq] ${message}`),
};

let mainWindow: BrowserWindow | null = null;
let presenter: PresenterWindows | null = null;
let clientApp: ClientApp | null = null;
let syncLoop: ReturnType<typeof startSyncLoop> | null = null;
let bridge: IpcBridge | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance gets 'second-instance' and shows its window
} else {
  hardenProcess();
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!clientApp) return;
    event.preventDefault(); // close the replica cleanly, then quit for real
    const closing = clientApp;
    clientApp = null;
    const stopping = syncLoop?.stop();
    bridge?.dispose();
    presenter?.dispose();
    void Promise.resolve(stopping).then(() => closing.close()).catch((err: Error) => log.error(`closing the client: ${err.message}`)).finally(() => app.quit());
  });
  app.whenReady().then(start).catch((err: Error) => {
    log.error(`start failed: ${err.stack ?? err.message}`);
    // Said in the three languages of the school: the teacher has nothing else on screen.
    dialog.showErrorBox('Sabaq', `Sabaq іске қосылмады. / Sabaq не запустился. / Sabaq could not start.\n\n${err.message}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  hardenApp(log.warn);
  const appDir = app.getAppPath();
  serveRenderer(path.join(appDir, 'dist-renderer'), log.warn);

  const { policy, source, path: policyPath } = await readMachinePolicy({
    path: policyFilePath(process.platform, process.env),
    warn: log.warn,
  });
  log.info(`machine policy: ${source === 'file' ? policyPath : 'defaults'}`);

  clientApp = await startClientApp({ dataDir: app.getPath('userData'), serverUrl: serverUrlFor(policy, process.env) });
  const started = clientApp;
  syncLoop = startSyncLoop({ sync: () => started.syncNow(), watch: () => started.waitForChanges(), probe: () => started.online(), now: () => new Date() });
  const preload = path.join(appDir, 'dist-main', 'preload.cjs');
  const preference = boardDisplayPreference(app.getPath('userData'));
  let chosenDisplay = await preference.get();
  presenter = createPresenterWindows({ preload, preferredId: () => chosenDisplay, log: log.info });
  bridge = registerIpc({
    clientApp: started,
    mainWindowContents: () => mainWindow?.webContents ?? null,
    present: (contents, route) => {
      const lesson = BrowserWindow.fromWebContents(contents);
      return lesson ? presenter?.open(lesson, route) ?? false : false;
    },
    displays: {
      menu: async () => displayMenu(displayFacts(), chosenDisplay),
      async choose(id) {
        chosenDisplay = id;
        await preference.set(id);
        presenter?.rechoose();
      },
    },
    log: log.warn,
  });
  mainWindow = createMainWindow(preload);

  startUpdater({
    policy,
    currentVersion: app.getVersion(),
    // Conservative until the ClientApp says whether a lesson is on: a signed-in teacher may be teaching.
    classroom: () => ({
      presenting: presenter?.isPresenting() ?? false,
      lessonInProgress: bridge?.hasSignedInUser() ?? false,
    }),
    log,
  });
}

function createMainWindow(preload: string): BrowserWindow {
  const window = createSecureWindow(
    { width: 1280, height: 800, minWidth: 960, minHeight: 600, show: false, title: 'Sabaq', backgroundColor: '#ffffff' },
    preload,
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
    presenter?.dispose(); // the presenter view goes with the lesson's window
  });
  void window.loadURL(APP_START_URL);
  return window;
}
