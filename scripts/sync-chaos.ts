import { runChaos } from '../tests/sync/run';

/**
 * `npm run sync:chaos -- --seed <n> --steps <m> [--runs <k>] [--engine sqlite|postgres]`: the fault harness with a
 * chosen seed. Prints each invariant with how often it was checked; exits non-zero on any violation, with the
 * shrunk counterexample.
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const seed = Number(arg('seed', String(Date.now() % 1_000_000)));
const steps = Number(arg('steps', '40'));
const runs = Number(arg('runs', '10'));
const engine = arg('engine', 'sqlite') === 'postgres' ? 'postgres' : 'sqlite';
process.stdout.write(`sync:chaos seed ${seed}, ${runs} runs of up to ${steps} steps, on ${engine}\n`);
const started = Date.now();
const report = await runChaos({ seed, steps, runs, engine });
for (const [name, times] of Object.entries(report.checks).sort()) process.stdout.write(`  ${String(times).padStart(7)} × ${name}\n`);
process.stdout.write(`${report.runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (report.failure) {
  process.stdout.write(`VIOLATION\n${report.failure}\n`);
  process.exit(1);
}
process.stdout.write('every invariant held\n');
