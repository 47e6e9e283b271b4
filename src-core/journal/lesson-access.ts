import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import { schoolToday } from '../school/calendar';
import { journalRulesAt, lessonLocked } from './rules';

export interface JournalLesson {
  id: string; class_id: string; group_id: string | null; teacher_id: string; subject_id: string; date: string;
  summative_kind: string | null; summative_max: number | null; unlocked_until: string | null; row_version: number;
}

/**
 * The lesson a teacher writes about, checked: it is in the caller's school, the caller teaches it, and its cells
 * are not locked (the editing period is over and the administration has not unlocked it). The school's commit
 * order is taken before anything is read: two teachers' writes of one cell then run one after the other, and the
 * second sees the first's version (PostgreSQL reads committed rows, not a snapshot).
 */
export async function lessonForTeacher(ctx: HandlerContext, lessonId: string): Promise<JournalLesson> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  await ctx.changes.seq();
  const lesson = await ctx.db('lessons').where({ id: lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  if (lesson.teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.lesson_not_yours');
  const today = await schoolToday(ctx.db, actor.schoolId, ctx.clock);
  const rules = await journalRulesAt(ctx.db, actor.schoolId, lesson.date);
  if (lessonLocked(lesson, today, rules.editingDays)) {
    throw new OperationError('forbidden', 'error.journal_locked', { date: lesson.date, days: rules.editingDays });
  }
  return lesson as JournalLesson;
}

/** As lessonForTeacher, and the pupil belongs to the lesson's class (and to its half when the class splits). */
export async function lessonForJournalWrite(ctx: HandlerContext, lessonId: string, studentId: string): Promise<JournalLesson> {
  const lesson = await lessonForTeacher(ctx, lessonId);
  const enrolment = await ctx.db('enrolments')
    .where({ school_id: ctx.actor!.schoolId, class_id: lesson.class_id, student_id: studentId })
    .whereNull('deleted_at').whereNull('left_on').first();
  if (!enrolment || (lesson.group_id && enrolment.group_id !== lesson.group_id)) {
    throw new OperationError('invalid_input', 'error.pupil_not_in_lesson');
  }
  return lesson;
}

/** The buckets a journal row belongs to: its class's journal and the pupil (for the family's devices). */
export const journalBuckets = (classId: string, studentId: string) => [`class:${classId}:journal`, `student:${studentId}`];

/** The buckets a lesson belongs to: its class (families see it) and its teacher. */
export const lessonBuckets = (lesson: { class_id: string; teacher_id: string }) => [`class:${lesson.class_id}`, `teacher:${lesson.teacher_id}`];
