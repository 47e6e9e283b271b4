import type { Knex } from 'knex';
import { bucketChecksums, bucketsOfRow, type JournalRowRef } from '../../src-core/sync/checksums';
import { JOURNAL_TABLES } from '../../src-core/sync/scope';
import { pendingTargets } from './outbox';

/**
 * The journal buckets whose checksum here differs from the server's. A row with a change waiting counts with the
 * server's version of it (its shadow), and not at all when the server does not have it yet.
 */
export async function findDrift(db: Knex, server: Record<string, number>): Promise<string[]> {
  const rows: JournalRowRef[] = [];
  const shadows = new Map<string, Record<string, unknown> | null>();
  for (const s of await db('shadow_rows').select('table_name', 'row_id', 'row')) shadows.set(`${s.table_name}:${s.row_id}`, s.row ? JSON.parse(s.row) : null);
  const pending = await pendingTargets(db);
  for (const table of JOURNAL_TABLES) {
    for (const r of await db(`${table} as j`).leftJoin('lessons as l', 'l.id', 'j.lesson_id').select('j.id', 'j.row_version', 'j.student_id', 'l.class_id')) {
      const key = `${table}:${r.id}`;
      if (!pending.has(key) || !shadows.has(key)) rows.push({ table, ...r });
      else if (shadows.get(key)) rows.push({ table, ...r, row_version: Number(shadows.get(key)!.row_version) });
    }
  }
  const mine = bucketChecksums(rows, Object.keys(server));
  return Object.keys(server).filter((b) => mine[b] !== server[b]).sort();
}

/** Forgets the buckets' rows (changes waiting stay) so that the next pull brings them whole again. */
export async function forgetBuckets(db: Knex, buckets: string[]): Promise<void> {
  const drop = new Set(buckets);
  await db.transaction(async (trx) => {
    const pending = await pendingTargets(trx);
    for (const table of JOURNAL_TABLES) {
      const rows = await trx(`${table} as j`).leftJoin('lessons as l', 'l.id', 'j.lesson_id').select('j.id', 'j.student_id', 'l.class_id');
      const gone = rows.filter((r) => !pending.has(`${table}:${r.id}`) && bucketsOfRow(r).some((b) => drop.has(b))).map((r) => r.id);
      for (let i = 0; i < gone.length; i += 500) await trx(table).whereIn('id', gone.slice(i, i + 500)).delete();
    }
    const held = JSON.parse((await trx('client_meta').where({ key: 'buckets' }).first())?.value ?? '[]') as string[];
    await trx('client_meta').insert({ key: 'buckets', value: JSON.stringify(held.filter((b) => !drop.has(b))) }).onConflict('key').merge();
  });
}
