import type { Role } from '../auth/roles';
import type { SchoolDataset } from './dataset';
import { DEMO_LOGINS, loginPrefix } from './model';

/** The password of every demo user (the caller hashes it once and passes the hash in DemoOptions). */
export const DEMO_PASSWORD = 'sabaq2026';

export interface DemoAccount { login: string; roles: Role[]; fullName: string; schoolIndex: number }

export interface DemoSchoolSummary { id: string; name: string; pupils: number; classes: number; teachers: number; lessons: number }

export interface DemoSummary { schools: DemoSchoolSummary[]; accounts: DemoAccount[]; password: string }

/** Figures of one generated school. */
export function summarizeSchool(ds: SchoolDataset): DemoSchoolSummary {
  const school = ds.schools?.[0];
  if (!school) throw new Error('dataset without a school');
  const teachers = new Set((ds.teaching_assignments ?? []).map((a) => a.teacher_id));
  return {
    id: String(school.id),
    name: String(school.name_en),
    pupils: ds.enrolments?.length ?? 0,
    classes: ds.classes?.length ?? 0,
    teachers: teachers.size,
    lessons: ds.lessons?.length ?? 0,
  };
}

/** The fixed demo accounts of one generated school (director, deputy, teacher, parent, student …). */
export function demoAccountsOf(ds: SchoolDataset, schoolIndex: number): DemoAccount[] {
  const prefix = loginPrefix(schoolIndex);
  const people = new Map((ds.people ?? []).map((p) => [p.id, p]));
  const roles = new Map<unknown, Role[]>();
  for (const r of ds.user_roles ?? []) {
    const list = roles.get(r.user_id) ?? [];
    list.push(r.role as Role);
    roles.set(r.user_id, list);
  }
  const byLogin = new Map((ds.users ?? []).map((u) => [u.login, u]));
  return DEMO_LOGINS.map((name) => {
    const login = `${prefix}${name}`;
    const user = byLogin.get(login);
    if (!user) throw new Error(`demo account ${login} missing`);
    const p = people.get(user.person_id);
    const fullName = p ? [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' ') : login;
    return { login, roles: roles.get(user.id) ?? [], fullName, schoolIndex };
  });
}
