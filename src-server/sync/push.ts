import type { Knex } from 'knex';
import type { Actor } from '../../src-core/auth/actor';
import { checkAccess, fieldErrors, runHandler } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError } from '../../src-core/contract/errors';
import { isOperationName, operations } from '../../src-core/contract/operations';
import { serverRecorder } from '../../src-core/sync/changes';
import type { MutationResult, Outcome, PushMutation, PushRequest } from '../../src-core/sync/protocol';
import { loadActor } from '../auth/actors';
import { verifyAccessToken } from '../auth/tokens';
import type { ServerContext } from '../context';

/**
 * Applies a device's mutations in device order, each in its own transaction with its applied_mutations record:
 * a duplicate gets the stored reply again, a gap asks for a resend, and the acting user is authorised at apply
 * time. A mutation that fails is recorded as rejected (or conflict) so that it can never wedge the queue.
 */
export async function applyPush(ctx: ServerContext, req: PushRequest): Promise<MutationResult[]> {
  const device = await ctx.db('devices').where({ id: req.deviceId }).first();
  if (!device || device.blocked_at) throw new OperationError('forbidden', 'error.device_unknown');
  let lastSeq = await lastDeviceSeq(ctx.db, req.deviceId);
  const results: MutationResult[] = [];
  for (const m of req.mutations) {
    const stored = await ctx.db('applied_mutations').where({ mutation_id: m.mutationId }).first();
    if (stored) {
      const same = stored.device_id === req.deviceId && Number(stored.device_seq) === m.deviceSeq;
      results.push(same
        ? { mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome: stored.outcome as Outcome, reply: JSON.parse(stored.reply) }
        : rejectedNow(m, new OperationError('invalid_input', 'error.mutation_reused')));
      continue;
    }
    if (m.deviceSeq <= lastSeq) {
      results.push(rejectedNow(m, new OperationError('invalid_input', 'error.mutation_reused')));
      continue;
    }
    if (m.deviceSeq > lastSeq + 1) {
      results.push({ mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome: 'resend', reason: 'gap', expectedSeq: lastSeq + 1 });
      break;
    }
    const token = req.auth[m.userId];
    const claims = token ? verifyAccessToken(ctx.secret, token, ctx.clock.now().getTime()) : null;
    if (!claims || claims.sub !== m.userId || claims.dev !== req.deviceId) {
      results.push({ mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome: 'resend', reason: 'auth_required', expectedSeq: m.deviceSeq });
      break;
    }
    const actor = await loadActor(ctx.db, m.userId, req.deviceId);
    results.push(m.replay ? await recordReplay(ctx, req.deviceId, m, actor) : await applyOne(ctx, req.deviceId, m, actor));
    lastSeq = m.deviceSeq;
  }
  if (results.some((r) => r.outcome === 'applied')) ctx.commits.announce(device.school_id);
  return results;
}

async function lastDeviceSeq(db: Knex, deviceId: string): Promise<number> {
  const row = await db('applied_mutations').where({ device_id: deviceId }).max({ seq: 'device_seq' }).first();
  return Number(row?.seq ?? 0);
}

const rejectedNow = (m: PushMutation, err: OperationError): MutationResult =>
  ({ mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome: 'rejected', reply: errorResponse(err, 'kk').body });

// Two devices writing the same new cell at once: the loser's insert fails on the unique key (or PostgreSQL
// aborts it as a serialization failure or deadlock). Run it again: it then sees the winner's row.
const RETRYABLE = new Set(['23505', '40001', '40P01', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

async function applyOne(ctx: ServerContext, deviceId: string, m: PushMutation, actor: Actor | null): Promise<MutationResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(ctx, deviceId, m, actor);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 3 || !code || !RETRYABLE.has(code)) throw err;
    }
  }
}

/** Validates and authorises one mutation for its acting user, runs it, and records the outcome with it. */
async function applyOnce(ctx: ServerContext, deviceId: string, m: PushMutation, actor: Actor | null): Promise<MutationResult> {
  return ctx.db.transaction(async (trx) => {
    let outcome: Outcome = 'applied';
    let reply: unknown;
    try {
      const input = checkMutation(m, actor);
      // A savepoint: a mutation that fails leaves nothing behind but its applied_mutations record.
      const result = await trx.transaction((inner) => runHandler(m.name as never,
        { db: inner, actor, clock: ctx.clock, host: 'server', changes: serverRecorder(inner, actor!.schoolId, m.mutationId) }, input));
      reply = { ok: true, result: operations[m.name as keyof typeof operations].output.parse(result) };
    } catch (err) {
      // Only the mutation's own fault is recorded; a database failure aborts the push and the device retries.
      if (!(err instanceof OperationError)) throw err;
      outcome = err.code === 'conflict' ? 'conflict' : 'rejected';
      reply = errorResponse(err, 'kk').body;
    }
    const seqRow = await trx('change_log').where({ mutation_id: m.mutationId }).max({ seq: 'seq' }).first();
    await trx('applied_mutations').insert({
      mutation_id: m.mutationId, school_id: actor?.schoolId ?? '', device_id: deviceId, device_seq: m.deviceSeq,
      user_id: m.userId, name: m.name.slice(0, 60), outcome, reply: JSON.stringify(reply),
      seq: seqRow?.seq ?? null, applied_at: ctx.clock.now().toISOString(),
    });
    return { mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome, reply };
  });
}

/** A change the old epoch refused or found in conflict, sent again after a restore: its outcome is kept, not rerun. */
async function recordReplay(ctx: ServerContext, deviceId: string, m: PushMutation, actor: Actor | null): Promise<MutationResult> {
  const outcome = m.replay!;
  const reply = errorResponse(new OperationError(outcome === 'conflict' ? 'conflict' : 'invalid_input', 'error.outcome_replayed'), 'kk').body;
  await ctx.db('applied_mutations').insert({
    mutation_id: m.mutationId, school_id: actor?.schoolId ?? '', device_id: deviceId, device_seq: m.deviceSeq,
    user_id: m.userId, name: m.name.slice(0, 60), outcome, reply: JSON.stringify(reply), seq: null, applied_at: ctx.clock.now().toISOString(),
  });
  return { mutationId: m.mutationId, deviceSeq: m.deviceSeq, outcome, reply };
}

function checkMutation(m: PushMutation, actor: Actor | null): unknown {
  if (!actor) throw new OperationError('forbidden', 'error.account_disabled');
  if (!isOperationName(m.name) || operations[m.name].kind !== 'command' || 'device' in operations[m.name]) {
    throw new OperationError('unknown_operation', 'error.unknown_operation', { name: m.name.slice(0, 60) });
  }
  const op = operations[m.name];
  checkAccess(op.access, actor);
  const parsed = op.input.safeParse(m.args ?? {});
  if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
  return parsed.data;
}
