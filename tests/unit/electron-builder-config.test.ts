import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * electron-builder.yml parses, passes electron-builder's own schema (app-builder-lib's scheme.json, through its
 * validateConfiguration), and says what the security and update design need. Both libraries come with
 * electron-builder; they are untyped here on purpose (createRequire) so the test reads them as a build would.
 */
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; icon: string; maintainer: string };
  win: { target: string[] };
  nsis: Record<string, unknown>;
  publish: { provider: string; url: string; channel: string };
  asarUnpack: string[];
  files: string[];
};

const config = yaml.load(readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught by that schema with a misspelt fuse (the check is real)', async () => {
    const wrong = { ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is the school desktop app: AppImage and deb for Linux, a per-machine NSIS installer for Windows', () => {
    expect(config.appId).toBe('kz.sabaq.desktop');
    expect(config.productName).toBe('Sabaq');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Education', icon: 'assets/icon.png' });
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(String(config.nsis.artifactName)).not.toMatch(/\s/);
  });

  it('packs the bundles and keeps native modules out of the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist-main/**/*', 'dist-renderer/**/*', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/better-sqlite3/**', '**/node_modules/@node-rs/**']));
  });

  it('publishes to the generic feed of the central server, latest*.yml inside a channel folder', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: 'http://sabaq-server.local:8080/updates/stable', channel: 'latest' });
    expect(config.detectUpdateChannel).toBe(false);
  });

  it('points at an icon that is a 512×512 PNG', () => {
    const png = readFileSync(path.resolve(config.linux.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
