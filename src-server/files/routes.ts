import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../src-core/auth/actor';
import { permissionsOf } from '../../src-core/auth/roles';
import { fieldErrors } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError } from '../../src-core/contract/errors';
import { Sha256 } from '../../src-core/contract/ops/resources';
import { localeFromHeader } from '../../src-core/i18n/index';
import { readableFile, type HeldFile } from '../../src-core/resources/file-access';
import { packageEntryPath } from '../../src-core/resources/package';
import { FILE_CSP, PACKAGE_CSP } from '../../src-core/resources/policies';
import { issueFileTicket, verifyFileTicket } from '../../src-core/resources/tickets';
import { replicaRecorder } from '../../src-core/sync/changes';
import { loadActor } from '../auth/actors';
import { actorFromBearer } from '../auth/bearer';
import type { ServerContext } from '../context';
import { OpenPackages } from './packages';
import { bytesInMemory, fileOnDisk, sendWithRanges } from './send';
import { FileStore, type FileStoreSettings } from './store';
import { uploadFile } from './upload';

/**
 * The files of the resource library and of lessons:
 * - POST /files?name=<file name>: the bytes as the body (Bearer; resources.upload or lesson.writeOwn) → 201
 *   {ok, file}; 413 past SABAQ_MAX_FILE_MB; 400 for a type the library does not keep, or a damaged file.
 * - GET /files/<sha> (Bearer): the file, for a program that sends its token (the desktop client's cache).
 * - POST /files/<sha>/ticket (Bearer) → {ok, url: /files/t/<ticket>/<sha>, expiresAt}: an address the page may
 *   put in <img>, <video> or an <iframe> for ten minutes.
 * - GET /files/t/<ticket>/<sha>, and /files/t/<ticket>/<sha>/pkg/<path> for a file inside an HTML5 package,
 *   served in a sandbox that keeps it away from the application's origin.
 * A file the caller may not read is answered 404, as one that does not exist.
 */
