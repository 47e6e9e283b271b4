import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, isAppUrl, RENDERER_CSP, resolveRendererFile } from '../../src-main/app/renderer-files';

const root = path.resolve('/opt/Sabaq/resources/app.asar/dist-renderer');

describe('the app:// protocol serves the renderer and nothing else', () => {
  it('maps app://sabaq/ to index.html and files to files inside dist-renderer', () => {
    expect(resolveRendererFile('app://sabaq/', root)).toEqual({ ok: true, file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveRendererFile('app://sabaq/assets/index-3f2a.js?v=1#x', root)).toEqual({
      ok: true, file: path.join(root, 'assets', 'index-3f2a.js'), contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile('app://sabaq/fonts/%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B.woff2', root)).toMatchObject({
      ok: true, file: path.join(root, 'fonts', 'қазақ.woff2'), contentType: 'font/woff2',
    });
  });

  it.each([
    ['another host', 'app://evil/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['https', 'https://sabaq/index.html', 404],
    ['an encoded slash', 'app://sabaq/..%2f..%2fetc%2fpasswd', 403],
    ['an encoded backslash', 'app://sabaq/..%5c..%5cWindows%5cwin.ini', 403],
    ['a NUL byte', 'app://sabaq/index.html%00.png', 403],
    ['a dotfile', 'app://sabaq/.env', 403],
    ['a Windows drive', 'app://sabaq/C:/Windows/win.ini', 403],
    ['not a URL', 'app:\\\\', 404],
  ])('refuses %s', (_what, url, status) => {
    expect(resolveRendererFile(url, root)).toMatchObject({ ok: false, status });
  });

  it('never leaves the folder, whatever the dots (the URL parser folds them first)', () => {
    for (const url of ['app://sabaq/../../etc/passwd', 'app://sabaq/%2e%2e/%2e%2e/etc/passwd', 'app://sabaq/a/../../../x']) {
      const target = resolveRendererFile(url, root);
      if (target.ok) expect(target.file.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('refuses traversal on Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Sabaq\\resources\\app.asar\\dist-renderer';
    expect(resolveRendererFile('app://sabaq/assets/a.js', winRoot, path.win32)).toMatchObject({ ok: true, file: `${winRoot}\\assets\\a.js` });
    expect(resolveRendererFile('app://sabaq/assets\\..\\..\\x.js', winRoot, path.win32)).toMatchObject({ ok: false, status: 403 });
  });

  it('knows its own URLs (navigation inside the app is allowed, anything else is not)', () => {
    expect(isAppUrl('app://sabaq/index.html#/board')).toBe(true);
    for (const url of ['app://sabaq.evil/', 'app://user@sabaq/', 'https://sabaq/', 'file:///index.html', 'about:blank', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('knows the types it serves, and says octet-stream for the rest', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream');
  });

  it('sends a CSP that allows only our own files: no inline or eval script, no network, no frames', () => {
    const directives = new Map(RENDERER_CSP.split(';').map((d) => { const [name, ...values] = d.trim().split(/\s+/); return [name!, values]; }));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toMatch(/unsafe-|https?:|\*/);
  });
});
