import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Knex } from 'knex';
import { strToU8, zipSync } from 'fflate';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { translate } from '../../src-core/i18n/index';
import { MB } from '../../src-core/resources/sniff';
import { clockFrom } from '../../src-core/util/clock';
import { startClientApp, type DesktopClient } from '../../src-main/app/client-app';
import { FileCache } from '../../src-main/app/files/cache';
import { httpServerFiles } from '../../src-main/app/files/server-files';
import { buildHttpHost } from '../../src-main/app/http-host';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser } from '../helpers/factories';

/*
 * The desktop client's files against a real central server: the coming lessons' files fetched ahead and verified,
 * a download cut and resumed, wrong bytes thrown away, an offline lesson served from the cache, uploads made
 * offline sent when the server is back, and who may open what.
 */
const TODAY = '2026-11-23'; // a Monday
const clock = clockFrom('2026-11-23T09:00:00+05:00');
const AT = '2026-09-01T00:00:00.000Z';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file the type check takes for a PDF (its header and its end marker), `size` bytes long. */
function pdf(label: string, size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n`);
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(size - head.length - tail.length);
  const seed = createHash('sha256').update(label).digest();
  for (let i = 0; i < body.length; i++) body[i] = seed[i % seed.length]! ^ (i & 0xff);
  return Buffer.concat([head, body, tail]);
}

/**
 * A proxy in front of the server's file routes: it logs each request (and its Range), cuts the answers for some
 * files after a number of bytes (the link dropping), and inverts the bytes of others (a server answering wrong).
 */
function fileProxy(target: string) {
  const log: { sha: string | null; range: string | undefined; status?: number }[] = [];
  const cutAfter = new Map<string, number>();
  const corrupt = new Set<string>();
  // An answer given to uploads instead of the server's.
  const state = { uploads: null as { status: number; type: string; body: string } | null };
  const server = http.createServer((req, res) => {
    if (state.uploads && req.method === 'POST') {
      req.resume();
      res.writeHead(state.uploads.status, { 'content-type': state.uploads.type }).end(state.uploads.body);
      return;
    }
    const sha = /^\/files\/([0-9a-f]{64})$/.exec(req.url ?? '')?.[1] ?? null;
    const entry: (typeof log)[number] = { sha, range: req.headers.range };
    log.push(entry);
    const upstream = http.request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (answer) => {
      entry.status = answer.statusCode;
      res.writeHead(answer.statusCode!, answer.headers);
      const cut = sha ? cutAfter.get(sha) : undefined;
      if (cut !== undefined) {
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= cut) return;
          const piece = chunk.subarray(0, cut - sent);
          sent += piece.length;
          res.write(piece);
          if (sent >= cut) {
            answer.destroy();
            res.socket?.end();
          }
        });
        return;
      }
      if (sha && corrupt.has(sha)) {
        answer.on('data', (chunk: Buffer) => res.write(Buffer.from(Uint8Array.from(chunk, (b) => b ^ 0xff))));
        answer.on('end', () => res.end());
        return;
      }
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return {
    log,
    cutAfter,
    corrupt,
    state,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe.each(ENGINES)('desktop client files, server on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let serverUrl: string;
  let port: number;
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-server-files-'));
  const dirs: string[] = [];
  const clients: DesktopClient[] = [];
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  let host: FastifyInstance;
  let teacher: DesktopClient;
  let teacherSession: string;
  let lessonTomorrow: string;
  let lessonFriday: string;
  const proxy = { current: null as ReturnType<typeof fileProxy> | null };

  // A: tomorrow's plan; C: cut mid-way on the second computer; W: wrong bytes there; B: tomorrow, another class;
  // F: Friday (in the window only because Wednesday is a holiday); Z: next Monday, past the window.
  const files = {
    A: pdf('A', 300_000), C: pdf('C', 400_000), W: pdf('W', 100_000), B: pdf('B', 40_000), F: pdf('F', 50_000), Z: pdf('Z', 60_000),
  };
  const sha = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, sha256(v)])) as Record<keyof typeof files, string>;

  async function startServer(listenPort = 0) {
    server = await buildServer({ db, clock, files: { dir: filesDir, maxBytes: 200 * MB } });
    serverUrl = await server.listen({ port: listenPort, host: '127.0.0.1' });
    port = Number(new URL(serverUrl).port);
  }

  async function newClient(opts: { viaProxy?: boolean } = {}) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-client-files-'));
    dirs.push(dir);
    let serverFiles;
    if (opts.viaProxy) {
      proxy.current = fileProxy(serverUrl);
      serverFiles = httpServerFiles(await proxy.current.listen());
    }
    const client = await startClientApp({ dataDir: dir, serverUrl, clock, maxFileMb: 1, serverFiles, log: () => undefined });
    clients.push(client);
    return { client, dir };
  }

  async function openReplica(dir: string) {
    return openDatabase({ kind: 'sqlite', filename: path.join(dir, 'sabaq-replica.sqlite') }, 'replica');
  }

  async function signIn(client: DesktopClient, login: string) {
    const signed = await client.signIn(login, 'password');
    if (!signed.ok) throw new Error(`sign-in of ${login} failed`);
    await client.syncNow();
    await client.files.settled();
    return signed.sessionId;
  }

  /** A lesson of the teacher's on the server with a plan naming the files. */
  async function lesson(date: string, period: number, classId: string, planFiles: (keyof typeof files)[]) {
    const s = schools[0]!;
    const id = uuid();
    const plan = {
      objectives: [], stages: [], notes: null,
      resources: planFiles.map((k) => ({ resourceId: uuid(), sha256: sha[k], title: `${k}.pdf`, kind: 'pdf', mime: 'application/pdf', size: files[k].length })),
    };
    await db('lessons').insert({
      id, school_id: s.school.id, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT, date, period, starts_at: '09:00', ends_at: '09:45',
      class_id: classId, subject_id: s.subject.id, teacher_id: s.teacher.id, room_id: s.room.id, status: 'planned', plan: JSON.stringify(plan),
    });
    for (const k of planFiles) await db('file_links').insert({ school_id: s.school.id, sha256: sha[k], lesson_id: id, role: 'plan' });
    return id;
  }

  const inject = (opts: InjectOptions) => host.inject(opts);
  const ticket = (session: string, file: string, locale = 'en') =>
    inject({ method: 'POST', url: `/files/${file}/ticket`, headers: { authorization: `Bearer ${session}`, 'accept-language': locale }, payload: {} });
  const upload = (session: string, bytes: Buffer, name: string, locale = 'en') =>
    inject({ method: 'POST', url: `/files?name=${encodeURIComponent(name)}`, headers: { authorization: `Bearer ${session}`, 'content-type': 'application/octet-stream', 'accept-language': locale }, payload: bytes });

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), TODAY);
    const s = schools[0]!;
    const other = await buildPerson(db, s.school.id, 'Жұмабаев', 'Серік');
    await buildUser(db, s.school.id, other.id, 'teacher2', ['teacher'], await hashPassword('password'));
    await db('holidays').insert({
      id: uuid(), school_id: s.school.id, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT, academic_year_id: s.year.id,
      kind: 'public_holiday', name_kk: 'Мереке', name_ru: 'Праздник', name_en: 'Holiday', starts_on: '2026-11-25', ends_on: '2026-11-25', grades: null,
    });
    const classB = uuid();
    await db('classes').insert({ ...s.klass, id: classB, letter: 'Б', class_teacher_id: null });
    await startServer();

    // The teacher's files are on the server, named by the plans of their lessons.
    const signed = await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login: 'teacher', password: 'password', deviceId: randomUUID() } });
    const token = (signed.json() as { accessToken: string }).accessToken;
    for (const [name, bytes] of Object.entries(files)) {
      const res = await server.inject({ method: 'POST', url: `/files?name=${name}.pdf`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, payload: bytes });
      expect(res.statusCode, res.body).toBe(201);
    }
    lessonTomorrow = await lesson('2026-11-24', 2, s.klass.id, ['A', 'C', 'W']);
    await lesson('2026-11-24', 3, classB, ['B']);
    lessonFriday = await lesson('2026-11-27', 1, s.klass.id, ['F']);
    await lesson('2026-11-30', 1, s.klass.id, ['Z']);

    const first = await newClient();
    teacher = first.client;
    host = await buildHttpHost(teacher, { rendererDir: path.join(first.dir, 'no-renderer'), port: 0 });
  });

  afterAll(async () => {
    await host?.close();
    for (const c of clients) await c.close();
    await proxy.current?.close();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
    for (const d of [filesDir, ...dirs]) rmSync(d, { recursive: true, force: true });
  });

  const teacherDir = () => dirs[0]!;
  async function onReplica<T>(dir: string, use: (replica: Knex) => Promise<T>): Promise<T> {
    const replica = await openReplica(dir);
    try {
      return await use(replica);
    } finally {
      await replica.destroy();
    }
  }
  const cacheRow = (dir: string, file: string) => onReplica(dir, (r) => r('file_cache').where({ sha256: file }).first());
  const cachePath = (dir: string, file: string) => path.join(dir, 'files', file.slice(0, 2), file);

  it('a sync brings the files of the coming school days, verified; a holiday is skipped, next week waits', async () => {
    teacherSession = await signIn(teacher, 'teacher');
    for (const k of ['A', 'C', 'W', 'B', 'F'] as const) {
      expect(await cacheRow(teacherDir(), sha[k]), k).toMatchObject({ state: 'complete', size_bytes: files[k].length, mime: 'application/pdf', kind: 'pdf' });
      // What is on disk is the file itself.
      const held = await onReplica(teacherDir(), (r) => new FileCache(r, path.join(teacherDir(), 'files'), clock).complete(sha[k]));
      expect(held?.sha256, k).toBe(sha[k]);
      expect(sha256(await readFile(cachePath(teacherDir(), sha[k]))), k).toBe(sha[k]);
    }
    expect(await cacheRow(teacherDir(), sha.Z)).toBeUndefined();
    const status = await teacher.files.status();
    expect(status.problems).toEqual([]);
    expect(status.prefetch).toMatchObject({ running: false, offline: false });
  });

  it('a download cut mid-way goes on with a Range from where the part ended, and ends verified', async () => {
    const { client, dir } = await newClient({ viaProxy: true });
    const p = proxy.current!;
    p.cutAfter.set(sha.C, 100_000);
    p.corrupt.add(sha.W);
    await signIn(client, 'teacher');

    // The link dropped during C: its part stays, partial, and nothing after it was asked for.
    expect(await cacheRow(dir, sha.A)).toMatchObject({ state: 'complete' });
    expect(await cacheRow(dir, sha.C)).toMatchObject({ state: 'partial', size_bytes: files.C.length });
    expect(existsSync(cachePath(dir, sha.C))).toBe(false);
    const partLength = statSync(`${cachePath(dir, sha.C)}.part`).size;
    expect(partLength).toBeGreaterThan(0);
    expect(partLength).toBeLessThan(files.C.length);
    expect(p.log.find((r) => r.sha === sha.C)?.range).toBeUndefined();
    expect(p.log.some((r) => r.sha === sha.B)).toBe(false);

    p.cutAfter.delete(sha.C);
    const run = await client.files.prefetch();
    const asked = p.log.filter((r) => r.sha === sha.C);
    expect(asked.at(-1)).toMatchObject({ range: `bytes=${partLength}-`, status: 206 });
    expect(await cacheRow(dir, sha.C)).toMatchObject({ state: 'complete' });
    expect(sha256(await readFile(cachePath(dir, sha.C)))).toBe(sha.C);
    expect(existsSync(`${cachePath(dir, sha.C)}.part`)).toBe(false);
    expect(run).toMatchObject({ offline: false, failed: 1 });
  });

  it('a server answering wrong bytes: nothing kept, a problem recorded; the right bytes later are kept', async () => {
    const client = clients.at(-1)!;
    const dir = dirs.at(-1)!;
    const p = proxy.current!;
    // The run before this one met W's wrong bytes.
    expect(await cacheRow(dir, sha.W)).toBeUndefined();
    expect(existsSync(cachePath(dir, sha.W))).toBe(false);
    expect(existsSync(`${cachePath(dir, sha.W)}.part`)).toBe(false);
    expect((await client.files.status()).problems).toEqual([expect.objectContaining({ sha256: sha.W, messageKey: 'error.file_download_corrupt' })]);
    expect(p.log.filter((r) => r.sha === sha.W).length).toBeGreaterThan(0);

    p.corrupt.delete(sha.W);
    await client.files.prefetch();
    expect(await cacheRow(dir, sha.W)).toMatchObject({ state: 'complete' });
  });

  it('the files a board names go before the board: while the server does not take them, the board waits', async () => {
    const client = clients.at(-1)!;
    const p = proxy.current!;
    const signed = await client.signIn('teacher', 'password');
    if (!signed.ok) throw new Error('sign-in failed');
    p.state.uploads = { status: 503, type: 'text/plain', body: 'unavailable' };
    const board = pdf('friday board', 25_000);
    const written = await client.files.upload(signed.sessionId, board, 'board.pdf', 'en');
    expect(written).toMatchObject({ ok: true, file: { sha256: sha256(board) } });
    const saved = await client.call(signed.sessionId, 'lesson.saveBoard', {
      lessonId: lessonFriday, files: [{ sha256: sha256(board), format: 'pdf', size: board.length, pages: 1, savedAt: clock.now().toISOString() }],
    });
    expect(saved.ok).toBe(true);
    expect(await client.syncNow()).toMatchObject({ waiting: 'server' });
    expect(await client.outboxStatus()).toMatchObject({ pending: 1 });
    expect((await db('lessons').where({ id: lessonFriday }).first()).board_files).toBeNull();

    p.state.uploads = null;
    expect(await client.syncNow()).toMatchObject({ waiting: 'nothing' });
    expect(await db('files').where({ school_id: schools[0]!.school.id, sha256: sha256(board) }).first()).toBeTruthy();
    expect(JSON.parse((await db('lessons').where({ id: lessonFriday }).first()).board_files)).toEqual([expect.objectContaining({ sha256: sha256(board) })]);
    await client.files.settled();
  });

  it('a file the server refuses (not a token to renew) is given up, with the problem recorded; the journal goes on', async () => {
    const client = clients.at(-1)!;
    const dir = dirs.at(-1)!;
    const p = proxy.current!;
    const signed = await client.signIn('teacher', 'password');
    if (!signed.ok) throw new Error('sign-in failed');
    const refusal = { ok: false, error: { code: 'too_large', messageKey: 'error.file_too_large', message: 'too large', params: { max: 0.1 } } };
    p.state.uploads = { status: 413, type: 'application/json', body: JSON.stringify(refusal) };
    const big = pdf('refused', 200_000);
    expect(await client.files.upload(signed.sessionId, big, 'big.pdf', 'en')).toMatchObject({ ok: true });
    expect((await client.call(signed.sessionId, 'lesson.setTopic', { lessonId: lessonFriday, topic: 'Бөлшектер' })).ok).toBe(true);

    expect(await client.syncNow()).toMatchObject({ waiting: 'nothing' });
    await client.files.settled();
    p.state.uploads = null;
    expect((await db('lessons').where({ id: lessonFriday }).first()).topic).toBe('Бөлшектер');
    expect(await db('files').where({ sha256: sha256(big) }).first()).toBeUndefined();
    const status = await client.files.status();
    expect(status.uploadsPending).toBe(0);
    expect(status.problems.at(-1)).toMatchObject({ sha256: sha256(big), messageKey: 'error.file_too_large', params: { max: 0.1 } });
    // It stays on this computer, whole.
    expect(await cacheRow(dir, sha256(big))).toMatchObject({ state: 'complete' });
  });

  it('who may not read a lesson gets no ticket for its files; a pupil gets their own lesson\'s', async () => {
    const pupil = await signIn(teacher, 'student');
    const other = await signIn(teacher, 'teacher2');

    const own = await ticket(pupil, sha.A);
    expect(own.statusCode, own.body).toBe(200);
    const served = await inject({ method: 'GET', url: (own.json() as { url: string }).url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(files.A)).toBe(true);

    // B is held here (the teacher's lesson of another class), but the pupil is not in that class.
    expect(await cacheRow(teacherDir(), sha.B)).toMatchObject({ state: 'complete' });
    expect((await ticket(pupil, sha.B)).json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ticket(pupil, sha.B)).statusCode).toBe(404);
    // Another teacher of the school: not their lesson, not their class's journal.
    expect((await ticket(other, sha.A)).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/files/${sha.A}`, headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(404);
    // Not held here: the server is asked with the other teacher's own token, and refuses too.
    expect((await ticket(other, sha.Z)).statusCode).toBe(404);
    expect(await cacheRow(teacherDir(), sha.Z)).toBeUndefined();
    // The lesson's teacher may, with the same bearer rules.
    expect((await inject({ method: 'GET', url: `/files/${sha.A}`, headers: { authorization: `Bearer ${teacherSession}` } })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/files/${sha.A}` })).statusCode).toBe(401);
  });

  it('an upload that is no file of the library, cut short or too large is refused, translated, and nothing is kept', async () => {
    const before = await cachedCount(teacherDir());
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const unknown = await upload(teacherSession, text, 'picture.svg');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ ok: false, error: { messageKey: 'error.file_type_unknown', message: translate('en', 'error.file_type_unknown') } });

    const cutShort = pdf('cut', 20_000).subarray(0, 15_000);
    const truncated = await upload(teacherSession, cutShort, 'lesson.pdf', 'ru');
    expect(truncated.json()).toMatchObject({ ok: false, error: { messageKey: 'error.file_truncated', message: translate('ru', 'error.file_truncated', { format: 'PDF' }) } });

    const big = pdf('big', Math.round(1.2 * MB));
    const tooLarge = await upload(teacherSession, big, 'big.pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ ok: false, error: { messageKey: 'error.file_too_large', params: { max: 1 } } });

    expect(await cachedCount(teacherDir())).toBe(before);
    for (const bytes of [text, cutShort, big]) expect(existsSync(cachePath(teacherDir(), sha256(bytes)))).toBe(false);
  });

  it('an HTML5 package opens from its first page, each of its files in the same sandbox as on the server', async () => {
    const app = 'document.title = "ok";';
    const pkg = Buffer.from(zipSync({ 'index.html': strToU8('<!doctype html><script src="js/app.js"></script>'), 'js/app.js': strToU8(app) }));
    const written = await upload(teacherSession, pkg, 'lesson.zip');
    expect(written.json()).toMatchObject({ ok: true, file: { sha256: sha256(pkg), kind: 'html5' } });
    const res = await ticket(teacherSession, sha256(pkg));
    expect(res.json()).toMatchObject({ ok: true, launchPath: 'index.html' });
    const base = `${(res.json() as { url: string }).url}/pkg`;

    const start = await inject({ method: 'GET', url: `${base}/` });
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe('index.html');
    const page = await inject({ method: 'GET', url: `${base}/index.html` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const script = await inject({ method: 'GET', url: `${base}/js/app.js` });
    expect(script.body).toBe(app);
    expect((await inject({ method: 'GET', url: `${base}/js/missing.js` })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `${base}/..%2F..%2Fsecret` })).statusCode).toBe(400);

    // The central server serves the same package under the same policy.
    const signed = await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login: 'teacher', password: 'password', deviceId: randomUUID() } });
    const token = (signed.json() as { accessToken: string }).accessToken;
    await server.inject({ method: 'POST', url: '/files?name=lesson.zip', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, payload: pkg });
    const onServer = await server.inject({ method: 'POST', url: `/files/${sha256(pkg)}/ticket`, headers: { authorization: `Bearer ${token}` }, payload: {} });
    const serverPage = await server.inject({ method: 'GET', url: `${(onServer.json() as { url: string }).url}/pkg/index.html` });
    expect(serverPage.headers['content-security-policy']).toBeTruthy();
    expect(page.headers['content-security-policy']).toBe(serverPage.headers['content-security-policy']);

    await teacher.syncNow();
    await teacher.files.settled();
    expect((await teacher.files.status()).uploadsPending).toBe(0);
  });

  it('the offline lesson: with the server stopped, the ticket and the file are served from this computer', async () => {
    await server.close();
    expect(await teacher.online()).toBe(false);
    const res = await ticket(teacherSession, sha.A);
    expect(res.statusCode, res.body).toBe(200);
    const { url } = res.json() as { url: string };
    expect(url).toMatch(new RegExp(`^/files/t/[^/]+/${sha.A}$`));

    await onReplica(teacherDir(), (r) => r('file_cache').where({ sha256: sha.A }).update({ last_used_at: '2000-01-01T00:00:00.000Z' }));
    const whole = await inject({ method: 'GET', url });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(files.A)).toBe(true);
    expect(whole.headers).toMatchObject({ 'content-type': 'application/pdf', etag: `"${sha.A}"`, 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes' });

    const part = await inject({ method: 'GET', url, headers: { range: 'bytes=1000-1999' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${files.A.length}`);
    expect(part.rawPayload.equals(files.A.subarray(1000, 2000))).toBe(true);
    expect((await inject({ method: 'GET', url, headers: { range: `bytes=${files.A.length}-` } })).statusCode).toBe(416);
    expect((await inject({ method: 'GET', url, headers: { 'if-none-match': `"${sha.A}"` } })).statusCode).toBe(304);
    expect((await cacheRow(teacherDir(), sha.A)).last_used_at >= '2026-11-23').toBe(true);

    // A ticket is for its file and its signature only.
    // The signature's first character changed: six bits of the HMAC differ.
    const forged = url.replace(/\/files\/t\/(\d+\.[^./]+\.)(.)/, (_m, head: string, c: string) => `/files/t/${head}${c === 'A' ? 'B' : 'A'}`);
    expect(forged).not.toBe(url);
    expect((await inject({ method: 'GET', url: forged })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: url.replace(sha.A, sha.F) })).statusCode).toBe(401);

    // Not held here, and nobody to ask.
    const missing = await ticket(teacherSession, sha.Z);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ ok: false, error: { messageKey: 'error.file_not_on_this_computer', message: translate('en', 'error.file_not_on_this_computer') } });
  });

  it('a file written offline is answered at once; it and the board saved with it reach the server once it is back', async () => {
    const board = pdf('board', 30_000);
    const notes = pdf('notes', 20_000);
    const written = await upload(teacherSession, board, 'board.pdf');
    expect(written.statusCode).toBe(201);
    expect(written.json()).toEqual({ ok: true, file: { sha256: sha256(board), size: board.length, mime: 'application/pdf', kind: 'pdf' } });
    expect((await upload(teacherSession, notes, 'notes.pdf')).statusCode).toBe(201);
    expect(await cacheRow(teacherDir(), sha256(board))).toMatchObject({ state: 'complete' });
    expect(Boolean((await cacheRow(teacherDir(), sha256(board))).upload_pending)).toBe(true);
    const saved = await teacher.call(teacherSession, 'lesson.saveBoard', {
      lessonId: lessonTomorrow, files: [{ sha256: sha256(board), format: 'pdf', size: board.length, pages: 1, savedAt: clock.now().toISOString() }],
    });
    expect(saved.ok).toBe(true);
    expect((await teacher.files.status()).uploadsPending).toBe(2);
    // The command's own sync, started while the server is down, ends without it (a sync asked now would join it).
    expect(await teacher.syncNow()).toMatchObject({ waiting: 'server' });

    await startServer(port);
    expect(await teacher.syncNow()).toMatchObject({ waiting: 'nothing' });
    const schoolId = schools[0]!.school.id;
    expect(Number((await db('files').where({ school_id: schoolId, sha256: sha256(board) }).first())?.size_bytes)).toBe(board.length);
    const onServer = await db('lessons').where({ id: lessonTomorrow }).first();
    expect(JSON.parse(onServer.board_files)).toEqual([expect.objectContaining({ sha256: sha256(board) })]);

    await teacher.files.settled();
    expect(await db('files').where({ school_id: schoolId, sha256: sha256(notes) }).first()).toBeTruthy();
    expect((await teacher.files.status()).uploadsPending).toBe(0);

    // Online again: a file not held here is fetched (verified) before its ticket is given.
    const fetched = await ticket(teacherSession, sha.Z);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(await cacheRow(teacherDir(), sha.Z)).toMatchObject({ state: 'complete' });
  });

  const cachedCount = (dir: string) => onReplica(dir, async (r) => Number((await r('file_cache').count({ n: '*' }).first())?.n ?? 0));
});
