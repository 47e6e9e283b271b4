import type { Knex } from 'knex';

/**
 * What a command's transaction tells the sync protocol. On the server, every command takes one value of the
 * school's commit-ordered sequence and writes each changed row, with its buckets, to the change log. On a
 * replica nothing is logged: the outbox carries the intent instead.
 */
export interface ChangeRecorder {
  seq(): Promise<number>;
  record(table: string, row: Record<string, unknown>, buckets: string[]): Promise<void>;
}

export const replicaRecorder: ChangeRecorder = { seq: async () => 0, record: async () => undefined };

export function serverRecorder(trx: Knex.Transaction, schoolId: string, mutationId: string | null): ChangeRecorder {
  let taken: number | null = null;
  const seq = async () => {
    if (taken !== null) return taken;
    // The row lock taken by the update orders concurrent writers of one school; the insert that may come first
    // waits for a concurrent one instead of failing.
    await trx('school_sequences').insert({ school_id: schoolId, seq: 0 }).onConflict('school_id').ignore();
    await trx('school_sequences').where({ school_id: schoolId }).increment('seq', 1);
    taken = Number((await trx('school_sequences').where({ school_id: schoolId }).first('seq')).seq);
    return taken;
  };
  return {
    seq,
    async record(table, row, buckets) {
      const at = { school_id: schoolId, seq: await seq(), table_name: table, row_id: String(row.id) };
      await trx('change_log').insert({ ...at, row: JSON.stringify(row), mutation_id: mutationId });
      await trx('change_buckets').insert(buckets.map((bucket) => ({ ...at, bucket })));
    },
  };
}
