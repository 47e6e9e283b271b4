import { describe, expect, it } from 'vitest';
import { rows, school } from './fixtures';

describe('demo generator: totals', () => {
  for (const pupils of [300, 550, 1000, 1777]) {
    it(`${pupils} pupils: exact total, grades 1–11, ≥ 2 parallels, Kazakh- and Russian-medium classes`, () => {
      const ds = school({ pupils });
      const classes = rows(ds, 'classes');
      const enrolments = rows(ds, 'enrolments');
      expect(enrolments.length).toBe(pupils);
      expect(new Set(enrolments.map((e) => e.student_id)).size).toBe(pupils);
      const parallels = Math.max(2, Math.round(pupils / 275));
      expect(classes.length).toBe(11 * parallels);
      for (let g = 1; g <= 11; g++) expect(classes.filter((c) => c.grade === g).length).toBe(parallels);
      const kk = classes.filter((c) => c.language === 'kk').length;
      const ru = classes.filter((c) => c.language === 'ru').length;
      expect(kk).toBeGreaterThan(0);
      expect(ru).toBeGreaterThan(0);
      expect(kk / classes.length).toBeGreaterThan(0.55);
      expect(kk / classes.length).toBeLessThan(0.8);
      const sizes = classes.map((c) => enrolments.filter((e) => e.class_id === c.id).length);
      const mean = pupils / classes.length;
      for (const n of sizes) expect(Math.abs(n - mean)).toBeLessThanOrEqual(mean / 5 + 1);
      // Letters А, Ә, Б … in order within a grade.
      expect(classes.filter((c) => c.grade === 5).map((c) => c.letter).slice(0, 3)).toEqual(['А', 'Ә', 'Б'].slice(0, Math.min(3, parallels)));
    });
  }

  it('at the default size classes hold 20–30 pupils, and classes of 24+ split into two groups', () => {
    const ds = school();
    const groups = rows(ds, 'class_groups');
    for (const c of rows(ds, 'classes')) {
      const enrolled = rows(ds, 'enrolments').filter((e) => e.class_id === c.id);
      expect(enrolled.length).toBeGreaterThanOrEqual(20);
      expect(enrolled.length).toBeLessThanOrEqual(30);
      const mine = groups.filter((g) => g.class_id === c.id);
      if (enrolled.length >= 24) {
        expect(mine.map((g) => g.number).sort()).toEqual([1, 2]);
        for (const e of enrolled) expect(mine.map((g) => g.id)).toContain(e.group_id);
        const first = enrolled.filter((e) => e.group_id === mine.find((g) => g.number === 1)?.id).length;
        expect(Math.abs(first * 2 - enrolled.length)).toBeLessThanOrEqual(1);
      } else {
        expect(mine).toEqual([]);
        for (const e of enrolled) expect(e.group_id).toBeNull();
      }
    }
  });

  it('has staff, rooms, families and realistic people', () => {
    const ds = school();
    const staff = rows(ds, 'staff');
    const positions = (p: string): number => staff.filter((s) => s.position === p).length;
    expect(positions('director')).toBe(1);
    expect(positions('deputy_director')).toBeGreaterThanOrEqual(2);
    for (const p of ['nurse', 'librarian', 'psychologist', 'sysadmin']) expect(positions(p)).toBe(1);
    const teachers = staff.filter((s) => s.position === 'teacher');
    for (const t of teachers) expect(['pedagog_stazher', 'pedagog', 'pedagog_moderator', 'pedagog_expert', 'pedagog_issledovatel', 'pedagog_master']).toContain(t.category);
    // Teaching loads: most teachers carry 12–24 hours.
    const load = new Map<unknown, number>();
    for (const a of rows(ds, 'teaching_assignments')) load.set(a.teacher_id, (load.get(a.teacher_id) ?? 0) + Number(a.weekly_hours));
    const loads = [...load.values()];
    expect(Math.max(...loads)).toBeLessThanOrEqual(26);
    expect(loads.filter((h) => h >= 12).length / loads.length).toBeGreaterThan(0.75);
    // A class teacher leads one class at most.
    const leaders = rows(ds, 'classes').map((c) => c.class_teacher_id);
    expect(leaders.every(Boolean)).toBe(true);
    expect(new Set(leaders).size).toBe(leaders.length);

    const rooms = rows(ds, 'rooms');
    const ict = rooms.filter((r) => r.kind === 'ict' && r.multimedia_podium && r.interactive_board);
    expect(ict.length).toBe(1);
    for (const kind of ['gym', 'lab', 'library', 'medical', 'classroom']) expect(rooms.some((r) => r.kind === kind)).toBe(true);

    const people = rows(ds, 'people');
    expect(people.some((p) => String(p.middle_name).endsWith('ұлы'))).toBe(true);
    expect(people.some((p) => String(p.middle_name).endsWith('овна'))).toBe(true);
    for (const p of people.filter((x) => x.phone)) expect(p.phone).toMatch(/^\+7 7\d\d \d{3} \d\d \d\d$/);
    for (const p of people.filter((x) => x.email)) expect(p.email).toMatch(/@example\.(com|org)$/);
    // Families: 1–2 guardians per child, siblings share a surname stem, some families with several children.
    const guardians = rows(ds, 'guardians');
    const perChild = new Map<unknown, number>();
    for (const g of guardians) perChild.set(g.child_id, (perChild.get(g.child_id) ?? 0) + 1);
    expect(perChild.size).toBe(550);
    for (const n of perChild.values()) expect(n === 1 || n === 2).toBe(true);
    const perParent = new Map<unknown, number>();
    for (const g of guardians) perParent.set(g.parent_id, (perParent.get(g.parent_id) ?? 0) + 1);
    expect([...perParent.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
  });

  it('pupils are born for their grade', () => {
    const ds = school();
    const people = new Map(rows(ds, 'people').map((p) => [p.id, p]));
    const classes = new Map(rows(ds, 'classes').map((c) => [c.id, c]));
    for (const e of rows(ds, 'enrolments')) {
      const grade = Number(classes.get(e.class_id)?.grade);
      const born = String(people.get(e.student_id)?.birth_date);
      const ageOn1Sep = 2026 - Number(born.slice(0, 4)) - (born.slice(5) > '09-01' ? 1 : 0);
      expect(ageOn1Sep - grade).toBeGreaterThanOrEqual(5);
      expect(ageOn1Sep - grade).toBeLessThanOrEqual(7);
    }
  });
});
