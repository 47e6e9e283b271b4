import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { markId } from '../../src-core/journal/ids';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src-core/sync/protocol';
import { clockFrom } from '../../src-core/util/clock';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { onReplica, testDevices } from '../helpers/devices';
import { buildPerson, buildTwoSchools, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00');

describe.each(ENGINES)('sync pull on $name: each device receives exactly what its users may see', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let url: string;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  let otherPupil: { id: string };
  const devices = testDevices('pull');
  const device = (login: string) => devices.open(login, { serverUrl: url, clock });
  const markOn = (replica: () => Knex, lessonId: string, studentId: string) =>
    onReplica({ replica }, (r) => r('marks').where({ id: markId(lessonId, studentId, 'fo') }).first());

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    schools = await buildTwoSchools(db, hash, DATE);
    const north = schools[0]!;
    await seedAttendanceCodes(db, north.school.id);
    // A second family in the same class.
    otherPupil = await buildPerson(db, north.school.id, 'Иванов', 'Артём');
    const otherParent = await buildPerson(db, north.school.id, 'Иванова', 'Ольга');
    await enrol(db, north.school.id, north.klass.id, otherPupil.id, otherParent.id);
    await buildUser(db, north.school.id, otherParent.id, 'parent.ivanova', ['parent'], hash);
    server = await buildServer({ db, clock });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await devices.closeAll();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it("brings the teacher's new mark to the parent's device, and not to another family's", async () => {
    const north = schools[0]!;
    const teacher = await device('teacher');
    const parent = await device('parent');
    const other = await device('parent.ivanova');
    const cell = { lessonId: north.lesson.id, studentId: north.pupil.id };
    expect((await teacher.client.call(teacher.session, 'journal.setMark', { ...cell, value: 7, baseVersion: 0 })).ok).toBe(true);
    expect((await teacher.client.call(teacher.session, 'journal.setMark', { lessonId: north.lesson.id, studentId: otherPupil.id, value: 5, baseVersion: 0 })).ok).toBe(true);
    await teacher.client.syncNow();
    await parent.client.syncNow();
    await other.client.syncNow();
    expect(await markOn(parent.replica, cell.lessonId, cell.studentId)).toMatchObject({ value: 7 });
    expect(await markOn(parent.replica, cell.lessonId, otherPupil.id)).toBeUndefined();
    expect(await markOn(other.replica, cell.lessonId, otherPupil.id)).toMatchObject({ value: 5 });
    expect(await markOn(other.replica, cell.lessonId, cell.studentId)).toBeUndefined();

    expect((await teacher.client.call(teacher.session, 'journal.setMark', { ...cell, value: 9, baseVersion: 1 })).ok).toBe(true);
    await teacher.client.syncNow();
    await parent.client.syncNow();
    expect(await markOn(parent.replica, cell.lessonId, cell.studentId)).toMatchObject({ value: 9, row_version: 2 });
  });

  it('ends an offline change that lost the race as a visible conflict, and then shows the server value', async () => {
    const north = schools[0]!;
    const a = await device('teacher');
    const b = await device('teacher');
    const cell = { lessonId: north.lesson.id, studentId: otherPupil.id };
    const seen = await markOn(a.replica, cell.lessonId, cell.studentId);
    await server.close();
    // The server is gone: a's change waits in its outbox.
    expect((await a.client.call(a.session, 'journal.setMark', { ...cell, value: 10, baseVersion: Number(seen.row_version) })).ok).toBe(true);
    expect((await a.client.outboxStatus()).pending).toBe(1);
    server = await buildServer({ db, clock });
    url = await server.listen({ port: Number(new URL(url).port), host: '127.0.0.1' });
    expect((await b.client.call(b.session, 'journal.setMark', { ...cell, value: 2, baseVersion: Number(seen.row_version) })).ok).toBe(true);
    await b.client.syncNow();
    await a.client.syncNow();
    expect(await a.client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 1 });
    expect(await db('marks').where({ id: markId(cell.lessonId, cell.studentId, 'fo') }).first()).toMatchObject({ value: 2 });
    expect(await markOn(a.replica, cell.lessonId, cell.studentId)).toMatchObject({ value: 2 });
  });

  it('refuses a cursor from the future and a token of another device', async () => {
    const deviceId = randomUUID();
    const res = await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login: 'parent', password: 'password', deviceId } });
    const { accessToken, me } = res.json();
    const pull = (body: object) => server.inject({ method: 'POST', url: '/sync/pull', payload: body });
    const base = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken } };
    expect((await pull({ ...base, cursor: 0 })).statusCode).toBe(200);
    expect((await pull({ ...base, cursor: 10_000_000 })).json().error.messageKey).toBe('error.cursor_invalid');
    expect((await pull({ ...base, deviceId: randomUUID(), cursor: 0 })).statusCode).toBe(401);
  });
});
