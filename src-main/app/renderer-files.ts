import path from 'node:path';

/**
 * The renderer is served to the window from app://sabaq/ (a custom privileged scheme), never from file://.
 * These are the rules of that protocol, kept out of the Electron shell so they are tested in Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sabaq';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** A URL of our renderer. (Node's URL says origin "null" for schemes it does not know, so the parts are compared.) */
export function isAppUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The renderer may load only its own files; it never talks to the network itself (all data goes through the
 * preload bridge), so connect-src is 'self' and nothing is inline.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'self'", // an HTML5 package of the library, itself sandboxed (src-core/resources/policies.ts)
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type RendererFile =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 403 | 404; reason: string };

/**
 * The file inside `root` a request URL names, or why it is refused: another scheme or host, an encoded slash or
 * NUL, a path that leaves the root (../, absolute, drive letters), a dotfile. "/" is index.html.
 */
export function resolveRendererFile(requestUrl: string, root: string, platformPath: path.PlatformPath = path): RendererFile {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 404, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404, reason: 'not our origin' };
  if (/%2f|%5c|%00/i.test(url.pathname)) return { ok: false, status: 403, reason: 'encoded separator' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 404, reason: 'bad escape' };
  }
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.') || s.includes('\\') || s.includes(':'))) {
    return { ok: false, status: 403, reason: 'path leaves the renderer folder' };
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const absoluteRoot = platformPath.resolve(root);
  const file = platformPath.resolve(absoluteRoot, ...relative.split('/'));
  const inside = platformPath.relative(absoluteRoot, file);
  if (!inside || inside.startsWith('..') || platformPath.isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'path leaves the renderer folder' };
  }
  return { ok: true, file, contentType: contentTypeOf(file) };
}
