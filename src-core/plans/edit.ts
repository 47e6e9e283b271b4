import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { touchColumns } from '../db/touch';
import { planForAuthor, topicView } from './access';
import { planBuckets } from './import';

/** plans.setTopic: the plan's author changes a topic in place (its title, hours or section). */
export async function setPlanTopic(ctx: HandlerContext, input: InputOf<'plans.setTopic'>): Promise<OutputOf<'plans.setTopic'>> {
  const plan = await planForAuthor(ctx, input.planId);
  const current = await ctx.db('plan_topics').where({ plan_id: plan.id, position: input.position }).whereNull('deleted_at').first();
  if (!current) throw new OperationError('not_found', 'error.plan_topic_not_found', { position: input.position });
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.hours !== undefined) changes.hours = input.hours;
  if (input.section !== undefined) changes.section = input.section;
  const touch = await touchColumns(ctx, Number(current.row_version));
  await ctx.db('plan_topics').where({ id: current.id }).update({ ...changes, ...touch });
  await ctx.changes.record('plan_topics', { ...current, ...changes, ...touch }, planBuckets(plan));
  return { ...topicView({ ...current, ...changes }), rowVersion: touch.row_version };
}
