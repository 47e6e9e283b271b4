import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../src-core/contract/operations';
import { buildMain, buildPreload, MAIN_EXTERNALS } from '../../scripts/build-main';
import { createFakeElectron, fakeWebContents, loadWithElectron, type FakeWebContents, type FakeWindow } from './fake-electron';

/*
 * The built shell (dist-main/main.cjs and preload.cjs, as electron-builder packs them) run in plain Node against
 * a fake 'electron' module: what it registers, how its windows are configured, what its protocol serves, which
 * permissions and requests it grants, what its IPC bridge accepts. The real ClientApp runs behind it on a temp
 * SQLite replica, with no server reachable. The same checks in a real Electron are in tests/e2e-electron.
 */
// Inside the repository, so that the bundle finds the native modules it leaves outside in node_modules.
mkdirSync(path.resolve('test-results'), { recursive: true });
const work = mkdtempSync(path.resolve('test-results', 'sabaq-shell-'));
const appDir = path.join(work, 'app');
const userData = path.join(work, 'user-data');
const CHANNELS = ['sabaq:sign-in', 'sabaq:sign-out', 'sabaq:unlock', 'sabaq:invoke', 'sabaq:known-accounts', 'sabaq:health', 'sabaq:upload-file', 'sabaq:file-url', 'sabaq:present', 'sabaq:displays', 'sabaq:choose-display'];

