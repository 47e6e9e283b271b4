import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { authPolicyFromEnv } from '../../src-server/auth/policy';
import { buildServer } from '../../src-server/server';
import { ENGINES, type TestDatabase } from '../helpers/databases';
import { buildPerson, buildTwoSchools, buildUser, enrol } from '../helpers/factories';
import { gifSample, isoSample, mp3Sample, pdfSample, pngSample, wavSample } from '../unit/resources/samples';

const DATE = '2026-11-23'; // a Monday; lessons more than 7 days before it are locked
const AT = '2026-09-01T00:00:00.000Z';

interface Uploaded { sha256: string; size: number; mime: string; kind: 'pdf' | 'image' | 'audio' | 'video' | 'html5' }

describe.each(ENGINES)('the resource library, lesson plans and saved boards on $name', (engine) => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;
  let dir: string;
  let north: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  let south: Awaited<ReturnType<typeof buildTwoSchools>>[number];
  const tokens: Record<string, string> = {};
  const lessons: Record<'own' | 'locked' | 'otherClass', string> = { own: '', locked: '', otherClass: '' };

  const post = (name: string, input: unknown, who: string, lang = 'en') =>
    app.inject({ method: 'POST', url: `/api/${name}`, payload: input as object, headers: { 'accept-language': lang, authorization: `Bearer ${tokens[who]}` } });
  const ok = async (name: string, input: unknown, who = 'teacher') => {
    const res = await post(name, input, who);
    expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(200);
    return res.json().result;
  };
  const refused = async (name: string, input: unknown, who: string, status: number, key?: string) => {
    const res = await post(name, input, who);
    expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(status);
    if (key) expect(res.json().error.messageKey).toBe(key);
    return res.json().error;
  };
  const upload = async (data: Uint8Array, who = 'teacher'): Promise<Uploaded> => {
    const res = await app.inject({ method: 'POST', url: '/files?name=f', payload: Buffer.from(data), headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${tokens[who]}` } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().file;
  };
  /** What a user gets for a file: by their token, and through a ticket as a page loads it. */
  const reads = async (sha: string, who: string): Promise<number> => {
    const direct = await app.inject({ method: 'GET', url: `/files/${sha}`, headers: { authorization: `Bearer ${tokens[who]}` } });
    const ticket = await app.inject({ method: 'POST', url: `/files/${sha}/ticket`, payload: {}, headers: { authorization: `Bearer ${tokens[who]}` } });
    expect(ticket.statusCode, `${who}'s ticket`).toBe(direct.statusCode === 200 ? 200 : 404);
    if (ticket.statusCode === 200) expect((await app.inject({ method: 'GET', url: ticket.json().url })).statusCode).toBe(200);
    else expect(ticket.json().error.code).toBe('not_found');
    return direct.statusCode;
  };
  const board = (file: Uploaded, format: 'png' | 'pdf') => ({ sha256: file.sha256, format, size: file.size, pages: 1, savedAt: '2026-11-23T04:30:00.000Z' });
  const planWith = (...resources: { id: string; sha256: string; title: string; kind: string; mime: string; size: number }[]) => ({
    objectives: ['Бірмүшені стандарт түрге келтіру'],
    stages: [{ title: 'Кіріспе', minutes: 5, notes: null }, { title: 'Жаңа тақырып', minutes: 25, notes: 'Тақтада мысалдар' }],
    resources: resources.map((r) => ({ resourceId: r.id, sha256: r.sha256, title: r.title, kind: r.kind, mime: r.mime, size: r.size })),
    notes: null,
  });
  const links = async (lessonId: string, role: string) =>
    (await db('file_links').where({ lesson_id: lessonId, role }).orderBy('sha256')).map((l: { sha256: string }) => l.sha256);

  beforeAll(async () => {
    tdb = await engine.fresh();
    db = await openDatabase(tdb.location, 'server');
    const hash = await hashPassword('password');
    [north, south] = await buildTwoSchools(db, hash, DATE) as [typeof north, typeof south];
    const n = north.school.id;
    const row = () => ({ id: uuid(), school_id: n, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT });
    // Another class of the school, with its own teacher, a pupil and the pupil's mother.
    const colleague = await buildPerson(db, n, 'Қасымов', 'Нұрлан');
    const librarian = await buildPerson(db, n, 'Әбенова', 'Мәдина');
    const pupil2 = await buildPerson(db, n, 'Жанұзақов', 'Арман');
    const parent2 = await buildPerson(db, n, 'Жанұзақова', 'Сәуле');
    const klass2 = { ...row(), academic_year_id: north.year.id, grade: 8, letter: 'Б', language: 'kk', shift_id: north.shift.id, class_teacher_id: colleague.id };
    await db('classes').insert(klass2);
    await enrol(db, n, klass2.id, pupil2.id, parent2.id);
    const lesson = (classId: string, teacherId: string, date: string) =>
      ({ ...row(), date, period: 3, starts_at: '09:50', ends_at: '10:35', class_id: classId, subject_id: north.subject.id, teacher_id: teacherId, room_id: north.room.id, status: 'planned' });
    const locked = lesson(north.klass.id, north.teacher.id, '2026-11-02');
    const otherClass = lesson(klass2.id, colleague.id, DATE);
    await db('lessons').insert([locked, otherClass]);
    Object.assign(lessons, { own: north.lesson.id, locked: locked.id, otherClass: otherClass.id });
    await buildUser(db, n, colleague.id, 'other.teacher', ['teacher'], hash);
    await buildUser(db, n, librarian.id, 'librarian', ['librarian'], hash);
    await buildUser(db, n, pupil2.id, 'student2', ['student'], hash);
    await buildUser(db, n, parent2.id, 'parent2', ['parent'], hash);

    dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-resources-'));
    app = await buildServer({ db, clock: { now: () => new Date('2026-11-23T09:00:00+05:00') }, authPolicy: { ...authPolicyFromEnv({}), signInPerMinute: 1000 }, files: { dir, maxBytes: 10 * 1024 * 1024 } });
    for (const login of ['teacher', 'other.teacher', 'librarian', 'director', 'student', 'parent', 'student2', 'parent2', 's2.teacher', 's2.student', 's2.parent']) {
      const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { login, password: 'password', deviceId: randomUUID() } });
      expect(res.statusCode, res.body).toBe(200);
      tokens[login] = res.json().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("adds uploaded files to the library with the server's own kind and size, sorted by the Kazakh alphabet", async () => {
    const pdf = await upload(await pdfSample());
    const wav = await upload(wavSample());
    const png = await upload(pngSample());
    const tags = { subjectId: north.subject.id, grade: 7, language: 'kk' };
    const a = await ok('resources.add', { sha256: pdf.sha256, fileName: 'Бірмүшелер.pdf', title: 'Бірмүшелер', scope: 'school', topic: 'Бірмүше және оның стандарт түрі', ...tags });
    expect(a).toMatchObject({ scope: 'school', kind: 'pdf', mime: 'application/pdf', size: pdf.size, sha256: pdf.sha256, grade: 7, language: 'kk', editable: true, rowVersion: 1 });
    expect(a.subject).toMatchObject({ id: north.subject.id, code: 'algebra' });
    expect(a.owner).toMatchObject({ lastName: 'Ахметова' });
    await ok('resources.add', { sha256: wav.sha256, fileName: 'ә.wav', title: 'Әріптердің дыбысталуы', scope: 'school', ...tags, grade: 10 });
    await ok('resources.add', { sha256: png.sha256, fileName: 'a.png', title: 'Арифметика: менің суретім', scope: 'personal' });
    // The caller does not say what the file is.
    await refused('resources.add', { sha256: png.sha256, fileName: 'x.mp4', title: 'Видео', scope: 'school', kind: 'video' }, 'teacher', 400);

    const mine = (await ok('resources.list', {})).resources;
    expect(mine.map((r: { title: string }) => r.title)).toEqual(['Арифметика: менің суретім', 'Әріптердің дыбысталуы', 'Бірмүшелер']);
    expect((await ok('resources.list', { scope: 'personal' })).resources).toHaveLength(1);
    expect((await ok('resources.list', { kind: 'audio' })).resources.map((r: { title: string }) => r.title)).toEqual(['Әріптердің дыбысталуы']);
    expect((await ok('resources.list', { grade: 7 })).resources.map((r: { title: string }) => r.title)).toEqual(['Бірмүшелер']);
    expect((await ok('resources.list', { subjectId: north.subject.id, language: 'kk' })).resources).toHaveLength(2);
    expect((await ok('resources.list', { text: 'СТАНДАРТ бірмүше' })).resources.map((r: { title: string }) => r.title)).toEqual(['Бірмүшелер']);
    expect((await ok('resources.list', { text: 'стандарт әріп' })).resources).toEqual([]);

    // A colleague and the librarian see the school's entries, never the teacher's personal one; another school nothing.
    for (const who of ['other.teacher', 'librarian', 'director']) {
      expect((await ok('resources.list', {}, who)).resources.map((r: { title: string }) => r.title), who).toEqual(['Әріптердің дыбысталуы', 'Бірмүшелер']);
    }
    expect((await ok('resources.list', {}, 's2.teacher')).resources).toEqual([]);
    await refused('resources.list', {}, 'student', 403);
    await refused('resources.list', {}, 'parent', 403);
  });

  it('adds only a file the school holds: another school\'s file, or one never sent, is missing', async () => {
    const southGif = await upload(gifSample(), 's2.teacher');
    await refused('resources.add', { sha256: southGif.sha256, fileName: 'g.gif', title: 'Сурет', scope: 'school' }, 'teacher', 404, 'error.file_missing');
    const err = await refused('resources.add', { sha256: 'f'.repeat(64), fileName: 'g.gif', title: 'Сурет', scope: 'school' }, 'teacher', 404, 'error.file_missing');
    expect(err.message).toBe('The server does not hold this file: upload it first');
    const own = await ok('resources.add', { sha256: southGif.sha256, fileName: 'g.gif', title: 'Сурет', scope: 'personal' }, 's2.teacher');
    expect(own).toMatchObject({ kind: 'image', scope: 'personal' });
    await refused('resources.add', { sha256: (await upload(mp3Sample())).sha256, fileName: 's.mp3', title: 'Ән', scope: 'school', subjectId: south.subject.id }, 'teacher', 400);
  });

  it('lets the owner change and remove an entry, the library keepers the school\'s entries, nobody a colleague\'s personal one', async () => {
    const all = (await ok('resources.list', {})).resources as { id: string; title: string; scope: string }[];
    const school = all.find((r) => r.title === 'Бірмүшелер')!;
    const personal = all.find((r) => r.scope === 'personal')!;
    expect((await ok('resources.list', {}, 'other.teacher')).resources.find((r: { id: string }) => r.id === school.id).editable).toBe(false);
    expect((await ok('resources.list', {}, 'librarian')).resources.find((r: { id: string }) => r.id === school.id).editable).toBe(true);

    await refused('resources.update', { resourceId: school.id, title: 'Менікі' }, 'other.teacher', 403, 'error.resource_not_yours');
    await refused('resources.remove', { resourceId: school.id }, 'other.teacher', 403, 'error.resource_not_yours');
    for (const who of ['other.teacher', 'librarian', 's2.teacher']) {
      await refused('resources.update', { resourceId: personal.id, title: 'Менікі' }, who, 404);
      await refused('resources.remove', { resourceId: personal.id }, who, 404);
    }
    // A keeper renames a school entry, but cannot take it out of the school's library into its owner's own.
    const renamed = await ok('resources.update', { resourceId: school.id, title: 'Бірмүшелер (7-сынып)', topic: null }, 'librarian');
    expect(renamed).toMatchObject({ title: 'Бірмүшелер (7-сынып)', topic: null, rowVersion: 2, owner: { lastName: 'Ахметова' } });
    await refused('resources.update', { resourceId: school.id, scope: 'personal' }, 'librarian', 403, 'error.resource_not_yours');
    const moved = await ok('resources.update', { resourceId: personal.id, scope: 'school', subjectId: north.subject.id, grade: 7 });
    expect(moved).toMatchObject({ scope: 'school', grade: 7, rowVersion: 2 });
    const back = await ok('resources.update', { resourceId: personal.id, scope: 'personal', subjectId: null, grade: null });
    expect(back).toMatchObject({ scope: 'personal', subject: null, grade: null, rowVersion: 3 });

    const wav = all.find((r) => r.title === 'Әріптердің дыбысталуы')!;
    expect(await ok('resources.remove', { resourceId: wav.id }, 'librarian')).toEqual({ resourceId: wav.id });
    expect((await ok('resources.list', {})).resources.map((r: { id: string }) => r.id)).not.toContain(wav.id);
    const removed = await db('resources').where({ id: wav.id }).first();
    expect(removed.deleted_at).toBeTruthy();
    expect(Number(removed.row_version)).toBe(2);
    await refused('resources.update', { resourceId: wav.id, title: 'Қайта' }, 'teacher', 404);
  });

  it('lets a file be read by its uploader and by whoever may see a library entry that names it, and nobody else (404)', async () => {
    const all = (await ok('resources.list', {})).resources as { title: string; sha256: string; scope: string }[];
    const school = all.find((r) => r.title.startsWith('Бірмүшелер'))!;
    const personal = all.find((r) => r.scope === 'personal')!;
    expect(await reads(school.sha256, 'teacher')).toBe(200);
    for (const who of ['other.teacher', 'librarian', 'director']) expect(await reads(school.sha256, who), who).toBe(200);
    for (const who of ['student', 'parent', 's2.teacher', 's2.student']) expect(await reads(school.sha256, who), who).toBe(404);
    expect(await reads(personal.sha256, 'teacher')).toBe(200);
    // A colleague's personal resource: not for another teacher, nor for the library's keepers.
    for (const who of ['other.teacher', 'librarian', 'director', 'student', 's2.teacher']) expect(await reads(personal.sha256, who), who).toBe(404);
    // An upload nobody has put anywhere is its uploader's alone.
    const loose = await upload(isoSample('isom'));
    expect(await reads(loose.sha256, 'teacher')).toBe(200);
    for (const who of ['other.teacher', 'director', 'student']) expect(await reads(loose.sha256, who), who).toBe(404);
  });

  it('writes a lesson plan: only the lesson\'s teacher, within the editing period; its resources become the lesson\'s files', async () => {
    const all = (await ok('resources.list', {})).resources as { id: string; title: string; sha256: string; scope: string; kind: string; mime: string; size: number }[];
    const school = all.find((r) => r.title.startsWith('Бірмүшелер'))!;
    const personal = all.find((r) => r.scope === 'personal')!;
    const plan = planWith(school, personal);
    const saved = await ok('lesson.setPlan', { lessonId: lessons.own, plan });
    expect(saved).toMatchObject({ lessonId: lessons.own, rowVersion: 2 });
    expect(await links(lessons.own, 'plan')).toEqual([school.sha256, personal.sha256].sort());
    const logged = await db('change_log').where({ table_name: 'lessons', row_id: lessons.own }).orderBy('seq', 'desc').first();
    expect(JSON.parse(logged.row).plan).toBe(JSON.stringify(plan));

    await refused('lesson.setPlan', { lessonId: lessons.own, plan }, 'other.teacher', 403, 'error.lesson_not_yours');
    await refused('lesson.setPlan', { lessonId: lessons.locked, plan }, 'teacher', 403, 'error.journal_locked');
    await refused('lesson.setPlan', { lessonId: lessons.own, plan }, 's2.teacher', 404);
    await refused('lesson.setPlan', { lessonId: lessons.own, plan }, 'student', 403);

    const read = await ok('lesson.plan', { lessonId: lessons.own });
    expect(read).toMatchObject({ lessonId: lessons.own, plan, boardFiles: [], writable: true, rowVersion: 2 });
    expect(await ok('lesson.plan', { lessonId: lessons.own }, 'director')).toMatchObject({ plan, writable: false });
    expect(await ok('lesson.plan', { lessonId: lessons.locked })).toMatchObject({ plan: null, writable: false });
    await refused('lesson.plan', { lessonId: lessons.own }, 'other.teacher', 403, 'error.journal_not_yours');
    await refused('lesson.plan', { lessonId: lessons.own }, 'student', 403);

    // The teacher's personal picture shown in the lesson: the class reads it now, a colleague still does not.
    expect(await reads(personal.sha256, 'student')).toBe(200);
    expect(await reads(personal.sha256, 'parent')).toBe(200);
    for (const who of ['other.teacher', 'student2', 'parent2', 's2.student']) expect(await reads(personal.sha256, who), who).toBe(404);
    // A plan written again replaces the lesson's links.
    await ok('lesson.setPlan', { lessonId: lessons.own, plan: planWith(school) });
    expect(await links(lessons.own, 'plan')).toEqual([school.sha256]);
    expect(await reads(personal.sha256, 'student')).toBe(404);
  });

  it("saves the board to a lesson: its pupils and their parents read it in the diary and through tickets, nobody else's do", async () => {
    // The board's page: a 1×2 picture, another file than the library's.
    const [png, pdf] = [await upload(pngSample(2)), await upload(await pdfSample())];
    const files = [board(png, 'png'), board(pdf, 'pdf')];
    await refused('lesson.saveBoard', { lessonId: lessons.own, files }, 'other.teacher', 403, 'error.lesson_not_yours');
    await refused('lesson.saveBoard', { lessonId: lessons.locked, files }, 'teacher', 403, 'error.journal_locked');
    await refused('lesson.saveBoard', { lessonId: lessons.own, files: [files[0], files[0]] }, 'teacher', 400);
    const saved = await ok('lesson.saveBoard', { lessonId: lessons.own, files });
    expect(saved).toMatchObject({ lessonId: lessons.own, boardFiles: files, rowVersion: 4 });
    expect(await links(lessons.own, 'board')).toEqual([png.sha256, pdf.sha256].sort());
    expect((await ok('lesson.plan', { lessonId: lessons.own })).boardFiles).toEqual(files);

    const week = await ok('diary.week', {}, 'student');
    const lessonsOfWeek = week.days.flatMap((d: { lessons: { id: string; boardFiles: unknown[] }[] }) => d.lessons);
    expect(lessonsOfWeek.find((l: { id: string }) => l.id === lessons.own).boardFiles).toEqual(files);
    expect(lessonsOfWeek.filter((l: { id: string }) => l.id !== lessons.own).every((l: { boardFiles: unknown[] }) => l.boardFiles.length === 0)).toBe(true);
    const parents = await ok('diary.week', { studentId: north.pupil.id }, 'parent');
    expect(parents.days.flatMap((d: { lessons: { id: string; boardFiles: unknown[] }[] }) => d.lessons).find((l: { id: string }) => l.id === lessons.own).boardFiles).toEqual(files);

    for (const sha of [png.sha256, pdf.sha256]) {
      for (const who of ['teacher', 'student', 'parent', 'director']) expect(await reads(sha, who), `${who} ${sha}`).toBe(200);
      for (const who of ['student2', 'parent2', 'other.teacher', 'librarian', 's2.teacher', 's2.student', 's2.parent']) expect(await reads(sha, who), who).toBe(404);
    }
    // A parent whose guardianship has ended reads it no more.
    await db('guardians').where({ parent_id: north.parent.id }).update({ deleted_at: AT });
    try {
      expect(await reads(png.sha256, 'parent')).toBe(404);
    } finally {
      await db('guardians').where({ parent_id: north.parent.id }).update({ deleted_at: null });
    }
    expect(await reads(png.sha256, 'parent')).toBe(200);
  });

  it('accepts a board saved offline before its files reach the server; the pupils read them once they do', async () => {
    const later = gifSample().slice();
    later[8] = 3; // a 1×3 picture, not sent yet
    const sha = createHash('sha256').update(later).digest('hex');
    const files = [{ sha256: sha, format: 'png' as const, size: later.length, pages: 1, savedAt: '2026-11-23T05:00:00.000Z' }];
    await ok('lesson.saveBoard', { lessonId: lessons.own, files });
    expect(await links(lessons.own, 'board')).toEqual([sha]);
    expect(await reads(sha, 'student')).toBe(404);
    await upload(later);
    expect(await reads(sha, 'student')).toBe(200);
    expect(await reads(sha, 'student2')).toBe(404);
    // The other class's lesson keeps its own board: its pupil reads it, ours does not.
    const theirs = await upload(mp3Sample(5), 'other.teacher');
    await ok('lesson.saveBoard', { lessonId: lessons.otherClass, files: [{ sha256: theirs.sha256, format: 'pdf', size: theirs.size, pages: 1, savedAt: '2026-11-23T05:00:00.000Z' }] }, 'other.teacher');
    expect(await reads(theirs.sha256, 'student2')).toBe(200);
    expect(await reads(theirs.sha256, 'parent2')).toBe(200);
    expect(await reads(theirs.sha256, 'student')).toBe(404);
    expect(await reads(theirs.sha256, 'teacher')).toBe(404);
  });
});
