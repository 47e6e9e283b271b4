import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { fieldErrors } from '../../src-core/contract/call';
import { OperationError } from '../../src-core/contract/errors';
import { PROTOCOL_VERSION, PullRequest, PushRequest, SCHEMA_VERSION, WaitRequest, type PullReply, type PushReply, type WaitReply } from '../../src-core/sync/protocol';
import { encodeRows } from '../../src-core/sync/compact';
import { snapshotFor } from '../../src-core/sync/scope';
import { actorFromBearer } from '../auth/bearer';
import { sendError } from '../auth/routes';
import type { ServerContext } from '../context';
import { pullChanges, waitForChanges } from './pull';
import { applyPush } from './push';

/**
 * POST /sync/snapshot: every row of the caller's scope, gzip'd. The desktop client writes it into its replica at
 * online sign-in. (The incremental, bucketed protocol of ARCHITECTURE.md replaces it.)
 */
export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext) {
  app.post('/sync/snapshot', async (req, reply) => {
    try {
      const actor = await actorFromBearer(ctx, req.headers.authorization);
      if (!actor) throw new OperationError('unauthenticated');
      // The sequence is read before the rows: the pull that follows may repeat a change, never miss one.
      const seq = Number((await ctx.db('school_sequences').where({ school_id: actor.schoolId }).first())?.seq ?? 0);
      const tables = await snapshotFor(ctx.db, actor);
      // A client that asks for it gets the tables column by column (src-core/sync/compact.ts): a teacher's scope
      // is about a third smaller on the wire, and a fraction of the JSON to parse.
      const compact = (req.body as { compact?: unknown } | undefined)?.compact === true;
      const body = JSON.stringify(compact
        ? { ok: true, epoch: ctx.epoch, seq, compact: Object.entries(tables).map(([table, rows]) => encodeRows(table, rows)) }
        : { ok: true, epoch: ctx.epoch, seq, tables });
      reply.header('content-type', 'application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(gzipSync(body));
      }
      return reply.send(body);
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}

/** POST /sync/push: a device's outbox, applied exactly once each (src-server/sync/push.ts). */
export function registerPushRoute(app: FastifyInstance, ctx: ServerContext) {
  app.post('/sync/push', { bodyLimit: 2 * 1024 * 1024 }, async (req, reply) => {
    try {
      const parsed = PushRequest.safeParse(req.body);
      if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
      if (parsed.data.protocol !== PROTOCOL_VERSION || parsed.data.schema < SCHEMA_VERSION) {
        throw new OperationError('update_required', 'error.update_required');
      }
      const body: PushReply = { ok: true, epoch: ctx.epoch, results: await applyPush(ctx, parsed.data) };
      return body;
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}

/** POST /sync/pull: the changes of the device's buckets after its cursor (src-server/sync/pull.ts). */
export function registerPullRoute(app: FastifyInstance, ctx: ServerContext) {
  app.post('/sync/pull', async (req, reply) => {
    try {
      const parsed = PullRequest.safeParse(req.body);
      if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
      if (parsed.data.protocol !== PROTOCOL_VERSION || parsed.data.schema < SCHEMA_VERSION) {
        throw new OperationError('update_required', 'error.update_required');
      }
      const body: PullReply = { ok: true, epoch: ctx.epoch, ...(await pullChanges(ctx, parsed.data)) };
      const json = JSON.stringify(body);
      reply.header('content-type', 'application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(gzipSync(json));
      return reply.send(json);
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}

/** POST /sync/wait: a device's long poll; answered at the first change of its buckets (src-server/sync/pull.ts). */
export function registerWaitRoute(app: FastifyInstance, ctx: ServerContext) {
  app.post('/sync/wait', async (req, reply) => {
    try {
      const parsed = WaitRequest.safeParse(req.body);
      if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
      if (parsed.data.protocol !== PROTOCOL_VERSION || parsed.data.schema < SCHEMA_VERSION) {
        throw new OperationError('update_required', 'error.update_required');
      }
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const stop = AbortSignal.any([gone.signal, ctx.closing]);
      const body: WaitReply = { ok: true, epoch: ctx.epoch, changed: await waitForChanges(ctx, parsed.data, stop) };
      return body;
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}
