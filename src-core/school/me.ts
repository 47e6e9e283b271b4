import type { Me } from '../contract/schemas';
import { OperationError } from '../contract/errors';
import type { HandlerContext } from '../contract/call';
import { isRole } from '../auth/roles';
import { permissionsOf } from '../auth/roles';
import { academicYearAt, schoolOf } from './calendar';
import { classRef, toPersonName } from './people';
import { dateIn } from '../util/clock';

/** session.me: who the signed-in user is, what they may do, and the class they lead this year. */
export async function sessionMe(ctx: HandlerContext): Promise<Me> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  const user = await ctx.db('users').where({ id: actor.userId, school_id: actor.schoolId }).first();
  const person = await ctx.db('people').where({ id: actor.personId, school_id: actor.schoolId }).first();
  if (!user || !person) throw new OperationError('unauthenticated');
  const school = await schoolOf(ctx.db, actor.schoolId);
  const year = await academicYearAt(ctx.db, actor.schoolId, dateIn(school.timezone, ctx.clock.now()));
  const led = year
    ? await ctx.db('classes').where({ school_id: actor.schoolId, academic_year_id: year.id, class_teacher_id: actor.personId })
      .whereNull('deleted_at').first()
    : undefined;
  const roles = actor.roles.filter(isRole);
  return {
    userId: actor.userId,
    login: String(user.login),
    locale: user.locale === 'ru' || user.locale === 'en' ? user.locale : 'kk',
    person: toPersonName(person),
    roles,
    permissions: permissionsOf(roles),
    school: {
      id: school.id,
      number: school.number,
      name: { kk: school.name_kk, ru: school.name_ru, en: school.name_en },
      timezone: school.timezone,
    },
    leadsClass: led ? classRef(led) : null,
  };
}
