import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';
import type { Clock } from '../util/clock';

/**
 * The next value of a school's commit-ordered sequence, taken inside the writing transaction (the row lock on
 * school_sequences orders concurrent writers). Only the server keeps the sequence; the replica writes 0.
 */
export async function nextSchoolSeq(trx: Knex.Transaction | Knex, schoolId: string, host: 'server' | 'replica'): Promise<number> {
  if (host !== 'server') return 0;
  const updated = await trx('school_sequences').where({ school_id: schoolId }).increment('seq', 1);
  if (!updated) await trx('school_sequences').insert({ school_id: schoolId, seq: 1 });
  const row = await trx('school_sequences').where({ school_id: schoolId }).first('seq');
  return Number(row.seq);
}

/** The sync columns of an update: a new row version, the commit sequence, who, where and when. */
export async function touchColumns(
  trx: Knex.Transaction | Knex, actor: Actor, clock: Clock, host: 'server' | 'replica', rowVersion: number,
) {
  return {
    row_version: rowVersion + 1,
    last_seq: await nextSchoolSeq(trx, actor.schoolId, host),
    updated_at: clock.now().toISOString(),
    updated_by: actor.userId,
    updated_device: actor.deviceId,
  };
}
