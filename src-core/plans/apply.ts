import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { journalRulesAt, lessonLocked } from '../journal/rules';
import { updateLesson } from '../lessons/set-topic';
import { schoolToday } from '../school/calendar';
import { bool, planForAuthor } from './access';
import { layOutPlan, lessonsFor } from './lay-out';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;
type Output = OutputOf<'plans.apply'>;

/** A lesson's topic was written by a plan, and nobody has changed it by hand since. */
const fromPlan = (l: Row) => l.plan_topic_text !== null && l.plan_topic_text !== undefined && l.topic === l.plan_topic_text;

/**
 * plans.apply: the plan's author lays its topics onto the lessons of a class (or of one half of it) they teach in
 * the plan's subject, from a date. A lesson takes the topic when it has none or its topic came from a plan; a topic
 * written by hand is kept, a lesson past the editing period is not touched. Each lesson is written as
 * lesson.setTopic writes it (a new version, logged for its class and teacher), so devices get it at their next pull.
 */
export async function applyPlan(ctx: HandlerContext, input: InputOf<'plans.apply'>): Promise<Output> {
  const actor = ctx.actor!;
  const s = actor.schoolId;
  const plan = await planForAuthor(ctx, input.planId);
  const klass = await ctx.db('classes').where({ id: input.classId, school_id: s }).whereNull('deleted_at').first();
  if (!klass) throw new OperationError('not_found');
  if (Number(klass.grade) !== Number(plan.grade) || klass.academic_year_id !== plan.academic_year_id) {
    throw new OperationError('invalid_input', 'error.plan_grade_mismatch', { plan: Number(plan.grade), grade: Number(klass.grade) });
  }
  const groupId = input.groupId ?? null;
  if (groupId && !(await ctx.db('class_groups').where({ id: groupId, class_id: klass.id, school_id: s }).whereNull('deleted_at').first('id'))) {
    throw new OperationError('not_found');
  }
  const mine = { school_id: s, class_id: klass.id, subject_id: plan.subject_id, teacher_id: actor.personId };
  const teaches = await ctx.db('teaching_assignments').where(mine).whereNull('deleted_at').first('id')
    ?? await ctx.db('lessons').where(mine).whereNull('deleted_at').first('id');
  if (!teaches) throw new OperationError('forbidden', 'error.plan_class_not_yours');

  const year = await ctx.db('academic_years').where({ id: klass.academic_year_id }).first();
  const from = input.from ?? String(year.starts_on);
  const lessons: Row[] = await ctx.db('lessons').where(mine).whereNull('deleted_at')
    .modify((q) => { if (groupId) q.where('group_id', groupId); else q.whereNull('group_id'); })
    .where('date', '>=', from).where('date', '<=', year.ends_on).orderBy([{ column: 'date' }, { column: 'period' }, { column: 'id' }]);
  const topics: Row[] = await ctx.db('plan_topics').where({ plan_id: plan.id }).whereNull('deleted_at').orderBy('position');
  const holidays = (await ctx.db('holidays').where({ school_id: s, academic_year_id: year.id }).whereNull('deleted_at'))
    .filter((h: Row) => !h.grades || (JSON.parse(h.grades) as number[]).includes(Number(klass.grade)))
    .map((h: Row) => ({ startsOn: String(h.starts_on), endsOn: String(h.ends_on) }));

  const layout = layOutPlan(
    topics.map((t) => ({ id: t.id, position: Number(t.position), hours: Number(t.hours) })),
    lessons.map((l) => ({ id: l.id, date: l.date, period: Number(l.period), status: l.status })),
    { from, holidays },
  );
  const today = await schoolToday(ctx.db, s, ctx.clock);
  const { editingDays } = await journalRulesAt(ctx.db, s, from);
  const lessonById = new Map(lessons.map((l) => [l.id as string, l]));
  const topicById = new Map(topics.map((t) => [t.id as string, t]));
  const out: Output = { from, written: 0, unchanged: 0, kept: 0, locked: 0, cleared: 0, lessons: [], notFitted: [], spareLessons: layout.spareLessons.length };

  for (const a of layout.assignments) {
    const lesson = lessonById.get(a.lessonId);
    const topic = topicById.get(a.topicId);
    const last = a.hour === lessonsFor(Number(topic.hours));
    const summative = !last ? null : bool(topic.soch) ? 'soch' as const : bool(topic.sor) ? 'sor' as const : null;
    const title = String(topic.title);
    let outcome: Output['lessons'][number]['outcome'];
    if (lesson.topic && !fromPlan(lesson)) outcome = 'kept';
    else if (lesson.topic === title && lesson.plan_topic_id === topic.id) outcome = 'unchanged';
    else if (lessonLocked(lesson, today, editingDays)) outcome = 'locked';
    else {
      await updateLesson(ctx, lesson.id, { topic: title, plan_topic_id: topic.id, plan_topic_text: title });
      outcome = 'written';
    }
    out[outcome]++;
    out.lessons.push({ lessonId: lesson.id, date: lesson.date, period: Number(lesson.period), position: a.position, title, outcome, summative });
  }

  // A lesson a plan wrote that no topic reaches now (the plan got shorter, or the lesson was cancelled) is cleared.
  const assigned = new Set(layout.assignments.map((a) => a.lessonId));
  for (const lesson of lessons) {
    if (assigned.has(lesson.id) || !fromPlan(lesson) || lessonLocked(lesson, today, editingDays)) continue;
    await updateLesson(ctx, lesson.id, { topic: null, plan_topic_id: null, plan_topic_text: null });
    out.cleared++;
  }
  out.notFitted = layout.unplaced.map((u) => ({ position: u.position, title: String(topicById.get(u.topicId).title), missingLessons: u.missing }));
  return out;
}
