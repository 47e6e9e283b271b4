import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * The renderer in Debian's Chromium against the two real hosts: the central server (:18080) and the desktop
 * client in browser mode (:18081, syncing with that server). Both start on fresh data dirs for every run and
 * serve the renderer built by the first web server's command. `SABAQ_SCREENS=1` adds the screenshot tour
 * (test-results/screens/*.png): the central server's screens (screens.spec.ts) and the desktop client's sync
 * (sync-screens.spec.ts). All tests sign in from one address, so the sign-in rate limit is raised.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const data = `${repo}test-results/e2e-data`;
const clock = '2026-11-23T09:00:00+05:00';
const build = process.env.SABAQ_E2E_SKIP_BUILD === '1' ? 'true' : 'npx vite build --config src-renderer/vite.config.ts';

export default defineConfig({
  testDir: '.',
  outputDir: `${repo}test-results/e2e-web`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'server', testIgnore: /screens\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:18080' } },
    // After the server project: both write the demo school's journal (the same server's data), and each test
    // compares its screen with the data it wrote.
    { name: 'client', testIgnore: /screens\.spec\.ts/, dependencies: ['server'], use: { baseURL: 'http://127.0.0.1:18081' } },
    ...(process.env.SABAQ_SCREENS === '1'
      ? [
        { name: 'screens', testMatch: /(?<!sync-)screens\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:18080' } },
        // After the client project: both make conflicts for the demo teacher, and each counts them.
        { name: 'screens-client', testMatch: /sync-screens\.spec\.ts/, dependencies: ['client'], use: { baseURL: 'http://127.0.0.1:18081' } },
      ]
      : []),
  ],
  webServer: [
    {
      command: `${build} && rm -rf "${data}/server" && mkdir -p "${data}/server" && npx tsx src-server/main.ts`,
      cwd: repo,
      url: 'http://127.0.0.1:18080/health',
      env: { PORT: '18080', DATA_DIR: `${data}/server`, SABAQ_DEMO: '1', SABAQ_DEMO_JOURNAL: '1', SABAQ_CLOCK: clock, SABAQ_SIGNIN_PER_MINUTE: '1000', SABAQ_REQUESTS_PER_MINUTE: '100000' },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `rm -rf "${data}/client" && mkdir -p "${data}/client" && npx tsx src-main/app/main.ts`,
      cwd: repo,
      url: 'http://127.0.0.1:18081/health',
      env: { PORT: '18081', SABAQ_SERVER_URL: 'http://127.0.0.1:18080', SABAQ_CLIENT_DATA: `${data}/client`, SABAQ_CLOCK: clock },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
