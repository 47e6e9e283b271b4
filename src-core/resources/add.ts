import { v4 as uuid } from 'uuid';
import type { HandlerContext } from '../contract/call';
import { OperationError } from '../contract/errors';
import type { InputOf, OutputOf } from '../contract/operations';
import { createColumns } from '../db/touch';
import { checkSubject, resourceById } from './view';

/**
 * resources.add: a file the school already holds (uploaded with POST /files) becomes an entry of the school's
 * library or of the caller's personal one. Its kind, type and size are the server's own record of the file, never
 * what the caller says.
 */
export async function addResource(ctx: HandlerContext, input: InputOf<'resources.add'>): Promise<OutputOf<'resources.add'>> {
  const actor = ctx.actor!;
  const file = await ctx.db('files').where({ school_id: actor.schoolId, sha256: input.sha256 }).first();
  if (!file) throw new OperationError('not_found', 'error.file_missing');
  await checkSubject(ctx, input.subjectId);
  const row = {
    ...await createColumns(ctx, uuid()),
    owner_id: actor.personId,
    scope: input.scope,
    title: input.title,
    file_name: input.fileName,
    kind: file.kind,
    mime: file.mime,
    size_bytes: Number(file.size_bytes),
    sha256: input.sha256,
    subject_id: input.subjectId ?? null,
    grade: input.grade ?? null,
    topic: input.topic ?? null,
    language: input.language ?? null,
  };
  await ctx.db('resources').insert(row);
  return resourceById(ctx, row.id);
}
