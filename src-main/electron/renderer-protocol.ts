import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { ClientFiles } from '../app/files/client-files';
import { fileRoute, type FileAnswer } from '../app/files/serve';
import { APP_SCHEME, RENDERER_CSP, resolveRendererFile } from '../app/renderer-files';

/** Must run before the app is ready: app:// behaves like https (secure origin, fetch), nothing more. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

let clientFiles: ClientFiles | null = null;

/** The files app://sabaq/files/t/<ticket>/<sha>[/pkg/<path>] serves from (the client's cache), or none. */
export function serveClientFiles(files: ClientFiles | null): void {
  clientFiles = files;
}

/**
 * Serves app://sabaq/<file> from dist-renderer and nothing outside it, every response with our CSP; and the
 * cache's files under a ticket, as the loopback http-host does.
 */
export function serveRenderer(rendererDir: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = fileRoute(request.url);
    if (file) return clientFiles ? serveFile(clientFiles, file, request) : refuse(404);
    const target = resolveRendererFile(request.url, rendererDir);
    if (!target.ok) {
      log(`app:// refused ${request.url}: ${target.reason}`);
      return refuse(target.status);
    }
    try {
      const body = await readFile(target.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': target.contentType, 'Cache-Control': 'no-cache' },
      });
    } catch {
      return refuse(404);
    }
  });
}

async function serveFile(files: ClientFiles, route: NonNullable<ReturnType<typeof fileRoute>>, request: Request): Promise<Response> {
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const answer: FileAnswer = await files.answerTicket(route.ticket, route.sha256, route.packagePath, {
    method: request.method,
    headers: { range: header('range'), 'if-range': header('if-range'), 'if-none-match': header('if-none-match') },
  });
  const body: BodyInit | null = answer.body === null ? null
    : answer.body instanceof Uint8Array ? (answer.body as Uint8Array<ArrayBuffer>)
    : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array<ArrayBuffer>>);
  // No Cross-Origin-Resource-Policy here: a package's page runs in an opaque origin and loads its own files.
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}
