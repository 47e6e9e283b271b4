import { readFileSync } from 'node:fs';
import { INVARIANTS, NOT_CHECKED } from '../tests/sync/invariants';
import { runChaos, runOnce } from '../tests/sync/run';

/**
 * `npm run sync:chaos -- --seed <n> --steps <m> [--runs <k>] [--engine sqlite|postgres] [--shrink-seconds <s>]`:
 * the fault harness with a chosen seed. Prints each invariant with how often it was checked, each fault with how
 * often it happened; exits non-zero on any violation, with the shrunk counterexample (shrinking stops after `--shrink-seconds`, 120).
 * `--replay <file>` runs one counterexample again: the file holds the `Counterexample: [[actions…], worldSeed]`
 * as printed (fast-check's `__proto__:null,` may stay).
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const seed = Number(arg('seed', String(Date.now() % 1_000_000)));
const steps = Number(arg('steps', '40'));
const runs = Number(arg('runs', '10'));
const engine = arg('engine', 'sqlite') === 'postgres' ? 'postgres' : 'sqlite';
const shrinkSeconds = Number(arg('shrink-seconds', '120'));
const replay = arg('replay', '');
if (replay) {
  const [actions, worldSeed] = JSON.parse(readFileSync(replay, 'utf8').replace(/^Counterexample:\s*/, '').replaceAll('__proto__:null,', '')) as [Parameters<typeof runOnce>[2], number];
  const faults: Record<string, number> = {};
  const violations = await runOnce(worldSeed, engine, actions, {}, faults);
  process.stdout.write(`replayed ${actions.length} actions, world seed ${worldSeed}, on ${engine}\n`);
  for (const [name, times] of Object.entries(faults).sort()) process.stdout.write(`  ${String(times).padStart(7)} × ${name}\n`);
  for (const v of [...new Set(violations)]) process.stdout.write(`VIOLATION ${v}\n`);
  process.exit(violations.length ? 1 : 0);
}
process.stdout.write(`sync:chaos seed ${seed}, ${runs} runs of up to ${steps} steps, on ${engine}\n`);
const started = Date.now();
const report = await runChaos({ seed, steps, runs, engine, shrinkSeconds });
process.stdout.write('invariants (times checked):\n');
for (const name of Object.values(INVARIANTS)) process.stdout.write(`  ${String(report.checks[name] ?? 0).padStart(7)} × ${name}\n`);
for (const [name, times] of Object.entries(report.checks).sort()) {
  if (!(Object.values(INVARIANTS) as string[]).includes(name)) process.stdout.write(`  ${String(times).padStart(7)} × ${name}\n`);
}
for (const name of Object.values(NOT_CHECKED)) process.stdout.write(`      n/a × ${name} (see NOT_CHECKED in tests/sync/invariants.ts)\n`);
process.stdout.write('faults and failures (times they happened):\n');
const faults = Object.entries(report.faults).sort();
for (const [name, times] of faults) process.stdout.write(`  ${String(times).padStart(7)} × ${name}\n`);
process.stdout.write(`${report.runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (report.failure) {
  process.stdout.write(`VIOLATION\n${report.failure}\n`);
  process.exit(1);
}
process.stdout.write('every invariant held\n');
