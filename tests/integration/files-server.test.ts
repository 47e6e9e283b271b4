import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { translate, type Locale } from '../../src-core/i18n/index';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildTwoSchools } from '../helpers/factories';
import {
  ebmlSample, gifSample, html5Sample, isoSample, jpegSample, latin1, mp3Sample, oggSample, pdfSample, pngSample, wavSample,
  webpSample, zipOf,
} from '../unit/resources/samples';

const DATE = '2026-11-23';
const START = Date.parse('2026-11-23T09:00:00+05:00');
const SCORM = path.resolve(import.meta.dirname, '../../../shared/bench-data/scorm/packages');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe.each(ENGINES)('the file store of the central server on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let small: FastifyInstance;
  let dir: string;
  let nowMs = START;
  const tokens: Record<string, string> = {};
  const clock = { now: () => new Date(nowMs) };

  const upload = (data: Uint8Array | Readable, opts: { who?: string; name?: string; lang?: Locale; type?: string | null; on?: FastifyInstance } = {}) =>
    (opts.on ?? app).inject({
      method: 'POST',
      url: `/files?name=${encodeURIComponent(opts.name ?? 'file.bin')}`,
      payload: data instanceof Readable ? data : Buffer.from(data),
      headers: {
        ...(opts.type === null ? {} : { 'content-type': opts.type ?? 'application/octet-stream' }),
        'accept-language': opts.lang ?? 'en',
        ...(opts.who === '' ? {} : { authorization: `Bearer ${tokens[opts.who ?? 'teacher']}` }),
      },
    });
  const uploaded = async (data: Uint8Array, who = 'teacher') => {
    const res = await upload(data, { who });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().file as { sha256: string; size: number; mime: string; kind: string };
  };
  const get = (url: string, who: string | null = 'teacher', headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });
  const ticket = async (sha: string, who = 'teacher') => {
    const res = await app.inject({ method: 'POST', url: `/files/${sha}/ticket`, payload: {}, headers: { authorization: `Bearer ${tokens[who]}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ok: true; url: string; expiresAt: string; launchPath?: string };
  };
  const fileRows = async () => Number((await db('files').count({ n: '*' }).first())!.n);

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    await buildTwoSchools(db, await hashPassword('password'), DATE);
    dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-files-'));
    const common = { db, clock, secret: 'files test secret', authPolicy: { ...authPolicyFromEnv({}), signInPerMinute: 1000 } };
    app = await buildServer({ ...common, files: { dir, maxBytes: 200 * 1024 * 1024 } });
    small = await buildServer({ ...common, files: { dir, maxBytes: 1024 * 1024 } });
    for (const login of ['teacher', 'student', 'parent', 'director', 's2.teacher']) {
      const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId: randomUUID() } });
      expect(res.statusCode, res.body).toBe(200);
      tokens[login] = res.json().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await small?.close();
    await db?.destroy();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every kind of file, its kind and type decided by its bytes whatever the name and type sent', async () => {
    const samples: [Uint8Array, string, string][] = [
      [await pdfSample(), 'pdf', 'application/pdf'], [pngSample(), 'image', 'image/png'], [jpegSample(), 'image', 'image/jpeg'],
      [gifSample(), 'image', 'image/gif'], [webpSample(), 'image', 'image/webp'], [mp3Sample(), 'audio', 'audio/mpeg'],
      [oggSample(), 'audio', 'audio/ogg'], [wavSample(), 'audio', 'audio/wav'], [isoSample('M4A '), 'audio', 'audio/mp4'],
      [isoSample('isom'), 'video', 'video/mp4'], [isoSample('qt  '), 'video', 'video/quicktime'], [ebmlSample('webm'), 'video', 'video/webm'],
      [html5Sample(), 'html5', 'application/zip'],
    ];
    for (const [data, kind, mime] of samples) {
      // The sender's name and type say "a PNG picture": the bytes decide.
      const res = await upload(data, { name: 'picture.png', type: 'image/png' });
      expect(res.statusCode, res.body).toBe(201);
      const sha = sha256(data);
      expect(res.json()).toEqual({ ok: true, file: { sha256: sha, size: data.length, mime, kind } });
      expect(readFileSync(path.join(dir, sha.slice(0, 2), sha)).equals(Buffer.from(data))).toBe(true);
      const row = await db('files').where({ sha256: sha }).first();
      expect(row).toMatchObject({ kind, mime, size_bytes: expect.anything() });
      expect(Number(row.size_bytes)).toBe(data.length);
    }
    // No type at all is a body too; and the server's 4 MB limit for JSON bodies does not apply to files.
    expect((await upload(pngSample(3), { type: null })).statusCode).toBe(201);
    const song = mp3Sample(12_000); // 5 MB
    const big = await upload(song);
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json().file).toMatchObject({ size: song.length, kind: 'audio' });
  });

  it('refuses unknown, damaged and cut-short files with a translated reason, and keeps nothing of them', async () => {
    const before = { disk: filesUnder(dir), rows: await fileRows() };
    const cases: [Uint8Array, string, Record<string, string | number>, Record<Locale, string>][] = [
      [latin1('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'error.file_type_unknown', {}, {
        kk: 'Кітапхана мұндай файлды қабылдамайды', ru: 'Библиотека не принимает такой файл', en: 'The library does not take this kind of file',
      }],
      [pngSample().subarray(0, 40), 'error.file_truncated', { format: 'PNG' }, {
        kk: 'PNG файлы толық емес', ru: 'Файл PNG неполный', en: 'The PNG file is incomplete',
      }],
      [zipOf({ 'word/document.xml': '<w:document/>' }), 'error.file_type_unknown', {}, { kk: 'Кітапхана', ru: 'Библиотека', en: 'The library' }],
      [(() => { const z = html5Sample({ 'big.txt': 'x'.repeat(5000) }); const at = Buffer.from(z).indexOf('big.txt') + 9; z[at] = z[at]! ^ 0xff; return z; })(),
        'error.file_corrupt', { format: 'ZIP' }, { kk: 'ZIP файлы бүлінген', ru: 'Файл ZIP повреждён', en: 'The ZIP file is damaged' }],
      [new Uint8Array(0), 'error.file_empty', {}, { kk: 'Файл бос', ru: 'Файл пуст', en: 'The file is empty' }],
    ];
    for (const [data, key, params, starts] of cases) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const res = await upload(data, { lang });
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().error;
        expect(error).toMatchObject({ code: 'invalid_input', messageKey: key });
        expect(error.params ?? {}).toEqual(params);
        expect(error.message).toBe(translate(lang, key, params));
        expect(error.message.startsWith(starts[lang]), `${lang}: ${error.message}`).toBe(true);
      }
    }
    expect(filesUnder(dir)).toEqual(before.disk);
    expect(await fileRows()).toBe(before.rows);
  });

  it('answers 413 past the limit, before reading a body that declares its length and while reading one that does not', async () => {
    const before = { disk: filesUnder(dir), rows: await fileRows() };
    const declared = await upload(mp3Sample(3000), { on: small, lang: 'ru' }); // 1.25 MB over a 1 MB limit
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toMatchObject({ code: 'too_large', messageKey: 'error.file_too_large', params: { max: 1 }, message: 'Файл слишком большой: не более 1 МБ' });
    expect(declared.headers.connection).toBe('close');

    let sent = 0;
    const endless = Readable.from((function* () {
      for (let i = 0; i < 10_000; i++) { sent += 64 * 1024; yield Buffer.alloc(64 * 1024, 1); }
    })());
    const streamed = await upload(endless, { on: small, lang: 'kk' });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.message).toBe('Файл тым үлкен: ең көбі 1 МБ');
    expect(sent).toBeLessThan(4 * 1024 * 1024); // it stopped reading (the body would have been 640 MB)
    expect(filesUnder(dir)).toEqual(before.disk);
    expect(await fileRows()).toBe(before.rows);
  });

  it('answers over real HTTP: a file sent as a stream is kept; past the limit the answer is 413', async () => {
    const url = await small.listen({ port: 0, host: '127.0.0.1' });
    const data = jpegSample();
    const ok = await fetch(`${url}/files?name=photo.jpg`, { method: 'POST', body: Buffer.from(data), headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${tokens.teacher}` } });
    expect(ok.status).toBe(201);
    expect((await ok.json()).file).toMatchObject({ sha256: sha256(data), kind: 'image' });
    const big = await fetch(`${url}/files?name=big.mp3`, { method: 'POST', body: Buffer.from(mp3Sample(3000)), headers: { authorization: `Bearer ${tokens.teacher}`, 'accept-language': 'en' } });
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toBe('The file is too large: at most 1 MB');
    // A body of unknown length (chunked): the server stops reading at the limit and closes the connection.
    let sent = 0;
    const endless = new ReadableStream({
      pull(c) {
        if (sent >= 200 * 1024 * 1024) return c.close();
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const chunked = await fetch(`${url}/files?name=endless.bin`, { method: 'POST', body: endless, duplex: 'half', headers: { authorization: `Bearer ${tokens.teacher}` } } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('too_large');
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  });

  it('needs a signed-in uploader: no token 401, a pupil or a parent 403, a missing name 400', async () => {
    expect((await upload(pngSample(), { who: '' })).statusCode).toBe(401);
    for (const who of ['student', 'parent']) {
      const res = await upload(pngSample(), { who });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const nameless = await app.inject({ method: 'POST', url: '/files', payload: Buffer.from(pngSample()), headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${tokens.teacher}` } });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.fields[0].path).toBe('name');
  });

  it('keeps the same bytes once on disk, and records them for each school that sends them', async () => {
    const gif = anotherGif();
    const a = await uploaded(gif, 'teacher');
    const again = await uploaded(gif, 'director');
    const south = await uploaded(gif, 's2.teacher');
    expect(again).toEqual(a);
    expect(south).toEqual(a);
    expect(filesUnder(dir).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
    const rows = await db('files').where({ sha256: a.sha256 });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r: { school_id: string }) => r.school_id)).size).toBe(2);
  });

  it('answers byte ranges: two ranges give the whole file, a range past the end is 416', async () => {
    const data = mp3Sample(250);
    const { sha256: sha } = await uploaded(data);
    const whole = await get(`/files/${sha}`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers).toMatchObject({
      'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', etag: `"${sha}"`, 'content-length': String(data.length),
      'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff',
    });
    expect(whole.rawPayload.equals(Buffer.from(data))).toBe(true);
    const first = await get(`/files/${sha}`, 'teacher', { range: 'bytes=0-49999' });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-49999/${data.length}`);
    expect(first.headers['content-length']).toBe('50000');
    const rest = await get(`/files/${sha}`, 'teacher', { range: 'bytes=50000-' });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes 50000-${data.length - 1}/${data.length}`);
    expect(Buffer.concat([first.rawPayload, rest.rawPayload]).equals(Buffer.from(data))).toBe(true);
    const beyond = await get(`/files/${sha}`, 'teacher', { range: `bytes=${data.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${data.length}`);
    const two = await get(`/files/${sha}`, 'teacher', { range: 'bytes=0-9,100-109' });
    expect(two.statusCode).toBe(206);
    expect(two.headers['content-type']).toMatch(/^multipart\/byteranges; boundary=/);
    expect((await get(`/files/${sha}`, 'teacher', { 'if-none-match': `"${sha}"` })).statusCode).toBe(304);
    // A resumed download whose copy is of another version gets the whole file.
    expect((await get(`/files/${sha}`, 'teacher', { range: 'bytes=10-', 'if-range': '"something else"' })).statusCode).toBe(200);
  });

  it('refuses a bad hash 400, a file nobody sent 404, no token 401', async () => {
    const bad = await get('/files/not-a-hash');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.messageKey).toBe('error.sha_invalid');
    const unknown = await get(`/files/${'0'.repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await get(`/files/${sha256(pngSample())}`, null)).statusCode).toBe(401);
  });

  it('opens a file with a ticket for ten minutes; a ticket for another file, forged or expired is refused', async () => {
    const png = await uploaded(pngSample());
    const pdf = await uploaded(await pdfSample());
    const t = await ticket(png.sha256);
    expect(t.url).toMatch(new RegExp(`^/files/t/[^/]+/${png.sha256}$`));
    expect(Date.parse(t.expiresAt) - nowMs).toBe(10 * 60 * 1000);
    const res = await get(t.url, null);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(Buffer.from(pngSample()))).toBe(true);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const pdfRes = await get((await ticket(pdf.sha256)).url, null);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-security-policy']).toBeUndefined(); // browsers' PDF viewers do not run sandboxed

    const ticketPart = t.url.split('/')[3]!;
    const [expires, user, signature] = ticketPart.split('.') as [string, string, string];
    const refusals = [
      `/files/t/${ticketPart}/${pdf.sha256}`, // another file's address
      `/files/t/${expires}.${user}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}/${png.sha256}`, // forged
      `/files/t/${ticketPart.replace(/^\d+/, (n) => String(Number(n) + 3600))}/${png.sha256}`, // its expiry pushed on
    ];
    for (const url of refusals) {
      const r = await get(url, null, { 'accept-language': 'ru' });
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error).toMatchObject({ code: 'unauthenticated', messageKey: 'error.ticket_invalid', message: 'Ссылка на файл устарела или недействительна: откройте файл заново' });
    }
    nowMs = START + 10 * 60 * 1000 + 1000;
    try {
      expect((await get(t.url, null)).statusCode).toBe(401);
    } finally {
      nowMs = START;
    }
    expect((await get(t.url.replace(png.sha256, 'nothex'), null)).statusCode).toBe(400);
    const noTicket = await app.inject({ method: 'POST', url: `/files/${png.sha256}/ticket`, payload: {} });
    expect(noTicket.statusCode).toBe(401);
  });

  it('serves an HTML5 package file by file, sandboxed away from the application, from its launch page', async () => {
    const zip = new Uint8Array(readFileSync(path.join(SCORM, 'singlesco_scorm12.zip')));
    const file = await uploaded(zip);
    expect(file).toMatchObject({ kind: 'html5', mime: 'application/zip', size: zip.length });
    const t = await ticket(file.sha256);
    expect(t.launchPath).toBe('shared/launchpage.html');
    const start = await get(`${t.url}/pkg/`, null);
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe('shared/launchpage.html');
    const page = await get(`${t.url}/pkg/shared/launchpage.html`, null);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html');
    expect(page.body).toMatch(/<html/i);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/^sandbox allow-scripts allow-forms;/);
    expect(csp).not.toContain('allow-same-origin');
    expect(csp).not.toContain('allow-top-navigation');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const picture = await get(`${t.url}/pkg/Etiquette/course.jpg`, null, { range: 'bytes=0-1' });
    expect(picture.statusCode).toBe(206);
    expect([...picture.rawPayload]).toEqual([0xff, 0xd8]);

    // An address whose dots the URL parser resolves leaves the package's routes altogether (to the web app's pages,
    // when it is built, or to 404): never to a file of the package.
    const climbed = await get(`${t.url}/pkg/%2e%2e/imsmanifest.xml`, null);
    expect(climbed.body).not.toContain('<manifest');
    expect(climbed.headers['content-security-policy'] ?? '').not.toContain('sandbox allow-scripts');
    for (const sneaky of ['shared%2f..%2f..%2fx', '..%5cimsmanifest.xml', 'shared/%2e%2e%2fimsmanifest.xml', 'a%00b', '%2fetc%2fpasswd']) {
      const r = await get(`${t.url}/pkg/${sneaky}`, null);
      expect(r.statusCode, sneaky).toBe(400);
      expect(r.json().error.messageKey).toBe('error.package_path_invalid');
    }
    expect((await get(`${t.url}/pkg/no/such/page.html`, null)).statusCode).toBe(404);
    const png = await uploaded(pngSample());
    expect((await get(`${(await ticket(png.sha256)).url}/pkg/index.html`, null)).statusCode).toBe(404);
  });
});

/** A GIF other than the sample (a different screen width), so its hash is new to the store. */
function anotherGif(): Uint8Array {
  const gif = gifSample().slice();
  gif[6] = 2;
  return gif;
}
