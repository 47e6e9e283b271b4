import type { Actor } from '../auth/actor';
import { permissionsOf } from '../auth/roles';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { Resource, ResourceKind } from '../contract/ops/resources';
import { toPersonName } from '../school/people';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the database gives them
type Row = any;

/** Who may change or remove an entry: whoever added it, and for the school's library its keepers. */
export function mayEditResource(actor: Actor, row: { owner_id: string; scope: string }): boolean {
  return row.owner_id === actor.personId || (row.scope === 'school' && permissionsOf(actor.roles).includes('resources.manageSchool'));
}

/**
 * Library entries the caller may see, with their subject and owner: the school's, and the caller's own personal
 * ones (a colleague's personal entry is never seen, even by the library's keepers).
 */
export async function visibleResources(ctx: HandlerContext, filter: (q: Row) => void = () => {}): Promise<Resource[]> {
  const actor = ctx.actor!;
  const rows: Row[] = await ctx.db('resources as r')
    .leftJoin('subjects as s', 's.id', 'r.subject_id')
    .join('people as o', 'o.id', 'r.owner_id')
    .where('r.school_id', actor.schoolId).whereNull('r.deleted_at')
    .where((w: Row) => w.where('r.scope', 'school').orWhere((p: Row) => p.where({ 'r.scope': 'personal', 'r.owner_id': actor.personId })))
    .modify(filter)
    .select('r.*', 's.code as subject_code', 's.name_kk', 's.name_ru', 's.name_en', 'o.last_name', 'o.first_name', 'o.middle_name');
  return rows.map((r) => resourceView(actor, r));
}

function resourceView(actor: Actor, r: Row): Resource {
  return {
    id: r.id,
    scope: r.scope,
    title: r.title,
    fileName: r.file_name,
    kind: r.kind as ResourceKind,
    mime: r.mime,
    size: Number(r.size_bytes),
    sha256: r.sha256,
    subject: r.subject_id ? { id: r.subject_id, code: r.subject_code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } } : null,
    grade: r.grade === null || r.grade === undefined ? null : Number(r.grade),
    topic: r.topic ?? null,
    language: r.language ?? null,
    owner: toPersonName({ id: r.owner_id, last_name: r.last_name, first_name: r.first_name, middle_name: r.middle_name }),
    editable: mayEditResource(actor, r),
    updatedAt: r.updated_at,
    rowVersion: Number(r.row_version),
  };
}

/** One entry as the caller sees it; another school's, a removed one or a colleague's personal one is not found. */
export async function resourceById(ctx: HandlerContext, resourceId: string): Promise<Resource> {
  const [resource] = await visibleResources(ctx, (q) => q.where('r.id', resourceId));
  if (!resource) throw new OperationError('not_found');
  return resource;
}

/** A subject named by an entry must be one of the school's. */
export async function checkSubject(ctx: HandlerContext, subjectId: string | null | undefined): Promise<void> {
  if (!subjectId) return;
  const subject = await ctx.db('subjects').where({ id: subjectId, school_id: ctx.actor!.schoolId }).whereNull('deleted_at').first('id');
  if (!subject) throw new OperationError('invalid_input', 'error.invalid_input', {}, [{ path: 'subjectId', messageKey: 'error.not_found' }]);
}
