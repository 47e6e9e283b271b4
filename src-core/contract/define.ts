import type { z } from 'zod';
import type { Permission } from '../auth/roles';

/** Who may call an operation: anybody, any signed-in user, or holders of one permission. Deny by default. */
export type Access = 'public' | 'signedIn' | { permission: Permission };

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'command';
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** Runs only on a desktop client, on its replica (this computer's sync, for example); never sent to the server. */
  device?: true;
  /** Answered by the central server only (what a replica does not hold): a desktop client asks the server for it. */
  server?: true;
}

export function query<I extends z.ZodType, O extends z.ZodType>(op: Omit<Operation<I, O>, 'kind'>): Operation<I, O> {
  return { kind: 'query', ...op };
}

export function command<I extends z.ZodType, O extends z.ZodType>(op: Omit<Operation<I, O>, 'kind'>): Operation<I, O> {
  return { kind: 'command', ...op };
}
