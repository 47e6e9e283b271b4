import type { Actor } from '../auth/actor';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';

/**
 * Who may open the journal of a class in a subject: the administration (every class), a teacher of that class and
 * subject, and the class's own class teacher (every subject of their class). Anyone else is refused.
 */
export async function checkJournalAccess(ctx: HandlerContext, classId: string, subjectId: string): Promise<void> {
  const actor = ctx.actor as Actor;
  const klass = await ctx.db('classes').where({ id: classId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!klass) throw new OperationError('not_found');
  if (actor.roles.includes('director') || actor.roles.includes('deputy_director')) return;
  if (klass.class_teacher_id === actor.personId) return;
  const teaches = await ctx.db('teaching_assignments').where({ school_id: actor.schoolId, class_id: classId, subject_id: subjectId, teacher_id: actor.personId }).whereNull('deleted_at').first()
    ?? await ctx.db('lessons').where({ school_id: actor.schoolId, class_id: classId, subject_id: subjectId, teacher_id: actor.personId }).whereNull('deleted_at').first('id');
  if (!teaches) throw new OperationError('forbidden', 'error.journal_not_yours');
}
