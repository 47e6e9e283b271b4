import type { HandlerContext } from '../contract/call';

/** The sync columns of a write: the next row version, the commit's sequence, who, where and when. */
export async function touchColumns(ctx: HandlerContext, rowVersion: number) {
  const actor = ctx.actor!;
  return {
    row_version: rowVersion + 1,
    last_seq: await ctx.changes.seq(),
    updated_at: ctx.clock.now().toISOString(),
    updated_by: actor.userId,
    updated_device: actor.deviceId,
  };
}

/** The sync columns of a new row, made by the caller. */
export async function createColumns(ctx: HandlerContext, id: string) {
  const actor = ctx.actor!;
  const at = ctx.clock.now().toISOString();
  return {
    id, school_id: actor.schoolId, row_version: 1, last_seq: await ctx.changes.seq(),
    created_at: at, created_by: actor.userId, created_device: actor.deviceId,
    updated_at: at, updated_by: actor.userId, updated_device: actor.deviceId,
  };
}
