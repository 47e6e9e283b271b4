import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { SyncProblem, SyncState } from '../contract/schemas';
import { toPersonName } from '../school/people';
import { mutationTargets } from './targets';

/**
 * sync.status (desktop client only): when this computer last reached the server, how many changes wait, and the
 * signed-in user's changes that the server refused or found in conflict and nobody has decided yet.
 */
export async function syncStatus(ctx: HandlerContext): Promise<SyncState> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  const db = ctx.db;
  const last = await db('client_meta').where({ key: 'last_sync_at' }).first();
  const pending = await db('outbox').where({ status: 'pending' }).count({ n: '*' }).first();
  const rows = await db('outbox').where({ user_id: actor.userId }).whereIn('status', ['rejected', 'conflict'])
    .whereNull('resolved_at').orderBy('device_seq');
  const problems: SyncProblem[] = [];
  for (const row of rows) problems.push(await describeProblem(ctx, row));
  return { now: ctx.clock.now().toISOString(), lastSyncAt: last ? String(last.value) : null, pending: Number(pending?.n ?? 0), problems };
}

type OutboxRow = { mutation_id: string; name: string; args: string; status: 'rejected' | 'conflict'; created_at: string; reply: string | null };

async function describeProblem(ctx: HandlerContext, row: OutboxRow): Promise<SyncProblem> {
  const args = JSON.parse(row.args) as Record<string, unknown>;
  const reply = row.reply ? (JSON.parse(row.reply) as { error?: { messageKey?: string; params?: Record<string, string | number> } }) : {};
  const lesson = typeof args.lessonId === 'string'
    ? await ctx.db('lessons as l').join('classes as c', 'c.id', 'l.class_id').join('subjects as s', 's.id', 'l.subject_id')
      .where('l.id', args.lessonId).first('l.id', 'l.date', 'l.period', 'c.grade', 'c.letter', 's.name_kk', 's.name_ru', 's.name_en')
    : undefined;
  const student = typeof args.studentId === 'string' ? await ctx.db('people').where({ id: args.studentId }).first() : undefined;
  return {
    mutationId: row.mutation_id,
    operation: row.name,
    outcome: row.status,
    createdAt: row.created_at,
    lesson: lesson
      ? { id: lesson.id, date: lesson.date, period: Number(lesson.period), className: `${lesson.grade}${lesson.letter}`, subject: { kk: lesson.name_kk, ru: lesson.name_ru, en: lesson.name_en } }
      : null,
    student: student ? toPersonName(student) : null,
    mine: shown(args.value ?? args.code ?? args.topic),
    theirs: await serverValue(ctx, row.name, args),
    reason: { messageKey: reply.error?.messageKey ?? 'error.internal', params: reply.error?.params ?? {} },
  };
}

/** The server's value of the cell as this computer last received it (the replica's row, or its shadow). */
async function serverValue(ctx: HandlerContext, name: string, args: Record<string, unknown>): Promise<string | null> {
  const target = mutationTargets(name, args)[0];
  if (!target) return null;
  const shadow = await ctx.db('shadow_rows').where({ table_name: target.table, row_id: target.id }).first();
  const row = shadow ? (shadow.row ? JSON.parse(shadow.row) : null) : await ctx.db(target.table).where({ id: target.id }).first();
  if (!row) return null;
  return shown(row.value ?? row.code ?? row.topic);
}

const shown = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
