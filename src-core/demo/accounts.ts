import type { Role } from '../auth/roles';
import { lastName, translit } from './names';
import type { PersonModel } from './people';
import type { Position } from './staff';
import { loginPrefix, type DemoLogin, type SchoolModel } from './model';

export interface Account { person: PersonModel; login: string; roles: Role[]; demo: DemoLogin | null }

const POSITION_ROLE: Record<Position, Role> = {
  director: 'director', deputy_director: 'deputy_director', teacher: 'teacher', nurse: 'nurse', librarian: 'librarian',
  psychologist: 'psychologist', sysadmin: 'sysadmin',
};

/** Pupils from this grade up get an account (younger ones use their parents'). */
export const FIRST_GRADE_WITH_ACCOUNT = 3;

/**
 * The users of a school: every staff member, every pupil of grade 3 and up, every parent. Fixed demo logins for
 * the demo people; everyone else gets the transliterated surname and a running number (akhmetova17), prefixed
 * `sN.` outside school 1, so logins stay unique across the demo schools.
 */
export function buildAccounts(m: SchoolModel): Account[] {
  const prefix = loginPrefix(m.schoolIndex);
  const roles = new Map<PersonModel, Set<Role>>();
  const order: PersonModel[] = [];
  const grant = (p: PersonModel, r: Role): void => {
    let set = roles.get(p);
    if (!set) { set = new Set(); roles.set(p, set); order.push(p); }
    set.add(r);
  };
  for (const s of m.staff) for (const pos of s.positions) grant(s.person, POSITION_ROLE[pos]);
  for (const p of m.pupils) if ((m.classes[p.classIdx]?.grade ?? 0) >= FIRST_GRADE_WITH_ACCOUNT) grant(p, 'student');
  for (const f of m.families) for (const p of [f.mother, f.father]) if (p) grant(p, 'parent');

  const demo = new Map<PersonModel, DemoLogin>();
  const byPosition = (pos: Position): PersonModel => {
    const s = m.staff.find((x) => x.positions[0] === pos);
    if (!s) throw new Error(`no ${pos} on the staff`);
    return s.person;
  };
  const mother = m.demoFamily.mother;
  const student = m.demoFamily.children[0];
  if (!mother || !student) throw new Error('the demo family lacks its mother or first child');
  demo.set(byPosition('director'), 'director');
  demo.set((m.staff[m.teachingDeputy] as (typeof m.staff)[number]).person, 'deputy');
  demo.set((m.staff[m.demoTeacher] as (typeof m.staff)[number]).person, 'teacher');
  demo.set(mother, 'parent');
  demo.set(student, 'student');
  demo.set(byPosition('nurse'), 'nurse');
  demo.set(byPosition('librarian'), 'librarian');
  demo.set(byPosition('psychologist'), 'psychologist');
  demo.set(byPosition('sysadmin'), 'admin');

  const counters = new Map<string, number>();
  const ROLE_ORDER: readonly Role[] = ['director', 'deputy_director', 'teacher', 'student', 'parent', 'nurse', 'librarian', 'psychologist', 'sysadmin'];
  return order.map((person) => {
    const fixed = demo.get(person) ?? null;
    let login: string;
    if (fixed) login = `${prefix}${fixed}`;
    else {
      const base = translit(lastName(person.name)) || 'user';
      const n = (counters.get(base) ?? 0) + 1;
      counters.set(base, n);
      login = `${prefix}${base}${n}`;
    }
    const set = roles.get(person) as Set<Role>;
    return { person, login, roles: ROLE_ORDER.filter((r) => set.has(r)), demo: fixed };
  });
}
