import { addDays, isoWeekday } from '../util/clock';
import { isDayOff, weekParity } from './calendar';
import type { Cell } from './dataset';
import type { DatasetBuilder } from './dataset';
import type { Keys } from './emit';
import type { SchoolModel } from './model';
import { bellPeriods } from './structure';

/**
 * Dated lessons for every school day of the year, from the weekly timetable: weekends and the breaks and holidays
 * that apply to the class's grade are skipped, half-hour ('odd') entries only in odd academic weeks; times from the
 * bell period of the class's shift; status 'planned', no topic yet. Returns the number of lessons.
 */
export function emitLessons(b: DatasetBuilder, m: SchoolModel, k: Keys, entryIds: readonly string[]): number {
  const bells = { 1: bellPeriods(1), 2: bellPeriods(2) } as const;
  // Entries of each class by weekday, with the columns every lesson of the entry repeats.
  const perClass = m.classes.map(() => [[], [], [], [], [], []] as { id: string; odd: boolean; fields: Record<string, Cell> }[][]);
  m.entries.forEach((e, i) => {
    const c = m.classes[e.classIdx] as (typeof m.classes)[number];
    const bell = bells[c.shift][e.period - 1];
    if (!bell) throw new Error(`no bell period ${e.period} in shift ${c.shift}`);
    const id = entryIds[i] as string;
    perClass[e.classIdx]?.[e.weekday]?.push({
      id,
      odd: e.parity === 'odd',
      fields: {
        timetable_entry_id: id, period: e.period, starts_at: bell.startsAt, ends_at: bell.endsAt, class_id: k.cls(e.classIdx),
        group_id: e.group ? k.group(e.classIdx, e.group) : null, subject_id: k.subject(e.assignment.code),
        teacher_id: k.person((m.staff[e.assignment.teacher] as (typeof m.staff)[number]).person), room_id: k.room(e.room),
        topic: null, status: 'planned',
      },
    });
  });

  let count = 0;
  for (let date = m.cal.startsOn; date <= m.cal.endsOn; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    if (weekday > m.cal.daysPerWeek) continue;
    const even = weekParity(m.cal, date) === 'even';
    const offByGrade = new Map<number, boolean>();
    for (const c of m.classes) {
      let off = offByGrade.get(c.grade);
      if (off === undefined) { off = isDayOff(m.cal, date, c.grade); offByGrade.set(c.grade, off); }
      if (off) continue;
      for (const e of perClass[c.idx]?.[weekday] ?? []) {
        if (e.odd && even) continue;
        b.add('lessons', `lesson:${e.id}:${date}`, { date, ...e.fields });
        count++;
      }
    }
  }
  return count;
}
