import type { Actor } from '../auth/actor';
import type { HandlerContext } from '../contract/call';
import type { Handler } from '../contract/handlers';
import { OperationError } from '../contract/errors';
import type { reportsOperations } from '../contract/ops/reports';
import type { Locale } from '../i18n';
import { journalSheet } from '../journal/sheet';
import { markingPeriods, periodAt, type MarkingPeriod } from '../journal/periods';
import { schoolToday } from '../school/calendar';
import { toPersonName } from '../school/people';
import { attendanceXlsx, type PupilAttendance } from './attendance-xlsx';
import { journalPdf } from './journal-pdf';
import { fullName, periodLabel, safeFileName } from './labels';
import { progressXlsx, type ProgressData } from './progress-xlsx';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * The printable reports. They read only what the host's database holds, so a teacher prints on a classroom
 * computer without the network as well as on the server.
 */
export const reportsHandlers: { [N in keyof typeof reportsOperations]: Handler<N> } = {
  'reports.journalPdf': async (ctx, input) => {
    const sheet = await journalSheet(ctx, { classId: input.classId, subjectId: input.subjectId, groupId: input.groupId ?? null, period: input.period });
    const s = ctx.actor!.schoolId;
    const teacherIds = [...new Set(sheet.lessons.map((l) => l.teacherId))];
    if (teacherIds.length === 0) {
      teacherIds.push(...await ctx.db('teaching_assignments').where({ school_id: s, class_id: input.classId, subject_id: input.subjectId }).whereNull('deleted_at').pluck('teacher_id'));
    }
    const teachers = teacherIds.length ? await ctx.db('people').whereIn('id', teacherIds).orderBy('last_name') : [];
    const pdf = await journalPdf(sheet, input.locale, {
      school: await schoolName(ctx, input.locale),
      teachers: teachers.map((p: Row) => fullName(toPersonName(p))),
      printedOn: await schoolToday(ctx.db, s, ctx.clock),
    });
    const group = sheet.group ? `${sheet.group.number}` : '';
    return { filename: `${safeFileName(sheet.class.name, group, sheet.subject.code, periodLabel(input.locale, sheet.period))}.pdf`, mime: PDF, base64: pdf.toString('base64') };
  },

  'reports.progressXlsx': async (ctx, input) => {
    const { klass, term, head } = await classReport(ctx, input.classId, input.period, input.locale);
    const subjects: ProgressData['subjects'] = [];
    for (const subject of await classSubjects(ctx, klass)) {
      const periods = await markingPeriods(ctx.db, klass.school_id, klass.academic_year_id, Number(klass.grade), subject.id);
      // A subject marked by half-years has its mark at the end of terms 2 and 4 only.
      const number = periods[0]?.kind === 'halfYear' ? (term.number % 2 === 0 ? term.number / 2 : null) : term.number;
      if (number === null || !periods.some((p) => p.number === number)) continue;
      const sheet = await journalSheet(ctx, { classId: klass.id, subjectId: subject.id, period: number });
      if (sheet.assessment === 'none') continue;
      subjects.push({
        name: sheet.subject.name[input.locale],
        assessment: sheet.assessment,
        results: new Map(sheet.termMarks.map((m) => [m.studentId, { mark: m.mark, pass: m.pass }])),
      });
    }
    const file = await progressXlsx({ ...head, pupils: await classPupils(ctx, klass, term), subjects }, input.locale);
    return { filename: `${safeFileName(klass.name, 'progress', periodLabel(input.locale, term))}.xlsx`, mime: XLSX, base64: file.toString('base64') };
  },

  'reports.attendanceXlsx': async (ctx, input) => {
    const { klass, term, head } = await classReport(ctx, input.classId, input.period, input.locale);
    const pupils = await classPupils(ctx, klass, term);
    const codes = new Map((await ctx.db('attendance_codes').where({ school_id: klass.school_id }).whereNull('deleted_at')).map((c: Row) => [c.code, c]));
    const marks: Row[] = await ctx.db('attendance as a').join('lessons as l', 'l.id', 'a.lesson_id')
      .where({ 'l.school_id': klass.school_id, 'l.class_id': klass.id }).whereNull('l.deleted_at').whereNull('a.deleted_at').whereNotNull('a.code')
      .whereNot('l.status', 'cancelled').whereBetween('l.date', [term.startsOn, term.endsOn]).select('a.student_id', 'a.code');
    const counts = new Map<string, PupilAttendance>();
    for (const m of marks) {
      const code = codes.get(m.code);
      if (!code) continue;
      const c = counts.get(m.student_id) ?? { missed: 0, excused: 0, lates: 0 };
      // A code that is not an absence is a late (ж, д, а are absences; к is late).
      if (code.absent) { c.missed++; if (code.excused) c.excused++; } else c.lates++;
      counts.set(m.student_id, c);
    }
    const file = await attendanceXlsx({ ...head, pupils, counts }, input.locale);
    return { filename: `${safeFileName(klass.name, 'attendance', periodLabel(input.locale, term))}.xlsx`, mime: XLSX, base64: file.toString('base64') };
  },
};

