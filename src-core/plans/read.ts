import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { currentYear, isAdministration, planForReader, planSummaries, planView, taughtSubjectGrades } from './access';

/**
 * plans.list: the current year's plans the caller may read. A teacher sees every plan of a subject and grade they
 * teach (a colleague's plan is a good start for their own); the administration sees all.
 */
export async function listPlans(ctx: HandlerContext, input: InputOf<'plans.list'>): Promise<OutputOf<'plans.list'>> {
  const actor = ctx.actor!;
  const year = await currentYear(ctx);
  if (!year) return { plans: [] };
  const everything = isAdministration(actor);
  const taught = everything ? new Set<string>() : await taughtSubjectGrades(ctx, year.id);
  const plans = await planSummaries(ctx, (q) => {
    q.where('p.academic_year_id', year.id);
    if (input.subjectId) q.where('p.subject_id', input.subjectId);
    if (input.grade !== undefined) q.where('p.grade', input.grade);
  });
  return { plans: everything ? plans : plans.filter((p) => p.mine || taught.has(`${p.subject.id}:${p.grade}`)) };
}

/** plans.get: a plan the caller may read, with its topics. */
export async function getPlan(ctx: HandlerContext, input: InputOf<'plans.get'>): Promise<OutputOf<'plans.get'>> {
  const plan = await planForReader(ctx, input.planId);
  return planView(ctx, plan.id);
}
