import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { updateLesson } from '../lessons/set-topic';
import { replaceFileLinks } from './lesson-files';

/**
 * lesson.saveBoard: the teacher of a lesson saves the annotated board to it (its pages as a PDF, the current page
 * as a PNG), replacing what was saved before. The pupils of the class, absent ones too, find it in their diary.
 * A board saved offline reaches the server after this change; its files follow with the sync, so the reference is
 * accepted before the server holds them.
 */
export async function saveLessonBoard(ctx: HandlerContext, input: InputOf<'lesson.saveBoard'>): Promise<OutputOf<'lesson.saveBoard'>> {
  const row = await updateLesson(ctx, input.lessonId, { board_files: JSON.stringify(input.files) });
  await replaceFileLinks(ctx, row.id, 'board', input.files.map((f) => f.sha256));
  return { lessonId: row.id, boardFiles: input.files, rowVersion: row.row_version };
}
