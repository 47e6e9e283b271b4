import type { Knex } from 'knex';
import { defaultGradingSettings, GradingSettingsOverride, gradingSettingsWith, type GradingSettings } from '../grading/settings';
import { academicYearAt } from '../school/calendar';

/** Days after a lesson during which its cells may be changed without an unlock (*unsourced* default). */
export const DEFAULT_EDITING_DAYS = 7;

/**
 * The journal's rules of one school year (academic_years.settings): the editing period, the grading settings
 * (`grading`, over the defaults of DOMAIN.md), the grades without marks and the pass/fail subjects of primary
 * school (`assessment`, as the year was set up). A setting that does not parse falls back to its default.
 */
export interface JournalRules {
  yearId: string | null;
  editingDays: number;
  grading: GradingSettings;
  gradesWithoutMarks: number[];
  passFail: { grades: number[]; subjects: string[] };
}

export async function journalRulesAt(db: Knex, schoolId: string, date: string): Promise<JournalRules> {
  const year = await academicYearAt(db, schoolId, date);
  const raw = year ? await db('academic_years').where({ id: year.id }).first('settings') : null;
  return rulesFrom(year?.id ?? null, parse(raw?.settings));
}

function parse(value: unknown): Record<string, unknown> {
  if (typeof value !== 'string') return (value as Record<string, unknown>) ?? {};
  try {
    return JSON.parse(value) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function rulesFrom(yearId: string | null, settings: Record<string, unknown>): JournalRules {
  const assessment = (settings.assessment ?? {}) as { gradesWithoutMarks?: number[]; passFail?: { grades: number[]; subjects: string[] } };
  const journal = (settings.journal ?? {}) as { editingDays?: unknown };
  const override = GradingSettingsOverride.safeParse(settings.grading ?? {});
  const grading = override.success ? gradingSettingsWith(override.data) : null;
  const editingDays = Number.isInteger(journal.editingDays) && Number(journal.editingDays) >= 0 ? Number(journal.editingDays) : DEFAULT_EDITING_DAYS;
  return {
    yearId,
    editingDays,
    grading: grading?.success ? grading.data : defaultGradingSettings,
    gradesWithoutMarks: assessment.gradesWithoutMarks ?? [1],
    passFail: assessment.passFail ?? { grades: [1, 2, 3, 4], subjects: ['music', 'pe', 'art', 'labour'] },
  };
}

/** How a subject is assessed in a grade: with marks, pass/fail («зачёт»), or not at all (grade 1). */
export function assessmentOf(rules: JournalRules, grade: number, subject: { code: string; assessment: string }): 'marked' | 'passFail' | 'none' {
  if (rules.gradesWithoutMarks.includes(grade) || subject.assessment === 'none') return 'none';
  if (subject.assessment === 'pass_fail') return 'passFail';
  if (rules.passFail.grades.includes(grade) && rules.passFail.subjects.includes(subject.code)) return 'passFail';
  return 'marked';
}

/**
 * Whether a lesson's cells are locked on `today`: its date is more than `editingDays` days back and the
 * administration has not unlocked it until today or later.
 */
export function lessonLocked(lesson: { date: string; unlocked_until?: string | null }, today: string, editingDays: number): boolean {
  const lastDay = new Date(Date.parse(`${lesson.date}T00:00:00Z`) + editingDays * 86_400_000).toISOString().slice(0, 10);
  if (today <= lastDay) return false;
  return !(lesson.unlocked_until && lesson.unlocked_until >= today);
}
