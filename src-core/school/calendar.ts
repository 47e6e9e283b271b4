import type { Knex } from 'knex';
import { dateIn, type Clock } from '../util/clock';

export interface SchoolRow {
  id: string; number: string | null; name_kk: string; name_ru: string; name_en: string; timezone: string;
}

export async function schoolOf(db: Knex, schoolId: string): Promise<SchoolRow> {
  const school = await db('schools').where({ id: schoolId }).whereNull('deleted_at').first();
  if (!school) throw new Error(`school ${schoolId} is not in this database`);
  return school as SchoolRow;
}

/** Today's date where the school is, not where the server is. */
export async function schoolToday(db: Knex, schoolId: string, clock: Clock): Promise<string> {
  const school = await schoolOf(db, schoolId);
  return dateIn(school.timezone, clock.now());
}

export interface AcademicYearRow { id: string; name: string; starts_on: string; ends_on: string; days_per_week: number }

/** The academic year a date falls in; between years (summer) the one that comes next, else the last one. */
export async function academicYearAt(db: Knex, schoolId: string, date: string): Promise<AcademicYearRow | null> {
  const years = (await db('academic_years').where({ school_id: schoolId }).whereNull('deleted_at')
    .orderBy('starts_on')) as AcademicYearRow[];
  return years.find((y) => y.starts_on <= date && date <= y.ends_on)
    ?? years.find((y) => y.starts_on > date)
    ?? years.at(-1)
    ?? null;
}

export async function holidayOn(db: Knex, schoolId: string, date: string, grade: number | null) {
  const rows = await db('holidays').where({ school_id: schoolId }).whereNull('deleted_at')
    .where('starts_on', '<=', date).where('ends_on', '>=', date);
  return rows.find((h: { grades: string | null }) => {
    if (!h.grades || grade === null) return h.grades === null || grade === null;
    return (JSON.parse(h.grades) as number[]).includes(grade);
  }) as { name_kk: string; name_ru: string; name_en: string } | undefined;
}
