import type { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import type { Role } from '../../src-core/auth/roles';
import { DEFAULT_ATTENDANCE_CODES } from '../../src-core/journal/attendance-codes';

/** Small, explicit test data: a school with one class, its teacher, a pupil, a parent and a lesson. */
const AT = '2026-09-01T00:00:00.000Z';
const sync = (schoolId: string) => ({ id: uuid(), school_id: schoolId, row_version: 1, last_seq: 1, created_at: AT, updated_at: AT });

export async function buildSchool(db: Knex, name = 'Test school') {
  const school = { ...sync(''), name_kk: `${name} kk`, name_ru: `${name} ru`, name_en: name, number: '1', locality: 'Kazaly', region: 'Kyzylorda', timezone: 'Asia/Qyzylorda' };
  school.school_id = school.id;
  await db('schools').insert(school);
  const year = { ...sync(school.id), name: '2026-2027', starts_on: '2026-09-01', ends_on: '2027-05-25', days_per_week: 5 };
  const shift = { ...sync(school.id), number: 1 };
  await db('academic_years').insert(year);
  await db('shifts').insert(shift);
  await db('holidays').insert({ ...sync(school.id), academic_year_id: year.id, kind: 'break', name_kk: 'Күзгі демалыс', name_ru: 'Осенние каникулы', name_en: 'Autumn break', starts_on: '2026-10-26', ends_on: '2026-11-01' });
  const quarters = [['2026-09-01', '2026-10-25'], ['2026-11-02', '2026-12-28'], ['2027-01-08', '2027-03-18'], ['2027-03-30', '2027-05-25']];
  for (const [i, [startsOn, endsOn]] of quarters.entries()) {
    await db('terms').insert({ ...sync(school.id), academic_year_id: year.id, kind: 'quarter', number: i + 1, starts_on: startsOn, ends_on: endsOn });
  }
  return { school, year, shift };
}

export async function buildPerson(db: Knex, schoolId: string, lastName: string, firstName: string) {
  const person = { ...sync(schoolId), last_name: lastName, first_name: firstName, middle_name: null, phone: '+7 701 000 00 00' };
  await db('people').insert(person);
  return person;
}

export async function buildUser(db: Knex, schoolId: string, personId: string, login: string, roles: Role[], passwordHash: string) {
  const user = { ...sync(schoolId), person_id: personId, login, password_hash: passwordHash, locale: 'kk' };
  await db('users').insert(user);
  for (const role of roles) await db('user_roles').insert({ ...sync(schoolId), user_id: user.id, role });
  return user;
}

export async function buildClassWithLesson(db: Knex, s: { school: { id: string }; year: { id: string }; shift: { id: string } }, teacherId: string, date: string) {
  const schoolId = s.school.id;
  const klass = { ...sync(schoolId), academic_year_id: s.year.id, grade: 7, letter: 'А', language: 'kk', shift_id: s.shift.id, class_teacher_id: teacherId };
  const subject = { ...sync(schoolId), code: 'algebra', name_kk: 'Алгебра', name_ru: 'Алгебра', name_en: 'Algebra' };
  const room = { ...sync(schoolId), number: '204', kind: 'classroom', interactive_board: true };
  await db('classes').insert(klass);
  await db('subjects').insert(subject);
  await db('rooms').insert(room);
  const lesson = { ...sync(schoolId), date, period: 1, starts_at: '08:00', ends_at: '08:45', class_id: klass.id, subject_id: subject.id, teacher_id: teacherId, room_id: room.id, status: 'planned' };
  await db('lessons').insert(lesson);
  return { klass, subject, room, lesson };
}

export async function enrol(db: Knex, schoolId: string, classId: string, studentId: string, parentId?: string) {
  await db('enrolments').insert({ ...sync(schoolId), class_id: classId, student_id: studentId, enrolled_on: '2026-09-01' });
  if (parentId) await db('guardians').insert({ ...sync(schoolId), parent_id: parentId, child_id: studentId, relation: 'mother' });
}

/**
 * Two schools, each with a teacher, a pupil with a parent, a director; every account's password is `password`.
 * Used by the authorization tests: nobody may see across families, classes or schools.
 */
export async function buildTwoSchools(db: Knex, passwordHash: string, date: string) {
  const out = [];
  for (const [i, name] of ['North', 'South'].entries()) {
    const s = await buildSchool(db, name);
    const teacher = await buildPerson(db, s.school.id, 'Ахметова', `Айгүл${i}`);
    const pupil = await buildPerson(db, s.school.id, 'Сейітов', `Әлихан${i}`);
    const parent = await buildPerson(db, s.school.id, 'Сейітова', `Гүлнар${i}`);
    const director = await buildPerson(db, s.school.id, 'Омаров', `Ерлан${i}`);
    const c = await buildClassWithLesson(db, s, teacher.id, date);
    await enrol(db, s.school.id, c.klass.id, pupil.id, parent.id);
    const p = i === 0 ? '' : `s${i + 1}.`;
    const users = {
      teacher: await buildUser(db, s.school.id, teacher.id, `${p}teacher`, ['teacher'], passwordHash),
      student: await buildUser(db, s.school.id, pupil.id, `${p}student`, ['student'], passwordHash),
      parent: await buildUser(db, s.school.id, parent.id, `${p}parent`, ['parent'], passwordHash),
      director: await buildUser(db, s.school.id, director.id, `${p}director`, ['director'], passwordHash),
    };
    out.push({ ...s, ...c, teacher, pupil, parent, director, users });
  }
  return out;
}

/** The school's attendance codes, as a new school starts with them. */
export async function seedAttendanceCodes(db: Knex, schoolId: string) {
  for (const c of DEFAULT_ATTENDANCE_CODES) {
    await db('attendance_codes').insert({ ...sync(schoolId), ...c });
  }
}
