import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
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

/** Serves app://sabaq/<file> from dist-renderer and nothing outside it, every response with our CSP. */
export function serveRenderer(rendererDir: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
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

function refuse(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}
