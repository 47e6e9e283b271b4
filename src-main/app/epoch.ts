import type { Knex } from 'knex';
import { pendingTargets } from './outbox';

/**
 * The server's epoch as this computer last heard it. A new one means the server was restored from a backup and
 * may have forgotten what it acknowledged since: in one transaction the changes it applied are queued again, the
 * ones it refused or found in conflict are queued to be recorded again (with their outcome), and the journal is
 * read from the beginning (every bucket anew). Returns whether the epoch changed.
 */
export async function adoptEpoch(db: Knex, epoch: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const known = await trx('client_meta').where({ key: 'epoch' }).first();
    if (known?.value === epoch) return false;
    await trx('client_meta').insert({ key: 'epoch', value: epoch }).onConflict('key').merge();
    if (!known) return false;
    await trx('outbox').where({ status: 'applied' }).update({ status: 'pending', epoch: null });
    await trx('outbox').whereIn('status', ['rejected', 'conflict']).update({ epoch: null });
    const keep = await pendingTargets(trx);
    for (const table of ['marks', 'attendance'] as const) {
      const ids = (await trx(table).pluck('id')).filter((id: string) => !keep.has(`${table}:${id}`));
      for (let i = 0; i < ids.length; i += 500) await trx(table).whereIn('id', ids.slice(i, i + 500)).delete();
    }
    await trx('client_meta').insert({ key: 'cursor', value: '0' }).onConflict('key').merge();
    await trx('client_meta').insert({ key: 'buckets', value: '[]' }).onConflict('key').merge();
    return true;
  });
}
