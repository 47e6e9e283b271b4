import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { OPERATION_NAMES, operations } from '../../src-core/contract/operations';
import { openDatabase } from '../../src-core/db/open';
import { clockFrom } from '../../src-core/util/clock';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser } from '../helpers/factories';

const DATE = '2026-11-23';

describe.each(ENGINES)('central server API on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const deviceId = randomUUID();

  const post = (url: string, payload: unknown, token?: string, lang = 'en') =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const signIn = async (login: string, password = 'password') => {
    const res = await post('/auth/sign-in', { login, password, deviceId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string; me: { roles: string[] } };
  };

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), DATE);
    app = await buildServer({ db, clock: clockFrom('2026-11-23T09:00:00+05:00'), authPolicy: { ...authPolicyFromEnv({}), signInPerMinute: 1000 } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it('answers /health and publishes an OpenAPI document with every operation of the contract', async () => {
    expect((await app.inject('/health')).json()).toMatchObject({ ok: true, role: 'server' });
    const doc = (await app.inject('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const served = OPERATION_NAMES.filter((n) => !('device' in operations[n]));
    expect(Object.keys(doc.paths).sort()).toEqual(served.map((n) => `/api/${n}`).sort());
  });

  it("answers a device-only operation (this computer's sync) with 404, translated", async () => {
    const { accessToken } = await signIn('teacher');
    const res = await post('/api/sync.status', {}, accessToken);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.messageKey).toBe('error.device_only');
  });

  it('signs a teacher in and shows the lessons of the day', async () => {
    const { accessToken, me } = await signIn('teacher');
    expect(me.roles).toEqual(['teacher']);
    const res = await post('/api/timetable.teacherDay', { date: DATE }, accessToken);
    expect(res.statusCode).toBe(200);
    const day = res.json().result;
    expect(day.lessons).toHaveLength(1);
    expect(day.lessons[0]).toMatchObject({ class: { name: '7А' }, subject: { code: 'algebra' }, room: { number: '204', interactiveBoard: true } });
  });

  it('tells why a day has no lessons: a weekend, a break', async () => {
    const { accessToken } = await signIn('teacher');
    const sunday = (await post('/api/timetable.teacherDay', { date: '2026-11-22' }, accessToken)).json().result;
    expect(sunday).toMatchObject({ dayOff: 'weekend', lessons: [], nextSchoolDay: DATE });
    const autumn = (await post('/api/timetable.teacherDay', { date: '2026-10-28' }, accessToken)).json().result;
    expect(autumn).toMatchObject({ dayOff: 'holiday', holiday: { en: 'Autumn break' } });
  });

  it('refuses a wrong password with a translated error, then locks the account after repeated failures', async () => {
    const ru = await post('/auth/sign-in', { login: 'student', password: 'wrong', deviceId }, undefined, 'ru');
    expect(ru.statusCode).toBe(401);
    expect(ru.json().error).toMatchObject({ code: 'unauthenticated', message: 'Неверный логин или пароль' });
    for (let i = 2; i <= 4; i++) expect((await post('/auth/sign-in', { login: 'student', password: 'wrong', deviceId })).statusCode).toBe(401);
    const fifth = await post('/auth/sign-in', { login: 'student', password: 'wrong', deviceId }, undefined, 'kk');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.messageKey).toBe('error.account_locked');
    const correct = await post('/auth/sign-in', { login: 'student', password: 'password', deviceId });
    expect(correct.statusCode).toBe(423);
    const audit = await db('audit_log').where({ action: 'auth.locked_out' });
    expect(audit).toHaveLength(1);
  });

  it('answers 404 for an unknown operation and 401 without a token', async () => {
    const { accessToken } = await signIn('teacher');
    expect((await post('/api/journal.deleteEverything', {}, accessToken)).statusCode).toBe(404);
    expect((await post('/api/timetable.teacherDay', {})).statusCode).toBe(401);
    expect((await post('/api/timetable.teacherDay', {}, 'v1.forged.token')).statusCode).toBe(401);
  });

  it('rejects invalid input with 400, names the fields, and writes nothing', async () => {
    const { accessToken } = await signIn('teacher');
    const lessonId = schools[0]!.lesson.id;
    const res = await post('/api/lesson.setTopic', { lessonId, topic: '', extra: 1 }, accessToken, 'ru');
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('topic');
    const bad = await post('/api/timetable.teacherDay', { date: '23.11.2026' }, accessToken);
    expect(bad.json().error.fields[0].path).toBe('date');
    const lesson = await db('lessons').where({ id: lessonId }).first();
    expect(lesson.topic).toBeNull();
    expect(Number(lesson.row_version)).toBe(1);
  });

  it('lets a teacher write the topic of their own lesson, bumping the row version and the school sequence', async () => {
    const { accessToken } = await signIn('teacher');
    const lessonId = schools[0]!.lesson.id;
    const res = await post('/api/lesson.setTopic', { lessonId, topic: 'Квадрат теңдеулер' }, accessToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.rowVersion).toBe(2);
    const lesson = await db('lessons').where({ id: lessonId }).first();
    expect(lesson).toMatchObject({ topic: 'Квадрат теңдеулер', updated_device: deviceId });
    expect(Number(lesson.last_seq)).toBeGreaterThan(0);
  });

  it('denies by default: a role calling what it may not gets 403, and nothing crosses schools or families', async () => {
    const parent = await signIn('parent');
    expect((await post('/api/timetable.teacherDay', {}, parent.accessToken)).statusCode).toBe(403);
    expect((await post('/api/users.list', {}, (await signIn('teacher')).accessToken)).statusCode).toBe(403);
    const children = (await post('/api/family.myChildren', { date: DATE }, parent.accessToken)).json().result.children;
    expect(children.map((c: { person: { id: string } }) => c.person.id)).toEqual([schools[0]!.pupil.id]);
    const otherParent = await signIn('s2.parent');
    const theirs = (await post('/api/family.myChildren', { date: DATE }, otherParent.accessToken)).json().result.children;
    expect(theirs.map((c: { person: { id: string } }) => c.person.id)).toEqual([schools[1]!.pupil.id]);
    const otherTeacher = await signIn('s2.teacher');
    const cross = await post('/api/lesson.setTopic', { lessonId: schools[0]!.lesson.id, topic: 'x' }, otherTeacher.accessToken);
    expect(cross.statusCode).toBe(404);
    const director = await signIn('director');
    const users = (await post('/api/users.list', {}, director.accessToken)).json().result.users;
    expect(users.map((u: { login: string }) => u.login).sort()).toEqual(['director', 'parent', 'student', 'teacher']);
  });

  it("gives any member of staff the school's subjects by code, never another school's, and no pupil or parent", async () => {
    const [north, south] = schools;
    const row = (schoolId: string, code: string, en: string, deletedAt: string | null = null) => ({
      id: randomUUID(), school_id: schoolId, row_version: 1, last_seq: 1, created_at: '2026-09-01T00:00:00.000Z', updated_at: '2026-09-01T00:00:00.000Z',
      deleted_at: deletedAt, code, name_kk: `${en} kk`, name_ru: `${en} ru`, name_en: en,
    });
    const biology = row(north!.school.id, 'biology', 'Biology');
    await db('subjects').insert([biology, row(north!.school.id, 'chemistry', 'Chemistry', '2026-10-01T00:00:00.000Z'), row(south!.school.id, 'zoology', 'Zoology')]);
    const librarian = await buildPerson(db, north!.school.id, 'Нұрланова', 'Сәуле');
    await buildUser(db, north!.school.id, librarian.id, 'librarian', ['librarian'], await hashPassword('password'));

    const expected = [
      { id: north!.subject.id, code: 'algebra', name: { kk: 'Алгебра', ru: 'Алгебра', en: 'Algebra' } },
      { id: biology.id, code: 'biology', name: { kk: 'Biology kk', ru: 'Biology ru', en: 'Biology' } },
    ];
    for (const login of ['teacher', 'librarian']) {
      const { accessToken, me } = await signIn(login);
      expect(me.roles).toEqual([login]);
      const res = await post('/api/school.subjects', {}, accessToken);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toEqual({ subjects: expected });
    }
    const south2 = (await post('/api/school.subjects', {}, (await signIn('s2.teacher')).accessToken)).json().result.subjects;
    expect(south2.map((x: { id: string; code: string }) => [x.id, x.code])).toEqual([[south!.subject.id, 'algebra'], [expect.any(String), 'zoology']]);
    for (const login of ['parent', 's2.student']) {
      const res = await post('/api/school.subjects', {}, (await signIn(login)).accessToken);
      expect(res.statusCode, login).toBe(403);
    }
    const teacher = await signIn('teacher');
    expect((await post('/api/school.subjects', { schoolId: south!.school.id }, teacher.accessToken)).statusCode).toBe(400);
  });

  it('rotates refresh tokens, binds them to the device, forgives an answer lost on the way, and treats real reuse as theft', async () => {
    const refresh = (refreshToken: string, device = deviceId) => post('/auth/refresh', { refreshToken, deviceId: device });
    const first = await signIn('director');
    expect((await refresh(first.refreshToken, randomUUID())).statusCode).toBe(401);
    expect((await refresh(first.refreshToken)).statusCode).toBe(200);
    // The answer was lost: the device still holds the first token, whose replacement was never used.
    const retried = await refresh(first.refreshToken);
    expect(retried.statusCode).toBe(200);
    const third = await refresh(retried.json().refreshToken as string);
    expect(third.statusCode).toBe(200);
    // Now the first token's replacement is spent: presenting the first token again is theft.
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(third.json().refreshToken as string)).statusCode).toBe(401);
  });

  it('survives a refresh delivered twice: the device keeps the answer it got, the other replacement is retired', async () => {
    const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken, deviceId });
    const first = await signIn('director');
    const kept = await refresh(first.refreshToken);
    const twin = await refresh(first.refreshToken); // the same request again; its answer goes nowhere
    expect([kept.statusCode, twin.statusCode]).toEqual([200, 200]);
    const next = await refresh(kept.json().refreshToken as string);
    expect(next.statusCode).toBe(200);
    expect((await refresh(next.json().refreshToken as string)).statusCode).toBe(200);
    expect((await refresh(twin.json().refreshToken as string)).statusCode).toBe(401);
  });

  it("gives a parent's device only the family's rows in the snapshot, and no password hash to anybody", async () => {
    const parent = await signIn('parent');
    const snap = (await post('/sync/snapshot', {}, parent.accessToken)).json();
    const people = snap.tables.people.map((p: { id: string }) => p.id).sort();
    const s = schools[0]!;
    expect(people).toEqual([s.teacher.id, s.pupil.id, s.parent.id].sort());
    expect(snap.tables.users).toHaveLength(1);
    expect(snap.tables.users[0].password_hash).toBeUndefined();
    expect(snap.tables.schools.map((x: { id: string }) => x.id)).toEqual([s.school.id]);
    const director = await signIn('director');
    const all = (await post('/sync/snapshot', {}, director.accessToken)).json();
    expect(all.tables.users.every((u: Record<string, unknown>) => !('password_hash' in u))).toBe(true);
  });
});
