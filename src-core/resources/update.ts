import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { touchColumns } from '../db/touch';
import { checkSubject, mayEditResource, resourceById } from './view';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * An entry the caller may change: one they may see (another school's, a removed one or a colleague's personal one
 * is not found), and that they added or, being a keeper of the school's library, a school entry.
 */
export async function resourceForEditor(ctx: HandlerContext, resourceId: string): Promise<Row> {
  const actor = ctx.actor!;
  await resourceById(ctx, resourceId);
  const row = await ctx.db('resources').where({ id: resourceId, school_id: actor.schoolId }).first();
  if (!mayEditResource(actor, row)) throw new OperationError('forbidden', 'error.resource_not_yours');
  return row;
}

/**
 * resources.update: an entry's title, tags or library changed. Only its owner moves it into their personal
 * library: a keeper who could take a colleague's entry out of the school's library would hide it from everyone.
 */
export async function updateResource(ctx: HandlerContext, input: InputOf<'resources.update'>): Promise<OutputOf<'resources.update'>> {
  const row = await resourceForEditor(ctx, input.resourceId);
  if (input.scope === 'personal' && row.scope !== 'personal' && row.owner_id !== ctx.actor!.personId) {
    throw new OperationError('forbidden', 'error.resource_not_yours');
  }
  await checkSubject(ctx, input.subjectId);
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.scope !== undefined) changes.scope = input.scope;
  if (input.subjectId !== undefined) changes.subject_id = input.subjectId;
  if (input.grade !== undefined) changes.grade = input.grade;
  if (input.topic !== undefined) changes.topic = input.topic;
  if (input.language !== undefined) changes.language = input.language;
  await ctx.db('resources').where({ id: row.id }).update({ ...changes, ...await touchColumns(ctx, Number(row.row_version)) });
  return resourceById(ctx, row.id);
}
