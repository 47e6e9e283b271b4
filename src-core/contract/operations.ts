import { z } from 'zod';
import { GradingSettingsOverride } from '../grading/settings';
import { TermMarkInput, TermMarkResult } from '../grading/term-mark';
import { command, query } from './define';
import { diaryOperations } from './ops/diary';
import { journalOperations, MarkKind, Reason } from './ops/journal';
import { plansOperations } from './ops/plans';
import { reportsOperations } from './ops/reports';
import { resourcesOperations } from './ops/resources';
import { ClassRef, DaySchedule, Id, IsoDate, Localised, Me, PersonName, RoleSchema, SyncState } from './schemas';

/**
 * The one API of the system. Every operation is defined here once and served by the three hosts (Electron IPC,
 * the desktop client's loopback http-host, the central server's /api/<name>). Handlers live in src-core/handlers.
 */
export const operations = {
  'session.me': query({
    summary: 'The signed-in user: person, roles, permissions, school, the class they lead',
    input: z.object({}).strict(),
    output: Me,
    access: 'signedIn',
  }),
  'timetable.teacherDay': query({
    summary: "A teacher's lessons on a day (today in the school's time zone when no date is given)",
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: DaySchedule,
    access: { permission: 'timetable.readOwn' },
  }),
  'timetable.studentDay': query({
    summary: "A pupil's lessons on a day",
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: DaySchedule,
    access: { permission: 'diary.readOwn' },
  }),
  'family.myChildren': query({
    summary: "A parent's children with their class, class teacher and the day's lessons",
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: z.object({
      children: z.array(z.object({
        person: PersonName,
        birthDate: IsoDate.nullable(),
        class: ClassRef.nullable(),
        classTeacher: PersonName.extend({ phone: z.string().nullable() }).nullable(),
        day: DaySchedule,
      })),
    }),
    access: { permission: 'family.readChildren' },
  }),
  'school.overview': query({
    summary: "The school's figures for the administration",
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: z.object({
      date: IsoDate,
      academicYear: z.object({ name: z.string(), startsOn: IsoDate, endsOn: IsoDate }).nullable(),
      classes: z.number().int(),
      pupils: z.number().int(),
      teachers: z.number().int(),
      staff: z.number().int(),
      rooms: z.number().int(),
      lessonsOnDate: z.number().int(),
    }),
    access: { permission: 'school.overview' },
  }),
  'school.classes': query({
    summary: "The school's classes of the current year with their pupils' count and class teacher",
    input: z.object({}).strict(),
    output: z.object({
      classes: z.array(ClassRef.extend({
        shift: z.number().int(),
        pupils: z.number().int(),
        classTeacher: PersonName.nullable(),
      })),
    }),
    access: { permission: 'school.read' },
  }),
  'school.subjects': query({
    summary: "The school's subjects (not deleted), by code: what a resource, a plan or a filter may name",
    input: z.object({}).strict(),
    output: z.object({
      subjects: z.array(z.object({ id: Id, code: z.string(), name: Localised })),
    }),
    access: { permission: 'school.read' },
  }),
  'users.list': query({
    summary: "The school's accounts with their roles and lock state",
    input: z.object({ role: RoleSchema.optional() }).strict(),
    output: z.object({
      users: z.array(z.object({
        id: Id,
        login: z.string(),
        person: PersonName,
        roles: z.array(RoleSchema),
        disabled: z.boolean(),
        locked: z.boolean(),
      })),
    }),
    access: { permission: 'users.read' },
  }),
  'lesson.setTopic': command({
    summary: 'A teacher writes the topic of a lesson they teach',
    input: z.object({ lessonId: Id, topic: z.string().trim().min(1).max(500) }).strict(),
    output: z.object({ lessonId: Id, topic: z.string(), rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
  }),
  'attendance.mark': command({
    summary: "A teacher marks a pupil's attendance in a lesson they teach (a code of the school's dictionary, or null: present)",
    input: z.object({ lessonId: Id, studentId: Id, code: z.string().trim().min(1).max(8).nullable(), reason: Reason.optional() }).strict(),
    output: z.object({ id: Id, code: z.string().nullable(), rowVersion: z.number().int() }),
    access: { permission: 'journal.writeOwn' },
  }),
  'journal.setMark': command({
    summary: "A teacher sets a pupil's mark in a lesson they teach — the formative mark (1–10) or the score of the lesson's СОР/СОЧ (0 to its maximum); compare-and-set on the version they saw",
    input: z.object({
      lessonId: Id,
      studentId: Id,
      kind: MarkKind.optional(),
      value: z.number().int().min(0).max(100).nullable(),
      baseVersion: z.number().int().min(0),
      reason: Reason.optional(),
    }).strict(),
    output: z.object({ id: Id, kind: MarkKind, value: z.number().int().nullable(), rowVersion: z.number().int() }),
    access: { permission: 'journal.writeOwn' },
  }),
  'grading.termMark': query({
    summary: 'The term (or half-year) mark from ФО, СОР and СОЧ by the criteria-based rules, and the СОЧ score needed for each higher mark; settings given replace the defaults (МОН order No. 125)',
    input: z.object({ marks: TermMarkInput, settings: GradingSettingsOverride.optional() }).strict(),
    output: TermMarkResult,
    // A calculator: it reads and writes no data, so a parent or a pupil may use it without signing in.
    access: 'public',
  }),
  ...journalOperations,
  ...diaryOperations,
  ...reportsOperations,
  ...plansOperations,
  ...resourcesOperations,
  'sync.status': query({
    summary: "This computer's sync: when it last reached the server, the changes waiting, and the signed-in user's changes the server refused or found in conflict",
    input: z.object({}).strict(),
    output: SyncState,
    access: 'signedIn',
    device: true,
  }),
  'sync.resolve': command({
    summary: 'The signed-in user decides a conflict (keep mine: sent again over the server\'s value; take theirs) or puts a refused change aside',
    input: z.object({ mutationId: Id, choice: z.enum(['keepMine', 'takeTheirs', 'dismiss']) }).strict(),
    output: z.object({ mutationId: Id, resolution: z.enum(['keepMine', 'takeTheirs', 'dismiss']) }),
    access: 'signedIn',
    device: true,
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Operations[N]['output']>;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
