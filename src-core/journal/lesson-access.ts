import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';

/**
 * The lesson a journal write is about, checked: it is in the caller's school, the caller teaches it, and the
 * pupil belongs to its class (and to its half of the class when the class splits).
 */
export async function lessonForJournalWrite(ctx: HandlerContext, lessonId: string, studentId: string) {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  const lesson = await ctx.db('lessons').where({ id: lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  if (lesson.teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.lesson_not_yours');
  const enrolment = await ctx.db('enrolments')
    .where({ school_id: actor.schoolId, class_id: lesson.class_id, student_id: studentId })
    .whereNull('deleted_at').whereNull('left_on').first();
  if (!enrolment || (lesson.group_id && enrolment.group_id !== lesson.group_id)) {
    throw new OperationError('invalid_input', 'error.pupil_not_in_lesson');
  }
  // The school's commit order is taken before the cell is read: two teachers' writes of one cell then run one
  // after the other, and the second sees the first's version (PostgreSQL reads committed rows, not a snapshot).
  await ctx.changes.seq();
  return lesson as { id: string; class_id: string; teacher_id: string };
}

/** The buckets a journal row belongs to: its class's journal and the pupil (for the family's devices). */
export const journalBuckets = (classId: string, studentId: string) => [`class:${classId}:journal`, `student:${studentId}`];
