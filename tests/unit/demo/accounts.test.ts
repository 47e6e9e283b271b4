import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccountsOf } from '../../../src-core/demo/index';
import { rows, school, TEST_HASH } from './fixtures';

describe('demo generator: accounts', () => {
  const ds = school();
  const users = rows(ds, 'users');
  const user = (login: string) => {
    const u = users.find((x) => x.login === login);
    if (!u) throw new Error(`no user ${login}`);
    return u;
  };
  const rolesOf = (login: string): unknown[] => rows(ds, 'user_roles').filter((r) => r.user_id === user(login).id).map((r) => r.role).sort();

  it('has the fixed demo logins with their roles', () => {
    const accounts = demoAccountsOf(ds, 0);
    expect(accounts.map((a) => [a.login, [...a.roles].sort()])).toEqual([
      ['director', ['director']],
      ['deputy', ['deputy_director', 'teacher']],
      ['teacher', ['parent', 'teacher']],
      ['parent', ['parent']],
      ['student', ['student']],
      ['nurse', ['nurse']],
      ['librarian', ['librarian']],
      ['psychologist', ['psychologist']],
      ['admin', ['sysadmin']],
    ]);
    for (const a of accounts) expect(a.fullName.split(' ').length).toBe(3);
    expect(DEMO_PASSWORD).toBe('sabaq2026');
    expect(rolesOf('teacher')).toEqual(['parent', 'teacher']);
  });

  it('every staff member, pupil of grade 3+ and parent has a user with the given hash; logins are unique', () => {
    const people = new Set(users.map((u) => u.person_id));
    for (const s of rows(ds, 'staff')) expect(people.has(s.person_id)).toBe(true);
    for (const g of rows(ds, 'guardians')) expect(people.has(g.parent_id)).toBe(true);
    const grade = new Map(rows(ds, 'classes').map((c) => [c.id, Number(c.grade)]));
    for (const e of rows(ds, 'enrolments')) expect(people.has(e.student_id)).toBe((grade.get(e.class_id) ?? 0) >= 3);
    expect(new Set(users.map((u) => u.login)).size).toBe(users.length);
    for (const u of users) {
      expect(u.password_hash).toBe(TEST_HASH);
      expect(['kk', 'ru']).toContain(u.locale);
      expect(String(u.login)).toMatch(/^[a-z0-9.]+$/);
    }
    expect(users.filter((u) => u.locale === 'ru').length).toBeGreaterThan(10);
  });

  it('teacher leads a class, teaches every weekday and is a parent of a pupil; deputy teaches', () => {
    const teacher = user('teacher').person_id;
    expect(rows(ds, 'classes').filter((c) => c.class_teacher_id === teacher).length).toBe(1);
    const days = new Set(rows(ds, 'timetable_entries').filter((e) => e.teacher_id === teacher).map((e) => e.weekday));
    expect([...days].sort()).toEqual([1, 2, 3, 4, 5]);
    const children = rows(ds, 'guardians').filter((g) => g.parent_id === teacher);
    expect(children.length).toBeGreaterThanOrEqual(1);
    const enrolled = new Set(rows(ds, 'enrolments').map((e) => e.student_id));
    for (const c of children) expect(enrolled.has(c.child_id)).toBe(true);
    const deputy = user('deputy').person_id;
    expect(rows(ds, 'lessons').some((l) => l.teacher_id === deputy)).toBe(true);
  });

  it('parent has two children in different classes; student is in grade 7', () => {
    const parent = user('parent').person_id;
    const kids = rows(ds, 'guardians').filter((g) => g.parent_id === parent).map((g) => g.child_id);
    expect(kids.length).toBe(2);
    const classOf = new Map(rows(ds, 'enrolments').map((e) => [e.student_id, e.class_id]));
    expect(new Set(kids.map((k) => classOf.get(k))).size).toBe(2);
    const student = user('student').person_id;
    const cls = rows(ds, 'classes').find((c) => c.id === classOf.get(student));
    expect(cls?.grade).toBe(7);
    // Siblings share their surname stem.
    const people = new Map(rows(ds, 'people').map((p) => [p.id, p]));
    const stems = kids.map((k) => String(people.get(k)?.last_name).replace(/а$/, ''));
    expect(stems[0]).toBe(stems[1]);
  });

  it('further schools prefix the demo logins with sN.', () => {
    const second = school({}, 1);
    const logins = demoAccountsOf(second, 1).map((a) => a.login);
    expect(logins).toContain('s2.director');
    expect(logins).toContain('s2.teacher');
    const first = new Set(users.map((u) => u.login));
    expect(rows(second, 'users').some((u) => first.has(u.login))).toBe(false);
    expect(String(rows(second, 'schools')[0]?.name_en)).not.toBe(String(rows(ds, 'schools')[0]?.name_en));
  });
});
