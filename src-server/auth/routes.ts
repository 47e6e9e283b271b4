import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fieldErrors } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError } from '../../src-core/contract/errors';
import { callOperation } from '../../src-core/contract/call';
import { localeFromHeader } from '../../src-core/i18n/index';
import type { ServerContext } from '../context';
import { refreshSession, signIn, signOut, type Issued } from './sign-in';

const SignInBody = z.object({
  login: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
  deviceId: z.string().uuid(),
  deviceName: z.string().max(200).optional(),
}).strict();
const RefreshBody = z.object({ refreshToken: z.string().min(20).max(200), deviceId: z.string().uuid() }).strict();
const SignOutBody = z.object({ refreshToken: z.string().min(20).max(200) }).strict();

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new OperationError('invalid_input', 'error.invalid_input', {}, fieldErrors(parsed.error));
  return parsed.data;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const opErr = err instanceof OperationError ? err : new OperationError('internal');
  if (!(err instanceof OperationError)) req.log.error({ err }, 'request failed');
  const { status, body } = errorResponse(opErr, localeFromHeader(req.headers['accept-language']));
  return reply.code(status).send(body);
}

/** /auth/*: sign-in (rate limited, lockout), token refresh with rotation, sign-out. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext) {
  const deps = { db: ctx.db, clock: ctx.clock, secret: ctx.secret, policy: ctx.authPolicy };
  const issuedBody = async (issued: Issued) => {
    const me = await callOperation({ db: ctx.db, clock: ctx.clock, host: 'server' }, issued.actor, 'session.me', {});
    if (!me.ok) throw me.error;
    return { ok: true, accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: issued.expiresAt, me: me.result };
  };
  const limit = { rateLimit: { max: ctx.authPolicy.signInPerMinute, timeWindow: '1 minute' } };

  app.post('/auth/sign-in', { config: limit }, async (req, reply) => {
    try {
      return await issuedBody(await signIn(deps, parse(SignInBody, req.body)));
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
  app.post('/auth/refresh', { config: limit }, async (req, reply) => {
    try {
      return await issuedBody(await refreshSession(deps, parse(RefreshBody, req.body)));
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
  app.post('/auth/sign-out', async (req, reply) => {
    try {
      await signOut(ctx.db, ctx.clock, parse(SignOutBody, req.body).refreshToken);
      return { ok: true };
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}
