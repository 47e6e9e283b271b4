import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../src-core/auth/actor';
import { checkAccess, fieldErrors, runHandler } from '../../src-core/contract/call';
import { OperationError } from '../../src-core/contract/errors';
import { operations, type OperationName } from '../../src-core/contract/operations';
import { replicaRecorder } from '../../src-core/sync/changes';
import { JOURNAL_TABLES } from '../../src-core/sync/scope';
import type { MutationResult, PushMutation } from '../../src-core/sync/protocol';
import { mutationTargets } from '../../src-core/sync/targets';
import type { Clock } from '../../src-core/util/clock';

/**
 * A command made on this computer: applied to the replica at once (the teacher sees it) and recorded in the
 * outbox in the same SQLite transaction, with the next gapless device sequence number. Nothing is queued when
 * the command fails here.
 */
export async function recordMutation(db: Knex, clock: Clock, actor: Actor, name: OperationName, rawInput: unknown): Promise<unknown> {
  const op = operations[name];
  checkAccess(op.access, actor);
  const parsed = op.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
  return db.transaction(async (trx) => {
    // The versions of the rows it writes, as this computer saw them: the history of what the teacher changed.
    const baseVersions: Record<string, number> = {};
    for (const t of mutationTargets(name, parsed.data as Record<string, unknown>)) {
      const row = await trx(t.table).where({ id: t.id }).first();
      baseVersions[`${t.table}:${t.id}`] = Number(row?.row_version ?? 0);
      // Keep the server's version of the row (the first pending change keeps it; later ones find it there).
      await trx('shadow_rows').insert({ table_name: t.table, row_id: t.id, row: row ? JSON.stringify(row) : null })
        .onConflict(['table_name', 'row_id']).ignore();
    }
    const result = op.output.parse(await runHandler(name, { db: trx, actor, clock, host: 'replica', changes: replicaRecorder }, parsed.data));
    const meta = await trx('client_meta').where({ key: 'device_seq' }).first();
    const deviceSeq = Number(meta?.value ?? 0) + 1;
    await trx('client_meta').insert({ key: 'device_seq', value: String(deviceSeq) }).onConflict('key').merge();
    await trx('outbox').insert({
      mutation_id: uuidv7(), device_seq: deviceSeq, user_id: actor.userId, school_id: actor.schoolId, name,
      args: JSON.stringify(parsed.data), base_versions: JSON.stringify(baseVersions), created_at: clock.now().toISOString(), status: 'pending',
    });
    return result;
  });
}

/** The pending mutations in device order, as the push sends them. */
export async function pendingMutations(db: Knex, limit = 200): Promise<PushMutation[]> {
  // After a restore, outcomes the old epoch gave are sent again in their place (epoch null), to be recorded.
  const rows = await db('outbox').where({ status: 'pending' })
    .orWhere((w) => w.whereIn('status', ['rejected', 'conflict']).whereNull('epoch')).orderBy('device_seq').limit(limit);
  return rows.map((r) => ({
    mutationId: r.mutation_id, deviceSeq: Number(r.device_seq), userId: r.user_id, name: r.name,
    args: JSON.parse(r.args), createdAt: r.created_at, ...(r.status === 'pending' ? {} : { replay: r.status }),
  }));
}

/**
 * Records the server's outcomes: each mutation ends with exactly one (`resend` leaves it pending). A row with no
 * change left waiting leaves the overlay: refused or in conflict, it goes back to the server's version kept in its
 * shadow; applied, it keeps what the teacher wrote (the server holds it too) at the shadow's version, so the screen
 * never shows the old value again and the pull's newer version replaces it. A shadow the pull has already brought
 * to the version the server wrote the change with (or later) holds the change, and that one is put back.
 */
