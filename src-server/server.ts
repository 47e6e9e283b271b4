import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Knex } from 'knex';
import { OperationError } from '../src-core/contract/errors';
import { errorResponse } from '../src-core/contract/error-body';
import { localeFromHeader } from '../src-core/i18n/index';
import { systemClock, type Clock } from '../src-core/util/clock';
import { registerApiRoutes } from './api/routes';
import { authPolicyFromEnv, type AuthPolicy } from './auth/policy';
import { registerAuthRoutes } from './auth/routes';
import type { ServerContext } from './context';
import { registerFileRoutes } from './files/routes';
import { fileStoreSettingsFromEnv, type FileStoreSettings } from './files/store';
import { serverEpoch, tokenSecret } from './meta';
import { registerPullRoute, registerPushRoute, registerSyncRoutes, registerWaitRoute } from './sync/routes';
import { CommitSignal } from './sync/commits';
import { SNAPSHOT_CHUNK } from './sync/snapshot';
import { registerWebApp } from './web';

export interface ServerOptions {
  db: Knex;
  clock?: Clock;
  authPolicy?: AuthPolicy;
  secret?: string;
  rendererDir?: string;
  updatesDir?: string;
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Rows in one chunk of a bucket snapshot (default 20,000). */
  snapshotChunkRows?: number;
  /** Where uploaded files are kept and the largest accepted (default: data/files of the repository, 200 MB). */
  files?: FileStoreSettings;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** Builds the central server on an open, migrated database. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const closing = new AbortController();
  const ctx: ServerContext = {
    db: opts.db,
    clock: opts.clock ?? systemClock,
    secret: await tokenSecret(opts.db, opts.secret),
    authPolicy: opts.authPolicy ?? authPolicyFromEnv({}),
    epoch: await serverEpoch(opts.db),
    snapshotChunkRows: opts.snapshotChunkRows ?? SNAPSHOT_CHUNK,
    commits: new CommitSignal(),
    closing: closing.signal,
  };
  const app = Fastify({
    logger: opts.logger ?? false,
    // A plan or a board document sent as base64 (2 MB of file) fits; pushes have their own limit.
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: false,
  });
  await app.register(rateLimit, { global: true, max: ctx.authPolicy.requestsPerMinute, timeWindow: '1 minute', hook: 'onRequest' });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    const opErr = err.statusCode === 429 ? new OperationError('rate_limited')
      : err.statusCode && err.statusCode < 500 ? new OperationError('invalid_input', 'error.invalid_input')
        : new OperationError('internal');
    if (opErr.code === 'internal') req.log.error({ err }, 'request failed');
    const { status, body } = errorResponse(opErr, locale);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, body } = errorResponse(new OperationError('not_found'), localeFromHeader(req.headers['accept-language']));
    return reply.code(status).send(body);
  });

  app.get('/health', async () => ({ ok: true, role: 'server', epoch: ctx.epoch, time: ctx.clock.now().toISOString() }));
  registerAuthRoutes(app, ctx);
  registerApiRoutes(app, ctx, opts.version ?? '0.1.0');
  registerSyncRoutes(app, ctx);
  registerPushRoute(app, ctx);
  registerPullRoute(app, ctx);
  registerWaitRoute(app, ctx);
  await registerFileRoutes(app, ctx, opts.files ?? fileStoreSettingsFromEnv({}, path.join(REPO_ROOT, 'data')));
  app.addHook('preClose', async () => closing.abort());
  if (opts.updatesDir) {
    const { registerUpdateFeed } = await import('./updates');
    await registerUpdateFeed(app, { dir: opts.updatesDir });
  }
  await registerWebApp(app, opts.rendererDir ?? path.join(REPO_ROOT, 'dist-renderer'));
  return app;
}
