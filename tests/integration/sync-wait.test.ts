import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src-core/sync/protocol';
import { clockFrom } from '../../src-core/util/clock';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildTwoSchools, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00');

describe.each(ENGINES)('a device waiting for news on $name (long poll)', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;

  const post = (url: string, payload: object) => server.inject({ method: 'POST', url, payload });
  async function device(login: string) {
    const deviceId = randomUUID();
    const { accessToken, me } = (await post('/auth/sign-in', { login, password: 'password', deviceId })).json();
    const base = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [me.userId]: accessToken } };
    let seq = 0;
    return {
      wait: (body: object = {}) => post('/sync/wait', { ...base, cursor: 0, ...body }),
      mark: (lessonId: string, studentId: string, value: number, baseVersion: number) => {
        seq += 1;
        return post('/sync/push', { ...base, mutations: [{ mutationId: randomUUID(), deviceSeq: seq, userId: me.userId, name: 'journal.setMark', args: { lessonId, studentId, value, baseVersion }, createdAt: clock.now().toISOString() }] });
      },
    };
  }

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), DATE);
    for (const s of schools) await seedAttendanceCodes(db, s.school.id);
    server = await buildServer({ db, clock });
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it("wakes the parent's device at the teacher's mark, and not at another school's", async () => {
    const [north, south] = schools;
    const parent = await device('parent');
    const teacher = await device('teacher');
    const otherTeacher = await device('s2.teacher');
    const head = Number((await db('school_sequences').where({ school_id: north!.school.id }).first())?.seq ?? 0);
    const waiting = parent.wait({ cursor: head, timeoutMs: 20_000 });
    let answered = false;
    void waiting.then(() => { answered = true; });
    await new Promise((r) => setTimeout(r, 150));
    expect((await otherTeacher.mark(south!.lesson.id, south!.pupil.id, 4, 0)).json().results[0].outcome).toBe('applied');
    await new Promise((r) => setTimeout(r, 150));
    expect(answered).toBe(false);
    expect((await teacher.mark(north!.lesson.id, north!.pupil.id, 8, 0)).json().results[0].outcome).toBe('applied');
    const reply = (await waiting).json();
    expect(reply).toMatchObject({ ok: true, changed: true });
  });

  it('answers at once when news is already there or the epoch is not the device\'s, and no later than asked otherwise', async () => {
    const parent = await device('parent');
    expect((await parent.wait({ cursor: 0, timeoutMs: 20_000 })).json().changed).toBe(true);
    expect((await parent.wait({ cursor: 0, epoch: 'an-epoch-before-a-restore', timeoutMs: 20_000 })).json().changed).toBe(true);
    const head = Number((await db('school_sequences').where({ school_id: schools[0]!.school.id }).first()).seq);
    expect((await parent.wait({ cursor: head, timeoutMs: 300 })).json()).toMatchObject({ ok: true, changed: false });
  });

  it('refuses bad input and a forged device', async () => {
    const parent = await device('parent');
    expect((await parent.wait({ cursor: -1 })).statusCode).toBe(400);
    expect((await parent.wait({ timeoutMs: 3_600_000 })).statusCode).toBe(400);
    expect((await parent.wait({ deviceId: randomUUID() })).statusCode).toBe(401);
    expect((await parent.wait({ schema: SCHEMA_VERSION - 1 })).statusCode).toBe(426);
  });
});
