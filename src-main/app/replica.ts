import type { Knex } from 'knex';
import { SNAPSHOT_TABLES, type Snapshot } from '../../src-core/sync/scope';
import { pendingTargets } from './outbox';

/**
 * Writes a snapshot of a user's scope into the replica: rows are upserted by id, so that what several users of
 * one computer hold adds up (the server's rows as they are now: after a restore, its older versions win). A row
 * with a change of this computer still waiting keeps what the teacher wrote, and the snapshot's row becomes its
 * shadow (the server's version), as in a pull: another user signing in mid-lesson never undoes the teacher's
 * change on screen. One transaction: a half-written snapshot never shows.
 */
export async function applySnapshot(db: Knex, snapshot: Snapshot): Promise<number> {
  let written = 0;
  await db.transaction(async (trx) => {
    const pending = await pendingTargets(trx);
    for (const table of SNAPSHOT_TABLES) {
      const all = snapshot[table];
      if (!all?.length) continue;
      const rows: typeof all = [];
      for (const row of all) {
        if (!pending.has(`${table}:${String(row.id)}`)) rows.push(row);
        else {
          await trx('shadow_rows').insert({ table_name: table, row_id: String(row.id), row: JSON.stringify(row) })
            .onConflict(['table_name', 'row_id']).merge();
        }
      }
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]!).length;
      // knex compiles a multi-row SQLite insert to a compound SELECT, which SQLite caps at 500 terms.
      const chunk = Math.max(1, Math.min(400, Math.floor(30_000 / columns)));
      for (let i = 0; i < rows.length; i += chunk) {
        await trx(table).insert(rows.slice(i, i + chunk)).onConflict('id').merge();
      }
      written += all.length;
    }
  });
  return written;
}

export async function clientMeta(db: Knex, key: string): Promise<string | null> {
  const row = await db('client_meta').where({ key }).first();
  return row ? String(row.value) : null;
}

export async function setClientMeta(db: Knex, key: string, value: string): Promise<void> {
  await db('client_meta').insert({ key, value }).onConflict('key').merge();
}
