import { describe, expect, it } from 'vitest';
import { nextSyncDelay, startSyncLoop } from '../../src-main/app/sync-loop';

describe('sync loop', () => {
  it('waits the interval while the server answers and backs off, capped, while it does not', () => {
    expect(nextSyncDelay(0, 15_000, 300_000)).toBe(15_000);
    expect(nextSyncDelay(1, 15_000, 300_000)).toBe(30_000);
    expect(nextSyncDelay(3, 15_000, 300_000)).toBe(120_000);
    expect(nextSyncDelay(10, 15_000, 300_000)).toBe(300_000);
    expect(nextSyncDelay(1000, 15_000, 300_000)).toBe(300_000);
  });

  it('reports the last sync, failures, and recovers when the link returns', async () => {
    let reachable = false;
    let calls = 0;
    const loop = startSyncLoop({
      sync: async () => { calls += 1; return { waiting: reachable ? 'nothing' : 'server' }; },
      now: () => new Date('2026-11-23T04:00:00Z'),
      intervalMs: 5,
      maxMs: 20,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(loop.status()).toMatchObject({ online: false, lastSyncAt: null });
    expect(loop.status().failures).toBeGreaterThan(0);
    reachable = true;
    loop.kick();
    await new Promise((r) => setTimeout(r, 60));
    expect(loop.status()).toMatchObject({ online: true, failures: 0, lastSyncAt: '2026-11-23T04:00:00.000Z', lastError: null });
    await loop.stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(after);
  });
});
