import { OperationError } from '../../src-core/contract/errors';
import { bucketsOf } from '../../src-core/sync/buckets';
import type { PulledChange, PullReply, PullRequest } from '../../src-core/sync/protocol';
import { loadActor } from '../auth/actors';
import { verifyAccessToken } from '../auth/tokens';
import type { ServerContext } from '../context';

/**
 * The changes of a device's buckets after its cursor, in the school's commit order. The buckets are the union
 * of what its signed-in users may hold, computed now. The cursor returned is the last commit the device has seen.
 */
export async function pullChanges(ctx: ServerContext, req: PullRequest): Promise<Omit<PullReply, 'ok' | 'epoch'>> {
  const buckets = new Set<string>();
  let schoolId: string | null = null;
  for (const [userId, token] of Object.entries(req.auth)) {
    const claims = verifyAccessToken(ctx.secret, token, ctx.clock.now().getTime());
    if (!claims || claims.sub !== userId || claims.dev !== req.deviceId) throw new OperationError('unauthenticated');
    const actor = await loadActor(ctx.db, userId, req.deviceId);
    if (!actor) continue;
    if (schoolId && actor.schoolId !== schoolId) throw new OperationError('invalid_input', 'error.invalid_input');
    schoolId = actor.schoolId;
    for (const b of await bucketsOf(ctx.db, actor)) buckets.add(b);
  }
  if (!schoolId) throw new OperationError('unauthenticated');
  // A cursor of another epoch counts commits a restored server no longer has.
  if (req.epoch && req.epoch !== ctx.epoch) return { changes: [], cursor: 0, more: false, buckets: [...buckets].sort(), reset: true };
  const head = Number((await ctx.db('school_sequences').where({ school_id: schoolId }).first())?.seq ?? 0);
  if (req.cursor > head) throw new OperationError('invalid_input', 'error.cursor_invalid');
  if (!buckets.size) return { changes: [], cursor: head, more: false, buckets: [] };
  const fresh = req.have ? [...buckets].filter((b) => !req.have!.includes(b)) : [];
  const snapshot = fresh.length ? await bucketSnapshot(ctx, schoolId, new Set(fresh), head) : [];
  const rows = await ctx.db('change_buckets as b')
    .join('change_log as c', (j) => j.on('c.school_id', 'b.school_id').andOn('c.seq', 'b.seq').andOn('c.table_name', 'b.table_name').andOn('c.row_id', 'b.row_id'))
    .where('b.school_id', schoolId).whereIn('b.bucket', [...buckets]).where('b.seq', '>', req.cursor)
    .distinct('c.seq', 'c.table_name', 'c.row_id', 'c.row')
    .orderBy([{ column: 'c.seq' }, { column: 'c.table_name' }, { column: 'c.row_id' }])
    .limit(req.limit + 1);
  const more = rows.length > req.limit;
  const page = rows.slice(0, req.limit);
  // A page never ends inside a commit: its cursor must not skip the rest of that commit's changes.
  const lastSeq = page.length ? Number(page.at(-1)!.seq) : head;
  const whole = more ? page.filter((r) => Number(r.seq) < lastSeq || page.every((p) => Number(p.seq) === lastSeq)) : page;
  return {
    changes: [...snapshot, ...whole.map((r) => ({ seq: Number(r.seq), table: r.table_name, row: JSON.parse(r.row) }))],
    cursor: more ? Number(whole.at(-1)?.seq ?? req.cursor) : head,
    more,
    buckets: [...buckets].sort(),
  };
}

/** Every current journal row of buckets the device did not hold: a role given back, a child newly linked. */
async function bucketSnapshot(ctx: ServerContext, schoolId: string, fresh: Set<string>, head: number): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  for (const table of ['marks', 'attendance'] as const) {
    const rows = await ctx.db(`${table} as j`).join('lessons as l', 'l.id', 'j.lesson_id')
      .where('j.school_id', schoolId).select('j.*', 'l.class_id as bucket_class_id');
    for (const { bucket_class_id: classId, ...row } of rows) {
      if (fresh.has(`class:${classId}:journal`) || fresh.has(`student:${row.student_id}`)) out.push({ seq: head, table, row });
    }
  }
  return out;
}
