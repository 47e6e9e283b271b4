import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { isRole, type Role } from '../auth/roles';
import { toPersonName } from '../school/people';

/** users.list: the school's accounts, their roles and whether they are locked; password hashes never leave. */
export async function listUsers(ctx: HandlerContext, input: { role?: Role }): Promise<OutputOf<'users.list'>> {
  if (!ctx.actor) throw new OperationError('unauthenticated');
  const schoolId = ctx.actor.schoolId;
  const q = ctx.db('users as u').join('people as p', 'p.id', 'u.person_id')
    .where('u.school_id', schoolId).whereNull('u.deleted_at')
    .select('u.id', 'u.login', 'u.disabled', 'u.locked_until', 'p.id as p_id', 'p.last_name', 'p.first_name', 'p.middle_name')
    .orderBy([{ column: 'p.last_name' }, { column: 'p.first_name' }]);
  if (input.role) q.whereIn('u.id', ctx.db('user_roles').where({ school_id: schoolId, role: input.role }).whereNull('deleted_at').select('user_id'));
  const users = await q;
  const roles = await ctx.db('user_roles').where({ school_id: schoolId }).whereNull('deleted_at').select('user_id', 'role');
  const byUser = new Map<string, Role[]>();
  for (const r of roles) if (isRole(r.role)) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role]);
  const now = ctx.clock.now().toISOString();
  return {
    users: users.map((u) => ({
      id: u.id,
      login: u.login,
      person: toPersonName({ ...u, id: u.p_id }),
      roles: byUser.get(u.id) ?? [],
      disabled: Boolean(u.disabled),
      locked: Boolean(u.locked_until && u.locked_until > now),
    })),
  };
}
