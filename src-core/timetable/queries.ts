import type { HandlerContext } from '../contract/call';
import type { DaySchedule } from '../contract/schemas';
import { OperationError } from '../contract/errors';
import { academicYearAt, schoolToday } from '../school/calendar';
import { enrolmentOf } from '../school/people';
import { daySchedule } from './day';

function actorOf(ctx: HandlerContext) {
  if (!ctx.actor) throw new OperationError('unauthenticated');
  return ctx.actor;
}

/** timetable.teacherDay: the lessons the signed-in teacher teaches on a day. */
export async function teacherDay(ctx: HandlerContext, input: { date?: string }): Promise<DaySchedule> {
  const actor = actorOf(ctx);
  const date = input.date ?? (await schoolToday(ctx.db, actor.schoolId, ctx.clock));
  return daySchedule(ctx.db, actor.schoolId, date, { teacherId: actor.personId });
}

/** A pupil's day: their class's lessons and their own half of it where the class splits. */
export async function pupilDay(ctx: HandlerContext, pupilId: string, date: string): Promise<DaySchedule> {
  const schoolId = actorOf(ctx).schoolId;
  const year = await academicYearAt(ctx.db, schoolId, date);
  const enrolment = year ? await enrolmentOf(ctx.db, schoolId, pupilId, year.id) : undefined;
  if (!enrolment) return { date, dayOff: 'outside_year', holiday: null, lessons: [], nextSchoolDay: null };
  return daySchedule(ctx.db, schoolId, date, {
    classId: String(enrolment.id), grade: Number(enrolment.grade), groupId: enrolment.group_id ? String(enrolment.group_id) : null,
  });
}

/** timetable.studentDay: the signed-in pupil's own day. */
export async function studentDay(ctx: HandlerContext, input: { date?: string }): Promise<DaySchedule> {
  const actor = actorOf(ctx);
  const date = input.date ?? (await schoolToday(ctx.db, actor.schoolId, ctx.clock));
  return pupilDay(ctx, actor.personId, date);
}