/**
 * A report on a whole class is for the administration and the class's own class teacher; a subject teacher sees
 * their subject's journal instead. Also finds the term (the one of today when none is named) and the title lines.
 */
async function classReport(ctx: HandlerContext, classId: string, period: number | undefined, locale: Locale) {
  const actor = ctx.actor as Actor;
  const klass = await ctx.db('classes').where({ id: classId, school_id: actor.schoolId }).whereNull('deleted_at').first();
  if (!klass) throw new OperationError('not_found');
  const admin = actor.roles.includes('director') || actor.roles.includes('deputy_director');
  if (!admin && klass.class_teacher_id !== actor.personId) throw new OperationError('forbidden', 'error.report_class_only');
  // With no subject named, markingPeriods gives the year's quarters.
  const terms = await markingPeriods(ctx.db, actor.schoolId, klass.academic_year_id, Number(klass.grade), '');
  const today = await schoolToday(ctx.db, actor.schoolId, ctx.clock);
  const term: MarkingPeriod | null | undefined = period ? terms.find((p) => p.number === period) : periodAt(terms, today);
  if (!term) throw new OperationError('not_found', 'error.no_marking_period');
  const teacher = klass.class_teacher_id ? await ctx.db('people').where({ id: klass.class_teacher_id }).first() : null;
  const name = `${klass.grade}${klass.letter}`;
  return {
    klass: { ...klass, name },
    term,
    head: { school: await schoolName(ctx, locale), className: name, classTeacher: teacher ? fullName(toPersonName(teacher)) : null, period: term, printedOn: today },
  };
}

async function schoolName(ctx: HandlerContext, locale: Locale): Promise<string> {
  const school = await ctx.db('schools').where({ id: ctx.actor!.schoolId }).first();
  return school?.[`name_${locale}`] ?? school?.name_kk ?? '';
}

/** The subjects a class is taught this year: those with lessons or a teacher assigned. */
async function classSubjects(ctx: HandlerContext, klass: Row): Promise<{ id: string }[]> {
  const fromLessons = await ctx.db('lessons').where({ school_id: klass.school_id, class_id: klass.id }).whereNull('deleted_at').distinct('subject_id').pluck('subject_id');
  const fromTeaching = await ctx.db('teaching_assignments').where({ school_id: klass.school_id, class_id: klass.id }).whereNull('deleted_at').distinct('subject_id').pluck('subject_id');
  const ids = [...new Set([...fromLessons, ...fromTeaching])];
  if (ids.length === 0) return [];
  return ctx.db('subjects').whereIn('id', ids).whereNull('deleted_at').orderBy('code').select('id');
}

async function classPupils(ctx: HandlerContext, klass: Row, term: MarkingPeriod) {
  const rows: Row[] = await ctx.db('enrolments as e').join('people as p', 'p.id', 'e.student_id')
    .where({ 'e.school_id': klass.school_id, 'e.class_id': klass.id }).whereNull('e.deleted_at')
    .where((w) => w.whereNull('e.left_on').orWhere('e.left_on', '>=', term.startsOn))
    .orderBy([{ column: 'p.last_name' }, { column: 'p.first_name' }]).select('p.id', 'p.last_name', 'p.first_name', 'p.middle_name');
  return rows.map(toPersonName);
}
