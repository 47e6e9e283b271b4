import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test`: everything, in order — lint, type checks, unit and integration tests (SQLite and PostgreSQL),
 * the renderer build, Playwright in Chromium, and the static security check of the Electron shell.
 * Ends with one line of totals: "tests: N passed, N failed, N skipped".
 */
interface Step { name: string; cmd: string; args: string[]; env?: Record<string, string> }

const steps: Step[] = [
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck electron shell', cmd: 'npx', args: ['tsc', '-p', 'src-main/electron/tsconfig.json', '--noEmit'] },
  { name: 'unit + integration (vitest)', cmd: 'npx', args: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'] },
  { name: 'build renderer', cmd: 'npx', args: ['vite', 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'] },
  { name: 'e2e in Chromium (playwright)', cmd: 'npx', args: ['playwright', 'test', '-c', 'tests/e2e-web/playwright.config.ts', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.resolve('test-results/playwright.json') } },
  { name: 'electron security check', cmd: 'npx', args: ['tsx', 'scripts/security-check.ts'] },
];

// Totals come from this run's reports only.
rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
mkdirSync('test-results', { recursive: true });
const only = process.argv.slice(2);
const failures: string[] = [];
for (const step of steps.filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)))) {
  process.stdout.write(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}\n`);
  const started = Date.now();
  const res = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${step.name}: ${res.status === 0 ? 'ok' : `FAILED (exit ${res.status ?? res.signal})`} in ${secs}s\n`);
  if (res.status !== 0) failures.push(step.name);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
  totals.passed += p.stats.expected + p.stats.flaky;
  totals.failed += p.stats.unexpected;
  totals.skipped += p.stats.skipped;
}
if (failures.length) process.stdout.write(`\nfailed steps: ${failures.join(', ')}\n`);
process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length ? 1 : 0);
