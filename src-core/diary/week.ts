import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import { classRef } from '../school/people';
import { schoolToday } from '../school/calendar';
import { daySchedule } from '../timetable/day';
import { boardFilesOf } from '../resources/lesson-files';
import { addDays, isoWeekday } from '../util/clock';
import { diaryPupil } from './access';
import { diaryPupilAt } from './pupil';

type Output = OutputOf<'diary.week'>;
type DiaryLesson = Output['days'][number]['lessons'][number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * diary.week: a pupil's school week (Monday to the last school day of the year's week) as the family reads it:
 * each lesson with its teacher, topic and homework, the pupil's own ФО, summative score, attendance and the
 * teacher's remark, and the board saved to the lesson; days off with their reason. Read from the host's database
 * (a family's replica holds the class's lessons and the pupil's journal rows).
 */
export async function diaryWeek(ctx: HandlerContext, input: InputOf<'diary.week'>): Promise<Output> {
  const pupilId = await diaryPupil(ctx, input.studentId);
  const s = ctx.actor!.schoolId;
  const today = await schoolToday(ctx.db, s, ctx.clock);
  const monday = mondayOf(input.weekOf ?? today);
  const pupil = await diaryPupilAt(ctx, pupilId, monday);
  const daysPerWeek = Math.min(Math.max(pupil.year?.days_per_week ?? 5, 1), 7);
  const dates = Array.from({ length: daysPerWeek }, (_, i) => addDays(monday, i));
  const e = pupil.enrolment;
  const schedules = await Promise.all(dates.map((date) => e
    ? daySchedule(ctx.db, s, date, { classId: e.id, grade: e.grade, groupId: e.group_id })
    : Promise.resolve({ date, dayOff: 'outside_year' as const, holiday: null, lessons: [], nextSchoolDay: null })));

  const ids = schedules.flatMap((d) => d.lessons.map((l) => l.id));
  const [extras, marks, attendance, remarks, codes] = ids.length === 0 ? [[], [], [], [], []] : await Promise.all([
    ctx.db('lessons').whereIn('id', ids).select('id', 'homework', 'summative_kind', 'summative_max', 'summative_title', 'board_files') as Promise<Row[]>,
    ctx.db('marks').whereIn('lesson_id', ids).where({ student_id: pupilId }).whereNull('deleted_at') as Promise<Row[]>,
    ctx.db('attendance').whereIn('lesson_id', ids).where({ student_id: pupilId }).whereNull('deleted_at') as Promise<Row[]>,
    ctx.db('remarks').whereIn('lesson_id', ids).where({ student_id: pupilId }).whereNull('deleted_at') as Promise<Row[]>,
    ctx.db('attendance_codes').where({ school_id: s }).whereNull('deleted_at') as Promise<Row[]>,
  ]);
  const extraOf = new Map(extras.map((x) => [x.id, x]));
  const codeOf = new Map(codes.map((c) => [c.code, c]));
  const attendanceOf = new Map(attendance.map((a) => [a.lesson_id, a]));
  const remarkOf = new Map(remarks.filter((r) => r.text).map((r) => [r.lesson_id, String(r.text)]));

  return {
    student: pupil.name,
    class: e ? classRef(e) : null,
    today,
    weekOf: monday,
    days: schedules.map((d) => ({
      date: d.date, dayOff: d.dayOff, holiday: d.holiday,
      lessons: d.lessons.map((l): DiaryLesson => {
        const x = extraOf.get(l.id) ?? {};
        const own = marks.filter((m) => m.lesson_id === l.id && m.value !== null);
        const kind = x.summative_kind && x.summative_max ? String(x.summative_kind) as 'sor' | 'soch' : null;
        const score = kind ? own.find((m) => m.kind === kind) : undefined;
        const fo = own.find((m) => m.kind === 'fo');
        const a = attendanceOf.get(l.id);
        const code = a?.code ? codeOf.get(a.code) : undefined;
        return {
          id: l.id, period: l.period, startsAt: l.startsAt, endsAt: l.endsAt, subject: l.subject, teacher: l.teacher,
          room: l.room?.number ?? null, topic: l.topic, homework: x.homework ?? null, status: l.status,
          fo: fo ? Number(fo.value) : null,
          summative: kind ? { kind, max: Number(x.summative_max), title: x.summative_title ?? null, score: score ? Number(score.value) : null } : null,
          attendance: a?.code ? {
            code: String(a.code),
            label: code ? { kk: code.label_kk, ru: code.label_ru, en: code.label_en } : { kk: a.code, ru: a.code, en: a.code },
            absent: !!code?.absent, excused: !!code?.excused,
          } : null,
          remark: remarkOf.get(l.id) ?? null,
          boardFiles: boardFilesOf(x.board_files),
        };
      }),
    })),
  };
}

function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
