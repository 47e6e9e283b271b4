import { ROLES, isRole, type Role } from '../../src-core/auth/roles';
import type { StorageLike } from '../api/storage';

const key = (userId: string) => `sabaq.role.${userId}`;

/** The roles of a person in the school's order (director first, student last), without repeats. */
export function orderedRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

/** The role a person works in: the one they chose last time on this computer, else their first. */
export function chooseRole(storage: StorageLike, userId: string, roles: readonly string[]): Role | null {
  const own = orderedRoles(roles);
  let remembered: string | null = null;
  try {
    remembered = storage.getItem(key(userId));
  } catch {
    remembered = null;
  }
  if (remembered && isRole(remembered) && own.includes(remembered)) return remembered;
  return own[0] ?? null;
}

export function rememberRole(storage: StorageLike, userId: string, role: Role): void {
  try {
    storage.setItem(key(userId), role);
  } catch {
    // not remembered this time
  }
}
