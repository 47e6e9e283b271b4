import { termMark, type TermMarkResult } from '../grading/term-mark';
import type { GradingSettings } from '../grading/settings';

/** A lesson of a period as the term mark sees it: its summative work, if any. */
export interface PeriodLesson { id: string; summative_kind: string | null; summative_max: number | null }
/** A mark of the period: kind fo | sor | soch, its value (null: cleared). */
export interface PeriodMark { lesson_id: string; student_id: string; kind: string; value: number | null }

/**
 * Each pupil's term (or half-year) mark from the period's marks: ФО values, the score of each СОР out of its
 * maximum, and the СОЧ (the period's last one when there are several; not written yet: its maximum only).
 */
export function periodMarks(
  pupils: string[], lessons: PeriodLesson[], marks: PeriodMark[], assessment: 'marked' | 'passFail' | 'none',
  period: 'term' | 'halfYear', settings: GradingSettings,
): Map<string, TermMarkResult> {
  const byLesson = new Map(lessons.map((l) => [l.id, l]));
  const soch = period === 'term' ? lessons.filter((l) => l.summative_kind === 'soch' && l.summative_max).at(-1) ?? null : null;
  const out = new Map<string, TermMarkResult>();
  const mine = new Map<string, PeriodMark[]>();
  for (const m of marks) if (m.value !== null) (mine.get(m.student_id) ?? mine.set(m.student_id, []).get(m.student_id)!).push(m);
  for (const pupil of pupils) {
    const own = mine.get(pupil) ?? [];
    const fo = own.filter((m) => m.kind === 'fo').map((m) => Number(m.value));
    const sor = own.filter((m) => m.kind === 'sor' && byLesson.get(m.lesson_id)?.summative_kind === 'sor')
      .map((m) => ({ score: Number(m.value), max: Number(byLesson.get(m.lesson_id)!.summative_max) }));
    const sochScore = soch ? own.find((m) => m.kind === 'soch' && m.lesson_id === soch.id) : undefined;
    out.set(pupil, termMark({
      assessment, period, fo, sor,
      soch: soch ? { score: sochScore ? Number(sochScore.value) : null, max: Number(soch.summative_max) } : null,
    }, settings));
  }
  return out;
}
