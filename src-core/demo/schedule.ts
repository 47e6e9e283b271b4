import type { Rng } from './rng';
import { SUBJECTS } from './curriculum';
import { poolOf, type PoolDemand, type RoomModel } from './rooms';
import type { Assignment, StaffMember } from './staff';
import type { ClassModel } from './structure';
import { solveTimetable, type TtBlock, type TtEntry } from './timetable';

/** One timetable entry: a class (or one half of it) at a weekday and period, with its teacher and room. */
export interface EntryModel {
  classIdx: number;
  group: 1 | 2 | null;
  assignment: Assignment;
  /** 1 = Monday … 5 = Friday */
  weekday: number;
  /** 1-based, within the class's shift */
  period: number;
  room: number;
  parity: 'every' | 'odd';
}

const SUBJECT_INDEX = new Map(SUBJECTS.map((s, i) => [s.code, i]));

/** Room demand of the hard pools (gyms, computer rooms, language rooms) in the busier shift. */
export function poolDemand(classes: readonly ClassModel[]): PoolDemand {
  const per = { 1: { gym: 0, computer: 0, language: 0 }, 2: { gym: 0, computer: 0, language: 0 } };
  for (const c of classes) {
    const d = per[c.shift];
    for (const row of c.plan) {
      const split = c.split && row.split;
      const lessons = Math.ceil(row.hours);
      if (row.code === 'pe') d.gym += lessons;
      if (row.code === 'informatics' || row.code === 'digital_literacy') d.computer += lessons * (split ? 2 : 1);
      if (row.code === 'english' && split) d.language += lessons;
    }
  }
  return {
    gym: Math.max(per[1].gym, per[2].gym),
    computer: Math.max(per[1].computer, per[2].computer),
    language: Math.max(per[1].language, per[2].language),
  };
}

/** Builds the solver's blocks from the teaching assignments, solves, and returns the entries. */
export function buildTimetable(
  classes: readonly ClassModel[], assignments: readonly Assignment[], staffCount: number, rooms: readonly RoomModel[],
  rngs: () => Rng,
): EntryModel[] {
  const byKey = new Map<string, Assignment>();
  for (const a of assignments) byKey.set(`${a.classIdx}/${a.code}/${a.group}`, a);
  const find = (c: number, code: string, group: 1 | 2 | null): Assignment => {
    const a = byKey.get(`${c}/${code}/${group}`);
    if (!a) throw new Error(`no assignment for class ${c} ${code} ${group}`);
    return a;
  };
  const entry = (a: Assignment): TtEntry => {
    const pool = poolOf(a.code, a.group);
    return { assignment: a.idx, teacher: a.teacher, pool: pool?.pool ?? null, hard: pool?.hard ?? false };
  };

  const blocks: TtBlock[] = [];
  for (const c of classes) {
    for (const row of c.plan) {
      const subject = SUBJECT_INDEX.get(row.code) as number;
      const limitPerDay = row.hours <= 5 ? 1 : Math.ceil(row.hours / 5);
      if (c.split && row.split) {
        const pair = [entry(find(c.idx, row.code, 1)), entry(find(c.idx, row.code, 2))];
        for (let k = 0; k < Math.ceil(row.hours); k++) blocks.push({ classIdx: c.idx, subject, limitPerDay, half: false, entries: pair });
        continue;
      }
      const e = [entry(find(c.idx, row.code, null))];
      for (let k = 0; k < Math.floor(row.hours); k++) blocks.push({ classIdx: c.idx, subject, limitPerDay, half: false, entries: e });
      if (row.hours % 1 !== 0) blocks.push({ classIdx: c.idx, subject, limitPerDay, half: true, entries: e });
    }
  }

  const placements = solveTimetable(
    {
      classes: classes.map((c) => ({ shift: c.shift, dayLengths: c.dayLengths, homeRoom: c.homeRoom })),
      blocks, teachers: staffCount, subjects: SUBJECTS.length, rooms: rooms.map((r) => ({ pool: r.pool })),
    },
    rngs,
  );

  const entries: EntryModel[] = [];
  blocks.forEach((b, i) => {
    const p = placements[i] as (typeof placements)[number];
    b.entries.forEach((e, k) => {
      const a = assignments[e.assignment] as Assignment;
      entries.push({
        classIdx: b.classIdx, group: a.group, assignment: a, weekday: p.day + 1, period: p.period + 1,
        room: p.rooms[k] as number, parity: b.half ? 'odd' : 'every',
      });
    });
  });
  entries.sort((x, y) => x.classIdx - y.classIdx || x.weekday - y.weekday || x.period - y.period || (x.group ?? 0) - (y.group ?? 0));
  return entries;
}

/** Weekdays (1–5) on which a staff member teaches. */
export function teachingDays(entries: readonly EntryModel[], teacher: number): Set<number> {
  const days = new Set<number>();
  for (const e of entries) if (e.assignment.teacher === teacher) days.add(e.weekday);
  return days;
}

const PREFERRED = ['math', 'kazakh', 'history', 'english', 'physics', 'biology', 'geography', 'russian', 'chemistry', 'informatics'];

/**
 * The demo `teacher`: a subject teacher who leads a class, carries 16–24 hours, teaches every weekday and is old
 * enough to have a child at school. Falls back step by step (a primary teacher, any class teacher).
 */
export function chooseDemoTeacher(staff: readonly StaffMember[], entries: readonly EntryModel[], startYear: number): StaffMember {
  const leaders = staff.filter((t) => t.leads !== null && t.positions[0] === 'teacher');
  const everyDay = (t: StaffMember): boolean => teachingDays(entries, t.idx).size === 5;
  const oldEnough = (t: StaffMember): boolean => Number(t.person.birthDate.slice(0, 4)) <= startYear - 32;
  const rank = (t: StaffMember): number => {
    const i = PREFERRED.indexOf(t.specialty ?? '');
    return i < 0 ? PREFERRED.length : i;
  };
  const tiers: ((t: StaffMember) => boolean)[] = [
    (t) => t.specialty !== 'primary' && t.load >= 16 && t.load <= 24 && everyDay(t) && oldEnough(t) && t.person.name.style === 'kk',
    (t) => t.load >= 16 && everyDay(t) && oldEnough(t),
    (t) => everyDay(t),
    () => true,
  ];
  for (const ok of tiers) {
    const found = leaders.filter(ok).sort((a, b) => rank(a) - rank(b) || a.idx - b.idx)[0];
    if (found) return found;
  }
  throw new Error('no class teacher for the demo teacher account');
}
