import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { createColumns, touchColumns } from '../db/touch';
import { markId } from './ids';
import { journalBuckets, lessonForJournalWrite, type JournalLesson } from './lesson-access';

/**
 * journal.setMark: a pupil's mark in a lesson, or null to clear it — the formative mark (ФО, 1–10), or the score
 * of the lesson's summative work (СОР or СОЧ, 0 to its maximum). Compare-and-set on the row version the teacher
 * saw: when somebody else changed the cell meanwhile, the answer is a conflict with both values, never a silent
 * overwrite. The reason, when given, stays with this version of the cell (its history shows it).
 */
export async function setMark(ctx: HandlerContext, input: InputOf<'journal.setMark'>): Promise<OutputOf<'journal.setMark'>> {
  const lesson = await lessonForJournalWrite(ctx, input.lessonId, input.studentId);
  const kind = input.kind ?? 'fo';
  if (input.value !== null) checkRange(lesson, kind, input.value);
  const id = markId(input.lessonId, input.studentId, kind);
  const existing = await ctx.db('marks').where({ id }).first();
  const current = existing ? Number(existing.row_version) : 0;
  if (current !== input.baseVersion) {
    throw new OperationError('conflict', 'error.mark_conflict', {
      theirs: existing?.value === null || existing?.value === undefined ? '—' : Number(existing.value),
      yours: input.value === null ? '—' : input.value,
      version: current,
    });
  }
  const reason = input.reason ?? null;
  const row = existing
    ? { ...existing, value: input.value, reason, deleted_at: null, deleted_by: null, ...(await touchColumns(ctx, current)) }
    : { ...(await createColumns(ctx, id)), lesson_id: input.lessonId, student_id: input.studentId, kind, value: input.value, reason };
  if (existing) await ctx.db('marks').where({ id }).update(row);
  else await ctx.db('marks').insert(row);
  await ctx.changes.record('marks', row, journalBuckets(lesson.class_id, input.studentId));
  return { id, kind, value: input.value, rowVersion: Number(row.row_version) };
}

/** ФО is 1–10; a summative score needs the lesson's work of that kind and stays within its maximum. */
function checkRange(lesson: JournalLesson, kind: 'fo' | 'sor' | 'soch', value: number): void {
  if (kind === 'fo') {
    if (value < 1 || value > 10) throw new OperationError('invalid_input', 'error.mark_out_of_range', { min: 1, max: 10 });
    return;
  }
  if (lesson.summative_kind !== kind || lesson.summative_max === null) {
    throw new OperationError('invalid_input', 'error.no_summative_in_lesson', { kind: kind === 'sor' ? 'СОР' : 'СОЧ' });
  }
  if (value < 0 || value > Number(lesson.summative_max)) {
    throw new OperationError('invalid_input', 'error.score_above_max', { max: Number(lesson.summative_max) });
  }
}
