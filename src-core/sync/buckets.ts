import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';

/**
 * The buckets a user may hold, recomputed at every pull (a role removed today is gone from the next pull):
 * - director, deputy director: every class (`class:<id>`: its lessons; `class:<id>:journal`: its marks and attendance);
 * - teacher: the classes they teach or lead, both buckets, and `teacher:<person>` (their own lessons);
 * - parent: `student:<child>` for each of their children and `class:<id>` of the children's classes;
 * - student: `student:<self>` and `class:<id>` of their class;
 * - nurse, librarian, psychologist, sysadmin: no journal bucket (their own buckets come with their modules).
 */
export async function bucketsOf(db: Knex, actor: Actor): Promise<Set<string>> {
  const s = actor.schoolId;
  const out = new Set<string>();
  const addClass = (id: string, journal: boolean) => {
    out.add(`class:${id}`);
    if (journal) out.add(`class:${id}:journal`);
  };
  if (actor.roles.includes('director') || actor.roles.includes('deputy_director')) {
    for (const id of await db('classes').where({ school_id: s }).whereNull('deleted_at').pluck('id')) addClass(id, true);
  }
  if (actor.roles.includes('teacher')) {
    out.add(`teacher:${actor.personId}`);
    const taught = await db('teaching_assignments').where({ school_id: s, teacher_id: actor.personId }).whereNull('deleted_at').distinct().pluck('class_id');
    const lessons = await db('lessons').where({ school_id: s, teacher_id: actor.personId }).whereNull('deleted_at').distinct().pluck('class_id');
    const led = await db('classes').where({ school_id: s, class_teacher_id: actor.personId }).whereNull('deleted_at').pluck('id');
    for (const id of [...taught, ...lessons, ...led]) addClass(id, true);
  }
  const children: string[] = [];
  if (actor.roles.includes('parent')) {
    children.push(...await db('guardians').where({ school_id: s, parent_id: actor.personId }).whereNull('deleted_at').pluck('child_id'));
  }
  if (actor.roles.includes('student')) children.push(actor.personId);
  for (const child of children) out.add(`student:${child}`);
  if (children.length) {
    const classes = await db('enrolments').where({ school_id: s }).whereIn('student_id', children).whereNull('deleted_at').whereNull('left_on').distinct().pluck('class_id');
    for (const id of classes) addClass(id, false);
  }
  return out;
}
