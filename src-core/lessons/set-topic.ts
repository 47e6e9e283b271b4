import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { touchColumns } from '../db/touch';
import { lessonBuckets, lessonForTeacher } from '../journal/lesson-access';

/** lesson.setTopic: only the teacher of the lesson writes its topic. */
export async function setLessonTopic(ctx: HandlerContext, input: InputOf<'lesson.setTopic'>): Promise<OutputOf<'lesson.setTopic'>> {
  const row = await updateLesson(ctx, input.lessonId, { topic: input.topic });
  return { lessonId: row.id, topic: input.topic, rowVersion: row.row_version };
}

/** lesson.setHomework: the homework of a lesson (the pupils and their families see it in the diary), or null. */
export async function setLessonHomework(ctx: HandlerContext, input: InputOf<'lesson.setHomework'>): Promise<OutputOf<'lesson.setHomework'>> {
  const row = await updateLesson(ctx, input.lessonId, { homework: input.homework });
  return { lessonId: row.id, homework: input.homework, rowVersion: row.row_version };
}

/** Changes columns of a lesson its teacher may write, as one new version of the row, logged for its buckets. */
export async function updateLesson(ctx: HandlerContext, lessonId: string, changes: Record<string, unknown>) {
  const lesson = await lessonForTeacher(ctx, lessonId);
  const current = await ctx.db('lessons').where({ id: lesson.id }).first();
  const touch = await touchColumns(ctx, Number(current.row_version));
  await ctx.db('lessons').where({ id: lesson.id }).update({ ...changes, ...touch });
  await ctx.changes.record('lessons', { ...current, ...changes, ...touch }, lessonBuckets(current));
  return { id: lesson.id as string, row_version: touch.row_version };
}
