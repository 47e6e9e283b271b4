import type { OutputOf } from '../../../../src-core/contract/operations';
import type { SyncProblem } from '../../../../src-core/contract/schemas';
import { FO_RANGE, type MarkRange } from './keys';

export type Sheet = OutputOf<'journal.sheet'>;
export type JournalRef = OutputOf<'journal.list'>['journals'][number];
export type Lesson = Sheet['lessons'][number];
export type Cell = Sheet['cells'][number];

/** A column of the grid: a lesson's ФО and attendance, or the score of its СОР/СОЧ (with its number in the period). */
export interface Column {
  lesson: Lesson;
  kind: 'fo' | 'score';
  /** 1, 2 … for the period's СОР; 0 for a СОЧ and the ФО columns. */
  number: number;
}

export function columnsOf(lessons: readonly Lesson[]): Column[] {
  const columns: Column[] = [];
  let sor = 0;
  for (const lesson of lessons) {
    columns.push({ lesson, kind: 'fo', number: 0 });
    if (lesson.summative) columns.push({ lesson, kind: 'score', number: lesson.summative.kind === 'sor' ? ++sor : 0 });
  }
  return columns;
}

export const cellKey = (lessonId: string, studentId: string) => `${lessonId}|${studentId}`;

export function cellIndex(cells: readonly Cell[]): Map<string, Cell> {
  return new Map(cells.map((c) => [cellKey(c.lessonId, c.studentId), c]));
}

export function rangeOf(column: Column): MarkRange {
  return column.kind === 'score' ? { min: 0, max: column.lesson.summative?.max ?? 0 } : FO_RANGE;
}

/** Conflicts of the user's own changes on this computer, by cell (journal.setMark, attendance.mark). */
export function conflictsByCell(problems: readonly SyncProblem[] | undefined): Map<string, SyncProblem> {
  const out = new Map<string, SyncProblem>();
  for (const p of problems ?? []) {
    if (p.outcome === 'conflict' && p.lesson && p.student) out.set(cellKey(p.lesson.id, p.student.id), p);
  }
  return out;
}

/** What the teacher changed, to undo: the previous value of one part of one cell. */
export type Change =
  | { lessonId: string; studentId: string; part: 'fo' | 'sor' | 'soch'; before: number | null; reason?: string }
  | { lessonId: string; studentId: string; part: 'attendance'; before: string | null; reason?: string };

/** A cell's copy with one part replaced by a command's answer (until the sheet is read again). */
export function patchCell(cells: readonly Cell[], lessonId: string, studentId: string, patch: Partial<Pick<Cell, 'fo' | 'score' | 'code' | 'remark'>>): Cell[] {
  const i = cells.findIndex((c) => c.lessonId === lessonId && c.studentId === studentId);
  if (i < 0) return [...cells, { lessonId, studentId, fo: null, score: null, code: null, remark: null, ...patch }];
  const next = [...cells];
  next[i] = { ...cells[i]!, ...patch };
  return next;
}

/** A lesson's copy with some of its fields replaced by a command's answer (until the sheet is read again). */
export function patchLesson(lessons: readonly Lesson[], lessonId: string, patch: Partial<Lesson>): Lesson[] {
  return lessons.map((l) => (l.id === lessonId ? { ...l, ...patch } : l));
}
