import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { OperationError } from '../contract/errors';
import { schoolToday } from '../school/calendar';
import { byName, classRef, toPersonName } from '../school/people';
import { checkJournalAccess } from './access';
import { markingPeriods, periodAt } from './periods';
import { assessmentOf, journalRulesAt, lessonLocked } from './rules';
import { periodMarks, type PeriodLesson, type PeriodMark } from './term-marks';

type Output = OutputOf<'journal.sheet'>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * journal.sheet: the journal page of a class (or one half of it) in a subject for a marking period — the lessons
 * as columns with their topics and summative works, the pupils as rows, every filled cell with its versions, and
 * each pupil's term mark by the year's grading rules. Read from whichever database the host has (the replica on
 * a school computer: no network needed).
 */
export async function journalSheet(ctx: HandlerContext, input: InputOf<'journal.sheet'>): Promise<Output> {
  const actor = ctx.actor!;
  const s = actor.schoolId;
  await checkJournalAccess(ctx, input.classId, input.subjectId);
  const klass = await ctx.db('classes').where({ id: input.classId, school_id: s }).first();
  const subject = await ctx.db('subjects').where({ id: input.subjectId, school_id: s }).whereNull('deleted_at').first();
  if (!subject) throw new OperationError('not_found');
  const group = input.groupId ? await ctx.db('class_groups').where({ id: input.groupId, class_id: klass.id }).whereNull('deleted_at').first() : null;
  if (input.groupId && !group) throw new OperationError('not_found');
  const today = await schoolToday(ctx.db, s, ctx.clock);
  const year = await ctx.db('academic_years').where({ id: klass.academic_year_id }).first();
  const rules = await journalRulesAt(ctx.db, s, year?.starts_on ?? today);
  const periods = await markingPeriods(ctx.db, s, klass.academic_year_id, Number(klass.grade), subject.id);
  const period = input.period ? periods.find((p) => p.number === input.period) : periodAt(periods, today);
  if (!period) throw new OperationError('not_found', 'error.no_marking_period');

  const lessons: Row[] = await ctx.db('lessons').where({ school_id: s, class_id: klass.id, subject_id: subject.id })
    .modify((q) => { if (group) q.where({ group_id: group.id }); })
    .whereNull('deleted_at').whereBetween('date', [period.startsOn, period.endsOn]).whereNot({ status: 'cancelled' })
    .orderBy([{ column: 'date' }, { column: 'starts_at' }]);
  const pupils: Row[] = await ctx.db('enrolments as e').join('people as p', 'p.id', 'e.student_id')
    .where({ 'e.school_id': s, 'e.class_id': klass.id }).whereNull('e.deleted_at')
    .modify((q) => { if (group) q.where('e.group_id', group.id); })
    .where((w) => w.whereNull('e.left_on').orWhere('e.left_on', '>=', period.startsOn))
    .select('p.id', 'p.last_name', 'p.first_name', 'p.middle_name');
  pupils.sort(byName);
  const lessonIds = lessons.map((l) => l.id);
  const [marks, attendance, remarks] = await Promise.all(['marks', 'attendance', 'remarks'].map((t) => inChunks(lessonIds, (ids) => ctx.db(t).whereIn('lesson_id', ids).whereNull('deleted_at'))));
  const cells = cellsOf(lessons, marks!, attendance!, remarks!);
  const assessment = assessmentOf(rules, Number(klass.grade), subject);
  const pupilIds = pupils.map((p) => String(p.id));
  const terms = periodMarks(pupilIds, lessons as PeriodLesson[], marks as PeriodMark[], assessment, period.kind, rules.grading);
  const codes = await ctx.db('attendance_codes').where({ school_id: s }).whereNull('deleted_at').orderBy('code');
  return {
    class: classRef(klass),
    group: group ? { id: group.id, number: Number(group.number) } : null,
    subject: { id: subject.id, code: subject.code, name: { kk: subject.name_kk, ru: subject.name_ru, en: subject.name_en } },
    assessment, period, periods, today, editingDays: rules.editingDays,
    pupils: pupils.map(toPersonName),
    lessons: lessons.map((l) => {
      const locked = lessonLocked(l, today, rules.editingDays);
      return {
        id: l.id, date: l.date, period: Number(l.period), topic: l.topic ?? null, homework: l.homework ?? null, status: l.status,
        teacherId: l.teacher_id,
        summative: l.summative_kind && l.summative_max ? { kind: l.summative_kind, max: Number(l.summative_max), title: l.summative_title ?? null } : null,
        locked, unlockedUntil: l.unlocked_until ?? null, writable: !locked && l.teacher_id === actor.personId,
      };
    }),
    cells,
    termMarks: pupilIds.map((studentId) => ({ studentId, ...terms.get(studentId)! })),
    codes: codes.map((c) => ({ code: c.code, label: { kk: c.label_kk, ru: c.label_ru, en: c.label_en }, absent: !!c.absent, excused: !!c.excused })),
  };
}


/** SQLite takes at most 999 parameters in a query: long lists of lessons are read in parts. */
async function inChunks(ids: string[], read: (ids: string[]) => PromiseLike<Row[]>): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...await read(ids.slice(i, i + 500)));
  return out;
}

function cellsOf(lessons: Row[], marks: Row[], attendance: Row[], remarks: Row[]): Output['cells'] {
  const kindOf = new Map(lessons.map((l) => [l.id, l.summative_kind]));
  const cells = new Map<string, Output['cells'][number]>();
  const cell = (lessonId: string, studentId: string) => {
    const key = `${lessonId}:${studentId}`;
    let c = cells.get(key);
    if (!c) cells.set(key, c = { lessonId, studentId, fo: null, score: null, code: null, remark: null });
    return c;
  };
  for (const m of marks) {
    const value = { value: m.value === null ? null : Number(m.value), version: Number(m.row_version) };
    if (m.kind === 'fo') cell(m.lesson_id, m.student_id).fo = value;
    else if (m.kind === kindOf.get(m.lesson_id)) cell(m.lesson_id, m.student_id).score = value;
  }
  for (const a of attendance) cell(a.lesson_id, a.student_id).code = { code: a.code ?? null, version: Number(a.row_version) };
  for (const r of remarks) if (r.text) cell(r.lesson_id, r.student_id).remark = r.text;
  return [...cells.values()];
}
