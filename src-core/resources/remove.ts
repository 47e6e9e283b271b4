import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { touchColumns } from '../db/touch';
import { resourceForEditor } from './update';

/**
 * resources.remove: the entry leaves the library (kept as a removed row). The file stays: lessons whose plans show
 * it keep showing it, and another entry may name the same file.
 */
export async function removeResource(ctx: HandlerContext, input: InputOf<'resources.remove'>): Promise<OutputOf<'resources.remove'>> {
  const row = await resourceForEditor(ctx, input.resourceId);
  const touch = await touchColumns(ctx, Number(row.row_version));
  await ctx.db('resources').where({ id: row.id }).update({ ...touch, deleted_at: touch.updated_at, deleted_by: ctx.actor!.userId });
  return { resourceId: row.id };
}
