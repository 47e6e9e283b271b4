import { yearSettings } from './calendar';
import { planFor, SUBJECTS, type Lang } from './curriculum';
import type { DatasetBuilder } from './dataset';
import type { SchoolModel } from './model';
import { firstName, lastName, middleName } from './names';
import type { PersonModel, Pupil } from './people';
import { bellPeriods, SCHOOL_TIMEZONE } from './structure';
import { DEFAULT_ATTENDANCE_CODES } from '../journal/attendance-codes';
import type { Account } from './accounts';

/** Natural keys → ids of the structural rows, shared by the emitters. */
export interface Keys {
  year: string;
  subject: (code: string) => string;
  room: (idx: number) => string;
  shift: (n: 1 | 2) => string;
  cls: (idx: number) => string;
  group: (classIdx: number, n: 1 | 2) => string;
  person: (p: PersonModel) => string;
  assignment: (idx: number) => string;
}

export function keysFor(b: DatasetBuilder, m: SchoolModel): Keys {
  const year = b.id(`year:${m.cal.name}`);
  return {
    year,
    subject: (code) => b.id(`subject:${code}`),
    room: (idx) => b.id(`room:${m.rooms[idx]?.number}`),
    shift: (n) => b.id(`shift:${n}`),
    cls: (idx) => b.id(`class:${m.cal.name}:${m.classes[idx]?.label}`),
    group: (c, n) => b.id(`group:${m.cal.name}:${m.classes[c]?.label}:${n}`),
    person: (p) => b.id(`person:${p.key}`),
    assignment: (idx) => {
      const a = m.assignments[idx];
      return b.id(`assignment:${m.cal.name}:${m.classes[a?.classIdx ?? -1]?.label}:${a?.code}:${a?.group ?? 'all'}`);
    },
  };
}

/** School, year, terms, holidays, shifts, bells, subjects, attendance codes, rooms, curriculum. */
export function emitStructure(b: DatasetBuilder, m: SchoolModel, k: Keys): void {
  const s = m.identity;
  b.addWithId('schools', b.schoolId, {
    number: s.number, name_kk: s.kk, name_ru: s.ru, name_en: s.en, locality: s.locality, region: s.region,
    timezone: SCHOOL_TIMEZONE, default_language: 'kk',
  });
  const cal = m.cal;
  b.addWithId('academic_years', k.year, {
    name: cal.name, starts_on: cal.startsOn, ends_on: cal.endsOn, days_per_week: cal.daysPerWeek, settings: JSON.stringify(yearSettings()),
  });
  for (const t of cal.terms) {
    b.add('terms', `term:${cal.name}:${t.number}`, { academic_year_id: k.year, kind: 'quarter', number: t.number, starts_on: t.startsOn, ends_on: t.endsOn });
  }
  for (const h of cal.holidays) {
    b.add('holidays', `holiday:${cal.name}:${h.key}`, {
      academic_year_id: k.year, kind: h.kind, name_kk: h.name_kk, name_ru: h.name_ru, name_en: h.name_en,
      starts_on: h.startsOn, ends_on: h.endsOn, grades: h.grades ? JSON.stringify(h.grades) : null,
    });
  }
  for (const n of [1, 2] as const) {
    b.addWithId('shifts', k.shift(n), { number: n });
    const schedule = b.add('bell_schedules', `bells:${n}`, { shift_id: k.shift(n), name: `${n}-ауысым / ${n} смена` });
    for (const p of bellPeriods(n)) {
      b.add('bell_periods', `bell:${n}:${p.period}`, { bell_schedule_id: schedule, period: p.period, starts_at: p.startsAt, ends_at: p.endsAt });
    }
  }
  for (const sub of SUBJECTS) {
    b.addWithId('subjects', k.subject(sub.code), { code: sub.code, name_kk: sub.kk, name_ru: sub.ru, name_en: sub.en, assessment: sub.assessment });
  }
  for (const c of DEFAULT_ATTENDANCE_CODES) b.add('attendance_codes', `attendance-code:${c.code}`, { ...c });
  for (const r of m.rooms) {
    b.addWithId('rooms', k.room(r.idx), {
      number: r.number, kind: r.kind, floor: r.floor, capacity: r.capacity, interactive_board: r.board, multimedia_podium: r.podium,
    });
  }
  for (let grade = 1; grade <= 11; grade++) {
    for (const lang of ['kk', 'ru'] as Lang[]) {
      for (const row of planFor(grade, lang)) {
        b.add('curriculum', `curriculum:${cal.name}:${grade}:${lang}:${row.code}`, {
          academic_year_id: k.year, grade, language: lang, subject_id: k.subject(row.code), weekly_hours: row.hours, split_into_groups: row.split,
        });
      }
    }
  }
}

