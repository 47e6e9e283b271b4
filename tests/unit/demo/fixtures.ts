import { createHash } from 'node:crypto';
import { generateSchool, type DemoOptions, type Row, type SchoolDataset } from '../../../src-core/demo/index';

/** A stand-in hash: tests never verify the demo password. */
export const TEST_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FicWFxZGVtb3NhbHQ$0000000000000000000000000000000000000000000';

export const options = (over: Partial<DemoOptions> = {}): DemoOptions => ({
  seed: 95, pupils: 550, schools: 1, today: '2026-11-23', passwordHash: TEST_HASH, ...over,
});

const cache = new Map<string, SchoolDataset>();
/** Generates once per options and school within a test file. */
export function school(over: Partial<DemoOptions> = {}, index = 0): SchoolDataset {
  const key = JSON.stringify([options(over), index]);
  let ds = cache.get(key);
  if (!ds) {
    ds = generateSchool(options(over), index);
    cache.set(key, ds);
  }
  return ds;
}

export function datasetHash(ds: SchoolDataset): string {
  return createHash('sha256').update(JSON.stringify(ds)).digest('hex');
}

export const rows = (ds: SchoolDataset, table: string): Row[] => ds[table] ?? [];
export const byId = (list: Row[]): Map<unknown, Row> => new Map(list.map((r) => [r.id, r]));

const minutes = (hhmm: unknown): number => {
  const [h, m] = String(hhmm).split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

export const isoWeekday = (date: string): number => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

interface Slot { entry: Row; weekday: number; start: number; end: number; parity: string }

/**
 * Clashes in a dataset's timetable, found from the rows alone (independent of the solver): two entries that overlap
 * in time on the same weekday (by the bell times of their shifts) and in the same weeks, sharing a class (unless
 * they are two different halves of it), a group, a teacher or a room.
 */
export function timetableClashes(ds: SchoolDataset): string[] {
  const schedules = byId(rows(ds, 'bell_schedules'));
  const times = new Map<string, { start: number; end: number }>();
  for (const p of rows(ds, 'bell_periods')) {
    const shift = schedules.get(p.bell_schedule_id)?.shift_id;
    times.set(`${shift}/${p.period}`, { start: minutes(p.starts_at), end: minutes(p.ends_at) });
  }
  const slots: Slot[] = rows(ds, 'timetable_entries').map((e) => {
    const t = times.get(`${e.shift_id}/${e.period}`);
    if (!t) throw new Error(`entry ${e.id} has no bell period`);
    return { entry: e, weekday: Number(e.weekday), start: t.start, end: t.end, parity: String(e.week_parity) };
  });
  const sameWeeks = (a: string, b: string): boolean => a === 'every' || b === 'every' || a === b;
  const problems: string[] = [];
  const check = (what: string, key: (e: Row) => unknown, allowed: (a: Row, b: Row) => boolean = () => false): void => {
    const groups = new Map<string, Slot[]>();
    for (const s of slots) {
      const k = key(s.entry);
      if (k === null || k === undefined) continue;
      const id = `${String(k)}/${s.weekday}`;
      groups.set(id, [...(groups.get(id) ?? []), s]);
    }
    for (const list of groups.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i] as Slot;
          const b = list[j] as Slot;
          if (a.start < b.end && b.start < a.end && sameWeeks(a.parity, b.parity) && !allowed(a.entry, b.entry)) {
            problems.push(`${what} ${String(key(a.entry))} on day ${a.weekday}: ${a.entry.id} and ${b.entry.id}`);
          }
        }
      }
    }
  };
  check('class', (e) => e.class_id, (a, b) => a.group_id !== null && b.group_id !== null && a.group_id !== b.group_id);
  check('group', (e) => e.group_id);
  check('teacher', (e) => e.teacher_id);
  check('room', (e) => e.room_id);
  return problems;
}

/** Differences between each class's timetable and its curriculum (hours a week per subject, per group when split). */
export function coverageGaps(ds: SchoolDataset): string[] {
  const groupsOf = new Map<unknown, Row[]>();
  for (const g of rows(ds, 'class_groups')) groupsOf.set(g.class_id, [...(groupsOf.get(g.class_id) ?? []), g]);
  const gaps: string[] = [];
  for (const c of rows(ds, 'classes')) {
    const plan = rows(ds, 'curriculum').filter((r) => r.grade === c.grade && r.language === c.language);
    const entries = rows(ds, 'timetable_entries').filter((e) => e.class_id === c.id);
    const hoursOf = (list: Row[]): number => list.reduce((n, e) => n + (e.week_parity === 'every' ? 1 : 0.5), 0);
    const groups = groupsOf.get(c.id) ?? [];
    for (const row of plan) {
      const mine = entries.filter((e) => e.subject_id === row.subject_id);
      const want = Number(row.weekly_hours);
      if (row.split_into_groups && groups.length === 2) {
        for (const g of groups) {
          const got = hoursOf(mine.filter((e) => e.group_id === g.id));
          if (got !== want) gaps.push(`class ${c.grade}${c.letter} group ${g.number}: ${row.subject_id} ${got} ≠ ${want}`);
        }
        if (mine.some((e) => e.group_id === null)) gaps.push(`class ${c.grade}${c.letter}: whole-class entry of a split subject`);
      } else {
        const got = hoursOf(mine);
        if (got !== want || mine.some((e) => e.group_id !== null)) gaps.push(`class ${c.grade}${c.letter}: ${row.subject_id} ${got} ≠ ${want}`);
      }
    }
    const planned = new Set(plan.map((r) => r.subject_id));
    for (const e of entries) if (!planned.has(e.subject_id)) gaps.push(`class ${c.grade}${c.letter}: ${e.subject_id} is not in its curriculum`);
  }
  return gaps;
}
