import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startBrowserMode } from '../src-main/app/main';
import { REPO_ROOT } from '../src-server/server';
import { startServer } from '../src-server/start';

/**
 * `npm start`: the central server with the demo school (created on first run) and the desktop client connected
 * to it — in Electron where its binary exists, otherwise in browser mode on loopback.
 */
async function main() {
  const env = process.env;
  if (!existsSync(path.join(REPO_ROOT, 'dist-renderer', 'index.html'))) {
    process.stdout.write('sabaq: building the renderer once (npm run build:renderer)…\n');
    const built = spawnSync('npx', ['vite', 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the renderer build failed');
  }
  const server = await startServer({ env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn', SABAQ_DEMO_JOURNAL: env.SABAQ_DEMO_JOURNAL ?? '1' }, demo: true });
  if (server.demo) {
    process.stdout.write(`sabaq: demo school created; every demo account's password is "${server.demo.password}" (see README)\n`);
  }
  process.stdout.write(`sabaq: central server at ${server.url}\n`);
  const electron = electronBinary();
  if (electron) {
    const built = spawnSync('npm', ['run', 'build:main'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the Electron shell build failed');
    const child = spawn(electron, [REPO_ROOT], { stdio: 'inherit', env: { ...env, SABAQ_SERVER_URL: server.url } });
    child.on('exit', (code) => void server.close().then(() => process.exit(code ?? 0)));
    return;
  }
  const client = await startBrowserMode({ ...env, PORT: env.CLIENT_PORT ?? '8081', SABAQ_SERVER_URL: server.url });
  process.stdout.write(`sabaq: no Electron binary on this machine, so the desktop client runs in browser mode: open ${client.url}\n`);
  const stop = () => void Promise.all([client.close(), server.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * The Electron executable when its binary was downloaded. Read from the package's path.txt: requiring 'electron'
 * would try to download the binary where it is missing.
 */
function electronBinary(): string | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

main().catch((err: Error) => {
  process.stderr.write(`sabaq: cannot start: ${err.message.split('\n')[0]}\n`);
  process.exit(1);
});