beforeAll(async () => {
  await Promise.all([buildMain(path.join(appDir, 'dist-main')), buildPreload(path.join(appDir, 'dist-main'))]);
  mkdirSync(path.join(appDir, 'dist-renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appDir, 'dist-renderer', 'index.html'), '<!doctype html><title>Sabaq</title>');
  writeFileSync(path.join(appDir, 'dist-renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(work, 'secret.txt'), 'not for the renderer');
  process.env.SABAQ_POLICY_FILE = path.join(work, 'no-policy.json'); // missing: defaults, updates off
  process.env.SABAQ_SERVER_URL = 'http://127.0.0.1:9'; // nobody answers
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundles', () => {
  const requires = (file: string) =>
    new Set([...readFileSync(path.join(appDir, 'dist-main', file), 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!));

  it('preload.cjs requires nothing but electron (a sandboxed preload can require nothing else)', () => {
    expect(requires('preload.cjs')).toEqual(new Set(['electron']));
  });

  it('main.cjs leaves outside only Node, electron, the native modules and the unused knex drivers', () => {
    const outside = [...requires('main.cjs')].filter((name) => !builtinModules.includes(name.replace(/^node:/, '')));
    for (const name of outside) expect(MAIN_EXTERNALS.some((e) => name === e || name.startsWith(`${e}/`)), name).toBe(true);
  });
});

describe('a second launch', () => {
  it('quits at once and leaves the first instance to show its window', () => {
    const fake = createFakeElectron({ gotLock: false, appDir, userData });
    const restore = loadWithElectron(path.join(appDir, 'dist-main', 'main.cjs'), fake.electron);
    restore();
    expect(fake.log).toEqual(['app.quit']);
    expect(fake.windows).toHaveLength(0);
  });
});

describe('the first launch', () => {
  const fake = createFakeElectron({ gotLock: true, appDir, userData });
  let restore: () => void;
  let main: FakeWindow;

  beforeAll(async () => {
    restore = loadWithElectron(path.join(appDir, 'dist-main', 'main.cjs'), fake.electron);
    fake.ready();
    for (let i = 0; i < 200 && fake.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    main = fake.windows[0]!;
  }, 30_000);

  afterAll(() => restore());

  it('turns the sandbox on and registers app:// before the app is ready', () => {
    expect(fake.log.slice(0, 2)).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged ready=false']);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  });

  it('opens one window: isolated, sandboxed, no Node, no webview, our preload, loaded from app://', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, experimentalFeatures: false,
      preload: path.join(appDir, 'dist-main', 'preload.cjs'),
    });
    expect(window.loadedUrl).toBe('app://sabaq/index.html');
  });

  it('shows and focuses that window when the school computer launches Sabaq again', () => {
    const window = fake.windows[0]!;
    const before = window.focused;
    fake.electron.app.emit('second-instance');
    expect(window.focused).toBe(before + 1);
  });

  it('serves dist-renderer over app:// with the CSP, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://sabaq/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(await index.text()).toContain('<title>Sabaq</title>');
    expect((await handler(new Request('app://sabaq/assets/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of ['app://sabaq/..%2f..%2fsecret.txt', 'app://sabaq/%2e%2e/%2e%2e/secret.txt', 'app://other/index.html', 'app://sabaq/nope.js']) {
      const refused = await handler(new Request(url));
      expect(refused.status, url).toBeGreaterThanOrEqual(400);
      expect(await refused.text()).not.toContain('not for the renderer');
      expect(refused.headers.get('content-security-policy')).toBeTruthy();
    }
    expect((await handler(new Request('app://sabaq/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it("serves the cache's files under /files/ only with a valid ticket, never the renderer's files there", async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const sha = 'a'.repeat(64);
    const forged = await handler(new Request(`app://sabaq/files/t/9999999999.u1.${'A'.repeat(43)}/${sha}`));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ ok: false, error: { messageKey: 'error.ticket_invalid' } });
    expect((await handler(new Request(`app://sabaq/files/t/x/${sha}/pkg/index.html`))).status).toBe(401);
    for (const url of ['app://sabaq/files/index.html', 'app://sabaq/files/t/x/not-a-sha']) {
      const refused = await handler(new Request(url));
      expect(refused.status, url).toBe(400);
      expect(await refused.text()).not.toContain('<title>Sabaq</title>');
    }
  });

  it('grants fullscreen and nothing else; lets the page load only app://', () => {
    const ask = (permission: string) => {
      let granted: boolean | undefined;
      (fake.sessionHandlers.permissionRequest as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => { granted = g; });
      return granted;
    };
    expect(ask('fullscreen')).toBe(true);
    for (const p of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'display-capture']) expect(ask(p), p).toBe(false);
    const check = fake.sessionHandlers.permissionCheck as (c: unknown, p: string) => boolean;
    expect(check(null, 'fullscreen')).toBe(true);
    expect(check(null, 'media')).toBe(false);
    expect((fake.sessionHandlers.devicePermission as () => boolean)()).toBe(false);

    const request = (url: string) => {
      let cancel: boolean | undefined;
      (fake.sessionHandlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => { cancel = r.cancel; });
      return cancel;
    };
    expect(request('app://sabaq/assets/app.js')).toBe(false);
    for (const url of ['https://evil.example/x.js', 'http://192.168.1.10:8080/api/users.list', 'file:///etc/passwd', 'ws://x']) expect(request(url), url).toBe(true);
  });

  it('keeps every page on app://sabaq, denies new windows and opens only allowed https links outside', () => {
    const contents = fakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    expect(navigate('app://sabaq/index.html#/board')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('https://bilimland.kz/kk')).toBe(true); // not inside the app: in the OS browser
    expect(contents.windowOpenHandler!({ url: 'https://kk.wikipedia.org/wiki/Абай' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://bilimland.kz/kk', 'https://kk.wikipedia.org/wiki/Абай']);
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => { webview = true; } });
    expect(webview).toBe(true);
  });

  describe('the IPC bridge', () => {
    const event = (sender: FakeWebContents, frameUrl = 'app://sabaq/index.html') => {
      const frame = sender.mainFrame;
      frame.url = frameUrl;
      return { sender, senderFrame: frame };
    };
    const call = (channel: string, evt: unknown, ...args: unknown[]) => fake.ipcHandlers.get(channel)!(evt, ...args);

    it('handles exactly the bridge channels', () => {
      expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    });

    it('answers our main window', async () => {
      expect(await call('sabaq:known-accounts', event(main.webContents))).toEqual([]);
      expect(await call('sabaq:health', event(main.webContents))).toEqual({ ok: true, offline: true });
      expect(await call('sabaq:invoke', event(main.webContents), 'session.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await call('sabaq:sign-out', event(main.webContents))).toEqual({ ok: true });
    });

    it('refuses other windows, iframes and pages that navigated elsewhere', async () => {
      await expect(call('sabaq:known-accounts', event(fakeWebContents()))).rejects.toThrow('refused');
      await expect(call('sabaq:known-accounts', event(main.webContents, 'https://evil.example/'))).rejects.toThrow('refused');
      const iframe = { sender: main.webContents, senderFrame: { url: 'app://sabaq/index.html' } };
      await expect(call('sabaq:known-accounts', iframe)).rejects.toThrow('refused');
      await expect(call('sabaq:known-accounts', { sender: main.webContents, senderFrame: null })).rejects.toThrow('refused');
    });

    it('refuses arguments that do not fit, and names outside the contract', async () => {
      expect(await call('sabaq:invoke', event(main.webContents), 'users.delete', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('sabaq:sign-in', event(main.webContents), 'only-login')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('sabaq:unlock', event(main.webContents), 'pw')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await call('sabaq:file-url', event(main.webContents), '../secret.txt')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('sabaq:upload-file', event(main.webContents), 'not bytes', 'a.pdf')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('presents a lesson: the lesson\'s window full screen on the board\'s display, the presenter view on the teacher\'s', async () => {
      expect(await call('sabaq:present', event(main.webContents), 'https://example.com/#x')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('sabaq:present', event(main.webContents), 'index.html#/admin')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await expect(call('sabaq:present', event(fakeWebContents()), 'presenter.html#0f0e0d0c-1234')).rejects.toThrow('refused');
      const before = fake.windows.length;
      expect(await call('sabaq:present', event(main.webContents), 'presenter.html#0f0e0d0c-1234')).toEqual({ ok: true });
      const presenter = fake.windows.at(-1)!;
      expect(fake.windows.length).toBe(before + 1);
      expect(presenter.loadedUrl).toBe('app://sabaq/presenter.html#0f0e0d0c-1234');
      expect(presenter.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1040 });
      expect(presenter.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(main.bounds).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
      expect(main.fullScreen).toBe(true);
      presenter.emit('closed');
    });

    it('lists the displays with the board\'s choice, and keeps the display the teacher chooses', async () => {
      expect(await call('sabaq:displays', event(main.webContents))).toMatchObject({
        ok: true, boardId: 2, reason: 'touch-display', chosenId: null,
        displays: [{ id: 1, label: 'monitor', primary: true, touch: false }, { id: 2, label: 'board', primary: false, touch: true }],
      });
      expect(await call('sabaq:choose-display', event(main.webContents), 'board')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('sabaq:choose-display', event(main.webContents), 1)).toMatchObject({ ok: true, boardId: 1, reason: 'chosen-by-teacher', chosenId: 1 });
      expect(JSON.parse(readFileSync(path.join(userData, 'board-display.json'), 'utf8'))).toEqual({ displayId: 1 });
      // The board is the teacher's own screen now: the lesson is not moved, the presenter view opens beside it.
      main.bounds = undefined;
      main.fullScreen = false;
      expect(await call('sabaq:present', event(main.webContents), 'presenter.html#0f0e0d0c-5678')).toEqual({ ok: true });
      expect(main.bounds).toBeUndefined();
      expect(main.fullScreen).toBe(false);
      fake.windows.at(-1)!.emit('closed');
      expect(await call('sabaq:choose-display', event(main.webContents), null)).toMatchObject({ ok: true, boardId: 2, chosenId: null });
      await expect(call('sabaq:choose-display', event(fakeWebContents()), 1)).rejects.toThrow('refused');
    });

    it('writes and opens files only for a signed-in user', async () => {
      const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
      expect(await call('sabaq:upload-file', event(main.webContents), bytes, 'a.pdf', 'en')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await call('sabaq:file-url', event(main.webContents), 'a'.repeat(64))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      await expect(call('sabaq:file-url', event(fakeWebContents()), 'a'.repeat(64))).rejects.toThrow('refused');
    });

    it('answers a failed sign-in without a session id (the server is unreachable, the user unknown here)', async () => {
      const outcome = await call('sabaq:sign-in', event(main.webContents), 'aigerim.n', 'secret');
      expect(outcome).toMatchObject({ ok: false });
      expect(JSON.stringify(outcome)).not.toMatch(/sessionId/);
    });
  });

  it('on quitting: holds the quit, closes the replica and the bridge, then quits for real', async () => {
    let held = false;
    fake.electron.app.emit('will-quit', { preventDefault: () => { held = true; } });
    await Promise.race([fake.quit, new Promise((r) => setTimeout(r, 5000))]);
    expect(held).toBe(true);
    expect(fake.log.at(-1)).toBe('app.quit');
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('a launch that cannot start its replica', () => {
  it('tells the teacher in Kazakh, Russian and English, and exits', async () => {
    const notAFolder = path.join(work, 'user-data-is-a-file');
    writeFileSync(notAFolder, '');
    const fake = createFakeElectron({ gotLock: true, appDir, userData: notAFolder });
    const restore = loadWithElectron(path.join(appDir, 'dist-main', 'main.cjs'), fake.electron);
    fake.ready();
    await Promise.race([fake.quit, new Promise((r) => setTimeout(r, 10_000))]);
    restore();
    expect(fake.log.at(-1)).toBe('app.exit 1');
    expect(fake.log.at(-2)).toMatch(/^dialog\.showErrorBox Sabaq: Sabaq іске қосылмады\. \/ Sabaq не запустился\. \/ Sabaq could not start\./);
    expect(fake.windows).toHaveLength(0);
  });
});

describe('the preload', () => {
  const fake = createFakeElectron({ gotLock: true, appDir, userData });
  let api: Record<string, (...args: unknown[]) => Promise<unknown>>;

  beforeAll(() => {
    loadWithElectron(path.join(appDir, 'dist-main', 'preload.cjs'), fake.electron)();
    api = fake.exposed.get('sabaq') as typeof api;
  });

  it('exposes window.sabaq with eleven frozen functions, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['sabaq']);
    expect(Object.keys(api).sort()).toEqual(['chooseDisplay', 'displays', 'fileUrl', 'health', 'invoke', 'knownAccounts', 'present', 'signIn', 'signOut', 'unlock', 'uploadFile']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("passes the contract's operations to main", async () => {
    for (const name of OPERATION_NAMES) await api.invoke!(name, { a: 1 });
    expect(fake.rendererInvokes.map((args) => args[1])).toEqual(OPERATION_NAMES);
    expect(fake.rendererInvokes[0]).toEqual(['sabaq:invoke', OPERATION_NAMES[0], { a: 1 }, undefined]);
  });

  it('refuses any other name without bothering main', async () => {
    const before = fake.rendererInvokes.length;
    for (const name of ['users.delete', '__proto__', 'toString', '', 42]) {
      expect(await api.invoke!(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(fake.rendererInvokes.length).toBe(before);
  });

  it('maps each function to its channel', async () => {
    await api.signIn!('aigerim.n', 'pw');
    await api.unlock!('pw');
    await api.signOut!();
    await api.knownAccounts!();
    await api.health!();
    const bytes = new Uint8Array([1, 2, 3]);
    await api.uploadFile!(bytes, 'board.pdf', 'ru');
    await api.fileUrl!('a'.repeat(64));
    await api.present!('presenter.html#abc12345');
    expect(fake.rendererInvokes.slice(-8).map((a) => a[0])).toEqual([
      'sabaq:sign-in', 'sabaq:unlock', 'sabaq:sign-out', 'sabaq:known-accounts', 'sabaq:health', 'sabaq:upload-file', 'sabaq:file-url', 'sabaq:present',
    ]);
    expect(fake.rendererInvokes.at(-3)).toEqual(['sabaq:upload-file', bytes, 'board.pdf', 'ru']);
  });
});
