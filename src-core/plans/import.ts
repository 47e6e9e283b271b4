import { v4 as uuid } from 'uuid';
import type { HandlerContext } from '../contract/call';
import { OperationError, type FieldError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { PLAN_FILE_MAX_BYTES } from '../contract/ops/plans';
import { createColumns, touchColumns } from '../db/touch';
import { currentYear, planView, taughtSubjectGrades } from './access';
import { parsePlanFile, type ParsedTopic, type PlanRowError } from './parse';

/** The buckets of a plan's rows: its author's (no device takes plans yet; the server answers for them). */
export const planBuckets = (plan: { teacher_id: string }) => [`teacher:${plan.teacher_id}`];

/**
 * plans.import: a teacher's plan of a subject in a grade for the current year, read from their file. It creates
 * their plan, or replaces the topics of the one they have (a topic keeps its id at its position, so lessons that
 * carry it still point to it). A file with errors is refused with every bad row named, and nothing is written.
 */
export async function importPlan(ctx: HandlerContext, input: InputOf<'plans.import'>): Promise<OutputOf<'plans.import'>> {
  const actor = ctx.actor!;
  await ctx.changes.seq();
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > PLAN_FILE_MAX_BYTES) throw new OperationError('invalid_input', 'error.plan_file_too_large', { max: PLAN_FILE_MAX_BYTES / 1024 / 1024 });
  const year = await currentYear(ctx);
  if (!year) throw new OperationError('invalid_input', 'error.plan_no_year');
  const subject = await ctx.db('subjects').where({ id: input.subjectId, school_id: actor.schoolId }).whereNull('deleted_at').first('id');
  if (!subject) throw new OperationError('not_found');
  if (!(await taughtSubjectGrades(ctx, year.id)).has(`${input.subjectId}:${input.grade}`)) {
    throw new OperationError('forbidden', 'error.plan_subject_not_yours', { grade: input.grade });
  }
  const parsed = await parsePlanFile(input.fileName, bytes);
  if (!parsed.ok) {
    throw new OperationError('invalid_input', 'error.plan_file_invalid', { count: parsed.errors.length }, parsed.errors.map(rowError));
  }
  const planId = await savePlan(ctx, { academic_year_id: year.id, subject_id: input.subjectId, grade: input.grade, language: input.language, teacher_id: actor.personId }, input.title);
  await saveTopics(ctx, planId, actor.personId, parsed.topics);
  return planView(ctx, planId);
}

const rowError = (e: PlanRowError): FieldError => ({ path: e.row ? `row ${e.row}` : 'file', messageKey: e.messageKey, params: e.params });

async function savePlan(ctx: HandlerContext, key: Record<string, string | number>, title: string): Promise<string> {
  const s = ctx.actor!.schoolId;
  const current = await ctx.db('plans').where({ school_id: s, ...key }).first();
  if (current) {
    const changes = { title, deleted_at: null, deleted_by: null, ...await touchColumns(ctx, Number(current.row_version)) };
    await ctx.db('plans').where({ id: current.id }).update(changes);
    await ctx.changes.record('plans', { ...current, ...changes }, planBuckets(current));
    return current.id as string;
  }
  const row = { ...await createColumns(ctx, uuid()), ...key, title };
  await ctx.db('plans').insert(row);
  await ctx.changes.record('plans', row, planBuckets({ teacher_id: String(key.teacher_id) }));
  return row.id;
}

async function saveTopics(ctx: HandlerContext, planId: string, authorId: string, topics: ParsedTopic[]): Promise<void> {
  const buckets = planBuckets({ teacher_id: authorId });
  const existing = await ctx.db('plan_topics').where({ plan_id: planId }).orderBy('position');
  const atPosition = new Map<number, Record<string, unknown>>();
  for (const t of existing) if (!atPosition.has(Number(t.position)) || !t.deleted_at) atPosition.set(Number(t.position), t);
  for (const topic of topics) {
    const values = { section: topic.section, title: topic.title, hours: topic.hours, sor: topic.sor, soch: topic.soch };
    const current = atPosition.get(topic.position);
    if (current) {
      const changes = { ...values, deleted_at: null, deleted_by: null, ...await touchColumns(ctx, Number(current.row_version)) };
      await ctx.db('plan_topics').where({ id: current.id }).update(changes);
      await ctx.changes.record('plan_topics', { ...current, ...changes }, buckets);
    } else {
      const row = { ...await createColumns(ctx, uuid()), plan_id: planId, position: topic.position, ...values };
      await ctx.db('plan_topics').insert(row);
      await ctx.changes.record('plan_topics', row, buckets);
    }
  }
  // The new file is shorter: the topics past its end are deleted (kept as tombstones, as every synced row).
  const at = ctx.clock.now().toISOString();
  for (const t of existing) {
    if (Number(t.position) <= topics.length || t.deleted_at) continue;
    const changes = { deleted_at: at, deleted_by: ctx.actor!.userId, ...await touchColumns(ctx, Number(t.row_version)) };
    await ctx.db('plan_topics').where({ id: t.id }).update(changes);
    await ctx.changes.record('plan_topics', { ...t, ...changes }, buckets);
  }
}
