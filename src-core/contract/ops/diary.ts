import { z } from 'zod';
import { GradingSettingsOverride } from '../../grading/settings';
import { TermMarkInput, TermMarkResult } from '../../grading/term-mark';
import { query } from '../define';
import { ClassRef, Id, IsoDate, Localised, PersonName } from '../schemas';
import { MarkingPeriodSchema } from './journal';
import { BoardFile } from './resources';

const Subject = z.object({ id: Id, code: z.string(), name: Localised });
const SummativeKind = z.enum(['sor', 'soch']);

/** One lesson of a pupil's diary: the timetable's facts, the teacher's homework and the pupil's own cell. */
export const DiaryLesson = z.object({
  id: Id,
  period: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  subject: Subject,
  teacher: PersonName,
  room: z.string().nullable(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  status: z.enum(['planned', 'held', 'cancelled']),
  /** The pupil's formative mark (ФО, 1–10). */
  fo: z.number().int().nullable(),
  /** The lesson's summative work and the pupil's score in it (null: not written or not marked yet). */
  summative: z.object({ kind: SummativeKind, max: z.number().int(), title: z.string().nullable(), score: z.number().int().nullable() }).nullable(),
  attendance: z.object({ code: z.string(), label: Localised, absent: z.boolean(), excused: z.boolean() }).nullable(),
  remark: z.string().nullable(),
  /** The board the teacher saved to the lesson (PNG, PDF): a pupil who missed the lesson finds it here. */
  boardFiles: z.array(BoardFile),
});

export const DiaryDay = z.object({
  date: IsoDate,
  dayOff: z.enum(['weekend', 'holiday', 'outside_year']).nullable(),
  holiday: Localised.nullable(),
  lessons: z.array(DiaryLesson),
});

/** One mark of a subject in a period, as the diary lists them. */
export const DiaryMark = z.object({
  lessonId: Id,
  date: IsoDate,
  kind: z.enum(['fo', 'sor', 'soch']),
  value: z.number().int(),
  /** The summative work's maximum (ФО: null, out of the school's ФО maximum). */
  max: z.number().int().nullable(),
});

export const DiarySubjectMarks = z.object({
  subject: Subject,
  assessment: z.enum(['marked', 'passFail', 'none']),
  /** The subject's marking period the chosen quarter falls in (a half-year for subjects of one hour a week). */
  period: MarkingPeriodSchema,
  marks: z.array(DiaryMark),
  term: TermMarkResult,
  /** What the term mark was computed from: the calculator sends it to grading.termMark with a tried СОЧ score. */
  termInput: TermMarkInput,
  year: z.object({ mark: z.number().int().nullable(), mean: z.number().nullable() }),
  /** The period holds the school's today: its `term.needed` says the СОЧ scores for each higher mark. */
  current: z.boolean(),
});

const WhoseDiary = {
  /** The pupil: a parent must name their child; a pupil may leave it out (their own diary). */
  studentId: Id.optional(),
};

export const diaryOperations = {
  'diary.week': query({
    summary: "A pupil's diary for a school week: each day's lessons with the teacher, topic, homework, the pupil's marks, attendance and remark, and days off; for the pupil themselves or a parent's own child",
    input: z.object({ ...WhoseDiary, weekOf: IsoDate.optional() }).strict(),
    output: z.object({
      student: PersonName,
      class: ClassRef.nullable(),
      today: IsoDate,
      /** The Monday of the week shown. */
      weekOf: IsoDate,
      days: z.array(DiaryDay),
    }),
    // Pupils (diary.readOwn) and parents (family.readChildren): the handler lets each see only their own.
    access: 'signedIn',
  }),
  'diary.marks': query({
    summary: "A pupil's marks by subject for a quarter: the marks, the term (half-year) mark and percent, the year mark so far, and the СОЧ score needed for each higher mark in the current term",
    input: z.object({ ...WhoseDiary, period: z.number().int().min(1).max(4).optional() }).strict(),
    output: z.object({
      student: PersonName,
      class: ClassRef.nullable(),
      today: IsoDate,
      /** The quarter shown and the year's quarters. */
      period: MarkingPeriodSchema.nullable(),
      periods: z.array(MarkingPeriodSchema),
      subjects: z.array(DiarySubjectMarks),
      /** The year's grading settings (the calculator asks grading.termMark with them). */
      grading: GradingSettingsOverride,
    }),
    access: 'signedIn',
  }),
} as const;
