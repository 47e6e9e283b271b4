import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { attendanceId, markId } from '../../src-core/journal/ids';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src-core/sync/protocol';
import { clockFrom } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import type { ClientApp } from '../../src-main/app/types';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, enrol, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00');

describe.each(ENGINES)('sync push on $name: every mutation reaches the server exactly once', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let url: string;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const dirs: string[] = [];
  const clients: ClientApp[] = [];
  let dropPulls = false;
  let dropPushes = false;

  async function newClient() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-sync-'));
    dirs.push(dir);
    const client = await startClientApp({ dataDir: dir, serverUrl: url, clock });
    clients.push(client);
    return client;
  }
  async function signedIn(client: ClientApp, login: string) {
    const r = await client.signIn(login, 'password');
    if (!r.ok) throw new Error(`sign-in of ${login} failed`);
    return r;
  }
  const push = (body: unknown) => server.inject({ method: 'POST', url: '/sync/push', payload: body as object });
  async function tokenOf(login: string, deviceId: string) {
    const res = await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId } });
    return res.json() as { accessToken: string; me: { userId: string } };
  }

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), DATE);
    for (const s of schools) await seedAttendanceCodes(db, s.school.id);
    server = await buildServer({ db, clock });
    // A link that answers pushes but drops pulls (the school's link failing between the two).
    server.addHook('onRequest', async (req, reply) => {
      if (dropPulls && req.url === '/sync/pull') await reply.code(503).send({ ok: false });
      if (dropPushes && req.url === '/sync/push') await reply.code(503).send({ ok: false });
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('applies attendance and marks made on a classroom computer, once, with the change log in school order', async () => {
    const client = await newClient();
    const t = await signedIn(client, 'teacher');
    const { lesson, pupil } = schools[0]!;
    expect((await client.call(t.sessionId, 'attendance.mark', { lessonId: lesson.id, studentId: pupil.id, code: 'к' })).ok).toBe(true);
    expect((await client.call(t.sessionId, 'journal.setMark', { lessonId: lesson.id, studentId: pupil.id, value: 8, baseVersion: 0 })).ok).toBe(true);
    await client.syncNow();
    expect(await client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect(await db('attendance').where({ id: attendanceId(lesson.id, pupil.id) }).first()).toMatchObject({ code: 'к' });
    expect(await db('marks').where({ id: markId(lesson.id, pupil.id, 'fo') }).first()).toMatchObject({ value: 8 });
    const log = await db('change_log').where({ school_id: schools[0]!.school.id }).orderBy('seq');
    expect(log.map((r) => r.table_name)).toEqual(['attendance', 'marks']);
    expect(Number(log[1].seq)).toBeGreaterThan(Number(log[0].seq));
    const buckets = await db('change_buckets').where({ seq: log[0].seq, school_id: schools[0]!.school.id }).pluck('bucket');
    expect(buckets.sort()).toEqual([`class:${schools[0]!.klass.id}:journal`, `student:${pupil.id}`].sort());
  });

  it('keeps an acknowledged change on the replica until the pull brings the server\'s newer version (no flicker back)', async () => {
    const { lesson, school, klass } = schools[0]!;
    const pupil2 = await buildPerson(db, school.id, 'Нұрланова', 'Әйгерім');
    await enrol(db, school.id, klass.id, pupil2.id);
    const client = await newClient();
    const t = await signedIn(client, 'teacher');
    const call = (value: number, baseVersion: number) => client.call(t.sessionId, 'journal.setMark', { lessonId: lesson.id, studentId: pupil2.id, value, baseVersion });
    expect((await call(4, 0)).ok).toBe(true);
    dropPulls = true;
    await client.syncNow().catch(() => undefined).finally(() => { dropPulls = false; });
    const replica = await openDatabase({ kind: 'sqlite', filename: path.join(dirs.at(-1)!, 'sabaq-replica.sqlite') }, 'replica');
    try {
      const id = markId(lesson.id, pupil2.id, 'fo');
      // Acknowledged, not yet pulled: the teacher's value stays, at the version the server had before it.
      expect(await replica('marks').where({ id }).first()).toMatchObject({ value: 4, row_version: 0 });
      expect(await replica('shadow_rows').where({ row_id: id }).first()).toBeUndefined();
      const server = await db('marks').where({ id }).first();
      expect(server).toMatchObject({ value: 4, row_version: 1 });
      // A refused change does go back: a stale base version is a conflict, and the server's value is shown.
      expect((await call(6, 0)).ok).toBe(true);
      dropPulls = true;
      await client.syncNow().catch(() => undefined).finally(() => { dropPulls = false; });
      expect(await client.outboxStatus()).toMatchObject({ conflicts: 1 });
      expect(await replica('marks').where({ id }).first()).toMatchObject({ value: 4, row_version: 0 });
    } finally {
      await replica.destroy();
    }
  });

  it('keeps a waiting change on screen when somebody signs in on the computer meanwhile (the sign-in snapshot does not undo it)', async () => {
    const client = await newClient();
    const t = await signedIn(client, 'teacher');
    const { lesson } = schools[0]!;
    const before = await db('lessons').where({ id: lesson.id }).first();
    dropPushes = true;
    try {
      expect((await client.call(t.sessionId, 'lesson.setTopic', { lessonId: lesson.id, topic: 'Жай бөлшектерді қосу' })).ok).toBe(true);
      await client.syncNow().catch(() => undefined);
      await signedIn(client, 'teacher'); // a second sign-in: the server's lessons come again, without the change
      const replica = await openDatabase({ kind: 'sqlite', filename: path.join(dirs.at(-1)!, 'sabaq-replica.sqlite') }, 'replica');
      try {
        expect(await replica('lessons').where({ id: lesson.id }).first()).toMatchObject({ topic: 'Жай бөлшектерді қосу' });
        const shadow = await replica('shadow_rows').where({ table_name: 'lessons', row_id: lesson.id }).first();
        expect(JSON.parse(shadow.row)).toMatchObject({ topic: before.topic, row_version: before.row_version });
      } finally {
        await replica.destroy();
      }
    } finally {
      dropPushes = false;
    }
    await client.syncNow();
    expect(await db('lessons').where({ id: lesson.id }).first()).toMatchObject({ topic: 'Жай бөлшектерді қосу' });
  });

  it('keeps a second change on screen when the pull brought the first one before the second was acknowledged', async () => {
    const { lesson } = schools[0]!;
    const client = await newClient();
    const t = await signedIn(client, 'teacher');
    const replica = await openDatabase({ kind: 'sqlite', filename: path.join(dirs.at(-1)!, 'sabaq-replica.sqlite') }, 'replica');
    const sync = async (drop: { pulls?: boolean; pushes?: boolean }) => {
      dropPulls = drop.pulls ?? false;
      dropPushes = drop.pushes ?? false;
      await client.syncNow().catch(() => undefined).finally(() => { dropPulls = false; dropPushes = false; });
    };
    try {
      expect((await client.call(t.sessionId, 'lesson.setTopic', { lessonId: lesson.id, topic: 'Ондық бөлшектер' })).ok).toBe(true);
      await sync({ pulls: true }); // acknowledged, not pulled
      expect((await client.call(t.sessionId, 'lesson.setHomework', { lessonId: lesson.id, homework: '§14, № 3' })).ok).toBe(true);
      await sync({ pushes: true }); // the pull brings the topic while the homework waits
      await sync({ pulls: true }); // the homework acknowledged: the shadow holds the topic's version, not the homework's
      expect(await replica('lessons').where({ id: lesson.id }).first()).toMatchObject({ topic: 'Ондық бөлшектер', homework: '§14, № 3' });
      await sync({});
      expect(await replica('lessons').where({ id: lesson.id }).first()).toMatchObject({ topic: 'Ондық бөлшектер', homework: '§14, № 3' });
      expect(await db('lessons').where({ id: lesson.id }).first()).toMatchObject({ topic: 'Ондық бөлшектер', homework: '§14, № 3' });
    } finally {
      await replica.destroy();
    }
  });

  it('answers a duplicate with the stored outcome and applies nothing twice (a response lost after commit)', async () => {
    const deviceId = randomUUID();
    const { accessToken, me } = await tokenOf('teacher', deviceId);
    const { lesson, pupil } = schools[0]!;
    const mutation = { mutationId: randomUUID(), deviceSeq: 1, userId: me.userId, name: 'attendance.mark', args: { lessonId: lesson.id, studentId: pupil.id, code: 'ж' }, createdAt: '2026-11-23T04:00:00Z' };
    const body = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken }, mutations: [mutation] };
    const first = (await push(body)).json();
    const version = Number((await db('attendance').where({ id: attendanceId(lesson.id, pupil.id) }).first()).row_version);
    const again = (await push(body)).json();
    expect(again.results).toEqual(first.results);
    expect(first.results[0].outcome).toBe('applied');
    expect(Number((await db('attendance').where({ id: attendanceId(lesson.id, pupil.id) }).first()).row_version)).toBe(version);
    expect(await db('applied_mutations').where({ mutation_id: mutation.mutationId })).toHaveLength(1);
  });

  it('asks for a resend from the first missing number when there is a gap', async () => {
    const deviceId = randomUUID();
    const { accessToken, me } = await tokenOf('teacher', deviceId);
    const { lesson, pupil } = schools[0]!;
    const res = (await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken },
      mutations: [{ mutationId: randomUUID(), deviceSeq: 3, userId: me.userId, name: 'attendance.mark', args: { lessonId: lesson.id, studentId: pupil.id, code: 'д' }, createdAt: '2026-11-23T04:00:00Z' }] })).json();
    expect(res.results[0]).toMatchObject({ outcome: 'resend', reason: 'gap', expectedSeq: 1 });
    expect(await db('applied_mutations').where({ device_id: deviceId })).toHaveLength(0);
  });

  it('applies nothing for a forged user, a lesson of another school, or a pupil of another class', async () => {
    const deviceId = randomUUID();
    const teacher = await tokenOf('teacher', deviceId);
    const parent = await tokenOf('parent', deviceId);
    const [north, south] = schools;
    const m = (seq: number, userId: string, args: object) => ({ mutationId: randomUUID(), deviceSeq: seq, userId, name: 'attendance.mark', args, createdAt: '2026-11-23T04:00:00Z' });
    // The parent's id with the teacher's token: not this user's token, nothing applied.
    const forged = (await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [parent.me.userId]: teacher.accessToken },
      mutations: [m(1, parent.me.userId, { lessonId: north!.lesson.id, studentId: north!.pupil.id, code: 'ж' })] })).json();
    expect(forged.results[0]).toMatchObject({ outcome: 'resend', reason: 'auth_required' });
    const auth = { [teacher.me.userId]: teacher.accessToken, [parent.me.userId]: parent.accessToken };
    const res = (await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth, mutations: [
      m(1, teacher.me.userId, { lessonId: south!.lesson.id, studentId: south!.pupil.id, code: 'ж' }),
      m(2, parent.me.userId, { lessonId: north!.lesson.id, studentId: north!.pupil.id, code: 'ж' }),
      m(3, teacher.me.userId, { lessonId: north!.lesson.id, studentId: south!.pupil.id, code: 'ж' }),
      m(4, teacher.me.userId, { lessonId: north!.lesson.id, studentId: north!.pupil.id, code: 'zz' }),
      m(5, teacher.me.userId, { lessonId: north!.lesson.id, studentId: north!.pupil.id, code: 'а' }),
    ] })).json();
    expect(res.results.map((r: { outcome: string }) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(res.results.map((r: { reply: { error?: { messageKey: string } } }) => r.reply.error?.messageKey)).toEqual(
      ['error.not_found', 'error.forbidden', 'error.pupil_not_in_lesson', 'error.attendance_code_unknown', undefined]);
    expect(await db('attendance').where({ id: attendanceId(south!.lesson.id, south!.pupil.id) }).first()).toBeUndefined();
    expect(await db('change_log').where({ school_id: south!.school.id })).toHaveLength(0);
  });

  it('checks the acting user at apply time: a role removed before the push makes it rejected, and the queue moves on', async () => {
    const client = await newClient();
    const t = await signedIn(client, 's2.teacher');
    const d = await signedIn(client, 's2.director');
    const south = schools[1]!;
    expect((await client.call(t.sessionId, 'attendance.mark', { lessonId: south.lesson.id, studentId: south.pupil.id, code: 'д' })).ok).toBe(true);
    expect((await client.call(d.sessionId, 'session.me', {})).ok).toBe(true);
    await db('user_roles').where({ user_id: south.users.teacher.id }).update({ deleted_at: '2026-11-23T04:30:00Z' });
    await client.syncNow();
    expect(await client.outboxStatus()).toEqual({ pending: 0, rejected: 1, conflicts: 0 });
    expect(await db('attendance').where({ id: attendanceId(south.lesson.id, south.pupil.id) }).first()).toBeUndefined();
    await db('user_roles').where({ user_id: south.users.teacher.id }).update({ deleted_at: null });
    expect((await client.call(t.sessionId, 'attendance.mark', { lessonId: south.lesson.id, studentId: south.pupil.id, code: 'а' })).ok).toBe(true);
    await client.syncNow();
    expect(await db('attendance').where({ id: attendanceId(south.lesson.id, south.pupil.id) }).first()).toMatchObject({ code: 'а' });
  });

  it('turns two teachers writing the same mark from the same version into one applied write and one visible conflict', async () => {
    const [a, b] = [await newClient(), await newClient()];
    const south = schools[1]!;
    const ta = await signedIn(a, 's2.teacher');
    const tb = await signedIn(b, 's2.teacher');
    const cell = { lessonId: south.lesson.id, studentId: south.pupil.id };
    expect((await a.call(ta.sessionId, 'journal.setMark', { ...cell, value: 9, baseVersion: 0 })).ok).toBe(true);
    await a.syncNow();
    // b never saw a's mark: its replica still says the cell is empty (version 0).
    expect((await b.call(tb.sessionId, 'journal.setMark', { ...cell, value: 4, baseVersion: 0 })).ok).toBe(true);
    await b.syncNow();
    expect(await a.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect(await b.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 1 });
    expect(await db('marks').where({ id: markId(cell.lessonId, cell.studentId, 'fo') }).first()).toMatchObject({ value: 9 });
  });

  it('settles two devices racing for the same new cell: one applied, one conflict, never both', async () => {
    const north = schools[0]!;
    const lessonId = north.lesson.id;
    const studentId = north.pupil.id;
    await db('marks').where({ id: markId(lessonId, studentId, 'fo') }).delete();
    const bodies = await Promise.all([8, 3].map(async (value) => {
      const deviceId = randomUUID();
      const { accessToken, me } = await tokenOf('teacher', deviceId);
      return { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken },
        mutations: [{ mutationId: randomUUID(), deviceSeq: 1, userId: me.userId, name: 'journal.setMark', args: { lessonId, studentId, value, baseVersion: 0 }, createdAt: '2026-11-23T04:00:00Z' }] };
    }));
    const replies = await Promise.all(bodies.map((b) => push(b)));
    const outcomes = replies.map((r) => r.json().results[0].outcome).sort();
    expect(outcomes).toEqual(['applied', 'conflict']);
    expect(await db('marks').where({ lesson_id: lessonId, student_id: studentId })).toHaveLength(1);
  });

  it('tells an old client to update and refuses a malformed or oversized push, applying nothing', async () => {
    const deviceId = randomUUID();
    const { accessToken, me } = await tokenOf('teacher', deviceId);
    const old = await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION - 1, deviceId, auth: { [me.userId]: accessToken }, mutations: [] });
    expect(old.statusCode).toBe(426);
    expect(old.json().error.messageKey).toBe('error.update_required');
    expect((await push({ protocol: PROTOCOL_VERSION, deviceId, mutations: 'all of them' })).statusCode).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => ({ mutationId: randomUUID(), deviceSeq: i + 1, userId: me.userId, name: 'attendance.mark', args: {}, createdAt: 'x' }));
    expect((await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken }, mutations: many })).statusCode).toBe(400);
    const unknownDevice = await push({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId: randomUUID(), auth: {}, mutations: [] });
    expect(unknownDevice.statusCode).toBe(403);
    expect(await db('applied_mutations').where({ device_id: deviceId })).toHaveLength(0);
  });
});
