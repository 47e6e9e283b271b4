import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { OperationError } from '../../src-core/contract/errors';
import { snapshotFor } from '../../src-core/sync/scope';
import { actorFromBearer } from '../auth/bearer';
import { sendError } from '../auth/routes';
import type { ServerContext } from '../context';

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
