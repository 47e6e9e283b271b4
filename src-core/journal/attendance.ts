import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { createColumns, touchColumns } from '../db/touch';
import { attendanceId } from './ids';
import { journalBuckets, lessonForJournalWrite } from './lesson-access';

/**
 * attendance.mark: a code of the school's dictionary for a pupil in a lesson, or null for present.
 * Two devices write the same row (its id comes from lesson × pupil); the later one in server order wins,
 * and the change log keeps both.
 */
export async function markAttendance(ctx: HandlerContext, input: { lessonId: string; studentId: string; code: string | null }): Promise<OutputOf<'attendance.mark'>> {
  const lesson = await lessonForJournalWrite(ctx, input.lessonId, input.studentId);
  const schoolId = ctx.actor!.schoolId;
  if (input.code !== null) {
    const known = await ctx.db('attendance_codes').where({ school_id: schoolId, code: input.code }).whereNull('deleted_at').first();
    if (!known) throw new OperationError('invalid_input', 'error.attendance_code_unknown', { code: input.code });
  }
  const id = attendanceId(input.lessonId, input.studentId);
  const existing = await ctx.db('attendance').where({ id }).first();
  const row = existing
    ? { ...existing, code: input.code, deleted_at: null, deleted_by: null, ...(await touchColumns(ctx, Number(existing.row_version))) }
    : { ...(await createColumns(ctx, id)), lesson_id: input.lessonId, student_id: input.studentId, code: input.code };
  if (existing) await ctx.db('attendance').where({ id }).update(row);
  else await ctx.db('attendance').insert(row);
  await ctx.changes.record('attendance', row, journalBuckets(lesson.class_id, input.studentId));
  return { id, code: input.code, rowVersion: Number(row.row_version) };
}
