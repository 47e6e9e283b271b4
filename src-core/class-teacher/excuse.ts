import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { touchColumns } from '../db/touch';
import { journalBuckets } from '../journal/lesson-access';

/**
 * attendance.excuse: a sick note or a family's reason brought to the class teacher — every unexcused absence of
 * the pupil over those days, in any subject, gets the excused code given, with the reason (each cell's history
 * keeps it). Lates and absences already excused stay as they are. Only the pupil's class teacher does this.
 */
export async function excuseAbsences(ctx: HandlerContext, input: InputOf<'attendance.excuse'>): Promise<OutputOf<'attendance.excuse'>> {
  const actor = ctx.actor!;
  const s = actor.schoolId;
  await ctx.changes.seq();
  const enrolment = await ctx.db('enrolments as e').join('classes as c', 'c.id', 'e.class_id')
    .where({ 'e.school_id': s, 'e.student_id': input.studentId }).whereNull('e.deleted_at').whereNull('e.left_on').first('c.id', 'c.class_teacher_id');
  if (!enrolment) throw new OperationError('not_found');
  if (enrolment.class_teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.not_class_teacher');
  const code = await ctx.db('attendance_codes').where({ school_id: s, code: input.code }).whereNull('deleted_at').first();
  if (!code) throw new OperationError('invalid_input', 'error.attendance_code_unknown', { code: input.code });
  if (!code.absent || !code.excused) throw new OperationError('invalid_input', 'error.code_not_excused', { code: input.code });
  const unexcused = await ctx.db('attendance_codes').where({ school_id: s, absent: true, excused: false }).whereNull('deleted_at').pluck('code');
  const rows = await ctx.db('attendance as a').join('lessons as l', 'l.id', 'a.lesson_id')
    .where({ 'a.school_id': s, 'a.student_id': input.studentId, 'l.class_id': enrolment.id }).whereBetween('l.date', [input.from, input.to])
    .whereIn('a.code', unexcused).whereNull('a.deleted_at').select('a.*');
  for (const existing of rows) {
    const row = { ...existing, code: input.code, reason: input.reason, ...(await touchColumns(ctx, Number(existing.row_version))) };
    await ctx.db('attendance').where({ id: existing.id }).update(row);
    await ctx.changes.record('attendance', row, journalBuckets(enrolment.id, input.studentId));
  }
  return { studentId: input.studentId, excused: rows.length };
}
