import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { checkJournalAccess } from '../journal/access';
import { journalRulesAt, lessonLocked } from '../journal/rules';
import { schoolToday } from '../school/calendar';
import { boardFilesOf, planOf } from './lesson-files';

/**
 * lesson.plan: a lesson's plan and the board saved to it, for its teacher and the readers of its class's journal;
 * `writable` as in journal.sheet (the teacher's own lesson, not locked). Read from the host's database: a school
 * computer's replica answers offline.
 */
export async function lessonPlan(ctx: HandlerContext, input: InputOf<'lesson.plan'>): Promise<OutputOf<'lesson.plan'>> {
  const actor = ctx.actor!;
  const lesson = await ctx.db('lessons').where({ id: input.lessonId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!lesson) throw new OperationError('not_found');
  const own = lesson.teacher_id === actor.personId;
  if (!own) await checkJournalAccess(ctx, lesson.class_id, lesson.subject_id);
  const today = await schoolToday(ctx.db, actor.schoolId, ctx.clock);
  const rules = await journalRulesAt(ctx.db, actor.schoolId, lesson.date);
  return {
    lessonId: lesson.id,
    topic: lesson.topic ?? null,
    plan: planOf(lesson.plan),
    boardFiles: boardFilesOf(lesson.board_files),
    writable: own && !lessonLocked(lesson, today, rules.editingDays),
    rowVersion: Number(lesson.row_version),
  };
}