export async function registerFileRoutes(app: FastifyInstance, ctx: ServerContext, settings: FileStoreSettings) {
  const store = new FileStore(settings);
  await store.removeStaleTemp(Date.now());
  const packages = new OpenPackages();

  const readable = async (actor: Actor, sha256: string) =>
    readableFile({ db: ctx.db, clock: ctx.clock, host: 'server', actor, changes: replicaRecorder }, sha256);

  async function sendHeld(req: FastifyRequest, reply: FastifyReply, file: HeldFile) {
    const size = await store.sizeOf(file.sha256);
    if (size === null) {
      req.log.error({ sha256: file.sha256 }, 'a file the database holds is missing on disk');
      throw new OperationError('not_found');
    }
    // Only the library's kinds are ever held (never HTML or SVG); PDF viewers do not run in a sandboxed document.
    const csp: Record<string, string> = file.kind === 'pdf' ? {} : { 'Content-Security-Policy': FILE_CSP };
    return sendWithRanges(req, reply, fileOnDisk(store.pathOf(file.sha256), size, file.mime, file.sha256), csp);
  }

  /** The file a ticket opens: the ticket signed for this file and not expired, its user still active and allowed. */
  async function ticketFile(req: FastifyRequest<{ Params: { ticket: string; sha: string } }>): Promise<HeldFile> {
    const sha256 = shaOf(req.params.sha);
    const ticket = await verifyFileTicket(ctx.secret, req.params.ticket, sha256, ctx.clock.now());
    const actor = ticket && await loadActor(ctx.db, ticket.userId, null);
    if (!actor) throw new OperationError('unauthenticated', 'error.ticket_invalid');
    const file = await readable(actor, sha256);
    if (!file) throw new OperationError('not_found');
    return file;
  }

  await app.register(async (uploads) => {
    // This route alone takes its body as a stream, whatever its type: the server's 4 MB body limit is for JSON.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

    uploads.post('/files', async (req, reply) => {
      try {
        const actor = await bearer(ctx, req);
        const may = permissionsOf(actor.roles);
        if (!may.includes('resources.upload') && !may.includes('lesson.writeOwn')) {
          throw new OperationError('forbidden', 'error.forbidden', { permission: 'resources.upload' });
        }
        const query = UploadQuery.safeParse(req.query ?? {});
        if (!query.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(query.error));
        const body = req.body instanceof Readable ? req.body : Readable.from([]);
        const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
        const file = await uploadFile(ctx.db, store, actor, body, declared, ctx.clock.now());
        return reply.code(201).send({ ok: true, file });
      } catch (err) {
        // A body left unread (refused before or while reading it) is not drained: the connection closes instead.
        if (!req.raw.readableEnded) reply.header('Connection', 'close');
        return fail(req, reply, err);
      }
    });
  });

  app.get<{ Params: { sha: string } }>('/files/:sha', async (req, reply) => {
    try {
      const actor = await bearer(ctx, req);
      const file = await readable(actor, shaOf(req.params.sha));
      if (!file) throw new OperationError('not_found');
      return await sendHeld(req, reply, file);
    } catch (err) {
      return fail(req, reply, err);
    }
  });

  app.post<{ Params: { sha: string } }>('/files/:sha/ticket', async (req, reply) => {
    try {
      const actor = await bearer(ctx, req);
      const file = await readable(actor, shaOf(req.params.sha));
      if (!file) throw new OperationError('not_found');
      const issued = await issueFileTicket(ctx.secret, actor.userId, file.sha256, ctx.clock.now());
      const launchPath = file.kind === 'html5' ? (await packages.get(file.sha256, store.pathOf(file.sha256), file.size, settings.maxBytes)).launchPath : undefined;
      return { ok: true, url: issued.url, expiresAt: issued.expiresAt, ...(launchPath ? { launchPath } : {}) };
    } catch (err) {
      return fail(req, reply, err);
    }
  });

  app.get<{ Params: { ticket: string; sha: string } }>('/files/t/:ticket/:sha', async (req, reply) => {
    try {
      return await sendHeld(req, reply, await ticketFile(req));
    } catch (err) {
      return fail(req, reply, err);
    }
  });

  app.get<{ Params: { ticket: string; sha: string; '*': string } }>('/files/t/:ticket/:sha/pkg/*', async (req, reply) => {
    try {
      const file = await ticketFile(req);
      if (file.kind !== 'html5') throw new OperationError('not_found');
      const pkg = await packages.get(file.sha256, store.pathOf(file.sha256), file.size, settings.maxBytes);
      const asked = req.params['*'];
      // The package's own address opens its first page; its relative links then resolve inside the package.
      if (asked === '') return reply.code(302).header('Referrer-Policy', 'no-referrer').header('Location', encodePath(pkg.launchPath)).send();
      const path = packageEntryPath(asked);
      if (!path) throw new OperationError('invalid_input', 'error.package_path_invalid');
      const entry = pkg.entry(path);
      if (!entry) throw new OperationError('not_found');
      const etag = `${file.sha256}-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
      return sendWithRanges(req, reply, bytesInMemory(entry.bytes, entry.mime, etag), { 'Content-Security-Policy': PACKAGE_CSP });
    } catch (err) {
      return fail(req, reply, err);
    }
  });
}


const UploadQuery = z.object({ name: z.string().trim().min(1).max(255) });

function shaOf(value: string): string {
  const parsed = Sha256.safeParse(value);
  if (!parsed.success) throw new OperationError('invalid_input', 'error.sha_invalid');
  return parsed.data;
}

async function bearer(ctx: ServerContext, req: FastifyRequest): Promise<Actor> {
  const actor = await actorFromBearer(ctx, req.headers.authorization);
  if (!actor) throw new OperationError('unauthenticated');
  return actor;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** An OperationError answered in the house shape, translated by Accept-Language; anything else is a 500. */
function fail(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  if (!(err instanceof OperationError)) throw err;
  const { status, body } = errorResponse(err, localeFromHeader(req.headers['accept-language']));
  return reply.code(status).send(body);
}
