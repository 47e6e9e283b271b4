import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { touchColumns } from '../db/touch';
import { lessonBuckets } from '../journal/lesson-access';
import { schoolToday } from '../school/calendar';

/**
 * journal.unlockLesson: after the editing period, a deputy director (or the director) lets the lesson's teacher
 * change its cells again until a day, for a reason that stays with the lesson and in the audit log.
 */
export async function unlockLesson(ctx: HandlerContext, input: InputOf<'journal.unlockLesson'>): Promise<OutputOf<'journal.unlockLesson'>> {
  const actor = ctx.actor!;
  await ctx.changes.seq();
  const lesson = await ctx.db('lessons').where({ id: input.lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  const today = await schoolToday(ctx.db, actor.schoolId, ctx.clock);
  if (input.until < today) throw new OperationError('invalid_input', 'error.unlock_in_past', { today });
  const changes = { unlocked_until: input.until, unlock_reason: input.reason, unlocked_by: actor.userId };
  const touch = await touchColumns(ctx, Number(lesson.row_version));
  await ctx.db('lessons').where({ id: lesson.id }).update({ ...changes, ...touch });
  await ctx.changes.record('lessons', { ...lesson, ...changes, ...touch }, [...lessonBuckets(lesson), `class:${lesson.class_id}:journal`]);
  if (ctx.host === 'server') {
    await ctx.db('audit_log').insert({
      school_id: actor.schoolId, at: ctx.clock.now().toISOString(), user_id: actor.userId, device_id: actor.deviceId,
      action: 'journal.unlockLesson', details: JSON.stringify({ lessonId: lesson.id, until: input.until, reason: input.reason }),
    });
  }
  return { lessonId: lesson.id, unlockedUntil: input.until, rowVersion: touch.row_version };
}
