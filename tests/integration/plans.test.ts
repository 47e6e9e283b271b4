import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { callOperation } from '../../src-core/contract/call';
import { PLAN_FILE_MAX_BYTES } from '../../src-core/contract/ops/plans';
import { openDatabase } from '../../src-core/db/open';
import { clockFrom } from '../../src-core/util/clock';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { buildServer } from '../../src-server/server';
import { FIXTURES, kazakhPlanXlsx } from '../fixtures/plans/kazakh-plan';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser } from '../helpers/factories';

/** A Monday a week before the autumn break (26 Oct – 1 Nov in the factories' school year). */
const TODAY = '2026-10-19';
const csv = (name: string) => readFileSync(path.join(FIXTURES, name)).toString('base64');

describe.each(ENGINES)('calendar-thematic plans on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let north: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  let south: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  const tokens: Record<string, string> = {};
  const lessonOn: Record<string, string> = {};
  let ruPlan: string;
  let kkPlan: string;

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
  const counts = async () => ({
    plans: Number((await db('plans').count({ n: '*' }).first())!.n),
    topics: Number((await db('plan_topics').whereNull('deleted_at').count({ n: '*' }).first())!.n),
  });

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    [north, south] = await buildTwoSchools(db, hash, TODAY) as [typeof north, typeof south];
    lessonOn[`${TODAY}/1`] = north.lesson.id;
    // The timetable's lessons of 7А in algebra: a cancelled one, one on the autumn break (made before the break
    // was added), and the weeks after it.
    for (const [date, period, status] of [['2026-10-21', 1, 'planned'], ['2026-10-23', 1, 'planned'], ['2026-10-23', 2, 'cancelled'],
      ['2026-10-27', 1, 'planned'], ['2026-11-02', 1, 'planned'], ['2026-11-04', 1, 'planned'], ['2026-11-06', 1, 'planned']] as const) {
      const id = uuid();
      await db('lessons').insert({ ...north.lesson, id, date, period, status });
      lessonOn[`${date}/${period}`] = id;
    }
    const { id: _, grade: _g, letter: _l, language: _la, shift_id: _s, class_teacher_id: _c, academic_year_id: _y, ...sync } = north.klass;
    await db('teaching_assignments').insert({ ...sync, id: uuid(), academic_year_id: north.year.id, teacher_id: north.teacher.id, class_id: north.klass.id, subject_id: north.subject.id, weekly_hours: 3 });
    const other = await buildPerson(db, north.school.id, 'Қасымов', 'Нұрлан');
    const deputy = await buildPerson(db, north.school.id, 'Жұмабаева', 'Сара');
    await buildUser(db, north.school.id, other.id, 'other.teacher', ['teacher'], hash);
    await buildUser(db, north.school.id, deputy.id, 'deputy', ['deputy_director'], hash);
    app = await buildServer({ db, clock: clockFrom('2026-10-19T09:00:00+05:00', false), authPolicy: { ...authPolicyFromEnv({}), signInPerMinute: 1000 } });
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

  it('imports a Russian CSV and a Kazakh XLSX, lists them and gives one with its topics', async () => {
    const ru = await ok('plans.import', { subjectId: north.subject.id, grade: 7, language: 'ru', title: 'Алгебра 7 (рус.)', fileName: 'algebra-7-ru.csv', base64: csv('algebra-7-ru.csv') });
    expect(ru).toMatchObject({ grade: 7, language: 'ru', mine: true, topicCount: 5, totalHours: 7.5 });
    expect(ru.topics.map((t: { position: number; hours: number; sor: boolean; soch: boolean }) => [t.position, t.hours, t.sor, t.soch]))
      .toEqual([[1, 2, false, false], [2, 1, false, false], [3, 1.5, true, false], [4, 1, false, false], [5, 2, false, true]]);
    ruPlan = ru.id;
    const xlsx = Buffer.from(await kazakhPlanXlsx()).toString('base64');
    const kk = await ok('plans.import', { subjectId: north.subject.id, grade: 7, language: 'kk', title: 'Алгебра 7', fileName: 'Алгебра 7.xlsx', base64: xlsx });
    expect(kk).toMatchObject({ language: 'kk', topicCount: 4, totalHours: 6 });
    expect(kk.topics[2]).toMatchObject({ section: 'Бірмүшелер', title: 'Бірмүше және оның стандарт түрі' });
    kkPlan = kk.id;
    // Importing again replaces the plan: the same row, the topics kept at their positions.
    const again = await ok('plans.import', { subjectId: north.subject.id, grade: 7, language: 'kk', title: 'Алгебра 7-сынып', fileName: 'Алгебра 7.xlsx', base64: xlsx });
    expect(again).toMatchObject({ id: kkPlan, title: 'Алгебра 7-сынып', topicCount: 4 });
    expect(again.topics.map((t: { id: string }) => t.id)).toEqual(kk.topics.map((t: { id: string }) => t.id));

    const { plans } = await ok('plans.list', {});
    expect(plans.map((p: { title: string }) => p.title).sort()).toEqual(['Алгебра 7 (рус.)', 'Алгебра 7-сынып']);
    expect((await ok('plans.list', { grade: 8 })).plans).toEqual([]);
    expect((await ok('plans.list', {}, 'deputy')).plans).toHaveLength(2);
    expect((await ok('plans.list', {}, 'other.teacher')).plans).toEqual([]);
    const got = await ok('plans.get', { planId: ruPlan }, 'deputy');
    expect(got).toMatchObject({ id: ruPlan, mine: false, author: { lastName: 'Ахметова' }, subject: { code: 'algebra' } });
    expect(got.topics[0]).toMatchObject({ section: 'Степень с целым показателем', title: 'Степень с натуральным показателем и её свойства' });
    // Every write is in the change log, with its author's bucket.
    const logged = await db('change_log').where({ table_name: 'plan_topics' }).count({ n: '*' }).first();
    expect(Number(logged!.n)).toBe(5 + 4 + 4);
  });

  it('edits a topic in place', async () => {
    const topic = await ok('plans.setTopic', { planId: ruPlan, position: 2, title: 'Степень с целым показателем', hours: 1 });
    expect(topic).toMatchObject({ position: 2, title: 'Степень с целым показателем', hours: 1, rowVersion: 2 });
    await refused('plans.setTopic', { planId: ruPlan, position: 9, hours: 1 }, 'teacher', 404, 'error.plan_topic_not_found');
    await refused('plans.setTopic', { planId: ruPlan, position: 1 }, 'teacher', 400, 'error.invalid_input');
  });

  it('lays the plan onto the lessons over the autumn break, keeps a topic written by hand, and the journal shows the topics', async () => {
    await ok('lesson.setTopic', { lessonId: lessonOn['2026-11-02/1'], topic: 'Контрольная работа' });
    const applied = await ok('plans.apply', { planId: ruPlan, classId: north.klass.id, from: TODAY });
    // Needed: 2 + 1 + 2 (1.5 h) + 1 + 2 = 8 lessons; there are 6 (one cancelled, one on the break).
    expect(applied).toMatchObject({ from: TODAY, written: 5, unchanged: 0, kept: 1, locked: 0, cleared: 0, spareLessons: 0 });
    expect(applied.notFitted).toEqual([{ position: 5, title: 'Сложение и вычитание многочленов', missingLessons: 2 }]);
    expect(applied.lessons.map((l: { date: string; position: number; outcome: string; summative: string | null }) => [l.date, l.position, l.outcome, l.summative])).toEqual([
      [TODAY, 1, 'written', null], ['2026-10-21', 1, 'written', null], ['2026-10-23', 2, 'written', null],
      ['2026-11-02', 3, 'kept', null], ['2026-11-04', 3, 'written', 'sor'], ['2026-11-06', 4, 'written', null],
    ]);
    // The sheet shows neither the cancelled lesson nor the one on the break (between the quarters).
    const topics = async (period: number) => (await ok('journal.sheet', { classId: north.klass.id, subjectId: north.subject.id, period }))
      .lessons.map((l: { date: string; topic: string | null }) => [l.date, l.topic]);
    expect(await topics(1)).toEqual([
      [TODAY, 'Степень с натуральным показателем и её свойства'], ['2026-10-21', 'Степень с натуральным показателем и её свойства'],
      ['2026-10-23', 'Степень с целым показателем'],
    ]);
    expect(await topics(2)).toEqual([['2026-11-02', 'Контрольная работа'], ['2026-11-04', 'Стандартный вид числа; действия над числами в стандартном виде'], ['2026-11-06', 'Одночлен, его стандартный вид']]);
    // Written as lesson.setTopic writes: a new version, in the log for the class and the teacher.
    const row = await db('lessons').where({ id: lessonOn['2026-10-21/1'] }).first();
    expect(Number(row.row_version)).toBe(2);
    const entry = await db('change_log').where({ table_name: 'lessons', row_id: row.id }).first();
    const buckets = await db('change_buckets').where({ seq: entry.seq, row_id: row.id }).pluck('bucket');
    expect(buckets.sort()).toEqual([`class:${north.klass.id}`, `teacher:${north.teacher.id}`].sort());

    // A topic changed by hand after the plan wrote it is kept; a changed plan topic is written again; the rest stays.
    await ok('lesson.setTopic', { lessonId: lessonOn[`${TODAY}/1`], topic: 'Повторение' });
    await ok('plans.setTopic', { planId: ruPlan, position: 4, title: 'Одночлен и его стандартный вид' });
    const again = await ok('plans.apply', { planId: ruPlan, classId: north.klass.id, from: TODAY });
    expect(again).toMatchObject({ written: 1, unchanged: 3, kept: 2 });
    expect((await db('lessons').where({ id: lessonOn['2026-11-06/1'] }).first()).topic).toBe('Одночлен и его стандартный вид');
    // Laid out from a later day: the plan starts again there, the lessons before it keep what they hold.
    const later = await ok('plans.apply', { planId: ruPlan, classId: north.klass.id, from: '2026-11-03' });
    expect(later).toMatchObject({ written: 2, cleared: 0 });
  });

  it('refuses a parent, a pupil, a colleague, the administration\'s writes and another school', async () => {
    await refused('plans.list', {}, 'parent', 403, 'error.forbidden');
    await refused('plans.get', { planId: ruPlan }, 'student', 403, 'error.forbidden');
    await refused('plans.get', { planId: ruPlan }, 'other.teacher', 403, 'error.plan_not_yours');
    await refused('plans.import', { subjectId: north.subject.id, grade: 7, language: 'ru', title: 'x', fileName: 'a.csv', base64: csv('algebra-7-ru.csv') }, 'other.teacher', 403, 'error.plan_subject_not_yours');
    await refused('plans.setTopic', { planId: ruPlan, position: 1, title: 'x' }, 'other.teacher', 403, 'error.plan_author_only');
    await refused('plans.apply', { planId: ruPlan, classId: north.klass.id }, 'deputy', 403, 'error.forbidden');
    await refused('plans.get', { planId: ruPlan }, 's2.teacher', 404, 'error.not_found');
    await refused('plans.apply', { planId: ruPlan, classId: south.klass.id }, 'teacher', 404, 'error.not_found');
    await refused('plans.import', { subjectId: south.subject.id, grade: 7, language: 'ru', title: 'x', fileName: 'a.csv', base64: csv('algebra-7-ru.csv') }, 'teacher', 404, 'error.not_found');
    expect((await ok('plans.list', {}, 's2.teacher')).plans).toEqual([]);
  });

  it('refuses a bad file with every bad row translated, and writes nothing', async () => {
    const before = await counts();
    const log = await db('change_log').count({ n: '*' }).first();
    const error = await refused('plans.import', { subjectId: north.subject.id, grade: 7, language: 'ru', title: 'Алгебра 7 (рус.)', fileName: 'broken-ru.csv', base64: csv('broken-ru.csv') }, 'teacher', 400, 'error.plan_file_invalid');
    expect(error.message).toBe('В файле есть ошибки (3): ничего не загружено');
    expect(error.fields.map((f: { path: string; message: string }) => [f.path, f.message])).toEqual([
      ['row 2', 'Строка 2: «два» — не количество часов (от 0,5 до 20, с шагом в полчаса)'],
      ['row 3', 'Строка 3: часы указаны, а тема не записана'],
      ['row 4', 'Строка 4: не указано количество часов'],
    ]);
    const kk = await post('plans.import', { subjectId: north.subject.id, grade: 7, language: 'kk', title: 'x', fileName: 'no-header.csv', base64: csv('no-header.csv') }, 'teacher', 'kk');
    expect(kk.json().error.fields[0].message).toContain('Тақырып жолы табылмады');
    await refused('plans.import', { subjectId: north.subject.id, grade: 7, language: 'ru', title: 'x', fileName: 'plan.docx', base64: 'AAAA' }, 'teacher', 400, 'error.plan_file_invalid');
    expect(await counts()).toEqual(before);
    expect(await db('change_log').count({ n: '*' }).first()).toEqual(log);
    expect((await ok('plans.get', { planId: ruPlan })).topicCount).toBe(5);
  });

  it('refuses a file over 2 MB (checked by the contract and by the handler)', async () => {
    const host = { db, clock: clockFrom('2026-10-19T09:00:00+05:00', false), host: 'server' as const };
    const actor = { userId: north.users.teacher.id, personId: north.teacher.id, schoolId: north.school.id, roles: ['teacher' as const], deviceId: null };
    const input = (bytes: number) => ({ subjectId: north.subject.id, grade: 7, language: 'ru', title: 'x', fileName: 'big.csv', base64: Buffer.alloc(bytes, 65).toString('base64') });
    const justOver = await callOperation(host, actor, 'plans.import', input(PLAN_FILE_MAX_BYTES + 1));
    expect(justOver).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'error.plan_file_too_large' } });
    const far = await callOperation(host, actor, 'plans.import', input(PLAN_FILE_MAX_BYTES + 10));
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input' } });
  });
});
