import type { Knex } from 'knex';

export interface PersonName { id: string; lastName: string; firstName: string; middleName: string | null }

export function toPersonName(r: { id: unknown; last_name: unknown; first_name: unknown; middle_name: unknown }): PersonName {
  return { id: String(r.id), lastName: String(r.last_name), firstName: String(r.first_name), middleName: r.middle_name ? String(r.middle_name) : null };
}

export async function personById(db: Knex, schoolId: string, personId: string) {
  return db('people').where({ school_id: schoolId, id: personId }).whereNull('deleted_at').first();
}

export const classRef = (c: { id: unknown; grade: unknown; letter: unknown; language: unknown }) => ({
  id: String(c.id),
  name: `${c.grade}${c.letter}`,
  grade: Number(c.grade),
  letter: String(c.letter),
  language: (c.language === 'ru' ? 'ru' : 'kk') as 'kk' | 'ru',
});

/** The class a pupil is in during a year, with their half of it when the class splits. */
export async function enrolmentOf(db: Knex, schoolId: string, studentId: string, academicYearId: string) {
  return db('enrolments as e').join('classes as c', 'c.id', 'e.class_id')
    .where({ 'e.school_id': schoolId, 'e.student_id': studentId, 'c.academic_year_id': academicYearId })
    .whereNull('e.deleted_at').whereNull('e.left_on')
    .select('c.id', 'c.grade', 'c.letter', 'c.language', 'c.class_teacher_id', 'e.group_id')
    .first();
}

const collator = new Intl.Collator('kk', { sensitivity: 'base' });

/**
 * Pupils in the order of a class list: surname, then first name, by the Kazakh alphabet (А Ә Б … Қ … Ө …), which
 * also orders Russian names rightly; a database's byte order would put Ә, Қ, Ө after Я.
 */
export function byName<T extends { last_name: unknown; first_name: unknown }>(a: T, b: T): number {
  return collator.compare(String(a.last_name), String(b.last_name)) || collator.compare(String(a.first_name), String(b.first_name));
}
