import { z } from 'zod';
import { command, query } from '../define';
import { Id, IsoDate, Localised, PersonName } from '../schemas';

/** The largest file a teacher may import: 2 MB, as base64 (4 characters for 3 bytes). */
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;
const BASE64_MAX = Math.ceil(PLAN_FILE_MAX_BYTES / 3) * 4;

const Hours = z.number().positive().max(20).refine((n) => Math.round(n * 2) === n * 2, { error: 'halves' });
const Grade = z.number().int().min(1).max(12);
const PlanLanguage = z.enum(['kk', 'ru']);

export const PlanTopic = z.object({
  id: Id,
  position: z.number().int(),
  section: z.string().nullable(),
  title: z.string(),
  hours: z.number(),
  sor: z.boolean(),
  soch: z.boolean(),
});

/** A plan as a list shows it: whose, for what, how many topics and hours. */
export const PlanSummary = z.object({
  id: Id,
  academicYearId: Id,
  subject: z.object({ id: Id, code: z.string(), name: Localised }),
  grade: z.number().int(),
  language: PlanLanguage,
  title: z.string(),
  author: PersonName,
  /** The caller wrote it: they may edit and apply it. */
  mine: z.boolean(),
  topicCount: z.number().int(),
  totalHours: z.number(),
  updatedAt: z.string(),
  rowVersion: z.number().int(),
});

export const PlanView = PlanSummary.extend({ topics: z.array(PlanTopic) });

/** The calendar-thematic plans' operations of the contract (spread into operations.ts). */
export const plansOperations = {
  'plans.list': query({
    summary: 'The calendar-thematic plans (КТП) of the current year the caller may read: a teacher\'s for the subjects and grades they teach (their colleagues\' too); every plan for the administration',
    input: z.object({ subjectId: Id.optional(), grade: Grade.optional() }).strict(),
    output: z.object({ plans: z.array(PlanSummary) }),
    access: { permission: 'journal.read' },
    server: true,
  }),
  'plans.get': query({
    summary: 'A calendar-thematic plan with its topics in order',
    input: z.object({ planId: Id }).strict(),
    output: PlanView,
    access: { permission: 'journal.read' },
    server: true,
  }),
  'plans.import': command({
    summary: 'A teacher imports their calendar-thematic plan of a subject in a grade for the current year from an XLSX or CSV file (at most 2 MB): it is created, or replaces their plan; a file with errors changes nothing',
    input: z.object({
      subjectId: Id,
      grade: Grade,
      language: PlanLanguage,
      title: z.string().trim().min(1).max(200),
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1).max(BASE64_MAX).regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, { error: 'base64' }),
    }).strict(),
    output: PlanView,
    access: { permission: 'lesson.writeOwn' },
    server: true,
  }),
  'plans.setTopic': command({
    summary: 'The author of a plan changes one of its topics in place: its title, hours or section',
    input: z.object({
      planId: Id,
      position: z.number().int().min(1),
      title: z.string().trim().min(1).max(500).optional(),
      hours: Hours.optional(),
      section: z.string().trim().min(1).max(300).nullable().optional(),
    }).strict().refine((v) => v.title !== undefined || v.hours !== undefined || v.section !== undefined, { path: ['title'], error: 'required' }),
    output: PlanTopic.extend({ rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
    server: true,
  }),
  'plans.apply': command({
    summary: 'The author of a plan lays its topics onto the dated lessons of a class (or group) they teach, from a date (the school year\'s start by default): one lesson per hour, cancelled lessons and holidays skipped. A lesson gets the topic when it has none or its topic came from a plan; a topic written by hand and a locked lesson are kept',
    input: z.object({ planId: Id, classId: Id, groupId: Id.nullable().optional(), from: IsoDate.optional() }).strict(),
    output: z.object({
      from: IsoDate,
      /** Lessons given their topic now; `unchanged`: they already carried it. */
      written: z.number().int(),
      unchanged: z.number().int(),
      /** Lessons whose topic was written by hand: kept. */
      kept: z.number().int(),
      /** Lessons past the editing period: not changed. */
      locked: z.number().int(),
      /** Lessons that held a topic of a plan no topic reaches now: cleared. */
      cleared: z.number().int(),
      lessons: z.array(z.object({
        lessonId: Id, date: IsoDate, period: z.number().int(), position: z.number().int(), title: z.string(),
        outcome: z.enum(['written', 'unchanged', 'kept', 'locked']),
        /** The last lesson of a topic followed by a СОР (or СОЧ): where the teacher sets the work. */
        summative: z.enum(['sor', 'soch']).nullable(),
      })),
      notFitted: z.array(z.object({ position: z.number().int(), title: z.string(), missingLessons: z.number().int() })),
      spareLessons: z.number().int(),
    }),
    access: { permission: 'lesson.writeOwn' },
    server: true,
  }),
} as const;
