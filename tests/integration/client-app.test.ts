import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import type { Clock } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import type { ClientApp } from '../../src-main/app/types';
import { buildServer } from '../../src-server/server';
import { freshSqlite, type TestDatabase } from '../helpers/databases';
import { buildTwoSchools } from '../helpers/factories';

const DATE = '2026-11-23';

/** A clock the test moves by hand, for the idle lock. */
function handClock(iso: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms) => { now += ms; } };
}

describe('desktop client: replica, offline sign-in, shared computer, idle lock', () => {
  let tdb: TestDatabase;
  let serverDb: Knex;
  let server: FastifyInstance;
  let serverUrl: string;
  let dataDir: string;
  let client: ClientApp;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const clock = handClock('2026-11-23T09:00:00+05:00');

  beforeAll(async () => {
    tdb = freshSqlite();
    serverDb = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(serverDb, await hashPassword('password'), DATE);
    server = await buildServer({ db: serverDb, clock });
    serverUrl = await server.listen({ port: 0, host: '127.0.0.1' });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-client-'));
    client = await startClientApp({ dataDir, serverUrl, clock, idleLockMinutes: 10 });
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await serverDb?.destroy();
    await tdb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in online, fills the replica, and answers from it', async () => {
    const signed = await client.signIn('teacher', 'password');
    expect(signed.ok && signed.offline).toBe(false);
    if (!signed.ok) throw new Error('sign-in failed');
    const day = await client.call(signed.sessionId, 'timetable.teacherDay', { date: DATE });
    expect(day.ok).toBe(true);
    expect((day as { result: { lessons: { class: { name: string } }[] } }).result.lessons.map((l) => l.class.name)).toEqual(['7А']);
  });

  it('holds several users at once on one computer, each seeing only their own', async () => {
    const teacher = await client.signIn('teacher', 'password');
    const parent = await client.signIn('parent', 'password');
    if (!teacher.ok || !parent.ok) throw new Error('sign-in failed');
    const kids = await client.call(parent.sessionId, 'family.myChildren', { date: DATE });
    expect((kids as { result: { children: { person: { id: string } }[] } }).result.children.map((c) => c.person.id)).toEqual([schools[0]!.pupil.id]);
    const denied = await client.call(parent.sessionId, 'timetable.teacherDay', {});
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await client.call(teacher.sessionId, 'timetable.teacherDay', { date: DATE })).ok).toBe(true);
    expect((await client.knownAccounts()).map((a) => a.login)).toEqual(['parent', 'teacher']);
  });

  it('locks a session after idle time until the password is given again', async () => {
    const signed = await client.signIn('teacher', 'password');
    if (!signed.ok) throw new Error('sign-in failed');
    clock.advance(11 * 60_000);
    const locked = await client.call(signed.sessionId, 'session.me', {}, 'en');
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked', message: 'The session is locked: enter your password again' } });
    expect((await client.unlock(signed.sessionId, 'wrong')).ok).toBe(false);
    expect((await client.call(signed.sessionId, 'session.me', {})).ok).toBe(false);
    expect((await client.unlock(signed.sessionId, 'password')).ok).toBe(true);
    expect((await client.call(signed.sessionId, 'session.me', {})).ok).toBe(true);
  });

  it('applies a command to the replica at once, queues it in the outbox, and the server applies it on push', async () => {
    const signed = await client.signIn('teacher', 'password');
    if (!signed.ok) throw new Error('sign-in failed');
    const res = await client.call(signed.sessionId, 'lesson.setTopic', { lessonId: schools[0]!.lesson.id, topic: 'Теңдеулер' });
    expect(res.ok).toBe(true);
    await client.syncNow();
    expect(await client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect((await serverDb('lessons').where({ id: schools[0]!.lesson.id }).first()).topic).toBe('Теңдеулер');
    const day = await client.call(signed.sessionId, 'timetable.teacherDay', { date: DATE });
    expect((day as { result: { lessons: { topic: string }[] } }).result.lessons[0]!.topic).toBe('Теңдеулер');
  });

  it('signs in offline after one online sign-in, and only then', async () => {
    await server.close();
    const offline = await client.signIn('teacher', 'password', 'ru');
    expect(offline).toMatchObject({ ok: true, offline: true });
    if (!offline.ok) throw new Error('offline sign-in failed');
    const day = await client.call(offline.sessionId, 'timetable.teacherDay', { date: DATE });
    expect(day.ok).toBe(true);
    expect(await client.signIn('teacher', 'wrong', 'en')).toMatchObject({ ok: false, error: { messageKey: 'error.bad_credentials' } });
    expect(await client.signIn('director', 'password', 'en')).toMatchObject({ ok: false, error: { messageKey: 'error.offline_unknown_user' } });
    const command = await client.call(offline.sessionId, 'lesson.setTopic', { lessonId: schools[0]!.lesson.id, topic: 'Офлайн' });
    expect(command.ok).toBe(true);
    expect(await client.syncNow()).toMatchObject({ waiting: 'server' });
    expect((await client.outboxStatus()).pending).toBe(1);
    expect(await client.online()).toBe(false);
  });
});
