import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { createColumns, touchColumns } from '../db/touch';
import { remarkId } from './ids';
import { journalBuckets, lessonForJournalWrite } from './lesson-access';

/** journal.setRemark: the teacher's remark on a pupil in a lesson (the family sees it in the diary), or null to clear it. */
export async function setRemark(ctx: HandlerContext, input: InputOf<'journal.setRemark'>): Promise<OutputOf<'journal.setRemark'>> {
  const lesson = await lessonForJournalWrite(ctx, input.lessonId, input.studentId);
  const id = remarkId(input.lessonId, input.studentId);
  const existing = await ctx.db('remarks').where({ id }).first();
  const row = existing
    ? { ...existing, text: input.text, deleted_at: null, deleted_by: null, ...(await touchColumns(ctx, Number(existing.row_version))) }
    : { ...(await createColumns(ctx, id)), lesson_id: input.lessonId, student_id: input.studentId, text: input.text };
  if (existing) await ctx.db('remarks').where({ id }).update(row);
  else await ctx.db('remarks').insert(row);
  await ctx.changes.record('remarks', row, journalBuckets(lesson.class_id, input.studentId));
  return { id, text: input.text, rowVersion: Number(row.row_version) };
}
