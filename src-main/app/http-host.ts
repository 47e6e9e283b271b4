import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { fieldErrors } from '../../src-core/contract/call';
import { errorResponse } from '../../src-core/contract/error-body';
import { OperationError, STATUS_OF, type ErrorBody } from '../../src-core/contract/errors';
import { localeFromHeader, type Locale } from '../../src-core/i18n/index';
import { registerWebApp } from '../../src-server/web';
import type { ClientFiles } from './files/client-files';
import { registerFileRoutes } from './files/http-routes';
import type { SyncStatus } from './sync-loop';
import type { ClientApp } from './types';

const SignInBody = z.object({ login: z.string().trim().min(1).max(80), password: z.string().min(1).max(200) }).passthrough();
const TokenBody = z.object({ refreshToken: z.string().min(1).max(200) }).passthrough();
const UnlockBody = z.object({ password: z.string().min(1).max(200) }).strict();
const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

function send(reply: FastifyReply, body: { ok: true } | ErrorBody | Record<string, unknown>) {
  const err = (body as ErrorBody).ok === false ? (body as ErrorBody).error : null;
  return reply.code(err ? STATUS_OF[err.code] : 200).send(body);
}

const bearer = (h: string | undefined) => (h?.startsWith('Bearer ') ? h.slice(7).trim() : null);

/**
 * The desktop client's browser mode: the same contract and auth routes as the central server, served on loopback
 * from the replica. The session id is the bearer token; it never leaves this computer.
 */
export async function buildHttpHost(app: ClientApp & { files?: ClientFiles }, opts: { rendererDir: string; port: number; syncStatus?: () => SyncStatus }): Promise<FastifyInstance> {
  const http = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const allowedHosts = new Set([`127.0.0.1:${opts.port}`, `localhost:${opts.port}`]);
  http.addHook('onRequest', async (req, reply) => {
    // A page on another site must not reach the loopback host through DNS rebinding.
    if (opts.port !== 0 && !allowedHosts.has(String(req.headers.host))) return reply.code(403).send({ ok: false });
  });
  let online = { at: 0, value: true };
  http.get('/health', async () => {
    if (Date.now() - online.at > 10_000) online = { at: Date.now(), value: await app.online() };
    const sync = { ...opts.syncStatus?.(), ...(await app.outboxStatus()), ...(app.files ? { files: await app.files.status() } : {}) };
    return { ok: true, role: 'client', offline: !online.value, deviceId: app.deviceId, sync };
  });
  http.post('/auth/sign-in', async (req, reply) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    const body = SignInBody.safeParse(req.body);
    if (!body.success) return send(reply, invalid(locale, body.error));
    const outcome = await app.signIn(body.data.login, body.data.password, locale);
    if (!outcome.ok) return send(reply, outcome);
    return { ok: true, accessToken: outcome.sessionId, refreshToken: outcome.sessionId, expiresAt: FAR_FUTURE, me: outcome.me, offline: outcome.offline };
  });
  http.post('/auth/refresh', async (req, reply) => {
    const body = TokenBody.safeParse(req.body);
    const check = body.success ? await app.call(body.data.refreshToken, 'session.me', {}) : null;
    if (!body.success) return send(reply, invalid(localeFromHeader(req.headers['accept-language']), body.error));
    if (!check?.ok) return send(reply, check ?? invalid(localeFromHeader(req.headers['accept-language'])));
    return { ok: true, accessToken: body.data.refreshToken, refreshToken: body.data.refreshToken, expiresAt: FAR_FUTURE, me: check.result };
  });
  http.post('/auth/sign-out', async (req) => {
    const body = TokenBody.safeParse(req.body);
    if (body.success) await app.signOut(body.data.refreshToken);
    return { ok: true };
  });
  http.post('/auth/unlock', async (req, reply) => {
    const body = UnlockBody.safeParse(req.body);
    const sessionId = bearer(req.headers.authorization);
    if (!body.success || !sessionId) return send(reply, invalid(localeFromHeader(req.headers['accept-language']), body.error));
    const outcome = await app.unlock(sessionId, body.data.password);
    if (!outcome.ok) return send(reply, outcome);
    return { ok: true, accessToken: sessionId, refreshToken: sessionId, expiresAt: FAR_FUTURE, me: outcome.me, offline: outcome.offline };
  });
  http.post<{ Params: { name: string } }>('/api/:name', async (req, reply) =>
    send(reply, await app.call(bearer(req.headers.authorization), req.params.name, req.body, localeFromHeader(req.headers['accept-language']))));
  if (app.files) await registerFileRoutes(http, app.files);
  await registerWebApp(http, opts.rendererDir);
  return http;
}

function invalid(locale: Locale, error?: z.ZodError): ErrorBody {
  return errorResponse(new OperationError('invalid_input', 'error.invalid_input', {}, error ? fieldErrors(error) : []), locale).body;
}
