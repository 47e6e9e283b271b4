import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { createColumns, touchColumns } from '../db/touch';
import { attendanceId } from './ids';
import { journalBuckets, lessonForJournalWrite, lessonForTeacher } from './lesson-access';

/**
 * attendance.mark: a code of the school's dictionary for a pupil in a lesson, or null for present.
 * Two devices write the same row (its id comes from lesson × pupil); the later one in server order wins,
 * and the change log keeps both.
 */
export async function markAttendance(ctx: HandlerContext, input: InputOf<'attendance.mark'>): Promise<OutputOf<'attendance.mark'>> {
  const lesson = await lessonForJournalWrite(ctx, input.lessonId, input.studentId);
  if (input.code !== null) {
    const known = await ctx.db('attendance_codes').where({ school_id: ctx.actor!.schoolId, code: input.code }).whereNull('deleted_at').first();
    if (!known) throw new OperationError('invalid_input', 'error.attendance_code_unknown', { code: input.code });
  }
  const row = await writeAttendance(ctx, lesson.class_id, input.lessonId, input.studentId, input.code, input.reason ?? null);
  return { id: row.id, code: input.code, rowVersion: Number(row.row_version) };
}

/**
 * attendance.allPresent: "everyone is here" in one action — every pupil of the lesson without an attendance
 * record gets one saying present; codes already written stay as they are.
 */
export async function markAllPresent(ctx: HandlerContext, input: InputOf<'attendance.allPresent'>): Promise<OutputOf<'attendance.allPresent'>> {
  const lesson = await lessonForTeacher(ctx, input.lessonId);
  const pupils = await ctx.db('enrolments').where({ school_id: ctx.actor!.schoolId, class_id: lesson.class_id })
    .modify((q) => { if (lesson.group_id) q.where({ group_id: lesson.group_id }); })
    .whereNull('deleted_at').whereNull('left_on').pluck('student_id');
  const marked = new Set(await ctx.db('attendance').where({ lesson_id: lesson.id }).pluck('student_id'));
  let recorded = 0;
  for (const studentId of pupils) {
    if (marked.has(studentId)) continue;
    await writeAttendance(ctx, lesson.class_id, lesson.id, studentId, null, null);
    recorded += 1;
  }
  return { lessonId: lesson.id, recorded };
}

async function writeAttendance(ctx: HandlerContext, classId: string, lessonId: string, studentId: string, code: string | null, reason: string | null) {
  const id = attendanceId(lessonId, studentId);
  const existing = await ctx.db('attendance').where({ id }).first();
  const row = existing
    ? { ...existing, code, reason, deleted_at: null, deleted_by: null, ...(await touchColumns(ctx, Number(existing.row_version))) }
    : { ...(await createColumns(ctx, id)), lesson_id: lessonId, student_id: studentId, code, reason };
  if (existing) await ctx.db('attendance').where({ id }).update(row);
  else await ctx.db('attendance').insert(row);
  await ctx.changes.record('attendance', row, journalBuckets(classId, studentId));
  return row;
}
