import { describe, expect, it } from 'vitest';
import { runChaos } from './run';

describe.each(['sqlite', 'postgres'] as const)('the fault harness on %s', (engine) => {
  it('keeps every invariant through dropped, duplicated and lost requests, crashes, revoked roles and skewed clocks', async () => {
    const report = await runChaos({ seed: 2026, steps: 30, runs: 3, engine });
    expect(report.failure).toBeNull();
    expect(report.runs).toBe(3);
    expect(Object.keys(report.checks).length).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
