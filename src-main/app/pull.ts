import type { Knex } from 'knex';
import type { ErrorBody } from '../../src-core/contract/errors';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullReply, type PullRequest, type SnapshotCursor } from '../../src-core/sync/protocol';
import { decodeRows } from '../../src-core/sync/compact';
import { JOURNAL_TABLES, SNAPSHOT_TABLES } from '../../src-core/sync/scope';
import { adoptEpoch } from './epoch';
import { pendingTargets } from './outbox';
import { clientMeta } from './replica';
import type { ServerLink } from './server-link';
import { findDrift, forgetBuckets } from './verify';

export interface PullDeps {
  db: Knex;
  link: ServerLink;
  deviceId: string;
  /** Access tokens of the users whose data this computer holds (`renew`: the server refused the last ones). */
  tokens(renew?: boolean): Promise<Record<string, string>>;
  /** Ask the server for its bucket checksums with this pull's last page. */
  verify?: boolean;
}

const TABLES = new Set<string>(SNAPSHOT_TABLES);
const setMeta = (trx: Knex.Transaction, key: string, value: string) => trx('client_meta').insert({ key, value }).onConflict('key').merge();

/**
 * Pulls this computer's buckets page by page: snapshot chunks of buckets it newly holds, then the log. Each page
 * is written with its cursor (or the snapshot's progress) in one transaction, so a pull cut off anywhere resumes
 * where it stopped. A row with a change still waiting in the outbox keeps the teacher's value on screen and the
 * server's version in shadow_rows until the server has answered for the change. A row never goes back to an older
 * version. With `verify`, the last page's checksums are compared and a drifted bucket is read again.
 */
export async function pullChanges(deps: PullDeps): Promise<{ pages: number; changes: number; newEpoch: boolean; drifted: string[] }> {
  let auth = await deps.tokens();
  const out = { pages: 0, changes: 0, newEpoch: false, drifted: [] as string[] };
  if (!Object.keys(auth).length) {
    // The server answered, and nobody who signed in here may hold anything now (accounts disabled, sessions
    // revoked): the journal leaves this computer until somebody signs in again.
    if (await deps.db('local_accounts').first('user_id')) {
      await deps.db.transaction(async (trx) => {
        await purgeRevoked(trx, new Set());
        await setMeta(trx, 'buckets', '[]'); // read whole again when somebody may hold them
      });
    }
    return out;
  }
  let renewed = false;
  let verify = deps.verify ?? false;
  // The next snapshot chunk, asked for while the one before it is written (see `prefetch`).
  let ahead: Prefetched | null = null;
  for (;;) {
    const cursor = Number((await clientMeta(deps.db, 'cursor')) ?? 0);
    const have = JSON.parse((await clientMeta(deps.db, 'buckets')) ?? '[]') as string[];
    const progress = await clientMeta(deps.db, 'snapshot');
    const snapshot = progress ? (JSON.parse(progress) as { buckets: string[]; after: SnapshotCursor }) : undefined;
    const epoch = (await clientMeta(deps.db, 'epoch')) ?? undefined;
    const request: PullRequest = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, deviceId: deps.deviceId, auth, cursor, epoch, have, snapshot, verify, limit: 1000 };
    // A reply asked for ahead is used only when it answers exactly what this computer, as committed now, asks.
    const reply = ahead && ahead.key === JSON.stringify(request) ? await ahead.reply : await deps.link.pull(request);
    ahead = null;
    if (!reply.ok && reply.error.code === 'unauthenticated' && !renewed) {
      renewed = true;
      auth = await deps.tokens(true);
      continue;
    }
    if (!reply.ok) throw new Error(`pull refused: ${reply.error.code}`);
    const page = reply as PullReply;
    // A restored server: the journal is read again from its beginning (src-main/app/epoch.ts).
    if (await adoptEpoch(deps.db, page.epoch)) {
      out.newEpoch = true;
      continue;
    }
    if (page.reset) throw new Error('pull: the server asked for a reset without a new epoch');
    // A chunk with a next one: the next request depends only on the progress this chunk commits, so it leaves
    // now and its reply waits until this chunk is in. If the write fails, the reply is dropped unread.
    const next = page.snapshot?.next;
    const following = next ? prefetch(deps.link, { ...request, snapshot: { buckets: page.snapshot!.buckets, after: next } }) : null;
    await deps.db.transaction(async (trx) => {
      const pending = await pendingTargets(trx);
      const rows = page.snapshot
        ? page.snapshot.tables.flatMap((t) => decodeRows(t).map((row) => ({ table: t.table, row })))
        : page.changes;
      await writeRows(trx, pending, rows.filter((r) => TABLES.has(r.table)));
      if (page.snapshot) {
        const { buckets, next } = page.snapshot;
        if (next) await setMeta(trx, 'snapshot', JSON.stringify({ buckets, after: next }));
        else {
          await trx('client_meta').where({ key: 'snapshot' }).delete();
          await setMeta(trx, 'buckets', JSON.stringify([...new Set([...have, ...buckets])].sort()));
        }
      } else {
        await setMeta(trx, 'cursor', String(page.cursor));
        await setMeta(trx, 'buckets', JSON.stringify(page.buckets));
        // Rows leave only when a bucket did (or at a verification): no scan of the journal at every idle pull.
        const changed = page.buckets.length !== have.length || page.buckets.some((b) => !have.includes(b));
        if (!page.more && (changed || verify)) await purgeRevoked(trx, new Set(page.buckets));
      }
      out.changes += rows.length;
    });
    ahead = following;
    out.pages += 1;
    if (page.checksums) {
      const drifted = await findDrift(deps.db, page.checksums);
      if (drifted.length) {
        // Read the drifted buckets again whole, then the log (no second verification in this pull).
        await forgetBuckets(deps.db, drifted);
        out.drifted.push(...drifted);
        verify = false;
        continue;
      }
    }
    if (!page.more) return out;
  }
}

