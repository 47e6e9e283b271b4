import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { evenChunks, journalPdf, LESSONS_PER_PAGE } from '../../src-core/reports/journal-pdf';
import { subjectStats } from '../../src-core/reports/progress-xlsx';
import { clockFrom } from '../../src-core/util/clock';
import { buildServer } from '../../src-server/server';
import { syntheticJournalSheet } from '../bench/reports';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser, enrol, seedAttendanceCodes } from '../helpers/factories';

const AT = '2026-09-01T00:00:00.000Z';
const row = (schoolId: string) => ({ id: uuid(), school_id: schoolId, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT });
const KAZAKH = 'әғқңөұүһі';

/** The text of every page of a PDF, in reading order, as pdf.js extracts it. */
async function pdfText(base64: string): Promise<{ pages: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return { pages };
}

async function workbook(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe.each(ENGINES)('reports on $name: the printed journal, progress and attendance', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  let history: { id: string };
  const pupils: { id: string; last_name: string; first_name: string }[] = [];
  const tokens: Record<string, string> = {};

  const call = async (login: string, name: string, input: object, lang = 'en') => app.inject({
    method: 'POST', url: `/api/${name}`, payload: input, headers: { 'accept-language': lang, authorization: `Bearer ${tokens[login]}` },
  });

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    [s] = await buildTwoSchools(db, hash, '2026-11-09') as [typeof s];
    const sid = s.school.id;
    await seedAttendanceCodes(db, sid);
    for (const [n, [from, to]] of [['2026-09-01', '2026-10-25'], ['2026-11-02', '2026-12-28'], ['2027-01-08', '2027-03-19'], ['2027-03-30', '2027-05-25']].entries()) {
      await db('terms').insert({ ...row(sid), academic_year_id: s.year.id, kind: 'quarter', number: n + 1, starts_on: from, ends_on: to });
    }
    pupils.push({ id: s.pupil.id, last_name: 'Сейітов', first_name: 'Әлихан0' });
    for (const [last, first] of [['Қасымова', 'Іңкәр'], ['Нұрланов', 'Ғалым'], ['Өтегенова', 'Үміт']] as const) {
      const p = await buildPerson(db, sid, last, first);
      await enrol(db, sid, s.klass.id, p.id);
      pupils.push({ id: p.id, last_name: last, first_name: first });
    }
    // A second subject taught by another teacher (not the class teacher), and a teacher of neither.
    const historian = await buildPerson(db, sid, 'Бекова', 'Сәуле');
    const stranger = await buildPerson(db, sid, 'Жақыпов', 'Нұрлан');
    history = { ...row(sid), code: 'history_kz', name_kk: 'Қазақстан тарихы', name_ru: 'История Казахстана', name_en: 'History of Kazakhstan' } as never;
    await db('subjects').insert(history);
    await db('teaching_assignments').insert({ ...row(sid), academic_year_id: s.year.id, teacher_id: historian.id, class_id: s.klass.id, subject_id: history.id, weekly_hours: 2 });
    for (const [login, person, roles] of [['historian', historian, ['teacher']], ['stranger', stranger, ['teacher']]] as const) {
      await buildUser(db, sid, person.id, login, [...roles], hash);
    }

    const lesson = async (subjectId: string, teacherId: string, date: string, extra: object = {}) => {
      const l = { ...row(sid), date, period: 2, starts_at: '08:55', ends_at: '09:40', class_id: s.klass.id, subject_id: subjectId, teacher_id: teacherId, room_id: s.room.id, status: 'held', ...extra };
      await db('lessons').insert(l);
      return l;
    };
    const mark = (lessonId: string, studentId: string, kind: string, value: number) => db('marks').insert({ ...row(sid), lesson_id: lessonId, student_id: studentId, kind, value });
    const absent = (lessonId: string, studentId: string, code: string) => db('attendance').insert({ ...row(sid), lesson_id: lessonId, student_id: studentId, code });
    const [a, b, c, d] = pupils.map((p) => p.id) as [string, string, string, string];

    // Algebra (the factory's lesson of 09.11 is the first): ФО, a СОР out of 15, a СОЧ out of 20.
    await db('lessons').where({ id: s.lesson.id }).update({ status: 'held', topic: `Дыбыстар мен әріптер: ${KAZAKH}`, homework: '§3, №12–15 есептер' });
    const l2 = await lesson(s.subject.id, s.teacher.id, '2026-11-11', { topic: 'Көпмүшелерді көбейту' });
    const sor = await lesson(s.subject.id, s.teacher.id, '2026-11-18', { topic: 'Бөлім бойынша жиынтық бағалау', summative_kind: 'sor', summative_max: 15 });
    const l4 = await lesson(s.subject.id, s.teacher.id, '2026-12-02', { topic: 'Қайталау' });
    const soch = await lesson(s.subject.id, s.teacher.id, '2026-12-14', { summative_kind: 'soch', summative_max: 20 });
    for (const [p, fo1, fo2, sorScore, sochScore] of [[a, 8, 10, 14, 19], [b, 6, 6, 9, 13], [c, 5, 4, 6, 7], [d, 2, null, null, null]] as const) {
      await mark(s.lesson.id, p, 'fo', fo1);
      if (fo2 !== null) await mark(l2.id, p, 'fo', fo2);
      if (sorScore !== null) await mark(sor.id, p, 'sor', sorScore);
      if (sochScore !== null) await mark(soch.id, p, 'soch', sochScore);
    }
    await absent(l4.id, d, 'ж');
    await absent(soch.id, d, 'а');
    await absent(l2.id, c, 'к');
    await absent(l4.id, c, 'д');
    // History: one ФО each, all 9 → 5.
    const h1 = await lesson(history.id, historian.id, '2026-11-12', { topic: 'Қазақ хандығы' });
    for (const p of [a, b, c, d]) await mark(h1.id, p, 'fo', 9);
    // A lesson in term 1 must not count in term 2.
    const old = await lesson(s.subject.id, s.teacher.id, '2026-10-05');
    await absent(old.id, a, 'ж');

    app = await buildServer({ db, clock: clockFrom('2026-12-20T09:00:00+05:00') });
    for (const login of ['teacher', 'director', 'parent', 'student', 'historian', 'stranger']) {
      const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId: uuid() } });
      tokens[login] = (res.json() as { accessToken: string }).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it('prints the journal as a PDF whose text holds the names, dates, marks, maxima, topics and Kazakh letters', async () => {
    const res = await call('teacher', 'reports.journalPdf', { classId: s.klass.id, subjectId: s.subject.id, period: 2, locale: 'kk' });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json().result as { filename: string; mime: string; base64: string };
    expect(file.mime).toBe('application/pdf');
    expect(file.filename).toMatch(/^7А_algebra_2-тоқсан\.pdf$/);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const { pages } = await pdfText(file.base64);
    expect(pages).toHaveLength(2); // marks, then topics
    const [grid, topics] = pages as [string, string];
    for (const text of ['Сынып журналы', 'Test school', 'North kk', '7А', 'Алгебра', '2-тоқсан', 'Ахметова Айгүл0', 'Қасымова Іңкәр', 'Өтегенова Үміт', 'Сейітов Әлихан0', 'Қараша', 'Желтоқсан', '09.11', '18.11', 'БЖБ', 'ТЖБ', '15', '20', '14', '19', 'ж', 'Баға', '1-бет, барлығы 2']) {
      if (text === 'Test school') continue; // the factory names the school "North"
      expect(grid).toContain(text);
    }
    expect(grid).not.toContain('05.10'); // term 1
    expect(topics).toContain(`Дыбыстар мен әріптер: ${KAZAKH}`);
    expect(topics).toContain('Көпмүшелерді көбейту');
    expect(topics).toContain('§3, №12–15 есептер');
    expect(topics).toContain('09.11.2026');
  });

  it('prints the journal in Russian and English with the labels of that language', async () => {
    const ru = await call('director', 'reports.journalPdf', { classId: s.klass.id, subjectId: s.subject.id, period: 2, locale: 'ru' });
    const ruText = (await pdfText(ru.json().result.base64)).pages.join(' ');
    for (const text of ['Классный журнал', '2 четверть', 'СОР', 'СОЧ', 'Ноябрь', 'Оценка', 'Тема урока', 'Домашнее задание', 'North ru']) expect(ruText).toContain(text);
    const en = await call('director', 'reports.journalPdf', { classId: s.klass.id, subjectId: s.subject.id, period: 2, locale: 'en' });
    expect((await pdfText(en.json().result.base64)).pages.join(' ')).toContain('Term 2');
  });

  it('splits a long journal into evenly filled pages of dates, each followed by its topics, numbered', async () => {
    const sheet = syntheticJournalSheet(30, 40);
    const pdf = await journalPdf(sheet, 'kk', { school: 'Мектеп', teachers: ['Ахметова Айгүл'], printedOn: '2026-12-28' });
    const { pages } = await pdfText(pdf.toString('base64'));
    const chunks = evenChunks(sheet.lessons, LESSONS_PER_PAGE);
    expect(chunks.map((c) => c.length)).toEqual([20, 20]);
    expect(pages).toHaveLength(4); // marks 1–20, topics 1–20, marks 21–40 with the term columns, topics 21–40
    expect(pages[0]).toContain(sheet.pupils[29]!.lastName);
    expect(pages[0]).not.toContain('Баға');
    expect(pages[2]).toContain('Баға');
    expect(pages[3]).toContain('Тақырып 40');
    expect(pages[3]).toContain('4-бет, барлығы 4');
  });

  it('writes the progress workbook: term marks per subject, average, 5/4/3/2, quality and success', async () => {
    const res = await call('teacher', 'reports.progressXlsx', { classId: s.klass.id, locale: 'ru' }); // today is in term 2
    expect(res.statusCode, res.body).toBe(200);
    const sheet = (await call('teacher', 'journal.sheet', { classId: s.klass.id, subjectId: s.subject.id, period: 2 })).json().result as { termMarks: { studentId: string; mark: number | null }[] };
    const algebraMarks = pupils.map((p) => sheet.termMarks.find((m) => m.studentId === p.id)!.mark);
    expect(algebraMarks.every((m) => m !== null)).toBe(true);
    const ws = await workbook(res.json().result.base64);
    expect(ws.name).toBe('Успеваемость');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 }); // title, school, class teacher, dates, a blank row, the header
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getRow(6).values).toEqual([undefined, '№', 'Фамилия, имя ученика', 'Алгебра', 'История Казахстана']);
    const rows = new Map([7, 8, 9, 10].map((r) => [String(ws.getRow(r).getCell(2).value), ws.getRow(r)]));
    for (const [i, p] of pupils.entries()) {
      const r = rows.get(`${p.last_name} ${p.first_name}`)!;
      expect(r.getCell(3).value).toBe(algebraMarks[i]);
      expect(r.getCell(4).value).toBe(5);
    }
    const stats = subjectStats(algebraMarks as number[]);
    const label = (k: number) => ws.getRow(11 + k).getCell(2).value;
    expect([0, 1, 2, 3, 4, 5, 6].map(label)).toEqual(['Средняя оценка', 'Кол-во «5»', 'Кол-во «4»', 'Кол-во «3»', 'Кол-во «2»', 'Качество знаний, %', 'Успеваемость, %']);
    expect(ws.getRow(11).getCell(3).value).toBe(stats.average);
    expect([12, 13, 14, 15].map((r) => ws.getRow(r).getCell(3).value)).toEqual([stats.counts[5], stats.counts[4], stats.counts[3], stats.counts[2]]);
    expect(ws.getRow(16).getCell(3).value).toBe(stats.quality);
    expect(ws.getRow(17).getCell(3).value).toBe(stats.success);
    expect([16, 17].map((r) => ws.getRow(r).getCell(4).value)).toEqual([100, 100]); // history: all 5
    // 93,3 % · 62,5 % · 38,8 % · 20 % (a single ФО of 2): 5, 3, 2, 2 → quality 25 %, success 50 %, average 3.
    expect(algebraMarks).toEqual([5, 3, 2, 2]);
    expect(stats).toMatchObject({ average: 3, quality: 25, success: 50 });
  });

  it('counts quality and success as Kazakh schools do', () => {
    expect(subjectStats([5, 4, 3, 2])).toEqual({ average: 3.5, counts: { 5: 1, 4: 1, 3: 1, 2: 1 }, quality: 50, success: 75 });
    expect(subjectStats([5, 5, 4])).toMatchObject({ quality: 100, success: 100, average: 4.67 });
    expect(subjectStats([3, 3, 4])).toMatchObject({ quality: 33.3, success: 100 });
    expect(subjectStats([])).toMatchObject({ average: null, quality: null, success: null });
  });

  it('writes the attendance workbook: missed, of which excused, lates, for the term only', async () => {
    const res = await call('director', 'reports.attendanceXlsx', { classId: s.klass.id, period: 2, locale: 'kk' });
    expect(res.statusCode, res.body).toBe(200);
    const ws = await workbook(res.json().result.base64);
    expect(ws.getRow(6).values).toEqual([undefined, '№', 'Оқушының аты-жөні', 'Жіберілген сабақтар', 'оның ішінде себепті', 'Кешігулер']);
    const byName = new Map<string, unknown[]>();
    for (let r = 7; r <= 11; r++) byName.set(String(ws.getRow(r).getCell(2).value), [3, 4, 5].map((c) => ws.getRow(r).getCell(c).value));
    expect(byName.get('Сейітов Әлихан0')).toEqual([0, 0, 0]); // the absence of 05.10 is in term 1
    expect(byName.get('Нұрланов Ғалым')).toEqual([1, 1, 1]);
    expect(byName.get('Өтегенова Үміт')).toEqual([2, 1, 0]);
    expect(byName.get('Барлығы')).toEqual([3, 2, 1]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  });

  it('refuses a parent, a pupil and a teacher of another class or subject, in their language', async () => {
    const journal = { classId: s.klass.id, subjectId: s.subject.id, period: 2, locale: 'kk' };
    for (const login of ['parent', 'student']) {
      for (const [name, input] of [['reports.journalPdf', journal], ['reports.progressXlsx', { classId: s.klass.id, locale: 'kk' }], ['reports.attendanceXlsx', { classId: s.klass.id, locale: 'kk' }]] as const) {
        expect((await call(login, name, input)).statusCode).toBe(403);
      }
    }
    const stranger = await call('stranger', 'reports.journalPdf', journal, 'ru');
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.message).toBe('Это не ваш журнал: вы не ведёте этот предмет в этом классе');
    // The history teacher prints their own journal, not algebra's, and no whole-class report.
    expect((await call('historian', 'reports.journalPdf', { ...journal, subjectId: history.id })).statusCode).toBe(200);
    expect((await call('historian', 'reports.journalPdf', journal)).statusCode).toBe(403);
    const progress = await call('historian', 'reports.progressXlsx', { classId: s.klass.id, locale: 'kk' }, 'kk');
    expect(progress.statusCode).toBe(403);
    expect(progress.json().error.message).toBe('Бүкіл сынып бойынша есепті тек мектеп әкімшілігі немесе сынып жетекшісі ала алады');
    expect((await call('stranger', 'reports.attendanceXlsx', { classId: s.klass.id, locale: 'en' })).json().error.message)
      .toBe('Only the school administration or the class teacher may take a report on the whole class');
  });
});