/** Sorts people by full name (code-point order: the same on every machine, unlike locale collation). */
function sortByName<T extends PersonModel>(list: T[]): void {
  const key = new Map(list.map((p) => [p, `${lastName(p.name)} ${firstName(p.name)} ${middleName(p.name)}`]));
  list.sort((a, b) => {
    const x = key.get(a) as string;
    const y = key.get(b) as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** People, staff, users, roles, classes, groups, enrolments, guardians. */
export function emitPeople(b: DatasetBuilder, m: SchoolModel, k: Keys, accounts: Account[]): void {
  const person = (p: PersonModel): void => {
    b.addWithId('people', k.person(p), {
      last_name: lastName(p.name), first_name: firstName(p.name), middle_name: middleName(p.name), gender: p.name.gender,
      birth_date: p.birthDate, phone: p.phone, email: p.email, language: p.language,
    });
  };
  for (const s of m.staff) person(s.person);
  const pupilsByClass = m.classes.map(() => [] as Pupil[]);
  for (const p of m.pupils) pupilsByClass[p.classIdx]?.push(p);
  for (const list of pupilsByClass) sortByName(list);
  for (const list of pupilsByClass) for (const p of list) person(p);
  for (const f of m.families) for (const p of [f.mother, f.father]) if (p && !p.staff) person(p);

  for (const s of m.staff) {
    for (const position of s.positions) {
      b.add('staff', `staff:${s.person.key}:${position}`, {
        person_id: k.person(s.person), position, category: s.category, hired_on: s.hiredOn, attestation_due: s.attestationDue,
      });
    }
  }
  for (const a of accounts) {
    const userId = b.add('users', `user:${a.person.key}`, {
      person_id: k.person(a.person), login: a.login, password_hash: m.passwordHash, locale: a.person.language,
      failed_attempts: 0, locked_until: null, disabled: false,
    });
    for (const role of a.roles) b.add('user_roles', `role:${a.person.key}:${role}`, { user_id: userId, role });
  }

  for (const c of m.classes) {
    const teacher = m.staff[c.classTeacher];
    b.addWithId('classes', k.cls(c.idx), {
      academic_year_id: k.year, grade: c.grade, letter: c.letter, language: c.lang, shift_id: k.shift(c.shift),
      class_teacher_id: teacher ? k.person(teacher.person) : null, home_room_id: k.room(c.homeRoom),
    });
  }
  for (const c of m.classes) {
    if (!c.split) continue;
    for (const n of [1, 2] as const) b.addWithId('class_groups', k.group(c.idx, n), { class_id: k.cls(c.idx), kind: 'split', number: n });
  }
  // Enrolments in alphabetical order; a split class's first half (by the list) is group 1, the rest group 2.
  for (const c of m.classes) {
    const list = pupilsByClass[c.idx] as Pupil[];
    const half = Math.ceil(list.length / 2);
    list.forEach((p, i) => {
      b.add('enrolments', `enrolment:${m.cal.name}:${p.key}`, {
        class_id: k.cls(c.idx), student_id: k.person(p), group_id: c.split ? k.group(c.idx, i < half ? 1 : 2) : null,
        enrolled_on: m.cal.startsOn, left_on: null,
      });
    });
  }
  for (const f of m.families) {
    for (const child of f.children) {
      for (const [p, relation] of [[f.mother, 'mother'], [f.father, 'father']] as const) {
        if (p) b.add('guardians', `guardian:${p.key}:${child.key}`, { parent_id: k.person(p), child_id: k.person(child), relation });
      }
    }
  }
}

/** Teaching assignments and timetable entries. */
export function emitTimetable(b: DatasetBuilder, m: SchoolModel, k: Keys): string[] {
  for (const a of m.assignments) {
    b.addWithId('teaching_assignments', k.assignment(a.idx), {
      academic_year_id: k.year, teacher_id: k.person((m.staff[a.teacher] as (typeof m.staff)[number]).person), class_id: k.cls(a.classIdx),
      group_id: a.group ? k.group(a.classIdx, a.group) : null, subject_id: k.subject(a.code), weekly_hours: a.hours,
    });
  }
  return m.entries.map((e) => {
    const c = m.classes[e.classIdx] as (typeof m.classes)[number];
    return b.add('timetable_entries', `tt:${m.cal.name}:${c.label}:${e.weekday}:${e.period}:${e.group ?? 'all'}`, {
      academic_year_id: k.year, assignment_id: k.assignment(e.assignment.idx), class_id: k.cls(e.classIdx),
      group_id: e.group ? k.group(e.classIdx, e.group) : null, subject_id: k.subject(e.assignment.code),
      teacher_id: k.person((m.staff[e.assignment.teacher] as (typeof m.staff)[number]).person), room_id: k.room(e.room),
      shift_id: k.shift(c.shift), weekday: e.weekday, period: e.period, week_parity: e.parity,
    });
  });
}
