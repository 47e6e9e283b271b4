import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { attendanceId, markId, remarkId } from '../../src-core/journal/ids';
import { clockFrom } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import type { ClientApp } from '../../src-main/app/types';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';

const DATE = '2026-11-23'; // a Monday of the second quarter
const clock = clockFrom('2026-11-23T09:00:00+05:00');
const AT = '2026-09-01T00:00:00.000Z';

describe.each(ENGINES)('the diary on $name: a pupil and their parents see the pupil, nobody else does', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let server: FastifyInstance;
  let url: string;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  let neighbour: { id: string };
  const dirs: string[] = [];
  const clients: ClientApp[] = [];
  const tokens = new Map<string, string>();

  const row = (schoolId: string) => ({ id: uuid(), school_id: schoolId, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT });
  async function lesson(date: string, extra: Record<string, unknown> = {}) {
    const n = schools[0]!;
    const l = { ...row(n.school.id), date, period: 2, starts_at: '08:55', ends_at: '09:40', class_id: n.klass.id, subject_id: n.subject.id, teacher_id: n.teacher.id, room_id: n.room.id, status: 'held', ...extra };
    await db('lessons').insert(l);
    return l;
  }
  async function mark(lessonId: string, kind: string, value: number) {
    const n = schools[0]!;
    await db('marks').insert({ ...row(n.school.id), id: markId(lessonId, n.pupil.id, kind), lesson_id: lessonId, student_id: n.pupil.id, kind, value });
  }
  async function api(login: string, name: string, input: object, lang = 'en') {
    if (!tokens.has(login)) {
      const res = await server.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId: uuid() } });
      tokens.set(login, (res.json() as { accessToken: string }).accessToken);
    }
    return server.inject({ method: 'POST', url: `/api/${name}`, payload: input, headers: { authorization: `Bearer ${tokens.get(login)}`, 'accept-language': lang } });
  }

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    schools = await buildTwoSchools(db, hash, DATE);
    for (const s of schools) await seedAttendanceCodes(db, s.school.id);
    const n = schools[0]!;
    // Another family of the same class: their parent must never see our pupil, nor ours theirs.
    neighbour = await buildPerson(db, n.school.id, 'Нұрланов', 'Дәулет');
    const neighbourParent = await buildPerson(db, n.school.id, 'Нұрланова', 'Сәуле');
    await enrol(db, n.school.id, n.klass.id, neighbour.id, neighbourParent.id);
    await buildUser(db, n.school.id, neighbourParent.id, 'parent.neighbour', ['parent'], hash);

    // Quarter 1: ФО 8 and 6, СОР 15/20, СОЧ 20/25.
    const q1 = [await lesson('2026-09-10'), await lesson('2026-09-17'),
      await lesson('2026-10-01', { summative_kind: 'sor', summative_max: 20 }), await lesson('2026-10-20', { summative_kind: 'soch', summative_max: 25 })];
    await mark(q1[0]!.id, 'fo', 8);
    await mark(q1[1]!.id, 'fo', 6);
    await mark(q1[2]!.id, 'sor', 15);
    await mark(q1[3]!.id, 'soch', 20);
    // Quarter 2: ФО 9 and 10 (today's lesson), СОР 9/10, a СОЧ of 20 points not written yet.
    const fo9 = await lesson('2026-11-16');
    const sor = await lesson('2026-11-18', { summative_kind: 'sor', summative_max: 10 });
    await lesson('2026-12-20', { summative_kind: 'soch', summative_max: 20, status: 'planned' });
    await mark(fo9.id, 'fo', 9);
    await mark(sor.id, 'sor', 9);
    await mark(n.lesson.id, 'fo', 10);
    await db('lessons').where({ id: n.lesson.id }).update({ homework: '§12, № 3–5', topic: 'Сызықтық функция' });
    await db('attendance').insert({ ...row(n.school.id), id: attendanceId(n.lesson.id, n.pupil.id), lesson_id: n.lesson.id, student_id: n.pupil.id, code: 'к' });
    await db('remarks').insert({ ...row(n.school.id), id: remarkId(n.lesson.id, n.pupil.id), lesson_id: n.lesson.id, student_id: n.pupil.id, text: 'Сабақта белсенді болды' });

    server = await buildServer({ db, clock });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await server?.close();
    await db?.destroy();
    await tdb?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("shows a pupil their own week: today's lesson with its mark, homework, remark and attendance", async () => {
    const res = await api('student', 'diary.week', {});
    expect(res.statusCode, res.body).toBe(200);
    const week = res.json().result;
    expect(week.weekOf).toBe(DATE);
    expect(week.student.id).toBe(schools[0]!.pupil.id);
    expect(week.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    const monday = week.days[0];
    expect(monday.lessons).toHaveLength(1);
    expect(monday.lessons[0]).toMatchObject({
      id: schools[0]!.lesson.id, startsAt: '08:00', subject: { name: { kk: 'Алгебра' } }, teacher: { id: schools[0]!.teacher.id },
      topic: 'Сызықтық функция', homework: '§12, № 3–5', fo: 10, summative: null, remark: 'Сабақта белсенді болды',
      attendance: { code: 'к', label: { kk: 'Кешікті', ru: 'Опоздал', en: 'Late' }, absent: false },
    });
    expect(week.days[1].lessons).toEqual([]);
  });

  it('shows a summative score with its maximum and kind, and the autumn break as days off', async () => {
    const week = (await api('student', 'diary.week', { weekOf: '2026-11-18' })).json().result;
    expect(week.weekOf).toBe('2026-11-16');
    expect(week.days[2].lessons[0]).toMatchObject({ summative: { kind: 'sor', max: 10, score: 9 }, fo: null });
    const autumn = (await api('student', 'diary.week', { weekOf: '2026-10-28' })).json().result;
    expect(autumn.days.every((d: { dayOff: string }) => d.dayOff === 'holiday')).toBe(true);
    expect(autumn.days[0].holiday).toEqual({ kk: 'Күзгі демалыс', ru: 'Осенние каникулы', en: 'Autumn break' });
  });

  it('computes the term and year marks as worked out by hand', async () => {
    const res = await api('student', 'diary.marks', {});
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json().result;
    expect(out.period).toMatchObject({ kind: 'term', number: 2 });
    const algebra = out.subjects.find((s: { subject: { code: string } }) => s.subject.code === 'algebra');
    // Quarter 2: ФО (9 + 10) / 2 = 9.5 → 23.75 %; СОР 9/10 → 22.5 %; no СОЧ yet: 46.25 / 0.5 = 92.5 % → 5.
    expect(algebra.term).toMatchObject({ percent: 92.5, mark: 5, reason: 'ok' });
    // For a 5 with the СОЧ: 46.25 + 50 × s/20 ≥ 85 → s ≥ 15.5 → 16.
    expect(algebra.term.needed).toEqual([{ mark: 5, sochScore: 16 }]);
    expect(algebra.current).toBe(true);
    expect(algebra.marks.map((m: { kind: string; value: number }) => `${m.kind}:${m.value}`)).toEqual(['fo:9', 'sor:9', 'fo:10']);
    expect(algebra.termInput).toEqual({ assessment: 'marked', period: 'term', fo: [9, 10], sor: [{ score: 9, max: 10 }], soch: { score: null, max: 20 } });
    // Year so far: quarter 1 = 17.5 + 18.75 + 40 = 76.25 → 76.3 % → 4; quarter 2 → 5; (4 + 5) / 2 = 4.5 → 5.
    expect(algebra.year).toEqual({ mark: 5, mean: 4.5 });
    const q1 = (await api('student', 'diary.marks', { period: 1 })).json().result.subjects[0];
    expect(q1.term).toMatchObject({ percent: 76.3, mark: 4, needed: [] });
    expect(q1.current).toBe(false);
  });

  it("shows a parent their child's diary, and refuses another family's child and a pupil of another school", async () => {
    const [north, south] = schools;
    const own = await api('parent', 'diary.marks', { studentId: north!.pupil.id });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().result.subjects[0].year.mark).toBe(5);
    expect((await api('parent', 'diary.week', { studentId: north!.pupil.id })).statusCode).toBe(200);
    for (const op of ['diary.week', 'diary.marks']) {
      const neighbours = await api('parent', op, { studentId: neighbour.id });
      expect(neighbours.statusCode).toBe(403);
      expect(neighbours.json().error).toMatchObject({ code: 'forbidden', messageKey: 'error.diary_not_yours', message: "You may not see this pupil's diary" });
      expect((await api('parent.neighbour', op, { studentId: north!.pupil.id })).statusCode).toBe(403);
      expect((await api('parent', op, { studentId: south!.pupil.id })).statusCode).toBe(403);
      expect((await api('student', op, { studentId: neighbour.id })).statusCode).toBe(403);
      expect((await api('teacher', op, { studentId: north!.pupil.id })).statusCode).toBe(403);
      expect((await api('teacher', op, {})).statusCode).toBe(403);
      expect((await api('director', op, { studentId: north!.pupil.id })).statusCode).toBe(403);
      // A parent must say which child.
      expect((await api('parent', op, {})).statusCode).toBe(400);
    }
    // The neighbour's own parent does see the neighbour: the refusal above is about the family, not the pupil.
    expect((await api('parent.neighbour', 'diary.week', { studentId: neighbour.id })).statusCode).toBe(200);
    const ru = await api('parent', 'diary.week', { studentId: neighbour.id }, 'ru');
    expect(ru.json().error.message).toBe('Вы не можете смотреть дневник этого ученика');
  });

  it("a guardianship ended: the former parent is refused", async () => {
    const n = schools[0]!;
    await db('guardians').where({ parent_id: n.parent.id, child_id: n.pupil.id }).update({ deleted_at: AT });
    try {
      expect((await api('parent', 'diary.marks', { studentId: n.pupil.id })).statusCode).toBe(403);
    } finally {
      await db('guardians').where({ parent_id: n.parent.id, child_id: n.pupil.id }).update({ deleted_at: null });
    }
  });

  it("runs on a parent's desktop client from its replica, and a mark the teacher sets reaches it after sync", async () => {
    const n = schools[0]!;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-diary-'));
    dirs.push(dir);
    const client = await startClientApp({ dataDir: dir, serverUrl: url, clock });
    clients.push(client);
    const signedIn = await client.signIn('parent', 'password');
    if (!signedIn.ok) throw new Error('the parent could not sign in');
    await client.syncNow();
    const onServer = (await api('parent', 'diary.marks', { studentId: n.pupil.id })).json().result;
    const local = await client.call(signedIn.sessionId, 'diary.marks', { studentId: n.pupil.id });
    expect(local).toMatchObject({ ok: true });
    expect((local as { result: unknown }).result).toEqual(onServer);
    const neighbours = await client.call(signedIn.sessionId, 'diary.week', { studentId: neighbour.id });
    expect(neighbours).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const set = await api('teacher', 'journal.setMark', { lessonId: n.lesson.id, studentId: n.pupil.id, value: 7, baseVersion: 1 });
    expect(set.statusCode, set.body).toBe(200);
    await client.syncNow();
    const week = await client.call(signedIn.sessionId, 'diary.week', { studentId: n.pupil.id });
    expect((week as { result: { days: { lessons: { fo: number }[] }[] } }).result.days[0]!.lessons[0]!.fo).toBe(7);
  });
});
