import type { Knex } from 'knex';
import { OperationError } from '../../src-core/contract/errors';
import { bucketsOf } from '../../src-core/sync/buckets';
import { isJournalBucket } from '../../src-core/sync/checksums';
import type { PullReply, PullRequest, WaitRequest } from '../../src-core/sync/protocol';
import { loadActor } from '../auth/actors';
import { verifyAccessToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { serverChecksums, snapshotChunk } from './snapshot';

type Page = Omit<PullReply, 'ok' | 'epoch'>;

/**
 * One page of a device's pull. Its buckets are the union of what its signed-in users may hold, computed now.
 * Buckets it does not hold yet come first, as snapshot chunks (its cursor waits meanwhile); then the log of its
 * buckets after its cursor, in the school's commit order. The cursor returned is the last commit it has seen.
 */
export async function pullChanges(ctx: ServerContext, req: PullRequest): Promise<Page> {
  const { schoolId, buckets } = await devicesBuckets(ctx, req);
  const allowed = [...buckets].sort();
  // A cursor of another epoch counts commits a restored server no longer has.
  if (req.epoch && req.epoch !== ctx.epoch) return { changes: [], cursor: 0, more: false, buckets: allowed, reset: true };
  const head = await headOf(ctx.db, schoolId);
  if (req.cursor > head) throw new OperationError('invalid_input', 'error.cursor_invalid');
  const resumed = req.snapshot ? req.snapshot.buckets.filter((b) => buckets.has(b)) : [];
  const fresh = resumed.length ? resumed : allowed.filter((b) => isJournalBucket(b) && !(req.have ?? []).includes(b));
  if (fresh.length) {
    const chunk = await snapshotChunk(ctx.db, schoolId, fresh, resumed.length ? req.snapshot!.after : null, ctx.snapshotChunkRows);
    return { changes: [], cursor: req.cursor, more: true, buckets: allowed, snapshot: { buckets: fresh, ...chunk } };
  }
  if (!req.verify) return logPage(ctx.db, schoolId, allowed, req, head);
  // The checksums must describe the state at the cursor: one consistent read for both.
  const isPg = ctx.db.client.config.client === 'pg';
  return ctx.db.transaction(async (trx) => {
    const page = await logPage(trx, schoolId, allowed, req, await headOf(trx, schoolId));
    return page.more ? page : { ...page, checksums: await serverChecksums(trx, schoolId, allowed) };
  }, isPg ? { isolationLevel: 'repeatable read' } : undefined);
}

async function devicesBuckets(ctx: ServerContext, req: Pick<PullRequest, 'auth' | 'deviceId'>): Promise<{ schoolId: string; buckets: Set<string> }> {
  const buckets = new Set<string>();
  let schoolId: string | null = null;
  for (const [userId, token] of Object.entries(req.auth)) {
    const claims = verifyAccessToken(ctx.secret, token, ctx.clock.now().getTime());
    if (!claims || claims.sub !== userId || claims.dev !== req.deviceId) throw new OperationError('unauthenticated');
    const actor = await loadActor(ctx.db, userId, req.deviceId);
    if (!actor) {
      // A disabled account holds nothing any more: the device is told its buckets without that user's.
      const user = await ctx.db('users').where({ id: userId }).first('school_id');
      if (schoolId && user && user.school_id !== schoolId) throw new OperationError('invalid_input', 'error.invalid_input');
      schoolId = user?.school_id ?? schoolId;
      continue;
    }
    if (schoolId && actor.schoolId !== schoolId) throw new OperationError('invalid_input', 'error.invalid_input');
    schoolId = actor.schoolId;
    for (const b of await bucketsOf(ctx.db, actor)) buckets.add(b);
  }
  if (!schoolId) throw new OperationError('unauthenticated');
  return { schoolId, buckets };
}

const headOf = async (db: Knex, schoolId: string) => Number((await db('school_sequences').where({ school_id: schoolId }).first())?.seq ?? 0);

async function logPage(db: Knex, schoolId: string, buckets: string[], req: PullRequest, head: number): Promise<Page> {
  if (!buckets.length) return { changes: [], cursor: head, more: false, buckets };
  const rows = await db('change_buckets as b')
    .join('change_log as c', (j) => j.on('c.school_id', 'b.school_id').andOn('c.seq', 'b.seq').andOn('c.table_name', 'b.table_name').andOn('c.row_id', 'b.row_id'))
    .where('b.school_id', schoolId).whereIn('b.bucket', buckets).where('b.seq', '>', req.cursor).where('b.seq', '<=', head)
    .distinct('c.seq', 'c.table_name', 'c.row_id', 'c.row')
    .orderBy([{ column: 'c.seq' }, { column: 'c.table_name' }, { column: 'c.row_id' }])
    .limit(req.limit + 1);
  const more = rows.length > req.limit;
  const page = rows.slice(0, req.limit);
  // A page never ends inside a commit: its cursor must not skip the rest of that commit's changes.
  const lastSeq = page.length ? Number(page.at(-1)!.seq) : head;
  const whole = more ? page.filter((r) => Number(r.seq) < lastSeq || page.every((p) => Number(p.seq) === lastSeq)) : page;
  return {
    changes: whole.map((r) => ({ seq: Number(r.seq), table: r.table_name, row: JSON.parse(r.row) })),
    cursor: more ? Number(whole.at(-1)?.seq ?? req.cursor) : head,
    more,
    buckets,
  };
}

/**
 * A device's long poll: answers as soon as one of its buckets has a change after its cursor (or its epoch is
 * not the server's), else after the timeout. The buckets are computed once, at the start.
 */
export async function waitForChanges(ctx: ServerContext, req: WaitRequest, closed: AbortSignal): Promise<boolean> {
  const { schoolId, buckets } = await devicesBuckets(ctx, req);
  if (req.epoch && req.epoch !== ctx.epoch) return true;
  const started = Date.now();
  for (;;) {
    const news = await ctx.db('change_buckets').where('school_id', schoolId).whereIn('bucket', [...buckets]).where('seq', '>', req.cursor).first('seq');
    if (news) return true;
    const left = req.timeoutMs - (Date.now() - started);
    if (left <= 0 || closed.aborted) return false;
    await ctx.commits.next(schoolId, Math.min(1000, left), closed);
  }
}
