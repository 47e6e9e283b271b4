import type { Knex } from 'knex';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullReply } from '../../src-core/sync/protocol';
import { SNAPSHOT_TABLES } from '../../src-core/sync/scope';
import { adoptEpoch } from './epoch';
import { pendingTargets } from './outbox';
import { clientMeta } from './replica';
import type { ServerLink } from './server-link';

export interface PullDeps {
  db: Knex;
  link: ServerLink;
  deviceId: string;
  /** Access tokens of the users whose data this computer holds (`renew`: the server refused the last ones). */
  tokens(renew?: boolean): Promise<Record<string, string>>;
}

const TABLES = new Set<string>(SNAPSHOT_TABLES);

/**
 * Pulls the changes of this computer's buckets page by page. Each page is written with its cursor in one
 * transaction; a row with a change still waiting in the outbox keeps the teacher's value on screen and the
 * server's version in shadow_rows until the server has answered for the change.
 */
export async function pullChanges(deps: PullDeps): Promise<{ pages: number; changes: number; newEpoch: boolean }> {
  let auth = await deps.tokens();
  if (!Object.keys(auth).length) return { pages: 0, changes: 0, newEpoch: false };
  let renewed = false;
  let newEpoch = false;
  let pages = 0;
  let changes = 0;
  for (;;) {
    const cursor = Number((await clientMeta(deps.db, 'cursor')) ?? 0);
    const held = await clientMeta(deps.db, 'buckets');
    const have = held === null ? undefined : (JSON.parse(held) as string[]);
    const epoch = (await clientMeta(deps.db, 'epoch')) ?? undefined;
    const reply = await deps.link.pull({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId: deps.deviceId, auth, cursor, epoch, have, limit: 1000 });
    if (!reply.ok && reply.error.code === 'unauthenticated' && !renewed) {
      renewed = true;
      auth = await deps.tokens(true);
      continue;
    }
    if (!reply.ok) throw new Error(`pull refused: ${reply.error.code}`);
    const page = reply as PullReply;
    // A restored server: the journal is read again from its beginning (src-main/app/epoch.ts).
    if (await adoptEpoch(deps.db, page.epoch)) {
      newEpoch = true;
      continue;
    }
    if (page.reset) throw new Error('pull: the server asked for a reset without a new epoch');
    await deps.db.transaction(async (trx) => {
      const pending = await pendingTargets(trx);
      for (const change of page.changes) {
        if (!TABLES.has(change.table)) continue;
        if (pending.has(`${change.table}:${change.row.id}`)) {
          // The teacher's waiting change stays on screen; the server's row waits beside it.
          await trx('shadow_rows').insert({ table_name: change.table, row_id: String(change.row.id), row: JSON.stringify(change.row) })
            .onConflict(['table_name', 'row_id']).merge();
        } else {
          await trx(change.table).insert(change.row).onConflict('id').merge();
        }
      }
      await trx('client_meta').insert({ key: 'cursor', value: String(page.cursor) }).onConflict('key').merge();
      await trx('client_meta').insert({ key: 'buckets', value: JSON.stringify(page.buckets) }).onConflict('key').merge();
      if (!page.more) await purgeRevoked(trx, new Set(page.buckets));
    });
    pages += 1;
    changes += page.changes.length;
    if (!page.more) return { pages, changes, newEpoch };
  }
}

/**
 * Journal rows this computer may no longer hold (a role removed, a child moved to another school) are deleted:
 * a row stays only when one of its buckets is still the device's.
 */
async function purgeRevoked(trx: Knex.Transaction, buckets: Set<string>): Promise<void> {
  for (const table of ['marks', 'attendance'] as const) {
    const rows = await trx(`${table} as j`).leftJoin('lessons as l', 'l.id', 'j.lesson_id').select('j.id', 'j.student_id', 'l.class_id');
    const gone = rows.filter((r) => !buckets.has(`student:${r.student_id}`) && !(r.class_id && buckets.has(`class:${r.class_id}:journal`)));
    for (let i = 0; i < gone.length; i += 500) await trx(table).whereIn('id', gone.slice(i, i + 500).map((r) => r.id)).delete();
  }
}