export async function settleMutations(db: Knex, results: MutationResult[], epoch: string): Promise<void> {
  await db.transaction(async (trx) => {
    const touched = new Map<string, { base: number; applied: boolean; at: number | null }>();
    for (const r of results) {
      if (r.outcome === 'resend') continue;
      // A replayed outcome is now the restored server's record too; nothing else about it changes.
      await trx('outbox').where({ mutation_id: r.mutationId }).whereNot({ status: 'pending' }).whereNull('epoch').update({ epoch });
      const row = await trx('outbox').where({ mutation_id: r.mutationId, status: 'pending' }).first('base_versions');
      if (!row) continue;
      await trx('outbox').where({ mutation_id: r.mutationId }).update({ status: r.outcome, reply: JSON.stringify(r.reply), epoch });
      const at = r.outcome === 'applied' ? appliedVersion(r.reply) : null;
      for (const [key, base] of Object.entries(JSON.parse(row.base_versions) as Record<string, number>)) {
        const seen = touched.get(key);
        touched.set(key, {
          base: Math.min(seen?.base ?? base, base),
          applied: (seen?.applied ?? true) && r.outcome === 'applied',
          at: at === null ? seen?.at ?? null : Math.max(seen?.at ?? 0, at),
        });
      }
    }
    const stillPending = await pendingTargets(trx);
    for (const [key, settled] of touched) {
      if (stillPending.has(key)) continue;
      const [table, id] = key.split(':') as [string, string];
      const shadow = await trx('shadow_rows').where({ table_name: table, row_id: id }).first();
      if (!shadow) continue;
      const server = shadow.row === null ? null : (JSON.parse(shadow.row) as Record<string, unknown>);
      const serverVersion = Number(server?.row_version ?? 0);
      const live = await trx(table).where({ id }).first();
      // The server's row behind the shadow already holds the change when it is at the version the server wrote it
      // with (or later); otherwise (unknown: not before the change's base) the teacher's values stay until the pull.
      const shadowHoldsIt = settled.at !== null ? serverVersion >= settled.at : serverVersion > settled.base;
      if (settled.applied && live && !shadowHoldsIt && await stillHeld(trx, table, live)) {
        await trx(table).where({ id }).update({ row_version: serverVersion, last_seq: Number(server?.last_seq ?? 0) });
      } else if (server === null) await trx(table).where({ id }).delete();
      else await trx(table).insert(server).onConflict('id').merge();
      await trx('shadow_rows').where({ table_name: table, row_id: id }).delete();
    }
  });
}

/** The row version an applied command answered with (`rowVersion` of its result), when it has one. */
function appliedVersion(reply: unknown): number | null {
  const result = (reply as { result?: { rowVersion?: unknown } } | null)?.result;
  return typeof result?.rowVersion === 'number' && Number.isInteger(result.rowVersion) ? result.rowVersion : null;
}

/** A journal row is kept only while one of its buckets is still this computer's (see purgeRevoked in pull.ts). */
async function stillHeld(trx: Knex.Transaction, table: string, row: Record<string, unknown>): Promise<boolean> {
  if (!(JOURNAL_TABLES as readonly string[]).includes(table)) return true;
  const meta = await trx('client_meta').where({ key: 'buckets' }).first('value');
  const buckets = new Set(JSON.parse(meta?.value ?? '[]') as string[]);
  if (buckets.has(`student:${String(row.student_id)}`)) return true;
  const lesson = await trx('lessons').where({ id: row.lesson_id }).first('class_id');
  return Boolean(lesson && buckets.has(`class:${String(lesson.class_id)}:journal`));
}

/** `table:id` of every row with a change still waiting to be sent. */
export async function pendingTargets(db: Knex | Knex.Transaction): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of await db('outbox').where({ status: 'pending' }).pluck('base_versions')) {
    for (const key of Object.keys(JSON.parse(r) as Record<string, number>)) out.add(key);
  }
  return out;
}

export interface OutboxStatus { pending: number; rejected: number; conflicts: number }

export async function outboxStatus(db: Knex): Promise<OutboxStatus> {
  // A conflict or a refusal somebody has decided is no longer a problem.
  const rows = (await db('outbox').whereNull('resolved_at').select('status').count({ n: '*' }).groupBy('status')) as { status: string; n: unknown }[];
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { pending: of('pending'), rejected: of('rejected'), conflicts: of('conflict') };
}
