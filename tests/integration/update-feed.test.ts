import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUpdateFeed } from '../../src-server/updates';
import { parseRange } from '../../src-core/util/byte-ranges';

/** The generic update feed as electron-updater uses it, on a temp folder with a fake release. */
const dir = mkdtempSync(path.join(tmpdir(), 'sabaq-feed-'));
const LATEST = 'version: 1.5.0\nfiles:\n  - url: Sabaq-1.5.0.AppImage\n    sha512: abc\npath: Sabaq-1.5.0.AppImage\n';
const APPIMAGE = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let app: FastifyInstance;

beforeAll(async () => {
  mkdirSync(path.join(dir, 'stable'));
  mkdirSync(path.join(dir, 'beta'));
  writeFileSync(path.join(dir, 'stable', 'latest.yml'), LATEST);
  writeFileSync(path.join(dir, 'stable', 'latest-linux.yml'), LATEST);
  writeFileSync(path.join(dir, 'stable', 'Sabaq-1.5.0.AppImage'), APPIMAGE);
  writeFileSync(path.join(dir, 'stable', 'sabaq_1.5.0_amd64.deb'), 'deb');
  writeFileSync(path.join(dir, 'stable', 'Sabaq-Setup-1.5.0.exe'), 'MZ');
  writeFileSync(path.join(dir, 'stable', 'Sabaq-Setup-1.5.0.exe.blockmap'), 'map');
  writeFileSync(path.join(dir, 'stable', 'notes.txt'), 'not a release file');
  writeFileSync(path.join(dir, 'beta', 'latest-linux.yml'), 'version: 1.6.0-beta.1\n');
  writeFileSync(path.join(dir, 'secret.yml'), 'outside the channels');
  symlinkSync(path.join(dir, 'secret.yml'), path.join(dir, 'stable', 'latest-linux-arm64.yml'));
  app = Fastify();
  await registerUpdateFeed(app, { dir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('GET /updates/:channel/:file', () => {
  it('serves latest.yml of a channel, never cached', async () => {
    const res = await get('/updates/stable/latest.yml?noCache=1h2j3');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(LATEST);
    expect(res.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect((await get('/updates/beta/latest-linux.yml')).body).toBe('version: 1.6.0-beta.1\n');
  });

  it('serves the installers with their content types', async () => {
    const cases: [string, string][] = [
      ['Sabaq-1.5.0.AppImage', 'application/vnd.appimage'],
      ['sabaq_1.5.0_amd64.deb', 'application/vnd.debian.binary-package'],
      ['Sabaq-Setup-1.5.0.exe', 'application/vnd.microsoft.portable-executable'],
      ['Sabaq-Setup-1.5.0.exe.blockmap', 'application/octet-stream'],
    ];
    for (const [file, type] of cases) {
      const res = await get(`/updates/stable/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type'], file).toBe(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const appImage = await get('/updates/stable/Sabaq-1.5.0.AppImage');
    expect(appImage.rawPayload.equals(APPIMAGE)).toBe(true);
    expect(appImage.headers['content-length']).toBe('1000');
  });

  it.each([
    ['an unknown channel', '/updates/nightly/latest.yml'],
    ['a file that is not there', '/updates/beta/latest.yml'],
    ['a kind of file the feed does not serve', '/updates/stable/notes.txt'],
    ['a folder', '/updates/stable/'],
    ['a dotfile', '/updates/stable/.latest.yml'],
  ])('answers 404 for %s', async (_what, url) => {
    expect((await get(url)).statusCode).toBe(404);
  });

  it.each([
    '/updates/stable/..%2fsecret.yml',
    '/updates/stable/..%2F..%2F..%2Fetc%2Fpasswd',
    '/updates/stable/%2e%2e%2fsecret.yml',
    '/updates/stable/..%5csecret.yml',
    '/updates/stable/../secret.yml',
    '/updates/stable/..',
    '/updates/%2e%2e/secret.yml',
    '/updates/stable/latest.yml%00.exe',
  ])('never leaves the channel folder: %s', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('outside the channels');
  });

  it('does not follow a symlink out of the channel folder', async () => {
    const res = await get('/updates/stable/latest-linux-arm64.yml');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('outside the channels');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/updates/stable/Sabaq-1.5.0.AppImage' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body).toBe('');
  });
});

describe('ranges', () => {
  const url = '/updates/stable/Sabaq-1.5.0.AppImage';

  it('serves one range with 206 and Content-Range', async () => {
    const res = await get(url, { range: 'bytes=100-199' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/1000');
    expect(res.headers['content-length']).toBe('100');
    expect(res.rawPayload.equals(APPIMAGE.subarray(100, 200))).toBe(true);
  });

  it('serves open and suffix ranges', async () => {
    const tail = await get(url, { range: 'bytes=990-' });
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.rawPayload.equals(APPIMAGE.subarray(990))).toBe(true);
    const last = await get(url, { range: 'bytes=-10' });
    expect(last.rawPayload.equals(APPIMAGE.subarray(990))).toBe(true);
    const past = await get(url, { range: 'bytes=995-5000' });
    expect(past.headers['content-range']).toBe('bytes 995-999/1000');
  });

  it('serves several ranges as multipart/byteranges, as the differential download asks', async () => {
    const res = await get(url, { range: 'bytes=0-9, 500-504' });
    expect(res.statusCode).toBe(206);
    const type = String(res.headers['content-type']);
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)?.[1];
    expect(boundary).toBeTruthy();
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const parts = res.rawPayload.toString('latin1').split(`--${boundary}`);
    expect(parts[0]).toBe('');
    expect(parts.at(-1)).toBe('--\r\n');
    expect(parts[1]).toBe(`\r\nContent-Type: application/vnd.appimage\r\nContent-Range: bytes 0-9/1000\r\n\r\n${APPIMAGE.subarray(0, 10).toString('latin1')}\r\n`);
    expect(parts[2]).toBe(`\r\nContent-Type: application/vnd.appimage\r\nContent-Range: bytes 500-504/1000\r\n\r\n${APPIMAGE.subarray(500, 505).toString('latin1')}\r\n`);
  });

  it('answers 416 for a range past the end', async () => {
    const res = await get(url, { range: 'bytes=1000-1010' });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
  });

  it('sends the whole file for a malformed range, or an If-Range that no longer matches', async () => {
    expect((await get(url, { range: 'bytes=abc' })).statusCode).toBe(200);
    expect((await get(url, { range: 'bytes=200-100' })).statusCode).toBe(200);
    expect((await get(url, { range: 'bytes=0-9', 'if-range': 'W/"old"' })).statusCode).toBe(200);
    const { headers } = await get(url);
    expect((await get(url, { range: 'bytes=0-9', 'if-range': String(headers.etag) })).statusCode).toBe(206);
  });

  it('ignores absurdly many ranges (the whole file instead of a huge multipart)', () => {
    const many = Array.from({ length: 501 }, (_, i) => `${i}-${i}`).join(',');
    expect(parseRange(`bytes=${many}`, 1000)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
