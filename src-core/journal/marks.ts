import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { createColumns, touchColumns } from '../db/touch';
import { markId } from './ids';
import { journalBuckets, lessonForJournalWrite } from './lesson-access';

/**
 * journal.setMark: the formative mark (1–10) of a pupil in a lesson, or null to clear it. Compare-and-set on
 * the row version the teacher saw: when somebody else changed the cell meanwhile, the answer is a conflict with
 * both values, never a silent overwrite.
 */
export async function setMark(ctx: HandlerContext, input: { lessonId: string; studentId: string; value: number | null; baseVersion: number }): Promise<OutputOf<'journal.setMark'>> {
  const lesson = await lessonForJournalWrite(ctx, input.lessonId, input.studentId);
  const id = markId(input.lessonId, input.studentId, 'fo');
  const existing = await ctx.db('marks').where({ id }).first();
  const current = existing ? Number(existing.row_version) : 0;
  if (current !== input.baseVersion) {
    throw new OperationError('conflict', 'error.mark_conflict', {
      theirs: existing?.value === null || existing?.value === undefined ? '—' : Number(existing.value),
      yours: input.value === null ? '—' : input.value,
      version: current,
    });
  }
  const row = existing
    ? { ...existing, value: input.value, deleted_at: null, deleted_by: null, ...(await touchColumns(ctx, current)) }
    : { ...(await createColumns(ctx, id)), lesson_id: input.lessonId, student_id: input.studentId, kind: 'fo', value: input.value };
  if (existing) await ctx.db('marks').where({ id }).update(row);
  else await ctx.db('marks').insert(row);
  await ctx.changes.record('marks', row, journalBuckets(lesson.class_id, input.studentId));
  return { id, value: input.value, rowVersion: Number(row.row_version) };
}
