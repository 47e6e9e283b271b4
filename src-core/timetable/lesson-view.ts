import type { Knex } from 'knex';
import type { LessonView } from '../contract/schemas';

/** The lessons query with everything a day view shows; callers add their filter (teacher, class, group). */
export function lessonViews(db: Knex, schoolId: string) {
  return db('lessons as l')
    .join('classes as c', 'c.id', 'l.class_id')
    .join('subjects as s', 's.id', 'l.subject_id')
    .join('people as t', 't.id', 'l.teacher_id')
    .leftJoin('rooms as r', 'r.id', 'l.room_id')
    .leftJoin('class_groups as g', 'g.id', 'l.group_id')
    .where('l.school_id', schoolId)
    .whereNull('l.deleted_at')
    .select(
      'l.id', 'l.date', 'l.period', 'l.starts_at', 'l.ends_at', 'l.topic', 'l.status',
      'c.id as class_id', 'c.grade', 'c.letter', 'c.language',
      'g.number as group_number',
      's.id as subject_id', 's.code as subject_code', 's.name_kk', 's.name_ru', 's.name_en',
      't.id as teacher_id', 't.last_name', 't.first_name', 't.middle_name',
      'r.id as room_id', 'r.number as room_number', 'r.kind as room_kind', 'r.interactive_board',
    )
    .orderBy([{ column: 'l.date' }, { column: 'l.starts_at' }, { column: 'c.grade' }, { column: 'c.letter' }]);
}

type Row = Record<string, unknown>;
const str = (v: unknown) => String(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function toLessonView(r: Row): LessonView {
  return {
    id: str(r.id),
    date: str(r.date),
    period: Number(r.period),
    startsAt: str(r.starts_at),
    endsAt: str(r.ends_at),
    class: { id: str(r.class_id), name: `${r.grade}${r.letter}`, grade: Number(r.grade), letter: str(r.letter), language: r.language === 'ru' ? 'ru' : 'kk' },
    group: r.group_number === null || r.group_number === undefined ? null : Number(r.group_number),
    subject: { id: str(r.subject_id), code: str(r.subject_code), name: { kk: str(r.name_kk), ru: str(r.name_ru), en: str(r.name_en) } },
    room: r.room_id ? { id: str(r.room_id), number: str(r.room_number), kind: str(r.room_kind), interactiveBoard: Boolean(r.interactive_board) } : null,
    teacher: { id: str(r.teacher_id), lastName: str(r.last_name), firstName: str(r.first_name), middleName: strOrNull(r.middle_name) },
    topic: strOrNull(r.topic),
    status: r.status === 'held' || r.status === 'cancelled' ? r.status : 'planned',
  };
}
