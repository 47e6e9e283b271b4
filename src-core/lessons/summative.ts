import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { lessonForTeacher } from '../journal/lesson-access';
import { updateLesson } from './set-topic';

/**
 * lesson.setSummative: the lesson holds a summative work — a СОР (for a section) or the СОЧ (for the term) — with
 * its maximum score and title, or none. Its scores get a column of their own in the journal. A work that already
 * has scores keeps its kind, and its maximum cannot fall below a score given.
 */
export async function setSummative(ctx: HandlerContext, input: InputOf<'lesson.setSummative'>): Promise<OutputOf<'lesson.setSummative'>> {
  const lesson = await lessonForTeacher(ctx, input.lessonId);
  const scored = lesson.summative_kind
    ? await ctx.db('marks').where({ lesson_id: lesson.id, kind: lesson.summative_kind }).whereNotNull('value').max({ top: 'value' }).first()
    : null;
  const top = scored?.top === null || scored?.top === undefined ? null : Number(scored.top);
  if (top !== null && (input.kind !== lesson.summative_kind || (input.maxScore ?? 0) < top)) {
    throw new OperationError('invalid_input', 'error.summative_has_scores', { top });
  }
  const changes = input.kind === null
    ? { summative_kind: null, summative_max: null, summative_title: null }
    : { summative_kind: input.kind, summative_max: input.maxScore, summative_title: input.title ?? null };
  const row = await updateLesson(ctx, lesson.id, changes);
  return { lessonId: row.id, kind: input.kind, maxScore: input.kind === null ? null : input.maxScore ?? null, rowVersion: row.row_version };
}
