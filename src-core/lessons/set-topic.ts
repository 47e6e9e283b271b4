import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { touchColumns } from '../db/touch';

/** lesson.setTopic: only the teacher of the lesson writes its topic. */
export async function setLessonTopic(ctx: HandlerContext, input: { lessonId: string; topic: string }): Promise<OutputOf<'lesson.setTopic'>> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  await ctx.changes.seq(); // the school's commit order first, then the row's current version
  const lesson = await ctx.db('lessons').where({ id: input.lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  if (lesson.teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.lesson_not_yours');
  const touch = await touchColumns(ctx, Number(lesson.row_version));
  await ctx.db('lessons').where({ id: lesson.id }).update({ topic: input.topic, ...touch });
  await ctx.changes.record('lessons', { ...lesson, topic: input.topic, ...touch }, [`class:${lesson.class_id}`, `teacher:${lesson.teacher_id}`]);
  return { lessonId: lesson.id, topic: input.topic, rowVersion: touch.row_version };
}
