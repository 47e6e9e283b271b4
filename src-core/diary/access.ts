import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';
import { permissionsOf } from '../auth/roles';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';

/**
 * Whose diary the caller may read: a pupil their own (diary.readOwn), a parent their own children
 * (family.readChildren, a guardianship not ended). Anybody else, and any other pupil, is refused.
 */
export async function diaryPupil(ctx: HandlerContext, studentId: string | undefined): Promise<string> {
  const actor = ctx.actor as Actor | null;
  if (!actor) throw new OperationError('unauthenticated');
  const may = permissionsOf(actor.roles);
  if (may.includes('diary.readOwn') && (studentId === undefined || studentId === actor.personId)) return actor.personId;
  if (may.includes('family.readChildren')) {
    if (studentId === undefined) {
      throw new OperationError('invalid_input', 'error.invalid_input', {}, [{ path: 'studentId', messageKey: 'diary.chooseChild' }]);
    }
    if (await isGuardianOf(ctx.db, actor, studentId)) return studentId;
  }
  throw new OperationError('forbidden', 'error.diary_not_yours');
}

async function isGuardianOf(db: Knex, actor: Actor, childId: string): Promise<boolean> {
  const row = await db('guardians as g').join('people as p', 'p.id', 'g.child_id')
    .where({ 'g.school_id': actor.schoolId, 'g.parent_id': actor.personId, 'g.child_id': childId })
    .whereNull('g.deleted_at').whereNull('p.deleted_at').first('g.id');
  return Boolean(row);
}
