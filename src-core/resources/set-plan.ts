import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { updateLesson } from '../lessons/set-topic';
import { replaceFileLinks } from './lesson-files';

/**
 * lesson.setPlan: the teacher of a lesson writes its plan (the lock as for its topic). The plan travels with the
 * lesson to every device; its resources' files become readable to whoever may read the lesson. Runs on a desktop
 * client's replica offline too, so it names files by hash without asking whether they are held yet.
 */
export async function setLessonPlan(ctx: HandlerContext, input: InputOf<'lesson.setPlan'>): Promise<OutputOf<'lesson.setPlan'>> {
  const row = await updateLesson(ctx, input.lessonId, { plan: JSON.stringify(input.plan) });
  await replaceFileLinks(ctx, row.id, 'plan', input.plan.resources.map((r) => r.sha256));
  return { lessonId: row.id, rowVersion: row.row_version };
}
