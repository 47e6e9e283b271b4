import type { Knex } from 'knex';
import type { Actor } from '../../src-core/auth/actor';
import { OperationError } from '../../src-core/contract/errors';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { operations } from '../../src-core/contract/operations';
import { mutationTargets } from '../../src-core/sync/targets';
import type { Clock } from '../../src-core/util/clock';
import { recordMutation } from './outbox';

/**
 * sync.resolve: the user decides one of their changes the server did not apply. A conflict is settled by keeping
 * their value (sent again, over the server's version this computer now holds) or by taking the server's; a refused
 * change is put aside. Nothing is ever overwritten without that decision.
 */
export async function resolveProblem(db: Knex, clock: Clock, actor: Actor, rawInput: unknown): Promise<OutputOf<'sync.resolve'>> {
  const parsed = operations['sync.resolve'].input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input');
  const { mutationId, choice } = parsed.data as InputOf<'sync.resolve'>;
  return db.transaction(async (trx) => {
    const row = await trx('outbox').where({ mutation_id: mutationId, user_id: actor.userId }).whereIn('status', ['rejected', 'conflict'])
      .whereNull('resolved_at').first();
    if (!row) throw new OperationError('not_found', 'error.sync_problem_not_found');
    if ((row.status === 'conflict') === (choice === 'dismiss')) throw new OperationError('invalid_input', 'error.sync_choice_invalid');
    if (choice === 'keepMine') {
      const args = JSON.parse(row.args) as Record<string, unknown>;
      await recordMutation(trx, clock, actor, row.name as OperationName, { ...args, baseVersion: await serverVersion(trx, row.name, args) });
    }
    await trx('outbox').where({ mutation_id: mutationId }).update({ resolution: choice, resolved_at: clock.now().toISOString() });
    return { mutationId, resolution: choice };
  });
}

/** The version of the cell the server last sent to this computer: what "keep mine" now builds on. */
async function serverVersion(trx: Knex.Transaction, name: string, args: Record<string, unknown>): Promise<number> {
  const target = mutationTargets(name, args)[0];
  if (!target) return 0;
  const shadow = await trx('shadow_rows').where({ table_name: target.table, row_id: target.id }).first();
  const row = shadow ? (shadow.row ? JSON.parse(shadow.row) : null) : await trx(target.table).where({ id: target.id }).first();
  return Number(row?.row_version ?? 0);
}
