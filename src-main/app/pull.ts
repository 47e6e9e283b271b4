import type { Knex } from 'knex';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullReply } from '../../src-core/sync/protocol';
import { SNAPSHOT_TABLES } from '../../src-core/sync/scope';
import { clientMeta } from './replica';
import type { ServerLink } from './server-link';

export interface PullDeps {
  db: Knex;
  link: ServerLink;
  deviceId: string;
  /** Access tokens of the users whose data this computer holds. */
  tokens(): Promise<Record<string, string>>;
}

const TABLES = new Set<string>(SNAPSHOT_TABLES);

/**
 * Pulls the changes of this computer's buckets page by page. Each page is written with its cursor in one
 * transaction; a row with a change still waiting in the outbox keeps the local value until the server has
 * answered for it.
 */
export async function pullChanges(deps: PullDeps): Promise<{ pages: number; changes: number }> {
  const auth = await deps.tokens();
  if (!Object.keys(auth).length) return { pages: 0, changes: 0 };
  let pages = 0;
  let changes = 0;
  for (;;) {
    const cursor = Number((await clientMeta(deps.db, 'cursor')) ?? 0);
    const reply = await deps.link.pull({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId: deps.deviceId, auth, cursor, limit: 1000 });
    if (!reply.ok) throw new Error(`pull refused: ${reply.error.code}`);
    const page = reply as PullReply;
    await deps.db.transaction(async (trx) => {
      const pending = new Set<string>();
      for (const r of await trx('outbox').where({ status: 'pending' }).pluck('base_versions')) {
        for (const key of Object.keys(JSON.parse(r) as Record<string, number>)) pending.add(key);
      }
      for (const change of page.changes) {
        if (!TABLES.has(change.table) || pending.has(`${change.table}:${change.row.id}`)) continue;
        await trx(change.table).insert(change.row).onConflict('id').merge();
      }
      await trx('client_meta').insert({ key: 'cursor', value: String(page.cursor) }).onConflict('key').merge();
    });
    pages += 1;
    changes += page.changes.length;
    if (!page.more) return { pages, changes };
  }
}
