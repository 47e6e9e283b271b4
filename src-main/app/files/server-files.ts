import { createReadStream } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { ServerUnreachable } from '../server-link';

/**
 * The central server's file routes, over HTTP with bodies as streams (the JSON link of server-link.ts carries no
 * bytes): a file goes up from disk and comes down into a part on disk, never whole in memory. No answer, or an
 * answer cut short, is ServerUnreachable: what was written stays for the next run.
 */
export interface ServerFiles {
  /** POST /files?name=…: the status and the JSON body of the answer. */
  upload(token: string, fileName: string, file: string, size: number, signal?: AbortSignal): Promise<{ status: number; body: unknown }>;
  /**
   * GET /files/<sha>, from byte `from` on (a Range request when it is not 0). `open` sees the answer's status and
   * headers and gives the stream to write the body to, or null to read nothing of it.
   */
  download(token: string, sha: string, from: number, open: (res: DownloadHead) => Promise<Writable | null>, signal?: AbortSignal): Promise<DownloadHead>;
}

export interface DownloadHead { status: number; headers: Record<string, string | undefined> }

const TIMEOUT_MS = 30_000;

export function httpServerFiles(baseUrl: string): ServerFiles {
  const base = new URL(baseUrl);
  const client = base.protocol === 'https:' ? https : http;
  const url = (p: string) => new URL(p, base);

  function request(method: 'GET' | 'POST', target: URL, headers: Record<string, string | number>, signal?: AbortSignal): { req: http.ClientRequest; res: Promise<IncomingMessage> } {
    const req = client.request(target, { method, headers, timeout: TIMEOUT_MS, signal });
    const res = new Promise<IncomingMessage>((ok, fail) => {
      req.once('response', ok);
      req.on('error', (err) => fail(new ServerUnreachable(err.message)));
      req.once('timeout', () => req.destroy(new Error('timed out')));
    });
    return { req, res };
  }

  return {
    async upload(token, fileName, file, size, signal) {
      const target = url(`/files?name=${encodeURIComponent(fileName)}`);
      const { req, res } = request('POST', target, {
        authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': size, accept: 'application/json',
      }, signal);
      // The server may answer (a refusal) before it has read everything: its answer is what counts.
      const sending = pipeline(createReadStream(file), req).then(() => null, (err: Error) => err);
      const answer = await res;
      const text = await readText(answer);
      await sending;
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        if (answer.statusCode !== undefined && answer.statusCode >= 500) throw new ServerUnreachable(`HTTP ${answer.statusCode}`);
      }
      return { status: answer.statusCode ?? 0, body };
    },

    async download(token, sha, from, open, signal) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (from > 0) headers.range = `bytes=${from}-`;
      const { req, res } = request('GET', url(`/files/${sha}`), headers, signal);
      req.end();
      const answer = await res;
      const head: DownloadHead = { status: answer.statusCode ?? 0, headers: flatHeaders(answer) };
      const sink = await open(head).catch((err: unknown) => {
        answer.destroy();
        throw err;
      });
      if (!sink) {
        answer.resume();
        return head;
      }
      await writeAll(answer, sink);
      return head;
    },
  };
}

/**
 * Writes an answer's body to the sink. When the link drops, what came is still written out (the sink is ended, not
 * destroyed), so that the next request asks only for the rest; then it throws ServerUnreachable.
 */
function writeAll(answer: IncomingMessage, sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    answer.on('error', (err) => { failure ??= err; });
    answer.once('close', () => {
      if (answer.complete) return;
      failure ??= new Error('the answer was cut short');
      answer.unpipe(sink);
      if (!sink.writableEnded) sink.end();
    });
    sink.once('error', reject);
    sink.once('finish', () => (failure || !answer.complete ? reject(new ServerUnreachable(failure?.message ?? 'the answer was cut short')) : resolve()));
    answer.pipe(sink);
  });
}

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of res) chunks.push(chunk as Buffer);
  } catch (err) {
    throw new ServerUnreachable((err as Error).message);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(res: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(res.headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
