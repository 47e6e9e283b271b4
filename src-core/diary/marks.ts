import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { yearMark } from '../grading/year-mark';
import { markingPeriods, periodAt, type MarkingPeriod } from '../journal/periods';
import { assessmentOf, journalRulesAt } from '../journal/rules';
import { periodMarks, type PeriodLesson, type PeriodMark } from '../journal/term-marks';
import { schoolToday } from '../school/calendar';
import { classRef } from '../school/people';
import { diaryPupil } from './access';
import { diaryPupilAt } from './pupil';

type Output = OutputOf<'diary.marks'>;
type SubjectMarks = Output['subjects'][number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * diary.marks: a pupil's marks by subject for a quarter (a half-year for subjects of one hour a week), with the
 * term mark computed as the journal computes it (periodMarks), the year mark so far (yearMark over the periods
 * begun by today) and, for the current period, the СОЧ score needed for each higher mark.
 */
export async function diaryMarks(ctx: HandlerContext, input: InputOf<'diary.marks'>): Promise<Output> {
  const pupilId = await diaryPupil(ctx, input.studentId);
  const s = ctx.actor!.schoolId;
  const today = await schoolToday(ctx.db, s, ctx.clock);
  const pupil = await diaryPupilAt(ctx, pupilId, today);
  const rules = await journalRulesAt(ctx.db, s, pupil.year?.starts_on ?? today);
  const { foMax: _foMax, ...grading } = rules.grading;
  const e = pupil.enrolment;
  const quarters: MarkingPeriod[] = pupil.year
    ? (await ctx.db('terms').where({ school_id: s, academic_year_id: pupil.year.id, kind: 'quarter' }).whereNull('deleted_at').orderBy('number'))
      .map((q: Row) => ({ kind: 'term' as const, number: Number(q.number), startsOn: q.starts_on, endsOn: q.ends_on }))
    : [];
  const quarter = input.period ? quarters.find((q) => q.number === input.period) ?? null : periodAt(quarters, today);
  const base = { student: pupil.name, class: e ? classRef(e) : null, today, period: quarter, periods: quarters, grading };
  if (!e || !pupil.year || !quarter) return { ...base, subjects: [] };

  const lessons: Row[] = await ctx.db('lessons as l').join('subjects as s', 's.id', 'l.subject_id')
    .where({ 'l.school_id': s, 'l.class_id': e.id }).whereNull('l.deleted_at').whereNot('l.status', 'cancelled')
    .where((w) => { w.whereNull('l.group_id'); if (e.group_id) w.orWhere('l.group_id', e.group_id); })
    .whereBetween('l.date', [pupil.year.starts_on, pupil.year.ends_on])
    .orderBy([{ column: 'l.date' }, { column: 'l.starts_at' }])
    .select('l.id', 'l.date', 'l.subject_id', 'l.summative_kind', 'l.summative_max', 's.code', 's.name_kk', 's.name_ru', 's.name_en', 's.assessment');
  const marks: Row[] = await ctx.db('marks as m').join('lessons as l', 'l.id', 'm.lesson_id')
    .where({ 'm.student_id': pupilId, 'l.class_id': e.id }).whereNull('m.deleted_at').whereNotNull('m.value')
    .select('m.lesson_id', 'm.student_id', 'm.kind', 'm.value');

  const bySubject = new Map<string, Row[]>();
  for (const l of lessons) (bySubject.get(l.subject_id) ?? bySubject.set(l.subject_id, []).get(l.subject_id)!).push(l);
  const subjects: SubjectMarks[] = [];
  for (const [subjectId, own] of bySubject) {
    const first = own[0];
    const periods = await markingPeriods(ctx.db, s, pupil.year.id, e.grade, subjectId);
    const period = periods.find((p) => p.startsOn <= quarter.startsOn && quarter.startsOn <= p.endsOn);
    if (!period) continue;
    const assessment = assessmentOf(rules, e.grade, { code: first.code, assessment: first.assessment });
    const markOf = (p: MarkingPeriod) => {
      const inPeriod = own.filter((l) => p.startsOn <= l.date && l.date <= p.endsOn);
      const ids = new Set(inPeriod.map((l) => l.id));
      const periodLessons = inPeriod.map((l): PeriodLesson => ({ id: l.id, summative_kind: l.summative_kind ?? null, summative_max: l.summative_max === null ? null : Number(l.summative_max) }));
      const order = new Map(inPeriod.map((l, i) => [l.id, i]));
      const periodMarksOf = marks.filter((m) => ids.has(m.lesson_id)).sort((a, b) => order.get(a.lesson_id)! - order.get(b.lesson_id)!).map((m): PeriodMark => ({ lesson_id: m.lesson_id, student_id: pupilId, kind: m.kind, value: Number(m.value) }));
      return { inPeriod, periodLessons, periodMarksOf, result: periodMarks([pupilId], periodLessons, periodMarksOf, assessment, p.kind, rules.grading).get(pupilId)! };
    };
    const shown = markOf(period);
    const current = period.startsOn <= today && today <= period.endsOn;
    const year = yearMark(periods.filter((p) => p.startsOn <= today).map((p) => (p === period ? shown : markOf(p)).result.mark), rules.grading);
    subjects.push({
      subject: { id: subjectId, code: first.code, name: { kk: first.name_kk, ru: first.name_ru, en: first.name_en } },
      assessment, period, current,
      marks: listed(shown.inPeriod, shown.periodMarksOf),
      term: current ? shown.result : { ...shown.result, needed: [] },
      termInput: termInputOf(shown.periodLessons, shown.periodMarksOf, assessment, period.kind),
      year: assessment === 'marked' ? year : { mark: null, mean: null },
    });
  }
  subjects.sort((a, b) => a.subject.name.kk.localeCompare(b.subject.name.kk, 'kk'));
  return { ...base, subjects };
}

/** The period's marks in lesson order; a summative score only when the lesson still holds that work. */
function listed(lessons: Row[], marks: PeriodMark[]): SubjectMarks['marks'] {
  const out: SubjectMarks['marks'] = [];
  for (const l of lessons) {
    for (const m of marks.filter((x) => x.lesson_id === l.id)) {
      if (m.kind === 'fo') out.push({ lessonId: l.id, date: l.date, kind: 'fo', value: Number(m.value), max: null });
      else if (m.kind === l.summative_kind && l.summative_max) out.push({ lessonId: l.id, date: l.date, kind: m.kind as 'sor' | 'soch', value: Number(m.value), max: Number(l.summative_max) });
    }
  }
  return out;
}

/** The input of grading.termMark for the period, as periodMarks reads it (the last СОЧ of a term counts). */
function termInputOf(lessons: PeriodLesson[], marks: PeriodMark[], assessment: SubjectMarks['assessment'], kind: MarkingPeriod['kind']): SubjectMarks['termInput'] {
  const byLesson = new Map(lessons.map((l) => [l.id, l]));
  const soch = kind === 'term' ? lessons.filter((l) => l.summative_kind === 'soch' && l.summative_max).at(-1) ?? null : null;
  const sochMark = soch ? marks.find((m) => m.kind === 'soch' && m.lesson_id === soch.id) : undefined;
  return {
    assessment, period: kind,
    fo: marks.filter((m) => m.kind === 'fo').map((m) => Number(m.value)),
    sor: marks.filter((m) => m.kind === 'sor' && byLesson.get(m.lesson_id)?.summative_kind === 'sor')
      .map((m) => ({ score: Number(m.value), max: Number(byLesson.get(m.lesson_id)!.summative_max) })),
    soch: soch ? { score: sochMark ? Number(sochMark.value) : null, max: Number(soch.summative_max) } : null,
  };
}
