import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { fieldErrors } from '../../src-core/contract/call';
import { OperationError } from '../../src-core/contract/errors';
import { PROTOCOL_VERSION, PushRequest, SCHEMA_VERSION, type PushReply } from '../../src-core/sync/protocol';
import { snapshotFor } from '../../src-core/sync/scope';
import { actorFromBearer } from '../auth/bearer';
import { sendError } from '../auth/routes';
import type { ServerContext } from '../context';
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
      const body = JSON.stringify({ ok: true, epoch: ctx.epoch, tables: await snapshotFor(ctx.db, actor) });
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
