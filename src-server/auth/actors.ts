import type { Knex } from 'knex';
import type { Actor } from '../../src-core/auth/actor';
import { isRole } from '../../src-core/auth/roles';

/** Loads the caller afresh on every request, so that a disabled account or a removed role takes effect at once. */
export async function loadActor(db: Knex, userId: string, deviceId: string | null): Promise<Actor | null> {
  const user = await db('users').where({ id: userId }).whereNull('deleted_at').first();
  if (!user || user.disabled) return null;
  const roles = await db('user_roles').where({ user_id: userId }).whereNull('deleted_at').pluck('role');
  return { userId: user.id, personId: user.person_id, schoolId: user.school_id, roles: roles.filter(isRole), deviceId };
}
