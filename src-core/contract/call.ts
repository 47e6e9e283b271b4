import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { permissionsOf } from '../auth/roles';
import { replicaRecorder, serverRecorder, type ChangeRecorder } from '../sync/changes';
import type { Clock } from '../util/clock';
import type { Access } from './define';
import { OperationError, type FieldError } from './errors';
import { handlers } from './handlers';
import { isOperationName, operations, type OperationName } from './operations';

export interface HostContext {
  db: Knex;
  clock: Clock;
  host: 'server' | 'replica';
}

/** What a handler sees: the database (a transaction for commands), the caller, the clock and the change log. */
export interface HandlerContext {
  db: Knex | Knex.Transaction;
  actor: Actor | null;
  clock: Clock;
  host: 'server' | 'replica';
  changes: ChangeRecorder;
}

export type CallResult = { ok: true; result: unknown } | { ok: false; error: OperationError };

/**
 * Runs one operation of the contract for a caller: unknown name → 404, access → 401/403, input → 400 with the
 * fields named, then the handler (in one transaction for commands), then the output is checked against the
 * contract so that a host never returns what the contract does not promise.
 */
export async function callOperation(host: HostContext, actor: Actor | null, name: string, rawInput: unknown): Promise<CallResult> {
  try {
    if (!isOperationName(name)) throw new OperationError('unknown_operation', 'error.unknown_operation', { name });
    const op = operations[name];
    if ('device' in op && op.device && host.host === 'server') throw new OperationError('unknown_operation', 'error.device_only');
    checkAccess(op.access, actor);
    const parsed = op.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
    const result = op.kind === 'command'
      ? await host.db.transaction((trx) => runHandler(name, { ...host, db: trx, actor, changes: recorderFor(host.host, trx, actor, null) }, parsed.data))
      : await runHandler(name, { ...host, actor, changes: replicaRecorder }, parsed.data);
    return { ok: true, result: op.output.parse(result) };
  } catch (err) {
    if (err instanceof OperationError) return { ok: false, error: err };
    return { ok: false, error: Object.assign(new OperationError('internal'), { cause: err }) };
  }
}

/** Runs a handler on validated input inside the caller's transaction (the sync apply and the outbox use it). */
export function runHandler(name: OperationName, ctx: HandlerContext, input: unknown): Promise<unknown> {
  return (handlers[name] as (ctx: HandlerContext, input: unknown) => Promise<unknown>)(ctx, input);
}

export function recorderFor(host: 'server' | 'replica', trx: Knex.Transaction, actor: Actor | null, mutationId: string | null): ChangeRecorder {
  return host === 'server' && actor ? serverRecorder(trx, actor.schoolId, mutationId) : replicaRecorder;
}

export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new OperationError('unauthenticated');
  if (access === 'signedIn') return;
  if (!permissionsOf(actor.roles).includes(access.permission)) {
    throw new OperationError('forbidden', 'error.forbidden', { permission: access.permission });
  }
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    const i = issue as { minimum?: unknown; maximum?: unknown; expected?: unknown; keys?: string[] };
    if (typeof i.minimum === 'number' || typeof i.minimum === 'bigint') params.min = Number(i.minimum);
    if (typeof i.maximum === 'number' || typeof i.maximum === 'bigint') params.max = Number(i.maximum);
    if (typeof i.expected === 'string') params.expected = i.expected;
    if (i.keys) params.keys = i.keys.join(', ');
    return { path: issue.path.join('.') || '(input)', messageKey: `field.${issue.code}`, params };
  });
}

export type { OperationName };
