import type { FastifyInstance } from 'fastify';
import { callOperation } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { openApiDocument } from '../../src-core/contract/openapi';
import { localeFromHeader } from '../../src-core/i18n/index';
import { actorFromBearer } from '../auth/bearer';
import type { ServerContext } from '../context';

/** POST /api/<name>: the contract with server-side authorization; GET /api/openapi.json: its description. */
export function registerApiRoutes(app: FastifyInstance, ctx: ServerContext, version: string) {
  const doc = openApiDocument(version);
  app.get('/api/openapi.json', async () => doc);

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const actor = await actorFromBearer(ctx, req.headers.authorization);
    const outcome = await callOperation({ db: ctx.db, clock: ctx.clock, host: 'server' }, actor, req.params.name, req.body);
    if (outcome.ok) return { ok: true, result: outcome.result };
    if (outcome.error.code === 'internal') req.log.error({ err: outcome.error.cause, operation: req.params.name }, 'operation failed');
    const { status, body } = errorResponse(outcome.error, localeFromHeader(req.headers['accept-language']));
    return reply.code(status).send(body);
  });
}
