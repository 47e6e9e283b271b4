import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { markId } from '../../src-core/journal/ids';
import { clockFrom } from '../../src-core/util/clock';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';

const TODAY = '2026-11-23';
/** 11 days back: past the default editing period of 7 days. */
const OLD = '2026-11-12';

describe.each(ENGINES)('the class journal on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let schools: Awaited<ReturnType<typeof buildTwoSchools>>;
  const tokens: Record<string, string> = {};
  let north: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  let second: string;
  let sorLesson: string;
  let oldLesson: string;

  const post = (name: string, payload: unknown, who: string, lang = 'en') =>
    app.inject({ method: 'POST', url: `/api/${name}`, payload: payload as object, headers: { 'accept-language': lang, authorization: `Bearer ${tokens[who]}` } });
  const ok = async (name: string, payload: unknown, who = 'teacher') => {
    const res = await post(name, payload, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const refused = async (name: string, payload: unknown, who: string, status: number, key: string) => {
    const res = await post(name, payload, who, 'ru');
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.messageKey).toBe(key);
    return res.json().error;
  };

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    schools = await buildTwoSchools(db, hash, TODAY);
    north = schools[0]!;
    await seedAttendanceCodes(db, north.school.id);
    const p = await buildPerson(db, north.school.id, 'Бекова', 'Дана');
    await enrol(db, north.school.id, north.klass.id, p.id);
    second = p.id;
    const lesson = (date: string, period: number) => ({ ...north.lesson, id: uuid(), date, period });
    const sor = lesson(TODAY, 2);
    const old = lesson(OLD, 1);
    await db('lessons').insert([sor, old]);
    sorLesson = sor.id;
    oldLesson = old.id;
    const { id: _, grade: _g, letter: _l, language: _la, shift_id: _s, class_teacher_id: _c, academic_year_id: _y, ...sync } = north.klass;
    await db('teaching_assignments').insert({ ...sync, id: uuid(), academic_year_id: north.year.id, teacher_id: north.teacher.id, class_id: north.klass.id, subject_id: north.subject.id, weekly_hours: 3 });
    const other = await buildPerson(db, north.school.id, 'Қасымов', 'Нұрлан');
    const deputy = await buildPerson(db, north.school.id, 'Жұмабаева', 'Сара');
    await buildUser(db, north.school.id, other.id, 'other.teacher', ['teacher'], hash);
    await buildUser(db, north.school.id, deputy.id, 'deputy', ['deputy_director'], hash);
    app = await buildServer({ db, clock: clockFrom('2026-11-23T09:00:00+05:00', false), authPolicy: { ...authPolicyFromEnv({}), signInPerMinute: 1000 } });
    for (const login of ['teacher', 'other.teacher', 'deputy', 'parent', 'student', 's2.teacher']) {
      const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId: randomUUID() } });
      expect(res.statusCode, res.body).toBe(200);
      tokens[login] = res.json().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it('takes a ФО, a СОР score within its maximum, attendance, a remark and homework, and shows them with the term mark', async () => {
    const pupil = north.pupil.id;
    await ok('journal.setMark', { lessonId: north.lesson.id, studentId: pupil, value: 8, baseVersion: 0 });
    await ok('lesson.setSummative', { lessonId: sorLesson, kind: 'sor', maxScore: 20, title: 'СОР 1' });
    await ok('journal.setMark', { lessonId: sorLesson, studentId: pupil, kind: 'sor', value: 15, baseVersion: 0 });
    await ok('attendance.mark', { lessonId: north.lesson.id, studentId: second, code: 'ж' });
    await ok('journal.setRemark', { lessonId: north.lesson.id, studentId: pupil, text: 'Тақтада жақсы жауап берді' });
    await ok('lesson.setHomework', { lessonId: north.lesson.id, homework: '§12, №3–5' });
    expect(await ok('attendance.allPresent', { lessonId: sorLesson })).toEqual({ lessonId: sorLesson, recorded: 2 });

    const sheet = await ok('journal.sheet', { classId: north.klass.id, subjectId: north.subject.id });
    expect(sheet.period).toEqual({ kind: 'term', number: 2, startsOn: '2026-11-02', endsOn: '2026-12-28' });
    expect(sheet.pupils.map((p: { firstName: string }) => p.firstName)).toEqual(['Дана', 'Әлихан0']);
    expect(sheet.lessons.map((l: { date: string }) => l.date)).toEqual([OLD, TODAY, TODAY]);
    const first = sheet.lessons.find((l: { id: string }) => l.id === north.lesson.id);
    expect(first).toMatchObject({ homework: '§12, №3–5', locked: false, writable: true, summative: null });
    expect(sheet.lessons.find((l: { id: string }) => l.id === oldLesson)).toMatchObject({ locked: true, writable: false });
    const cell = sheet.cells.find((c: { lessonId: string; studentId: string }) => c.lessonId === north.lesson.id && c.studentId === pupil);
    expect(cell).toMatchObject({ fo: { value: 8, version: 1 }, remark: 'Тақтада жақсы жауап берді' });
    expect(sheet.cells.find((c: { lessonId: string; studentId: string }) => c.lessonId === sorLesson && c.studentId === pupil))
      .toMatchObject({ score: { value: 15, version: 1 }, code: { code: null, version: 1 } });
    // ФО 8 → 80 % × ½ + СОР 15/20 = 75 % × ½ (no СОЧ yet: its weight goes to the others) = 77.5 % → 4.
    const term = sheet.termMarks.find((t: { studentId: string }) => t.studentId === pupil);
    expect(term).toMatchObject({ percent: 77.5, mark: 4, reason: 'ok' });
    expect(sheet.termMarks.find((t: { studentId: string }) => t.studentId === second)).toMatchObject({ mark: null, reason: 'noMarks' });
  });

  it('refuses, translated, a mark out of range, a score above its maximum, a score without its work, an unknown code, a pupil of another class — and changes nothing', async () => {
    const pupil = north.pupil.id;
    const before = await db('marks').count({ n: '*' }).first();
    await refused('journal.setMark', { lessonId: north.lesson.id, studentId: second, value: 11, baseVersion: 0 }, 'teacher', 400, 'error.mark_out_of_range');
    await refused('journal.setMark', { lessonId: north.lesson.id, studentId: second, value: 0, baseVersion: 0 }, 'teacher', 400, 'error.mark_out_of_range');
    const above = await refused('journal.setMark', { lessonId: sorLesson, studentId: second, kind: 'sor', value: 21, baseVersion: 0 }, 'teacher', 400, 'error.score_above_max');
    expect(above.message).toContain('20');
    await refused('journal.setMark', { lessonId: sorLesson, studentId: second, kind: 'soch', value: 5, baseVersion: 0 }, 'teacher', 400, 'error.no_summative_in_lesson');
    await refused('attendance.mark', { lessonId: north.lesson.id, studentId: pupil, code: 'x' }, 'teacher', 400, 'error.attendance_code_unknown');
    await refused('journal.setMark', { lessonId: north.lesson.id, studentId: schools[1]!.pupil.id, value: 5, baseVersion: 0 }, 'teacher', 400, 'error.pupil_not_in_lesson');
    await refused('lesson.setSummative', { lessonId: sorLesson, kind: 'sor', maxScore: 10 }, 'teacher', 400, 'error.summative_has_scores');
    expect(await db('marks').count({ n: '*' }).first()).toEqual(before);
    expect(Number((await db('lessons').where({ id: sorLesson }).first()).summative_max)).toBe(20);
  });

  it('locks a lesson after the editing period until a deputy unlocks it, with a reason that stays in the cell\'s history', async () => {
    const pupil = north.pupil.id;
    const locked = await refused('journal.setMark', { lessonId: oldLesson, studentId: pupil, value: 6, baseVersion: 0 }, 'teacher', 403, 'error.journal_locked');
    expect(locked.message).toContain(OLD);
    await refused('journal.unlockLesson', { lessonId: oldLesson, until: TODAY, reason: 'Болезнь учителя' }, 'teacher', 403, 'error.forbidden');
    await refused('journal.unlockLesson', { lessonId: oldLesson, until: '2026-11-20', reason: 'Болезнь учителя' }, 'deputy', 400, 'error.unlock_in_past');
    await ok('journal.unlockLesson', { lessonId: oldLesson, until: TODAY, reason: 'Болезнь учителя' }, 'deputy');
    await ok('journal.setMark', { lessonId: oldLesson, studentId: pupil, value: 6, baseVersion: 0 });
    await ok('journal.setMark', { lessonId: oldLesson, studentId: pupil, value: 7, baseVersion: 1, reason: 'Исправлена описка' });
    const audit = await db('audit_log').where({ action: 'journal.unlockLesson' }).first();
    expect(JSON.parse(audit.details)).toMatchObject({ lessonId: oldLesson, reason: 'Болезнь учителя' });
    const { entries } = await ok('journal.cellHistory', { lessonId: oldLesson, studentId: pupil }, 'deputy');
    expect(entries.map((e: { what: string; old: string | null; new: string | null; reason: string | null }) => [e.what, e.old, e.new, e.reason]))
      .toEqual([['fo', null, '6', null], ['fo', '6', '7', 'Исправлена описка']]);
    expect(entries[0].by).toMatchObject({ lastName: 'Ахметова' });
  });

  it("lets the class teacher excuse a pupil's absences with a sick note, and sums the class up: marks, absences, risks, parents", async () => {
    await refused('attendance.excuse', { studentId: second, from: TODAY, to: TODAY, code: 'а', reason: 'Анықтама №12' }, 'other.teacher', 403, 'error.not_class_teacher');
    await refused('attendance.excuse', { studentId: second, from: TODAY, to: TODAY, code: 'к', reason: 'Анықтама №12' }, 'teacher', 400, 'error.code_not_excused');
    await refused('attendance.excuse', { studentId: second, from: TODAY, to: '2026-11-01', code: 'а', reason: 'Анықтама №12' }, 'teacher', 400, 'error.invalid_input');
    expect(await ok('attendance.excuse', { studentId: second, from: '2026-11-20', to: TODAY, code: 'а', reason: 'Анықтама №12' })).toEqual({ studentId: second, excused: 1 });
    expect((await db('attendance').where({ student_id: second, lesson_id: north.lesson.id }).first()).code).toBe('а');

    const summary = await ok('classTeacher.summary', { classId: north.klass.id });
    expect(summary.period).toBe(2);
    expect(summary.subjects.map((x: { code: string; average: number | null }) => [x.code, x.average])).toEqual([['algebra', 4]]);
    const [dana, alikhan] = summary.pupils;
    expect(dana.pupil.firstName).toBe('Дана');
    expect(dana.absences).toEqual({ lessons: 1, excused: 1, unexcused: 0, late: 0 });
    expect(dana.marks[0]).toMatchObject({ mark: null });
    // ФО 8 and 7 (the unlocked lesson) → 75 % × ½ + СОР 75 % × ½ = 75 % → 4.
    expect(alikhan.marks[0]).toMatchObject({ percent: 75, mark: 4 });
    expect(alikhan.atRisk).toEqual([]);
    expect(alikhan.parents).toEqual([expect.objectContaining({ lastName: 'Сейітова', phone: '+7 701 000 00 00', relation: 'mother' })]);
    await refused('classTeacher.summary', { classId: north.klass.id }, 'other.teacher', 403, 'error.not_class_teacher');
    await refused('classTeacher.summary', { classId: north.klass.id }, 'parent', 403, 'error.forbidden');
    expect((await ok('classTeacher.summary', { classId: north.klass.id }, 'deputy')).pupils).toHaveLength(2);
  });

  it('opens a journal only to its teachers, its class teacher and the administration; a parent, a pupil and another school get nothing', async () => {
    const input = { classId: north.klass.id, subjectId: north.subject.id };
    await ok('journal.sheet', input, 'deputy');
    await refused('journal.sheet', input, 'other.teacher', 403, 'error.journal_not_yours');
    await refused('journal.sheet', input, 'parent', 403, 'error.forbidden');
    await refused('journal.sheet', input, 'student', 403, 'error.forbidden');
    await refused('journal.sheet', input, 's2.teacher', 404, 'error.not_found');
    await refused('journal.cellHistory', { lessonId: north.lesson.id, studentId: north.pupil.id }, 'other.teacher', 403, 'error.journal_not_yours');
    await refused('journal.setMark', { lessonId: north.lesson.id, studentId: north.pupil.id, value: 5, baseVersion: 1 }, 'other.teacher', 403, 'error.lesson_not_yours');
    const mine = (await ok('journal.list', {}, 'teacher')).journals;
    expect(mine.map((j: { class: { name: string }; subject: { code: string }; mine: boolean }) => [j.class.name, j.subject.code, j.mine])).toEqual([['7А', 'algebra', true]]);
    expect((await ok('journal.list', {}, 'deputy')).journals).toHaveLength(1);
    expect((await ok('journal.list', {}, 'other.teacher')).journals).toEqual([]);
    await refused('journal.list', {}, 'parent', 403, 'error.forbidden');
    expect(Number((await db('marks').where({ id: markId(north.lesson.id, north.pupil.id, 'fo') }).first()).value)).toBe(8);
  });

  it("lets the administration set the year's editing period and grading rules; teachers may not, and bad rules change nothing", async () => {
    const early = { ...north.lesson, id: uuid(), date: '2026-11-05', period: 3 };
    await db('lessons').insert(early);
    await refused('journal.setMark', { lessonId: early.id, studentId: second, value: 9, baseVersion: 0 }, 'teacher', 403, 'error.journal_locked');
    await refused('journal.setRules', { editingDays: 30 }, 'teacher', 403, 'error.forbidden');
    const bad = await refused('journal.setRules', { grading: { weights: { fo: 0.5, sor: 0.5, soch: 0.5 } } }, 'deputy', 400, 'error.invalid_input');
    expect(bad.fields.map((f: { path: string }) => f.path)).toEqual(['grading.weights']);
    expect((await ok('journal.rules', {}, 'teacher')).editingDays).toBe(7);
    const set = await ok('journal.setRules', { editingDays: 30, grading: { scale: [{ fromPercent: 0, mark: 2 }, { fromPercent: 50, mark: 3 }, { fromPercent: 80, mark: 4 }, { fromPercent: 90, mark: 5 }] } }, 'deputy');
    expect(set.editingDays).toBe(30);
    expect((await ok('journal.rules', {}, 'teacher')).grading.scale[1]).toEqual({ fromPercent: 50, mark: 3 });
    await ok('journal.setMark', { lessonId: early.id, studentId: second, value: 9, baseVersion: 0 });
    // The year's own scale now: Әлихан's 75 % is a 3 (by the default scale a 4); Dana's ФО 9 → 90 % → 5.
    const sheet = await ok('journal.sheet', { classId: north.klass.id, subjectId: north.subject.id }, 'deputy');
    expect(sheet.editingDays).toBe(30);
    expect(sheet.termMarks.find((t: { studentId: string }) => t.studentId === second)).toMatchObject({ percent: 90, mark: 5 });
    expect(sheet.termMarks.find((t: { studentId: string }) => t.studentId === north.pupil.id)).toMatchObject({ percent: 75, mark: 3 });
    await ok('journal.setRules', {}, 'deputy');
    expect(await ok('journal.rules', {}, 'deputy')).toMatchObject({ editingDays: 30 });
  });
});
