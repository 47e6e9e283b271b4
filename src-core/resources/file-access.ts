import type { Actor } from '../auth/actor';
import { permissionsOf } from '../auth/roles';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { ResourceKind } from '../contract/ops/resources';
import { checkJournalAccess } from '../journal/access';

/** A file the host holds for the caller's school, as the host serves it. */
export interface HeldFile {
  sha256: string;
  size: number;
  mime: string;
  kind: ResourceKind;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/**
 * Who may read a file: the caller's school must hold it (the server's `files`, a desktop client's complete
 * `file_cache`), and the caller uploaded it, or a library entry they may see names it (the school's with
 * resources.read, or their own personal one), or a lesson they may read names it (its plan or its saved board):
 * the lesson's teacher, the readers of the class's journal, a pupil of the lesson's class (or half of it), a parent
 * of such a pupil by a guardianship not ended. Anybody else gets null, and the host answers 404 as for a file that
 * does not exist.
 */
export async function readableFile(ctx: HandlerContext, sha256: string): Promise<HeldFile | null> {
  const actor = ctx.actor;
  if (!actor) throw new OperationError('unauthenticated');
  const held = await heldFile(ctx, actor, sha256);
  if (!held) return null;
  const file: HeldFile = { sha256, size: Number(held.size_bytes), mime: String(held.mime), kind: held.kind as ResourceKind };
  if (held.uploaded_by === actor.userId) return file;
  if (await libraryLets(ctx, actor, sha256)) return file;
  if (await someLessonLets(ctx, actor, await lessonsNaming(ctx, actor, sha256))) return file;
  return null;
}

function heldFile(ctx: HandlerContext, actor: Actor, sha256: string): Promise<Row> {
  return ctx.host === 'server'
    ? ctx.db('files').where({ school_id: actor.schoolId, sha256 }).first()
    : ctx.db('file_cache').where({ sha256, state: 'complete' }).first();
}

async function libraryLets(ctx: HandlerContext, actor: Actor, sha256: string): Promise<boolean> {
  const readsSchool = permissionsOf(actor.roles).includes('resources.read');
  const entry = await ctx.db('resources').where({ school_id: actor.schoolId, sha256 }).whereNull('deleted_at')
    .where((w) => {
      w.where({ scope: 'personal', owner_id: actor.personId });
      if (readsSchool) w.orWhere({ scope: 'school' });
    })
    .first('id');
  return Boolean(entry);
}

interface LinkedLesson { id: string; class_id: string; group_id: string | null; subject_id: string; teacher_id: string }

/**
 * The lessons whose plan or saved board names the file. The server keeps them in `file_links`; a desktop client
 * writes its own links but receives lessons from the server without them, so it also looks in the lessons' columns.
 */
async function lessonsNaming(ctx: HandlerContext, actor: Actor, sha256: string): Promise<LinkedLesson[]> {
  const columns = ['l.id', 'l.class_id', 'l.group_id', 'l.subject_id', 'l.teacher_id'];
  const linked: LinkedLesson[] = await ctx.db('file_links as f').join('lessons as l', 'l.id', 'f.lesson_id')
    .where({ 'f.school_id': actor.schoolId, 'f.sha256': sha256, 'l.school_id': actor.schoolId }).whereNull('l.deleted_at')
    .distinct(columns);
  if (ctx.host === 'server') return linked;
  const named: LinkedLesson[] = await ctx.db('lessons as l').where({ 'l.school_id': actor.schoolId }).whereNull('l.deleted_at')
    .where((w) => w.where('l.board_files', 'like', `%${sha256}%`).orWhere('l.plan', 'like', `%${sha256}%`))
    .select(columns);
  return [...new Map([...linked, ...named].map((l) => [l.id, l])).values()];
}

async function someLessonLets(ctx: HandlerContext, actor: Actor, lessons: LinkedLesson[]): Promise<boolean> {
  if (lessons.length === 0) return false;
  if (lessons.some((l) => l.teacher_id === actor.personId)) return true;
  const may = permissionsOf(actor.roles);
  if (may.includes('journal.read') && await readsSomeJournal(ctx, lessons)) return true;
  if (may.includes('diary.readOwn') && await inSomeLessonClass(ctx, actor, [actor.personId], lessons)) return true;
  if (may.includes('family.readChildren')) {
    const children: string[] = await ctx.db('guardians as g').join('people as p', 'p.id', 'g.child_id')
      .where({ 'g.school_id': actor.schoolId, 'g.parent_id': actor.personId }).whereNull('g.deleted_at').whereNull('p.deleted_at')
      .pluck('g.child_id');
    if (children.length && await inSomeLessonClass(ctx, actor, children, lessons)) return true;
  }
  return false;
}

/** The caller may open the journal of one of the lessons' classes in its subject (the same rule as journal.sheet). */
async function readsSomeJournal(ctx: HandlerContext, lessons: LinkedLesson[]): Promise<boolean> {
  const pairs = new Map(lessons.map((l) => [`${l.class_id}:${l.subject_id}`, l]));
  for (const l of pairs.values()) {
    try {
      await checkJournalAccess(ctx, l.class_id, l.subject_id);
      return true;
    } catch (e) {
      if (!(e instanceof OperationError)) throw e;
    }
  }
  return false;
}

/** One of the pupils is in one of the lessons' classes now (and in the lesson's half when the class splits). */
async function inSomeLessonClass(ctx: HandlerContext, actor: Actor, pupils: string[], lessons: LinkedLesson[]): Promise<boolean> {
  const enrolments: Row[] = await ctx.db('enrolments')
    .where({ school_id: actor.schoolId }).whereIn('student_id', pupils).whereIn('class_id', [...new Set(lessons.map((l) => l.class_id))])
    .whereNull('deleted_at').whereNull('left_on')
    .select('class_id', 'group_id');
  return lessons.some((l) => enrolments.some((e) => e.class_id === l.class_id && (!l.group_id || e.group_id === l.group_id)));
}