interface Prefetched { key: string; reply: Promise<PullReply | ErrorBody> }

/** Sends a pull now; its failure is kept for whoever reads the reply (or for nobody, when it is dropped). */
function prefetch(link: ServerLink, request: PullRequest): Prefetched {
  const reply = link.pull(request);
  reply.catch(() => undefined);
  return { key: JSON.stringify(request), reply };
}

/**
 * Upserts the rows the server sent, many at a time, except that a row with a change waiting keeps the teacher's
 * value (the server's row becomes its shadow) and a row never goes back to an older version.
 */
async function writeRows(trx: Knex.Transaction, pending: Set<string>, rows: { table: string; row: Record<string, unknown> }[]) {
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const { table, row } of rows) {
    if (pending.has(`${table}:${row.id}`)) {
      await trx('shadow_rows').insert({ table_name: table, row_id: String(row.id), row: JSON.stringify(row) })
        .onConflict(['table_name', 'row_id']).merge();
      continue;
    }
    // The log may carry several versions of one row in a page: the last one stays.
    const same = byTable.get(table) ?? byTable.set(table, []).get(table)!;
    same.push(row);
  }
  for (const [table, list] of byTable) {
    const latest = [...new Map(list.map((r) => [String(r.id), r])).values()];
    // Rows of one table with the same columns go together (a log page may carry rows written before a column
    // was added), up to 400 rows a statement (knex makes a compound SELECT of them, which SQLite caps at 500).
    const shapes = new Map<string, Record<string, unknown>[]>();
    for (const row of latest) {
      const key = Object.keys(row).join(',');
      (shapes.get(key) ?? shapes.set(key, []).get(key)!).push(row);
    }
    for (const [key, same] of shapes) {
      const columns = key.split(',');
      const size = Math.max(1, Math.min(400, Math.floor(MAX_VARIABLES / columns.length)));
      for (let i = 0; i < same.length; i += size) {
        await trx(table).insert(same.slice(i, i + size)).onConflict('id').merge().whereRaw('?? <= excluded.row_version', [`${table}.row_version`]);
      }
    }
  }
}

/** Bound values of one statement: the SQLite of better-sqlite3 allows 32,766. */
const MAX_VARIABLES = 30_000;

/**
 * Journal rows this computer may no longer hold (a role removed, a child moved to another school) are deleted:
 * a row stays only when one of its buckets is still the device's.
 */
async function purgeRevoked(trx: Knex.Transaction, buckets: Set<string>): Promise<void> {
  for (const table of JOURNAL_TABLES) {
    const rows = await trx(`${table} as j`).leftJoin('lessons as l', 'l.id', 'j.lesson_id').select('j.id', 'j.student_id', 'l.class_id');
    const gone = rows.filter((r) => !buckets.has(`student:${r.student_id}`) && !(r.class_id && buckets.has(`class:${r.class_id}:journal`)));
    for (let i = 0; i < gone.length; i += 500) {
      const ids = gone.slice(i, i + 500).map((r) => r.id);
      await trx(table).whereIn('id', ids).delete();
      // Nor may the server's version of the row come back when a change waiting on it is answered.
      await trx('shadow_rows').where({ table_name: table }).whereIn('row_id', ids).delete();
    }
  }
}
