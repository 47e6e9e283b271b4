import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { attendanceId, markId } from '../../src-core/journal/ids';
import { clockFrom } from '../../src-core/util/clock';
import type { ClientApp } from '../../src-main/app/types';
import { BACKUP_TABLES, restoreBackup, takeBackup } from '../../src-server/backup';
import { serverEpoch } from '../../src-server/meta';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { onReplica, testDevices } from '../helpers/devices';
import { buildPerson, buildTwoSchools, enrol, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23';
const clock = clockFrom('2026-11-23T09:00:00+05:00');

describe.each(ENGINES)('a server restored from a backup on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let port = 0;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const pupils: string[] = [];
  const devices = testDevices('restore');

  async function listen() {
    server = await buildServer({ db, clock });
    const url = await server.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  }
  async function device(login: string) {
    const d = await devices.open(login, { serverUrl: `http://127.0.0.1:${port}`, clock });
    const rows = (table: string) => onReplica(d, (r) => r(table).orderBy('id').select('id', 'row_version'));
    return { ...d, rows };
  }

  /** Syncs once the server answers (a connection kept from before the restart may fail first, as in a school). */
  async function sync(client: ClientApp) {
    for (let i = 0; i < 3; i++) if ((await client.syncNow()).waiting !== 'server') return;
    throw new Error('the server did not answer');
  }

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    schools = await buildTwoSchools(db, await hashPassword('password'), DATE);
    const north = schools[0]!;
    await seedAttendanceCodes(db, north.school.id);
    pupils.push(north.pupil.id);
    for (const name of ['Бірінші', 'Екінші']) {
      const p = await buildPerson(db, north.school.id, 'Серікова', name);
      await enrol(db, north.school.id, north.klass.id, p.id);
      pupils.push(p.id);
    }
    await listen();
  });
  afterAll(async () => {
    await devices.closeAll();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it('backs up every table the server has', async () => {
    const tables = engine.name === 'PostgreSQL'
      ? await db('information_schema.tables').where({ table_schema: db.raw('current_schema()') }).pluck('table_name')
      : await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').pluck('name');
    expect(tables.filter((t: string) => !t.startsWith('knex_')).sort()).toEqual([...BACKUP_TABLES].sort());
  });

  it('gets back, from the devices, every change made after the backup, exactly once, and the devices read the journal anew', async () => {
    const north = schools[0]!;
    const lessonId = north.lesson.id;
    const teacher = await device('teacher');
    const parent = await device('parent');
    const mark = (studentId: string, value: number, baseVersion: number) =>
      teacher.client.call(teacher.session, 'journal.setMark', { lessonId, studentId, value, baseVersion });
    expect((await mark(pupils[0]!, 5, 0)).ok).toBe(true);
    await teacher.client.syncNow();
    const backup = await takeBackup(db, clock.now());
    const oldEpoch = await serverEpoch(db);

    // After the backup: a mark changed, a new mark, an absence. The parent's device sees them.
    expect((await mark(pupils[0]!, 9, 1)).ok).toBe(true);
    expect((await mark(pupils[1]!, 7, 0)).ok).toBe(true);
    expect((await teacher.client.call(teacher.session, 'attendance.mark', { lessonId, studentId: pupils[2]!, code: 'ж' })).ok).toBe(true);
    await teacher.client.syncNow();
    await parent.client.syncNow();
    const before = { marks: await db('marks').orderBy('id').select('id', 'value', 'row_version'), attendance: await db('attendance').orderBy('id').select('id', 'code') };
    expect(before.marks).toHaveLength(2);

    // The disk fails; the administrator restores last night's backup.
    await server.close();
    const newEpoch = await restoreBackup(db, backup, clock.now());
    expect(newEpoch).not.toBe(oldEpoch);
    expect(await db('marks').count({ n: '*' }).first()).toMatchObject({ n: expect.anything() });
    expect(Number((await db('marks').where({ id: markId(lessonId, pupils[0]!, 'fo') }).first()).value)).toBe(5);
    await listen();

    // The parent's device learns of the restore first: it forgets its journal and reads it from the beginning.
    await sync(parent.client);
    expect(await parent.rows('marks')).toEqual([{ id: markId(lessonId, pupils[0]!, 'fo'), row_version: 1 }]);

    // The teacher's device sends again what the old epoch acknowledged; the server applies each once.
    await sync(teacher.client);
    await sync(teacher.client);
    expect(await db('marks').orderBy('id').select('id', 'value', 'row_version')).toEqual(before.marks);
    expect(await db('attendance').orderBy('id').select('id', 'code')).toEqual(before.attendance);
    const applied = await db('applied_mutations').where({ device_id: teacher.client.deviceId }).orderBy('device_seq').pluck('device_seq');
    expect(applied.map(Number)).toEqual([1, 2, 3, 4]);
    expect(await teacher.client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });

    await parent.client.syncNow();
    // The parent holds their own child's cells only.
    expect(await parent.rows('marks')).toEqual([{ id: markId(lessonId, pupils[0]!, 'fo'), row_version: 2 }]);
    expect(await parent.rows('attendance')).toEqual([]);
    expect(await teacher.rows('attendance')).toEqual([{ id: attendanceId(lessonId, pupils[2]!), row_version: 1 }]);
    expect(await teacher.rows('marks')).toEqual(before.marks.map((r) => ({ id: r.id, row_version: Number(r.row_version) })));
  });

  it('records again, without running it, a change the old epoch found in conflict', async () => {
    const north = schools[0]!;
    const teacher = await device('teacher');
    const board = await device('teacher');
    const lessonId = north.lesson.id;
    const cell = { lessonId, studentId: pupils[1]! };
    const seen = Number((await db('marks').where({ id: markId(lessonId, pupils[1]!, 'fo') }).first()).row_version);
    // The same cell changed on two computers of the teacher: the board's change reaches the server first.
    expect((await board.client.call(board.session, 'journal.setMark', { ...cell, value: 3, baseVersion: seen })).ok).toBe(true);
    await board.client.syncNow();
    const current = seen + 1;
    const backup = await takeBackup(db, clock.now());
    expect((await teacher.client.call(teacher.session, 'journal.setMark', { ...cell, value: 2, baseVersion: seen })).ok).toBe(true);
    await teacher.client.syncNow();
    expect((await teacher.client.outboxStatus()).conflicts).toBe(1);
    await server.close();
    await restoreBackup(db, backup, clock.now());
    await listen();
    await sync(teacher.client);
    const conflict = await db('applied_mutations').where({ device_id: teacher.client.deviceId }).orderBy('device_seq', 'desc').first();
    expect(conflict.outcome).toBe('conflict');
    expect(Number((await db('marks').where({ id: markId(lessonId, pupils[1]!, 'fo') }).first()).row_version)).toBe(current);
    expect((await teacher.client.outboxStatus()).conflicts).toBe(1);
  });

  it('never rewinds sign-ins: a computer first seen after the backup syncs on, a sign-out after it stays signed out', async () => {
    const north = schools[0]!;
    const backup = await takeBackup(db, clock.now());
    const late = await device('teacher');
    const leaving = await device('teacher');
    const cell = { lessonId: north.lesson.id, studentId: pupils[2]! };
    const seen = Number((await db('marks').where({ id: markId(cell.lessonId, cell.studentId, 'fo') }).first())?.row_version ?? 0);
    expect((await late.client.call(late.session, 'journal.setMark', { ...cell, value: 8, baseVersion: seen })).ok).toBe(true);
    await late.client.syncNow();
    const refresh = await db('refresh_tokens').where({ device_id: leaving.client.deviceId }).whereNull('revoked_at').pluck('id');
    expect(refresh).toHaveLength(1);
    await leaving.client.signOut(leaving.session);
    await server.close();
    const epoch = await restoreBackup(db, backup, clock.now());
    await listen();

    // The late computer is still known and its teacher still signed in: what the old epoch applied comes back.
    await sync(late.client);
    await sync(late.client);
    expect(await late.client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect(Number((await db('marks').where({ id: markId(cell.lessonId, cell.studentId, 'fo') }).first()).value)).toBe(8);
    expect((await late.client.call(late.session, 'sync.status', {})).ok).toBe(true);
    expect(await db('devices').where({ id: late.client.deviceId }).first()).toBeTruthy();
    // The token given up after the backup is not brought back to life.
    expect((await db('refresh_tokens').where({ id: refresh[0] }).first()).revoked_at).not.toBeNull();
    const restored = await db('audit_log').where({ action: 'server.restored' }).orderBy('id', 'desc').first();
    expect(JSON.parse(restored.details)).toEqual({ backupTakenAt: backup.takenAt, epoch });
  });
});
