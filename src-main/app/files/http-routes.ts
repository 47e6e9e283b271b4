import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorResponse } from '../../../src-core/contract/error-body';
import { STATUS_OF, type ErrorBody } from '../../../src-core/contract/errors';
import { fileTooLarge } from '../../../src-core/resources/file-errors';
import { localeFromHeader } from '../../../src-core/i18n/index';
import type { ClientFiles } from './client-files';
import type { FileAnswer, FileRequest } from './serve';

/**
 * The file routes of the loopback http-host, as the central server has them: `POST /files?name=` (the bytes),
 * `POST /files/:sha/ticket`, `GET /files/t/:ticket/:sha[/pkg/*]` and `GET /files/:sha` with the session as bearer.
 */
export async function registerFileRoutes(http: FastifyInstance, files: ClientFiles): Promise<void> {
  await http.register(async (scope) => {
    // The body of an upload is read here, as it comes, up to the limit (not parsed: it is a file).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post<{ Querystring: { name?: string } }>('/files', async (req, reply) => {
      const locale = localeFromHeader(req.headers['accept-language']);
      const declared = Number(req.headers['content-length']);
      const bytes = declared > files.limits.maxBytes ? null : await readLimited(req.body as Readable, files.limits.maxBytes);
      if (!bytes) {
        // The rest of the body is not read: the connection closes after the answer.
        reply.header('Connection', 'close');
        return sendBody(reply, errorResponse(fileTooLarge(files.limits.maxBytes), locale).body);
      }
      const name = typeof req.query.name === 'string' ? req.query.name : '';
      const outcome = await files.upload(bearer(req), bytes, name, locale);
      return outcome.ok ? reply.code(201).send(outcome) : sendBody(reply, outcome);
    });
  });

  http.post<{ Params: { sha: string } }>('/files/:sha/ticket', async (req, reply) => {
    const outcome = await files.ticket(bearer(req), req.params.sha, localeFromHeader(req.headers['accept-language']));
    return outcome.ok ? outcome : sendBody(reply, outcome);
  });
  http.get<{ Params: { ticket: string; sha: string } }>('/files/t/:ticket/:sha', async (req, reply) =>
    sendAnswer(reply, await files.answerTicket(req.params.ticket, req.params.sha, null, fileRequest(req))));
  http.get<{ Params: { ticket: string; sha: string; '*': string } }>('/files/t/:ticket/:sha/pkg/*', async (req, reply) =>
    sendAnswer(reply, await files.answerTicket(req.params.ticket, req.params.sha, rawTail(req.url, '/pkg/'), fileRequest(req))));
  http.get<{ Params: { sha: string } }>('/files/:sha', async (req, reply) =>
    sendAnswer(reply, await files.answerSession(bearer(req), req.params.sha, fileRequest(req))));
}

const bearer = (req: FastifyRequest) => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
};

const sendBody = (reply: FastifyReply, body: ErrorBody) => reply.code(STATUS_OF[body.error.code]).send(body);

function fileRequest(req: FastifyRequest): FileRequest {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return { method: req.method, headers: { range: one(req.headers.range), 'if-range': one(req.headers['if-range']), 'if-none-match': one(req.headers['if-none-match']) } };
}

/** The path after `marker`, still percent-encoded (the package's own names are decoded and checked once, later). */
function rawTail(url: string, marker: string): string {
  const pathOnly = url.split('?')[0]!;
  return pathOnly.slice(pathOnly.indexOf(marker) + marker.length);
}

function sendAnswer(reply: FastifyReply, answer: FileAnswer) {
  reply.code(answer.status).headers(answer.headers);
  if (answer.body === null) return reply.send();
  return reply.send(answer.body instanceof Uint8Array ? Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength) : answer.body);
}

/**
 * The whole body, or null once it passes `max` bytes. The body is then only left unread, never destroyed: that
 * would close the connection before the answer is sent.
 */
function readLimited(body: Readable, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      body.off('data', onData);
      body.pause();
      resolve(null);
    };
    body.on('data', onData);
    body.once('end', () => resolve(Buffer.concat(chunks)));
    body.once('error', reject);
  });
}
