import { z } from 'zod';
import type { HandlerContext } from '../contract/call';
import { BoardFile, LessonPlan } from '../contract/ops/resources';

/**
 * What a lesson keeps of its own files: its plan and its saved board, as JSON in the lesson's row (they travel with
 * the lesson to every device), and `file_links` beside it, the index by file the access rule reads.
 */

function parseJson<T>(schema: z.ZodType<T>, text: unknown): T | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The board saved to a lesson (`lessons.board_files`), [] when none or unreadable. */
export const boardFilesOf = (text: unknown): BoardFile[] => parseJson(z.array(BoardFile), text) ?? [];

/** A lesson's plan (`lessons.plan`), null when none or unreadable. */
export const planOf = (text: unknown): LessonPlan | null => parseJson(LessonPlan, text);

export type FileLinkRole = 'plan' | 'board';

/** The lesson's links of one role become exactly these files (a plan's resources, a board's PNG and PDF). */
export async function replaceFileLinks(ctx: HandlerContext, lessonId: string, role: FileLinkRole, sha256s: string[]): Promise<void> {
  await ctx.db('file_links').where({ lesson_id: lessonId, role }).delete();
  const rows = [...new Set(sha256s)].map((sha256) => ({ school_id: ctx.actor!.schoolId, sha256, lesson_id: lessonId, role }));
  if (rows.length) await ctx.db('file_links').insert(rows);
}
