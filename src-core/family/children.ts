import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { academicYearAt, schoolToday } from '../school/calendar';
import { classRef, enrolmentOf, toPersonName } from '../school/people';
import { pupilDay } from '../timetable/queries';

/** family.myChildren: only the children linked to the signed-in parent, never anybody else's. */
export async function myChildren(ctx: HandlerContext, input: { date?: string }): Promise<OutputOf<'family.myChildren'>> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  const date = input.date ?? (await schoolToday(ctx.db, actor.schoolId, ctx.clock));
  const year = await academicYearAt(ctx.db, actor.schoolId, date);
  const kids = await ctx.db('guardians as g').join('people as p', 'p.id', 'g.child_id')
    .where({ 'g.school_id': actor.schoolId, 'g.parent_id': actor.personId })
    .whereNull('g.deleted_at').whereNull('p.deleted_at')
    .select('p.id', 'p.last_name', 'p.first_name', 'p.middle_name', 'p.birth_date')
    .orderBy('p.birth_date');
  const children = [];
  for (const kid of kids) {
    const enrolment = year ? await enrolmentOf(ctx.db, actor.schoolId, kid.id, year.id) : undefined;
    const teacher = enrolment?.class_teacher_id
      ? await ctx.db('people').where({ id: enrolment.class_teacher_id }).first()
      : undefined;
    children.push({
      person: toPersonName(kid),
      birthDate: kid.birth_date ?? null,
      class: enrolment ? classRef(enrolment) : null,
      classTeacher: teacher ? { ...toPersonName(teacher), phone: teacher.phone ?? null } : null,
      day: await pupilDay(ctx, kid.id, date),
    });
  }
  return { children };
}
