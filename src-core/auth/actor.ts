import type { Role } from './roles';

/** Who is calling: resolved by the host (server token, desktop session) before any handler runs. */
export interface Actor {
  userId: string;
  personId: string;
  schoolId: string;
  roles: Role[];
  deviceId: string | null;
}
