import { describe, expect, it } from 'vitest';
import { INVARIANTS } from './invariants';
import { runChaos } from './run';
import { CRASH_POINTS } from './world';

/** Sized for a 2-core machine: each engine about 45–60 s when the machine is quiet, under 2 minutes when it is busy. */
const SIZE = { sqlite: { runs: 60, steps: 40 }, postgres: { runs: 40, steps: 40 } } as const;

describe.each(['sqlite', 'postgres'] as const)('the fault harness on %s', (engine) => {
  it('keeps every invariant through lost, duplicated, stale and cut requests, killed clients, a dying server, permissions coming and going, old programs, skewed clocks and restores from a backup', async () => {
    const report = await runChaos({ seed: 2026, ...SIZE[engine], engine, shrinkSeconds: 60 });
    expect(report.failure).toBeNull();
    expect(report.runs).toBe(SIZE[engine].runs);
    // Every invariant the harness can check was checked, and the named faults did happen.
    for (const name of Object.values(INVARIANTS)) expect(report.checks[name] ?? 0, name).toBeGreaterThan(0);
    const happened = (prefix: string) => Object.entries(report.faults).filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    expect(CRASH_POINTS.filter((p) => happened(`fault: client killed at ${p}`) > 0).length).toBeGreaterThanOrEqual(3);
    expect(happened('fault: a push reply cut') + happened('fault: a pull reply cut')).toBeGreaterThan(0);
    expect(happened('fault: the server died in a push\'s transaction')).toBeGreaterThan(0);
    expect(happened('fault: a stale')).toBeGreaterThan(0);
    expect(happened('fault: the server was restored from its backup')).toBeGreaterThan(0);
  }, 240_000);
});
