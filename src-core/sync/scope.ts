import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';
import { SYNC_COLUMNS } from '../db/columns';

/**
 * Which rows a user may hold on a device (the first form of the sync buckets). Staff see the school's structure;
 * a parent or a pupil sees the school's calendar and only their own family's classes, lessons and people.
 * The rules, role by role, are in docs/ARCHITECTURE.md ("Who holds what").
 */
export const PUBLIC_TABLES = ['schools', 'academic_years', 'terms', 'holidays', 'shifts', 'bell_schedules', 'bell_periods', 'subjects', 'attendance_codes', 'rooms'] as const;
export const STAFF_TABLES = ['people', 'staff', 'classes', 'class_groups', 'enrolments', 'guardians', 'curriculum', 'teaching_assignments', 'timetable_entries'] as const;
/** The journal: rows of a lesson × pupil cell, held by bucket (class journal, pupil) and sent as bucket snapshots. */
export const JOURNAL_TABLES = ['attendance', 'marks', 'remarks'] as const;
export type JournalTable = (typeof JOURNAL_TABLES)[number];
/** Tables in the order a replica writes them. */
export const SNAPSHOT_TABLES = [...PUBLIC_TABLES, ...STAFF_TABLES, 'users', 'user_roles', 'lessons', ...JOURNAL_TABLES] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];
export type Snapshot = Partial<Record<SnapshotTable, Record<string, unknown>[]>>;

const STAFF: readonly Role[] = ['director', 'deputy_director', 'teacher', 'nurse', 'librarian', 'psychologist', 'sysadmin'];
const WHOLE_TIMETABLE: readonly Role[] = ['director', 'deputy_director', 'sysadmin'];

function live(db: Knex, table: string, schoolId: string) {
  return db(table).where(`${table}.school_id`, schoolId).whereNull(`${table}.deleted_at`).select(`${table}.*`);
}

/**
 * The rows of a user's scope, table by table, sent at online sign-in. The journal (marks, attendance) is not in
 * it: it comes with the pull, bucket by bucket, in compact resumable chunks (src-server/sync/snapshot.ts).
 */
export async function snapshotFor(db: Knex, actor: Actor): Promise<Snapshot> {
  const s = actor.schoolId;
  const out: Snapshot = {};
  for (const t of PUBLIC_TABLES) out[t] = await live(db, t, s);
  const isStaff = actor.roles.some((r) => STAFF.includes(r));
  const childIds = await familyOf(db, actor);
  if (isStaff) {
    for (const t of STAFF_TABLES) out[t] = await live(db, t, s);
  } else {
    const classIds = db('enrolments').where('school_id', s).whereIn('student_id', childIds).whereNull('deleted_at').select('class_id');
    out.classes = await live(db, 'classes', s).whereIn('id', classIds);
    out.class_groups = await live(db, 'class_groups', s).whereIn('class_id', classIds);
    out.enrolments = await live(db, 'enrolments', s).whereIn('student_id', childIds);
    out.guardians = await live(db, 'guardians', s).where((w) => w.where('parent_id', actor.personId).orWhere('child_id', actor.personId));
    const teacherIds = db('lessons').where('school_id', s).whereIn('class_id', classIds).distinct('teacher_id');
    const classTeacherIds = db('classes').where('school_id', s).whereIn('id', classIds).whereNotNull('class_teacher_id').select('class_teacher_id');
    out.people = await live(db, 'people', s).where((w) => w.whereIn('id', [actor.personId, ...childIds])
      .orWhereIn('id', teacherIds).orWhereIn('id', classTeacherIds));
  }
  // Password hashes, failed attempts and lock times never leave the server.
  const userCols = [...SYNC_COLUMNS, 'person_id', 'login', 'locale', 'disabled'];
  const everyone = actor.roles.some((r) => WHOLE_TIMETABLE.includes(r));
  out.users = await db('users').where({ school_id: s }).whereNull('deleted_at').modify((q) => { if (!everyone) q.where('id', actor.userId); }).select(userCols);
  out.user_roles = await live(db, 'user_roles', s).modify((q) => { if (!everyone) q.where('user_id', actor.userId); });
  out.lessons = await lessonsFor(db, actor, isStaff, childIds);
  return out;
}

async function familyOf(db: Knex, actor: Actor): Promise<string[]> {
  const ids: string[] = [];
  if (actor.roles.includes('student')) ids.push(actor.personId);
  if (actor.roles.includes('parent')) {
    ids.push(...(await db('guardians').where({ school_id: actor.schoolId, parent_id: actor.personId }).whereNull('deleted_at').pluck('child_id')));
  }
  return ids;
}

async function lessonsFor(db: Knex, actor: Actor, isStaff: boolean, childIds: string[]) {
  const s = actor.schoolId;
  if (actor.roles.some((r) => WHOLE_TIMETABLE.includes(r))) return live(db, 'lessons', s);
  // A teacher holds every lesson of the classes they teach or lead: the journal of those classes is theirs too.
  const ledClasses = db('classes').where({ school_id: s, class_teacher_id: actor.personId }).select('id')
    .union(db('lessons').where({ school_id: s, teacher_id: actor.personId }).distinct('class_id'));
  const childClasses = db('enrolments').where('school_id', s).whereIn('student_id', childIds).whereNull('deleted_at').select('class_id');
  return live(db, 'lessons', s).where((w) => {
    if (isStaff) w.where('teacher_id', actor.personId).orWhereIn('class_id', ledClasses);
    if (childIds.length) w.orWhereIn('class_id', childClasses);
    if (!isStaff && !childIds.length) w.whereRaw('1 = 0');
  });
}
