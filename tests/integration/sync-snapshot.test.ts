import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { attendanceId, markId } from '../../src-core/journal/ids';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullReply, type PullRequest } from '../../src-core/sync/protocol';
import { clockFrom } from '../../src-core/util/clock';
import { ServerUnreachable, type Transport } from '../../src-main/app/server-link';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { onReplica, testDevices } from '../helpers/devices';
import { buildPerson, buildTwoSchools, enrol, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00');
const AT = '2026-11-20T04:00:00.000Z';

describe.each(ENGINES)('bucket snapshots on $name: compact chunks, resumable, checked by checksums', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  let journalRows = 0;
  const devices = testDevices('snapshot');

  /**
   * The server in-process; `cut` loses the answer of the pull with that number (counting from 1); `before` runs
   * as each pull leaves.
   */
  interface Log { pulls: PullRequest[]; replies: PullReply[]; cut: number; before?: (body: PullRequest) => Promise<void> }
  function transport(log: Log): Transport {
    return async ({ method, path: url, body, headers }) => {
      if (url === '/sync/pull') await log.before?.(body as PullRequest);
      const res = await server.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      const raw = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body;
      const data = raw ? JSON.parse(raw) : null;
      if (url === '/sync/pull') {
        log.pulls.push(body as PullRequest);
        if (log.pulls.length === log.cut) throw new ServerUnreachable('the link dropped');
        log.replies.push(data);
      }
      return { status: res.statusCode, data };
    };
  }
  async function device(login: string, log: Log = { pulls: [], replies: [], cut: 0 }) {
    const d = await devices.open(login, { serverUrl: 'http://server.invalid', clock, transport: transport(log), verifyEveryMinutes: 0 });
    return { ...d, log };
  }
  const journalOf = async (k: Knex) => ({
    marks: await k('marks').orderBy('id').select('id', 'value', 'row_version', 'updated_at'),
    attendance: await k('attendance').orderBy('id').select('id', 'code', 'row_version'),
  });
  const replicaJournal = (replica: () => Knex) => onReplica({ replica }, journalOf);

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), DATE);
    const north = schools[0]!;
    await seedAttendanceCodes(db, north.school.id);
    const pupils = [north.pupil.id];
    for (const name of ['Бірінші', 'Екінші', 'Үшінші']) {
      const p = await buildPerson(db, north.school.id, 'Серікова', name);
      await enrol(db, north.school.id, north.klass.id, p.id);
      pupils.push(p.id);
    }
    // Four lessons of the class with a mark and an attendance row for every pupil: 32 journal rows.
    const lessons = [north.lesson.id];
    for (let period = 2; period <= 4; period++) {
      const lesson = { ...north.lesson, id: uuid(), period };
      await db('lessons').insert(lesson);
      lessons.push(lesson.id);
    }
    const cols = (id: string, i: number) => ({ id, school_id: north.school.id, row_version: 1 + (i % 3), last_seq: 0, created_at: AT, updated_at: AT, updated_by: north.users.teacher.id });
    for (const [i, lessonId] of lessons.entries()) {
      for (const [j, studentId] of pupils.entries()) {
        await db('marks').insert({ ...cols(markId(lessonId, studentId, 'fo'), i + j), lesson_id: lessonId, student_id: studentId, kind: 'fo', value: 1 + ((i + j) % 10) });
        await db('attendance').insert({ ...cols(attendanceId(lessonId, studentId), i), lesson_id: lessonId, student_id: studentId, code: j === 1 ? 'ж' : null });
        journalRows += 2;
      }
    }
    server = await buildServer({ db, clock, snapshotChunkRows: 5 });
  });
  afterAll(async () => {
    await devices.closeAll();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it("brings a teacher's class journal in chunks, and a pull cut off mid-way goes on from where it stopped", async () => {
    const log = { pulls: [] as PullRequest[], replies: [] as PullReply[], cut: 3 };
    const teacher = await device('teacher', log);
    await teacher.client.syncNow();
    const chunks = log.replies.filter((r) => r.snapshot);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(journalRows / 5));
    expect(chunks.every((c) => c.snapshot!.tables.reduce((n, t) => n + t.count, 0) <= 5)).toBe(true);
    // The pull after the lost answer starts from the progress written with the chunk before it.
    expect(log.pulls[3]!.snapshot).toEqual(log.pulls[2]!.snapshot);
    expect(log.pulls[2]!.snapshot?.after).toBeDefined();
    const server = await journalOf(db);
    const north = schools[0]!;
    const mine = await replicaJournal(teacher.replica);
    expect(mine).toEqual({
      marks: server.marks.map((m) => ({ ...m, row_version: Number(m.row_version) })),
      attendance: server.attendance.map((a) => ({ ...a, row_version: Number(a.row_version) })),
    });
    // The journal rows never came twice: each chunk starts after the one before.
    const received = chunks.reduce((n, c) => n + c.snapshot!.tables.reduce((k, t) => k + t.count, 0), 0);
    expect(received).toBe(journalRows);
    expect(mine.marks.some((m) => m.id === markId(north.lesson.id, north.pupil.id, 'fo'))).toBe(true);
  });

  /** Forgets the teacher's journal on the replica, so the next pull reads it again as a snapshot. */
  const forgetJournal = (r: Knex) => r.transaction(async (t) => {
    await t('attendance').delete();
    await t('marks').delete();
    await t('client_meta').whereIn('key', ['buckets', 'snapshot']).delete();
    await t('client_meta').insert({ key: 'buckets', value: '[]' });
  });

  it('asks for the next chunk while one is written, and applies each chunk once, in order, after the one before', async () => {
    const log: Log = { pulls: [], replies: [], cut: 0 };
    const teacher = await device('teacher', log);
    await onReplica(teacher, async (r) => {
      await forgetJournal(r);
      // Every snapshot progress the replica commits, in commit order.
      await r.schema.createTable('progress_log', (t) => { t.increments('n'); t.text('value'); });
      for (const on of ['insert', 'update']) {
        await r.raw(`create trigger progress_${on} after ${on} on client_meta when new.key = 'snapshot' begin insert into progress_log (value) values (new.value); end`);
      }
    });
    // How many chunks the replica had committed when each pull left; the replies come back late, unevenly.
    const committedAtSend: number[] = [];
    log.before = async () => {
      committedAtSend.push(await onReplica(teacher, async (r) => Number((await r('progress_log').count({ n: '*' }).first())?.n ?? 0)));
      await new Promise((done) => setTimeout(done, 5 + (committedAtSend.length % 3) * 20));
    };
    log.pulls.length = 0;
    log.replies.length = 0;
    await teacher.client.syncNow();
    const chunks = log.replies.filter((r) => r.snapshot);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(journalRows / 5));
    // Each chunk was asked for from the progress of the chunk before it, before that chunk was committed.
    for (let i = 1; i < chunks.length; i++) {
      expect(log.pulls[i]!.snapshot?.after).toEqual(chunks[i - 1]!.snapshot!.next);
      expect(committedAtSend[i]).toBe(i - 1);
    }
    // Each chunk's progress was committed once, in the order the chunks came.
    const committed = await onReplica(teacher, (r) => r('progress_log').orderBy('n').pluck('value'));
    expect(committed.map((v: string) => JSON.parse(v).after)).toEqual(chunks.slice(0, -1).map((c) => c.snapshot!.next));
    const server = await journalOf(db);
    expect(await replicaJournal(teacher.replica)).toEqual({
      marks: server.marks.map((m) => ({ ...m, row_version: Number(m.row_version) })),
      attendance: server.attendance.map((a) => ({ ...a, row_version: Number(a.row_version) })),
    });
  });

  it('drops the chunk asked for ahead when the chunk before it could not be written, and asks again from what is in', async () => {
    const log: Log = { pulls: [], replies: [], cut: 0 };
    const teacher = await device('teacher', log);
    await onReplica(teacher, async (r) => {
      await forgetJournal(r);
      // The replica refuses the third chunk (attendance comes first: rows 11 to 15).
      await r.raw("create trigger full_disk before insert on attendance when (select count(*) from attendance) >= 10 begin select raise(abort, 'disk full'); end");
    });
    log.pulls.length = 0;
    log.replies.length = 0;
    const asked: PullRequest[] = [];
    log.before = async (body) => { asked.push(body); };
    await expect(teacher.client.syncNow()).rejects.toThrow(/disk full/);
    const chunks = log.replies.filter((r) => r.snapshot);
    // The fourth chunk was asked for while the third was written, and was not applied.
    expect(asked).toHaveLength(4);
    expect(asked[3]!.snapshot?.after).toEqual(chunks[2]!.snapshot!.next);
    const state = await onReplica(teacher, async (r) => ({
      attendance: Number((await r('attendance').count({ n: '*' }).first())?.n),
      marks: Number((await r('marks').count({ n: '*' }).first())?.n),
      progress: JSON.parse((await r('client_meta').where({ key: 'snapshot' }).first())?.value ?? 'null'),
    }));
    expect(state).toEqual({ attendance: 10, marks: 0, progress: { buckets: chunks[1]!.snapshot!.buckets, after: chunks[1]!.snapshot!.next } });
    // The disk has room again: the pull goes on from the second chunk's progress, not from the one asked ahead.
    await onReplica(teacher, (r) => r.raw('drop trigger full_disk'));
    asked.length = 0;
    await teacher.client.syncNow();
    expect(asked[0]!.snapshot?.after).toEqual(state.progress.after);
    const server = await journalOf(db);
    expect(await replicaJournal(teacher.replica)).toEqual({
      marks: server.marks.map((m) => ({ ...m, row_version: Number(m.row_version) })),
      attendance: server.attendance.map((a) => ({ ...a, row_version: Number(a.row_version) })),
    });
  });

  it('gives a parent only their own child, and the other school nothing', async () => {
    const north = schools[0]!;
    const parent = await device('parent');
    const rows = await replicaJournal(parent.replica);
    expect(rows.marks).toHaveLength(4);
    expect(await onReplica(parent, (r) => r('marks').whereNot({ student_id: north.pupil.id }).count({ n: '*' }).first())).toEqual({ n: 0 });
    const other = await device('s2.teacher');
    expect((await replicaJournal(other.replica)).marks).toEqual([]);
  });

  it("never sends a bucket the device may not hold, whatever snapshot progress it claims", async () => {
    const [north, south] = schools;
    const deviceId = uuid();
    const signed = (await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login: 's2.parent', password: 'password', deviceId } })).json();
    const forged = {
      protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId, auth: { [signed.me.userId]: signed.accessToken }, cursor: 0,
      have: [`class:${south!.klass.id}`, `student:${south!.pupil.id}`],
      snapshot: { buckets: [`class:${north!.klass.id}:journal`, `student:${north!.pupil.id}`], after: { table: 'attendance', lesson: north!.lesson.id, id: uuid() } },
    };
    const res = await server.inject({ method: 'POST', url: '/sync/pull', payload: forged });
    expect(res.statusCode).toBe(200);
    const reply = JSON.parse(res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body) as PullReply;
    const rows = (reply.snapshot?.tables ?? []).reduce((n, t) => n + t.count, 0) + reply.changes.length;
    expect(reply.snapshot?.buckets ?? []).not.toContain(`class:${north!.klass.id}:journal`);
    expect(rows).toBe(0);
    const bad = await server.inject({ method: 'POST', url: '/sync/pull', payload: { ...forged, snapshot: { buckets: ['x'], after: { table: 'marks', lesson: 'not-a-uuid', id: uuid() } } } });
    expect(bad.statusCode).toBe(400);
  });

  it('finds a replica that drifted from the server by the checksums, and reads the drifted buckets again', async () => {
    const teacher = await device('teacher');
    await onReplica(teacher, async (r) => {
      const [lost, stuck] = await r('marks').orderBy('id').limit(2).select('id', 'row_version');
      await r('marks').where({ id: lost!.id }).delete();
      await r('attendance').limit(1).update({ row_version: 99 });
      await r('marks').where({ id: stuck!.id }).update({ value: 10, row_version: 0 });
    });
    const log = teacher.log;
    log.replies.length = 0;
    await teacher.client.syncNow();
    expect(log.replies.some((p) => p.checksums && Object.keys(p.checksums).length > 0)).toBe(true);
    expect(log.replies.some((p) => p.snapshot)).toBe(true);
    const server = await journalOf(db);
    expect(await replicaJournal(teacher.replica)).toEqual({
      marks: server.marks.map((m) => ({ ...m, row_version: Number(m.row_version) })),
      attendance: server.attendance.map((a) => ({ ...a, row_version: Number(a.row_version) })),
    });
  });
});
