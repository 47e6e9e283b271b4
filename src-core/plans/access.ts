import type { Actor } from '../auth/actor';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { OutputOf } from '../contract/operations';
import { academicYearAt, schoolToday, type AcademicYearRow } from '../school/calendar';
import { toPersonName } from '../school/people';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;
type PlanView = OutputOf<'plans.get'>;

export const isAdministration = (actor: Actor) => actor.roles.includes('director') || actor.roles.includes('deputy_director');

/** The school year plans are kept for now: the one today falls in (between years, the next). */
export async function currentYear(ctx: HandlerContext): Promise<AcademicYearRow | null> {
  const s = ctx.actor!.schoolId;
  return academicYearAt(ctx.db, s, await schoolToday(ctx.db, s, ctx.clock));
}

/** "subjectId:grade" of every subject and grade the caller teaches in a year, by assignment or by a dated lesson. */
export async function taughtSubjectGrades(ctx: HandlerContext, yearId: string): Promise<Set<string>> {
  const actor = ctx.actor!;
  const byAssignment = await ctx.db('teaching_assignments as a').join('classes as c', 'c.id', 'a.class_id')
    .where({ 'a.school_id': actor.schoolId, 'a.teacher_id': actor.personId, 'c.academic_year_id': yearId })
    .whereNull('a.deleted_at').whereNull('c.deleted_at').distinct('a.subject_id', 'c.grade');
  const byLesson = await ctx.db('lessons as l').join('classes as c', 'c.id', 'l.class_id')
    .where({ 'l.school_id': actor.schoolId, 'l.teacher_id': actor.personId, 'c.academic_year_id': yearId })
    .whereNull('l.deleted_at').whereNull('c.deleted_at').distinct('l.subject_id', 'c.grade');
  return new Set([...byAssignment, ...byLesson].map((r: Row) => `${r.subject_id}:${Number(r.grade)}`));
}

/** A plan of the caller's school (another school's is not found), not deleted. */
export async function planOfSchool(ctx: HandlerContext, planId: string): Promise<Row> {
  const plan = await ctx.db('plans').where({ id: planId, school_id: ctx.actor!.schoolId }).whereNull('deleted_at').first();
  if (!plan) throw new OperationError('not_found');
  return plan;
}

/** A plan the caller may read: the administration any, a teacher those of a subject and grade they teach. */
export async function planForReader(ctx: HandlerContext, planId: string): Promise<Row> {
  const actor = ctx.actor!;
  const plan = await planOfSchool(ctx, planId);
  if (isAdministration(actor) || plan.teacher_id === actor.personId) return plan;
  const taught = await taughtSubjectGrades(ctx, plan.academic_year_id);
  if (!taught.has(`${plan.subject_id}:${Number(plan.grade)}`)) throw new OperationError('forbidden', 'error.plan_not_yours');
  return plan;
}

/** A plan the caller wrote: only its author edits and applies it. The school's commit order is taken first. */
export async function planForAuthor(ctx: HandlerContext, planId: string): Promise<Row> {
  await ctx.changes.seq();
  const plan = await planOfSchool(ctx, planId);
  if (plan.teacher_id !== ctx.actor!.personId) throw new OperationError('forbidden', 'error.plan_author_only');
  return plan;
}

export const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

export const topicView = (t: Row) => ({
  id: String(t.id), position: Number(t.position), section: t.section ?? null, title: String(t.title),
  hours: Number(t.hours), sor: bool(t.sor), soch: bool(t.soch),
});

/** Plans with their subject, author and topic totals, in the order of subject, grade and author. */
export async function planSummaries(ctx: HandlerContext, filter: (q: Row) => void): Promise<Omit<PlanView, 'topics'>[]> {
  const actor = ctx.actor!;
  const rows = await ctx.db('plans as p').join('subjects as s', 's.id', 'p.subject_id').join('people as t', 't.id', 'p.teacher_id')
    .where('p.school_id', actor.schoolId).whereNull('p.deleted_at').modify(filter)
    .orderBy([{ column: 's.code' }, { column: 'p.grade' }, { column: 'p.language' }, { column: 't.last_name' }])
    .select('p.*', 's.code', 's.name_kk', 's.name_ru', 's.name_en', 't.last_name', 't.first_name', 't.middle_name');
  if (rows.length === 0) return [];
  const totals = await ctx.db('plan_topics').whereIn('plan_id', rows.map((r: Row) => r.id)).whereNull('deleted_at')
    .groupBy('plan_id').select('plan_id').count({ n: '*' }).sum({ hours: 'hours' });
  const byPlan = new Map(totals.map((t: Row) => [t.plan_id, t]));
  return rows.map((r: Row) => ({
    id: r.id, academicYearId: r.academic_year_id,
    subject: { id: r.subject_id, code: r.code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } },
    grade: Number(r.grade), language: r.language === 'ru' ? 'ru' as const : 'kk' as const, title: r.title,
    author: toPersonName({ id: r.teacher_id, last_name: r.last_name, first_name: r.first_name, middle_name: r.middle_name }),
    mine: r.teacher_id === actor.personId,
    topicCount: Number(byPlan.get(r.id)?.n ?? 0),
    totalHours: Number(byPlan.get(r.id)?.hours ?? 0),
    updatedAt: r.updated_at, rowVersion: Number(r.row_version),
  }));
}

/** A plan with its topics in order. */
export async function planView(ctx: HandlerContext, planId: string): Promise<PlanView> {
  const [summary] = await planSummaries(ctx, (q) => q.where('p.id', planId));
  if (!summary) throw new OperationError('not_found');
  const topics = await ctx.db('plan_topics').where({ plan_id: planId }).whereNull('deleted_at').orderBy('position');
  return { ...summary, topics: topics.map(topicView) };
}
