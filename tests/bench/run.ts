import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isFigureReport, verdictOf, type Bench } from './figures';
import { healthy, summarize, timeProcess } from './measure';
import { teacherDayBench } from './sync-day';
import { firstSyncBenches } from './sync-first';
import { parentLatencyBench } from './sync-latency';
import { throughputBenches } from './sync-throughput';
import { termMarkBenches } from './term-marks';
import { journalBenches } from './journal-open';
import { inkBenches } from './ink';
import { pdfBenches } from './pdf';
import { reportBenches } from './reports';

/**
 * `npm run bench [-- name …]`: every benchmark, or the ones named. Each prints a table row (and a row for each of
 * its own figures, with its target) and writes its figures to bench-results/<name>.json so that runs can be compared.
 */

const PORT = '18790';
const URL_ = `http://127.0.0.1:${PORT}`;
const CLOCK = '2026-11-23T09:00:00+05:00';
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sabaq-bench-'));
const serverEnv = (dataDir: string, demo: boolean) => ({ DATA_DIR: dataDir, PORT, SABAQ_CLOCK: CLOCK, LOG_LEVEL: 'warn', SABAQ_DEMO: demo ? '1' : '0' });

const benches: Bench[] = [
  {
    name: 'server-ready',
    target: 'ready in under 3 s (existing SQLite DB, demo school of 550 pupils)',
    targetMs: 3000,
    async run() {
      const dir = tmp();
      await timeProcess('src-server/main.ts', [], serverEnv(dir, true), () => healthy(URL_));
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await timeProcess('src-server/main.ts', [], serverEnv(dir, false), () => healthy(URL_)));
      rmSync(dir, { recursive: true, force: true });
      return summarize(runs);
    },
  },
  {
    name: 'first-start-demo',
    target: 'first start with the demo school generated (550 pupils): no target set',
    async run() {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const dir = tmp();
        runs.push(await timeProcess('src-server/main.ts', [], serverEnv(dir, true), () => healthy(URL_)));
        rmSync(dir, { recursive: true, force: true });
      }
      return summarize(runs);
    },
  },
  {
    name: 'demo-1000',
    target: 'a 1,000-pupil school generated and written to SQLite in under 10 s',
    targetMs: 10_000,
    async run() {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const dir = tmp();
        runs.push(await timeProcess('scripts/demo.ts', ['--pupils', '1000', '--db', path.join(dir, 'demo.sqlite'), '--today', '2026-11-23'], {}));
        rmSync(dir, { recursive: true, force: true });
      }
      return summarize(runs);
    },
  },
  ...firstSyncBenches,
  teacherDayBench,
  parentLatencyBench,
  ...throughputBenches,
  ...termMarkBenches,
  ...journalBenches,
  ...reportBenches,
  ...inkBenches,
  ...pdfBenches,
];

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = benches.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  if (!chosen.length) throw new Error(`no benchmark named ${wanted.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  mkdirSync('bench-results', { recursive: true });
  const timed = [];
  const figured = [];
  const machine = `${os.cpus().length} cores, node ${process.version}`;
  for (const bench of chosen) {
    process.stdout.write(`bench ${bench.name}…\n`);
    const outcome = await bench.run();
    if (isFigureReport(outcome)) {
      const result = { name: bench.name, target: bench.target, verdict: verdictOf(outcome), ...outcome, machine, at: new Date().toISOString() };
      writeFileSync(path.join('bench-results', `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
      for (const note of outcome.notes) process.stdout.write(`  ${bench.name}: ${note}\n`);
      figured.push(...outcome.figures.map((f) => ({ bench: bench.name, figure: f.figure, value: f.value, unit: f.unit, target: f.target, verdict: f.verdict })));
      continue;
    }
    const verdict = bench.targetMs === undefined ? 'n/a' : outcome.medianMs < bench.targetMs ? 'met' : 'MISSED';
    const result = { name: bench.name, target: bench.target, verdict, ...outcome, machine, at: new Date().toISOString() };
    writeFileSync(path.join('bench-results', `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    timed.push(result);
  }
  if (timed.length) {
    console.table(timed.map((r) => ({ bench: r.name, runs: r.runs, 'median ms': r.medianMs, 'min ms': r.minMs, 'max ms': r.maxMs, 'peak RSS MiB': r.peakRssMb, target: r.target, verdict: r.verdict })));
  }
  if (figured.length) console.table(figured);
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(1);
});
