import os from 'node:os';
import path from 'node:path';
import { clockFrom } from '../../src-core/util/clock';
import { REPO_ROOT } from '../../src-server/server';
import { startClientApp } from './client-app';
import { buildHttpHost } from './http-host';
import { startSyncLoop } from './sync-loop';

/**
 * The desktop client in browser mode: the replica and its loopback http-host, for machines where the Electron
 * shell cannot run, and for tests. Env: SABAQ_SERVER_URL, SABAQ_CLIENT_DATA, PORT (8081), SABAQ_IDLE_LOCK_MINUTES.
 */
export async function startBrowserMode(env: Record<string, string | undefined>) {
  const port = Number(env.PORT ?? 8081);
  const app = await startClientApp({
    dataDir: path.resolve(env.SABAQ_CLIENT_DATA ?? path.join(os.homedir(), '.sabaq-client')),
    serverUrl: env.SABAQ_SERVER_URL ?? 'http://127.0.0.1:8080',
    idleLockMinutes: env.SABAQ_IDLE_LOCK_MINUTES ? Number(env.SABAQ_IDLE_LOCK_MINUTES) : undefined,
    clock: clockFrom(env.SABAQ_CLOCK),
  });
  const clock = clockFrom(env.SABAQ_CLOCK);
  const loop = startSyncLoop({
    sync: () => app.syncNow(), watch: () => app.waitForChanges(), probe: () => app.online(), now: () => clock.now(),
    intervalMs: Number(env.SABAQ_SYNC_SECONDS ?? 15) * 1000,
  });
  const http = await buildHttpHost(app, { rendererDir: path.resolve(env.SABAQ_RENDERER_DIR ?? path.join(REPO_ROOT, 'dist-renderer')), port, syncStatus: loop.status });
  const url = await http.listen({ port, host: '127.0.0.1' });
  return { app, http, url, close: async () => { await http.close(); await loop.stop(); await app.close(); } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  startBrowserMode(process.env).then(({ url, close }) => {
    process.stdout.write(`sabaq-client: browser mode at ${url}\n`);
    process.once('SIGINT', () => void close().then(() => process.exit(0)));
    process.once('SIGTERM', () => void close().then(() => process.exit(0)));
  }).catch((err: Error) => {
    process.stderr.write(`sabaq-client: cannot start: ${err.message.split('\n')[0]}\n`);
    process.exit(1);
  });
}
