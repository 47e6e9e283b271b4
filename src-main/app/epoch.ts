import type { Knex } from 'knex';
import { JOURNAL_TABLES } from '../../src-core/sync/scope';
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
    for (const table of JOURNAL_TABLES) {
      const ids = (await trx(table).pluck('id')).filter((id: string) => !keep.has(`${table}:${id}`));
      for (let i = 0; i < ids.length; i += 500) await trx(table).whereIn('id', ids.slice(i, i + 500)).delete();
    }
    // A row with a change waiting keeps the teacher's value, but its version and the server's row behind it are
    // the old epoch's: version 0 lets the restored server's row in, and no shadow means the row leaves with the
    // answer unless the server has it (a change it now refuses must not stay here).
    await trx('shadow_rows').whereIn('table_name', JOURNAL_TABLES).delete();
    for (const key of keep) {
      const [table, id] = key.split(':') as [string, string];
      if (!(JOURNAL_TABLES as readonly string[]).includes(table)) continue;
      await trx(table).where({ id }).update({ row_version: 0 });
      await trx('shadow_rows').insert({ table_name: table, row_id: id, row: null });
    }
    await trx('client_meta').insert({ key: 'cursor', value: '0' }).onConflict('key').merge();
    await trx('client_meta').insert({ key: 'buckets', value: '[]' }).onConflict('key').merge();
    return true;
  });
}
