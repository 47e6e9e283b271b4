import type { Knex } from 'knex';
import type { DaySchedule } from '../contract/schemas';
import { academicYearAt, holidayOn } from '../school/calendar';
import { isoWeekday } from '../util/clock';
import { lessonViews, toLessonView } from './lesson-view';

/** Whose lessons a day view shows: a teacher's, or a pupil's class (and their half of it when it splits). */
export type DayFilter = { teacherId: string } | { classId: string; grade: number; groupId: string | null };

function applyFilter(q: Knex.QueryBuilder, filter: DayFilter): Knex.QueryBuilder {
  if ('teacherId' in filter) return q.where('l.teacher_id', filter.teacherId);
  return q.where('l.class_id', filter.classId).where((w) => {
    w.whereNull('l.group_id');
    if (filter.groupId) w.orWhere('l.group_id', filter.groupId);
  });
}

/** One day of somebody's timetable, with the reason when there are no lessons and the next day that has some. */
export async function daySchedule(db: Knex, schoolId: string, date: string, filter: DayFilter): Promise<DaySchedule> {
  const rows = await applyFilter(lessonViews(db, schoolId).where('l.date', date), filter);
  const next = await applyFilter(
    db('lessons as l').where('l.school_id', schoolId).whereNull('l.deleted_at').where('l.date', '>', date), filter,
  ).min({ date: 'l.date' }).first();
  const nextSchoolDay = (next?.date as string | null | undefined) ?? null;
  const lessons = rows.map(toLessonView);
  if (lessons.length > 0) return { date, dayOff: null, holiday: null, lessons, nextSchoolDay };

  const year = await academicYearAt(db, schoolId, date);
  if (!year || date < year.starts_on || date > year.ends_on) {
    return { date, dayOff: 'outside_year', holiday: null, lessons, nextSchoolDay };
  }
  if (isoWeekday(date) > year.days_per_week) return { date, dayOff: 'weekend', holiday: null, lessons, nextSchoolDay };
  const holiday = await holidayOn(db, schoolId, date, 'grade' in filter ? filter.grade : null);
  return {
    date,
    dayOff: holiday ? 'holiday' : null,
    holiday: holiday ? { kk: holiday.name_kk, ru: holiday.name_ru, en: holiday.name_en } : null,
    lessons,
    nextSchoolDay,
  };
}
