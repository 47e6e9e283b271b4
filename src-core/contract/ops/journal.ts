import { z } from 'zod';
import { GradingSettings, GradingSettingsOverride } from '../../grading/settings';
import { TermMarkResult } from '../../grading/term-mark';
import { command, query } from '../define';
import { ClassRef, Id, IsoDate, Localised, PersonName } from '../schemas';

const Reason = z.string().trim().min(1).max(500);
const MarkKind = z.enum(['fo', 'sor', 'soch']);
const SummativeKind = z.enum(['sor', 'soch']);

/** A lesson as a column of the journal: its date, topic, homework, summative work and whether its cells are locked. */
export const JournalLesson = z.object({
  id: Id,
  date: IsoDate,
  period: z.number().int(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  status: z.enum(['planned', 'held', 'cancelled']),
  teacherId: Id,
  summative: z.object({ kind: SummativeKind, max: z.number().int(), title: z.string().nullable() }).nullable(),
  locked: z.boolean(),
  unlockedUntil: IsoDate.nullable(),
  /** The caller teaches it and it is not locked: they may write its cells. */
  writable: z.boolean(),
});

/** One filled cell of a pupil in a lesson: the ФО, the summative score, the attendance code, the remark, with versions. */
export const JournalCell = z.object({
  lessonId: Id,
  studentId: Id,
  fo: z.object({ value: z.number().int().nullable(), version: z.number().int() }).nullable(),
  score: z.object({ value: z.number().int().nullable(), version: z.number().int() }).nullable(),
  code: z.object({ code: z.string().nullable(), version: z.number().int() }).nullable(),
  remark: z.string().nullable(),
});

export const AttendanceCode = z.object({ code: z.string(), label: Localised, absent: z.boolean(), excused: z.boolean() });

export const MarkingPeriodSchema = z.object({ kind: z.enum(['term', 'halfYear']), number: z.number().int(), startsOn: IsoDate, endsOn: IsoDate });

export const journalOperations = {
  'journal.list': query({
    summary: 'The journals the caller may open (class or group × subject): a teacher\'s own and those of the class they lead; every one for the administration',
    input: z.object({}).strict(),
    output: z.object({
      journals: z.array(z.object({
        class: ClassRef,
        group: z.object({ id: Id, number: z.number().int() }).nullable(),
        subject: z.object({ id: Id, code: z.string(), name: Localised }),
        teachers: z.array(PersonName),
        mine: z.boolean(),
      })),
    }),
    access: { permission: 'journal.read' },
  }),
  'journal.sheet': query({
    summary: 'The journal of a class (or group) in a subject for a marking period: lessons, pupils, cells, term marks',
    input: z.object({ classId: Id, subjectId: Id, groupId: Id.nullable().optional(), period: z.number().int().min(1).max(4).optional() }).strict(),
    output: z.object({
      class: ClassRef,
      group: z.object({ id: Id, number: z.number().int() }).nullable(),
      subject: z.object({ id: Id, code: z.string(), name: Localised }),
      assessment: z.enum(['marked', 'passFail', 'none']),
      period: MarkingPeriodSchema,
      periods: z.array(MarkingPeriodSchema),
      today: IsoDate,
      editingDays: z.number().int(),
      pupils: z.array(PersonName),
      lessons: z.array(JournalLesson),
      cells: z.array(JournalCell),
      termMarks: z.array(TermMarkResult.extend({ studentId: Id })),
      codes: z.array(AttendanceCode),
    }),
    access: { permission: 'journal.read' },
  }),
  'journal.setRemark': command({
    summary: "A teacher's remark on a pupil in a lesson they teach (the family sees it), or null to clear it",
    input: z.object({ lessonId: Id, studentId: Id, text: z.string().trim().min(1).max(1000).nullable() }).strict(),
    output: z.object({ id: Id, text: z.string().nullable(), rowVersion: z.number().int() }),
    access: { permission: 'journal.writeOwn' },
  }),
  'attendance.allPresent': command({
    summary: 'Everyone is here: every pupil of the lesson without an attendance record is recorded present',
    input: z.object({ lessonId: Id }).strict(),
    output: z.object({ lessonId: Id, recorded: z.number().int() }),
    access: { permission: 'journal.writeOwn' },
  }),
  'lesson.setHomework': command({
    summary: 'A teacher writes the homework of a lesson they teach, or clears it',
    input: z.object({ lessonId: Id, homework: z.string().trim().min(1).max(2000).nullable() }).strict(),
    output: z.object({ lessonId: Id, homework: z.string().nullable(), rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
  }),
  'lesson.setSummative': command({
    summary: 'A teacher makes a lesson hold a summative work (СОР or СОЧ) with its maximum score, or none',
    input: z.object({
      lessonId: Id,
      kind: SummativeKind.nullable(),
      maxScore: z.number().int().min(1).max(100).optional(),
      title: z.string().trim().min(1).max(200).optional(),
    }).strict().refine((v) => v.kind === null || v.maxScore !== undefined, { path: ['maxScore'], error: 'required' }),
    output: z.object({ lessonId: Id, kind: SummativeKind.nullable(), maxScore: z.number().int().nullable(), rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
  }),
  'journal.cellHistory': query({
    summary: "Every change of a pupil's cell in a lesson (ФО, summative score, attendance, remark): who, when, on which computer, old and new value, and why — from the server's history",
    input: z.object({ lessonId: Id, studentId: Id }).strict(),
    output: z.object({
      entries: z.array(z.object({
        at: z.string(),
        by: PersonName.nullable(),
        device: z.string().nullable(),
        what: z.enum(['fo', 'sor', 'soch', 'attendance', 'remark']),
        old: z.string().nullable(),
        new: z.string().nullable(),
        reason: z.string().nullable(),
      })),
    }),
    access: { permission: 'journal.read' },
    server: true,
  }),
  'classTeacher.summary': query({
    summary: "The class teacher's view of their class for a marking period: each pupil's term marks by subject and attendance, the pupils at risk of a 2, the parents' contacts",
    input: z.object({ classId: Id, period: z.number().int().min(1).max(4).optional() }).strict(),
    output: z.object({
      class: ClassRef,
      period: z.number().int(),
      subjects: z.array(z.object({ id: Id, code: z.string(), name: Localised, average: z.number().nullable() })),
      pupils: z.array(z.object({
        pupil: PersonName,
        marks: z.array(z.object({ subjectId: Id, percent: z.number().nullable(), mark: z.number().int().nullable(), pass: z.boolean().nullable() })),
        absences: z.object({ lessons: z.number().int(), excused: z.number().int(), unexcused: z.number().int(), late: z.number().int() }),
        atRisk: z.array(Id),
        parents: z.array(PersonName.extend({ phone: z.string().nullable(), email: z.string().nullable(), relation: z.string() })),
      })),
    }),
    access: { permission: 'journal.read' },
  }),
  'attendance.excuse': command({
    summary: "The class teacher excuses a pupil's absences over days (a sick note, a family reason): each unexcused absence in those days gets the excused code",
    input: z.object({ studentId: Id, from: IsoDate, to: IsoDate, code: z.string().trim().min(1).max(8), reason: Reason }).strict()
      .refine((v) => v.from <= v.to, { path: ['to'], error: 'date' }),
    output: z.object({ studentId: Id, excused: z.number().int() }),
    access: { permission: 'journal.writeOwn' },
  }),
  'journal.rules': query({
    summary: "The journal's rules of the current school year: the editing period and the grading settings (weights, scale, rounding)",
    input: z.object({}).strict(),
    output: z.object({ yearId: Id.nullable(), editingDays: z.number().int(), grading: GradingSettings }),
    access: { permission: 'journal.read' },
  }),
  'journal.setRules': command({
    summary: "The administration sets the current school year's editing period and grading settings (each setting given replaces the default; none given: the defaults of the ministry's order)",
    input: z.object({ editingDays: z.number().int().min(0).max(60).optional(), grading: GradingSettingsOverride.optional() }).strict(),
    output: z.object({ yearId: Id, editingDays: z.number().int(), grading: GradingSettings }),
    access: { permission: 'journal.unlock' },
  }),
  'journal.unlockLesson': command({
    summary: "The administration lets a lesson's cells be changed after the editing period, until a day, for a reason",
    input: z.object({ lessonId: Id, until: IsoDate, reason: Reason }).strict(),
    output: z.object({ lessonId: Id, unlockedUntil: IsoDate, rowVersion: z.number().int() }),
    access: { permission: 'journal.unlock' },
  }),
} as const;

export { MarkKind, Reason };
