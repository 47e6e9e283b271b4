import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { markingPeriods, periodAt } from '../journal/periods';
import { assessmentOf, journalRulesAt } from '../journal/rules';
import { periodMarks, type PeriodLesson, type PeriodMark } from '../journal/term-marks';
import { schoolToday } from '../school/calendar';
import { byName, classRef, toPersonName } from '../school/people';

type Output = OutputOf<'classTeacher.summary'>;

/**
 * classTeacher.summary: the class a teacher leads (or any class, for the administration) over a quarter — every
 * pupil's term mark in every subject, lessons missed (excused, unexcused) and lates, the subjects where the pupil
 * is at risk of a 2 (the scale's lowest mark), and the parents' contacts. Subjects marked by half-year show the
 * half the quarter belongs to.
 */
export async function classSummary(ctx: HandlerContext, input: InputOf<'classTeacher.summary'>): Promise<Output> {
  const actor = ctx.actor!;
  const s = actor.schoolId;
  const klass = await ctx.db('classes').where({ id: input.classId, school_id: s }).whereNull('deleted_at').first();
  if (!klass) throw new OperationError('not_found');
  const admin = actor.roles.includes('director') || actor.roles.includes('deputy_director');
  if (!admin && klass.class_teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.not_class_teacher');
  const today = await schoolToday(ctx.db, s, ctx.clock);
  const year = await ctx.db('academic_years').where({ id: klass.academic_year_id }).first();
  const rules = await journalRulesAt(ctx.db, s, year?.starts_on ?? today);
  const quarters = await ctx.db('terms').where({ school_id: s, academic_year_id: klass.academic_year_id, kind: 'quarter' }).whereNull('deleted_at').orderBy('number');
  const all = quarters.map((q) => ({ kind: 'term' as const, number: Number(q.number), startsOn: String(q.starts_on), endsOn: String(q.ends_on) }));
  const quarter = input.period ? all.find((q) => q.number === input.period) : periodAt(all, today);
  if (!quarter) throw new OperationError('not_found', 'error.no_marking_period');
  const quarterNumber = quarter.number;
  const pupils = await ctx.db('enrolments as e').join('people as p', 'p.id', 'e.student_id').where({ 'e.school_id': s, 'e.class_id': klass.id })
    .whereNull('e.deleted_at').whereNull('e.left_on')
    .select('p.id', 'p.last_name', 'p.first_name', 'p.middle_name');
  pupils.sort(byName);
  const ids = pupils.map((p) => String(p.id));
  const subjects = await ctx.db('subjects').where({ school_id: s }).whereIn('id', ctx.db('lessons').where({ school_id: s, class_id: klass.id }).whereNull('deleted_at').distinct('subject_id'))
    .orderBy('code');
  const lowest = Math.min(...rules.grading.scale.map((st) => st.mark));
  const bySubject = new Map<string, Map<string, ReturnType<typeof periodMarks> extends Map<string, infer R> ? R : never>>();
  for (const subject of subjects) {
    const periods = await markingPeriods(ctx.db, s, klass.academic_year_id, Number(klass.grade), subject.id);
    const period = periods.find((p) => p.kind === 'term' ? p.number === quarterNumber : p.number === Math.ceil(quarterNumber / 2));
    if (!period) continue;
    const lessons = await ctx.db('lessons').where({ school_id: s, class_id: klass.id, subject_id: subject.id }).whereNull('deleted_at')
      .whereBetween('date', [period.startsOn, period.endsOn]).select('id', 'summative_kind', 'summative_max') as PeriodLesson[];
    const marks = await ctx.db('marks as m').join('lessons as l', 'l.id', 'm.lesson_id').where({ 'l.school_id': s, 'l.class_id': klass.id, 'l.subject_id': subject.id })
      .whereBetween('l.date', [period.startsOn, period.endsOn]).whereNull('m.deleted_at').select('m.lesson_id', 'm.student_id', 'm.kind', 'm.value') as PeriodMark[];
    bySubject.set(subject.id, periodMarks(ids, lessons, marks, assessmentOf(rules, Number(klass.grade), subject), period.kind, rules.grading));
  }
  const absences = await ctx.db('attendance as a').join('lessons as l', 'l.id', 'a.lesson_id').join('attendance_codes as c', (j) => j.on('c.code', 'a.code').andOn('c.school_id', 'a.school_id'))
    .where({ 'l.school_id': s, 'l.class_id': klass.id }).whereBetween('l.date', [quarter.startsOn, quarter.endsOn]).whereNull('a.deleted_at')
    .select('a.student_id', 'c.absent', 'c.excused');
  const parents = await ctx.db('guardians as g').join('people as p', 'p.id', 'g.parent_id').where('g.school_id', s).whereIn('g.child_id', ids).whereNull('g.deleted_at')
    .select('g.child_id', 'g.relation', 'p.id', 'p.last_name', 'p.first_name', 'p.middle_name', 'p.phone', 'p.email');
  return {
    class: classRef(klass),
    period: quarterNumber,
    subjects: subjects.map((subject) => {
      const marks = [...(bySubject.get(subject.id)?.values() ?? [])].map((r) => r.mark).filter((m): m is number => m !== null);
      return { id: subject.id, code: subject.code, name: { kk: subject.name_kk, ru: subject.name_ru, en: subject.name_en }, average: marks.length ? Math.round((marks.reduce((a, b) => a + b, 0) / marks.length) * 100) / 100 : null };
    }),
    pupils: pupils.map((p) => {
      const own = absences.filter((a) => a.student_id === p.id);
      const marks = subjects.map((subject) => {
        const r = bySubject.get(subject.id)?.get(String(p.id));
        return { subjectId: subject.id, percent: r?.percent ?? null, mark: r?.mark ?? null, pass: r?.pass ?? null };
      });
      return {
        pupil: toPersonName(p),
        marks,
        absences: {
          lessons: own.filter((a) => a.absent).length,
          excused: own.filter((a) => a.absent && a.excused).length,
          unexcused: own.filter((a) => a.absent && !a.excused).length,
          late: own.filter((a) => !a.absent).length,
        },
        atRisk: marks.filter((m) => m.mark === lowest || m.pass === false).map((m) => m.subjectId),
        parents: parents.filter((g) => g.child_id === p.id).map((g) => ({ ...toPersonName(g), phone: g.phone ?? null, email: g.email ?? null, relation: g.relation })),
      };
    }),
  };
}
