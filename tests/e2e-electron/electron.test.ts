import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, buildPreload } from '../../scripts/build-main';

/*
 * The built shell in a real Electron, through Playwright's _electron. Runs only where an Electron binary exists;
 * elsewhere it is skipped with the reason. (The same wiring is checked in plain Node against a fake 'electron'
 * in tests/integration/electron-shell.test.ts.)
 *
 * The binary is looked up the way node_modules/electron/index.js does, without requiring that file: requiring
 * it on a machine without the binary starts a download. ELECTRON_OVERRIDE_DIST_PATH points at another build.
 * better-sqlite3 must be built for Electron's ABI first: npx electron-rebuild -f -w better-sqlite3
 * (electron-builder does that when it packages).
 */
function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.resolve('node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, name ?? 'electron');
    return existsSync(binary) ? { path: binary } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${binary}, which does not exist` };
  }
  if (!name) return { missing: 'node_modules/electron/path.txt is absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  const binary = path.join(pkg, 'dist', name);
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

const binary = electronBinary();
const skipReason = 'missing' in binary ? `no Electron binary on this machine: ${binary.missing}` : null;
if (skipReason) console.warn(`[e2e-electron] skipped — ${skipReason}`);

describe.skipIf(skipReason !== null)(`Sabaq in Electron${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let appDir = '';
  // Playwright's types are loaded only when a binary exists.
  let electronApp: import('playwright').ElectronApplication;
  let page: import('playwright').Page;

  beforeAll(async () => {
    // Inside the repository, so that the bundle finds the native modules in node_modules.
    mkdirSync(path.resolve('test-results'), { recursive: true });
    appDir = mkdtempSync(path.resolve('test-results', 'sabaq-electron-'));
    await Promise.all([buildMain(path.join(appDir, 'dist-main')), buildPreload(path.join(appDir, 'dist-main'))]);
    mkdirSync(path.join(appDir, 'dist-renderer'));
    writeFileSync(path.join(appDir, 'dist-renderer', 'index.html'), '<!doctype html><meta charset="utf-8"><title>Sabaq e2e</title><p>ok</p>');
    writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'sabaq', version: '0.1.0', main: 'dist-main/main.cjs' }));
    const { _electron } = await import('playwright');
    electronApp = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [appDir],
      env: {
        ...process.env,
        SABAQ_POLICY_FILE: path.join(appDir, 'no-policy.json'),
        SABAQ_SERVER_URL: 'http://127.0.0.1:9',
        ELECTRON_ENABLE_LOGGING: '1',
      },
    });
    page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 120_000);

  afterAll(async () => {
    await electronApp?.close();
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  it('opens the main window on app://sabaq', async () => {
    expect(page.url()).toBe('app://sabaq/index.html');
    expect(await page.title()).toBe('Sabaq e2e');
  });

  it('runs the page isolated and sandboxed, without Node', async () => {
    const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      // Not in Electron's typings, but present (Electron's own tests read it): the preferences the page got.
      return (window?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('gives the page window.sabaq and nothing of ipcRenderer', async () => {
    const bridge = await page.evaluate(() => Object.keys((window as unknown as { sabaq: object }).sabaq).sort());
    expect(bridge).toEqual(['health', 'invoke', 'knownAccounts', 'signIn', 'signOut', 'unlock']);
    expect(await page.evaluate(() => (window as unknown as { sabaq: { invoke(n: string, i: unknown): Promise<unknown> } }).sabaq.invoke('users.delete', {})))
      .toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('sends the CSP with the page', async () => {
    const response = await page.evaluate(async () => (await fetch('app://sabaq/index.html')).headers.get('content-security-policy'));
    expect(response).toMatch(/^default-src 'none'/);
  });
});
