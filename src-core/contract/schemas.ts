import { z } from 'zod';
import { ROLES } from '../auth/roles';

/** Shapes shared by several operations. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });
export const Id = z.string().uuid();
export const Localised = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export const RoleSchema = z.enum(ROLES);
export const Locale = z.enum(['kk', 'ru', 'en']);
export type Locale = z.infer<typeof Locale>;

export const PersonName = z.object({
  id: Id,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
});

export const ClassRef = z.object({
  id: Id,
  name: z.string(), // "7А"
  grade: z.number().int(),
  letter: z.string(),
  language: z.enum(['kk', 'ru']),
});

export const LessonView = z.object({
  id: Id,
  date: IsoDate,
  period: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  class: ClassRef,
  group: z.number().int().nullable(),
  subject: z.object({ id: Id, code: z.string(), name: Localised }),
  room: z.object({ id: Id, number: z.string(), kind: z.string(), interactiveBoard: z.boolean() }).nullable(),
  teacher: PersonName,
  topic: z.string().nullable(),
  status: z.enum(['planned', 'held', 'cancelled']),
});
export type LessonView = z.infer<typeof LessonView>;

/** One school day of somebody's timetable, or the reason there are no lessons that day. */
export const DaySchedule = z.object({
  date: IsoDate,
  dayOff: z.enum(['weekend', 'holiday', 'outside_year']).nullable(),
  holiday: Localised.nullable(),
  lessons: z.array(LessonView),
  nextSchoolDay: IsoDate.nullable(),
});
export type DaySchedule = z.infer<typeof DaySchedule>;

export const Me = z.object({
  userId: Id,
  login: z.string(),
  locale: Locale,
  person: PersonName,
  roles: z.array(RoleSchema),
  permissions: z.array(z.string()),
  school: z.object({ id: Id, number: z.string().nullable(), name: Localised, timezone: z.string() }),
  leadsClass: ClassRef.nullable(),
});
export type Me = z.infer<typeof Me>;

/** A change of this user's that the server did not apply: refused (with its reason) or in conflict (both values). */
export const SyncProblem = z.object({
  mutationId: Id,
  operation: z.string(),
  outcome: z.enum(['rejected', 'conflict']),
  createdAt: z.string(),
  lesson: z.object({ id: Id, date: IsoDate, period: z.number().int(), className: z.string(), subject: Localised }).nullable(),
  student: PersonName.nullable(),
  /** What the user wrote and what the server holds, as shown in the journal ("8", "ж"; null: empty). */
  mine: z.string().nullable(),
  theirs: z.string().nullable(),
  reason: z.object({ messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

export const SyncState = z.object({
  /** The host's time now: "5 minutes ago" is counted by the clock that wrote lastSyncAt. */
  now: z.string(),
  lastSyncAt: z.string().nullable(),
  pending: z.number().int(),
  problems: z.array(SyncProblem),
});
export type SyncState = z.infer<typeof SyncState>;
