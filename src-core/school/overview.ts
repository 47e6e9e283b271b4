import type { Knex } from 'knex';
import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { academicYearAt, schoolToday } from './calendar';
import { classRef, toPersonName } from './people';

async function count(q: Knex.QueryBuilder): Promise<number> {
  const row = await q.count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** school.overview: the figures the director and deputies open the day with. */
export async function schoolOverview(ctx: HandlerContext, input: { date?: string }): Promise<OutputOf<'school.overview'>> {
  if (!ctx.actor) throw new OperationError('unauthenticated');
  const schoolId = ctx.actor.schoolId;
  const date = input.date ?? (await schoolToday(ctx.db, schoolId, ctx.clock));
  const year = await academicYearAt(ctx.db, schoolId, date);
  const live = (table: string) => ctx.db(table).where(`${table}.school_id`, schoolId).whereNull(`${table}.deleted_at`);
  const yearId = year?.id ?? '';
  return {
    date,
    academicYear: year ? { name: year.name, startsOn: year.starts_on, endsOn: year.ends_on } : null,
    classes: await count(live('classes').where({ academic_year_id: yearId })),
    pupils: await count(live('enrolments').join('classes', 'classes.id', 'enrolments.class_id')
      .where('classes.academic_year_id', yearId).whereNull('enrolments.left_on')),
    teachers: await count(live('staff').where({ position: 'teacher' })),
    staff: await count(live('staff')),
    rooms: await count(live('rooms')),
    lessonsOnDate: await count(live('lessons').where({ date })),
  };
}

/** school.classes: this year's classes with their size and class teacher. */
export async function schoolClasses(ctx: HandlerContext): Promise<OutputOf<'school.classes'>> {
  if (!ctx.actor) throw new OperationError('unauthenticated');
  const schoolId = ctx.actor.schoolId;
  const year = await academicYearAt(ctx.db, schoolId, await schoolToday(ctx.db, schoolId, ctx.clock));
  if (!year) return { classes: [] };
  const rows = await ctx.db('classes as c')
    .join('shifts as s', 's.id', 'c.shift_id')
    .leftJoin('people as t', 't.id', 'c.class_teacher_id')
    .where({ 'c.school_id': schoolId, 'c.academic_year_id': year.id }).whereNull('c.deleted_at')
    .select('c.id', 'c.grade', 'c.letter', 'c.language', 's.number as shift',
      't.id as t_id', 't.last_name', 't.first_name', 't.middle_name')
    .select(ctx.db('enrolments as e').whereRaw('e.class_id = c.id').whereNull('e.deleted_at').whereNull('e.left_on')
      .count('*').as('pupils'))
    .orderBy([{ column: 'c.grade' }, { column: 'c.letter' }]);
  return {
    classes: rows.map((r) => ({
      ...classRef(r),
      shift: Number(r.shift),
      pupils: Number(r.pupils),
      classTeacher: r.t_id ? toPersonName({ ...r, id: r.t_id }) : null,
    })),
  };
}

/**
 * school.subjects: every subject of the school (subjects are the school's, not a year's), by code. Any member of
 * staff may name one (a librarian tagging a resource reads no journal); every device holds them (sync/scope.ts).
 */
export async function schoolSubjects(ctx: HandlerContext): Promise<OutputOf<'school.subjects'>> {
  if (!ctx.actor) throw new OperationError('unauthenticated');
  const rows = await ctx.db('subjects')
    .where({ school_id: ctx.actor.schoolId }).whereNull('deleted_at')
    .select('id', 'code', 'name_kk', 'name_ru', 'name_en')
    .orderBy([{ column: 'code' }, { column: 'id' }]);
  return {
    subjects: rows.map((r: { id: string; code: string; name_kk: string; name_ru: string; name_en: string }) => ({
      id: r.id, code: r.code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    })),
  };
}
