import type { Knex } from 'knex';

/** A marking period of the journal: a quarter, or a half-year for subjects of one hour a week. */
export interface MarkingPeriod { kind: 'term' | 'halfYear'; number: number; startsOn: string; endsOn: string }

/**
 * The marking periods of a school year for a subject: its quarters, or — when the curriculum gives the subject one
 * hour a week or less in that grade — two half-years made of quarters 1–2 and 3–4 (DOMAIN.md, "Assessment").
 */
export async function markingPeriods(db: Knex, schoolId: string, yearId: string, grade: number, subjectId: string): Promise<MarkingPeriod[]> {
  const quarters = await db('terms').where({ school_id: schoolId, academic_year_id: yearId, kind: 'quarter' }).whereNull('deleted_at').orderBy('number');
  const hours = await db('curriculum').where({ school_id: schoolId, academic_year_id: yearId, grade, subject_id: subjectId }).whereNull('deleted_at').max({ h: 'weekly_hours' }).first();
  const halfYear = hours?.h !== null && hours?.h !== undefined && Number(hours.h) <= 1 && quarters.length === 4;
  if (!halfYear) return quarters.map((q) => ({ kind: 'term', number: Number(q.number), startsOn: q.starts_on, endsOn: q.ends_on }));
  return [
    { kind: 'halfYear', number: 1, startsOn: quarters[0].starts_on, endsOn: quarters[1].ends_on },
    { kind: 'halfYear', number: 2, startsOn: quarters[2].starts_on, endsOn: quarters[3].ends_on },
  ];
}

/** The period a date falls in; between periods (a break) the one before it; before the first, the first. */
export function periodAt(periods: MarkingPeriod[], date: string): MarkingPeriod | null {
  return periods.find((p) => p.startsOn <= date && date <= p.endsOn)
    ?? [...periods].reverse().find((p) => p.endsOn < date)
    ?? periods[0]
    ?? null;
}
