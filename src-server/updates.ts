import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bytesOnDisk, sendRanges } from './send-ranges';

/**
 * The generic update feed electron-updater reads: GET /updates/<channel>/<file> from <dir>/<channel>/.
 * The school's administrator drops a release's files into the channel folder (latest.yml, latest-linux.yml,
 * the AppImage, deb, exe and blockmaps). Only those kinds of file are served, by their bare name, with
 * Range support (single ranges and the multipart ranges of differential downloads).
 */
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;

const CONTENT_TYPES: [RegExp, string][] = [
  [/^latest(-linux(-arm64|-armv7l|-arm)?)?\.yml$/, 'application/yaml; charset=utf-8'],
  [/\.AppImage$/, 'application/vnd.appimage'],
  [/\.deb$/, 'application/vnd.debian.binary-package'],
  [/\.exe$/, 'application/vnd.microsoft.portable-executable'],
  [/\.blockmap$/, 'application/octet-stream'],
];

const FeedParams = z.object({
  channel: z.enum(UPDATE_CHANNELS),
  file: z.string().max(200).regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/).refine((f) => !f.includes('..')),
});

/** The content type of a file the feed may serve, or null for any other name. */
export function feedContentType(file: string): string | null {
  return CONTENT_TYPES.find(([pattern]) => pattern.test(file))?.[1] ?? null;
}

export async function registerUpdateFeed(app: FastifyInstance, opts: { dir: string }): Promise<void> {
  const root = path.resolve(opts.dir);

  app.get('/updates/:channel/:file', async (request, reply) => {
    const params = FeedParams.safeParse(request.params);
    const type = params.success ? feedContentType(params.data.file) : null;
    if (!params.success || !type) return reply.callNotFound();
    const file = await fileInside(root, params.data.channel, params.data.file);
    if (!file) return reply.callNotFound();

    const isYml = type.startsWith('application/yaml');
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    reply
      .header('Content-Type', type)
      .header('Accept-Ranges', 'bytes')
      .header('ETag', etag)
      .header('Last-Modified', new Date(file.mtimeMs).toUTCString())
      .header('X-Content-Type-Options', 'nosniff')
      // The release files keep their names across versions (latest.yml) or carry the version (installers).
      .header('Cache-Control', isYml ? 'no-cache' : 'public, max-age=3600');

    return sendRanges(request, reply, bytesOnDisk(file.path, file.size, type), etag);
  });
}

interface FeedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The file <root>/<channel>/<name> if it is a regular file that really lies inside <root>/<channel>. */
async function fileInside(root: string, channel: string, name: string): Promise<FeedFile | null> {
  const folder = path.join(root, channel);
  const candidate = path.join(folder, name);
  if (path.relative(folder, candidate) !== name) return null;
  try {
    const [real, realFolder] = await Promise.all([realpath(candidate), realpath(folder)]);
    if (path.dirname(real) !== realFolder) return null; // a symlink that points elsewhere
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

