import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the renderer's web build (the parents' and pupils' portal, and the desktop client's browser mode).
 * Hashed assets are cached for a year; index.html never, so that an update reaches the browser at once.
 */
export async function registerWebApp(app: FastifyInstance, rendererDir: string) {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    app.log.warn({ rendererDir }, 'the renderer is not built (npm run build:renderer): only the API is served');
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8')
      .send('Sabaq: the web application is not built. Run: npm run build:renderer\n'));
    return;
  }
  await app.register(fastifyStatic, {
    root: rendererDir,
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, filePath) {
      res.header('Cache-Control', filePath.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  app.get('/*', async (req, reply) => {
    const rel = req.url.split('?')[0]!.replace(/^\/+/, '');
    if (rel && existsSync(path.join(rendererDir, rel)) && path.resolve(rendererDir, rel).startsWith(rendererDir)) {
      return reply.sendFile(rel);
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
