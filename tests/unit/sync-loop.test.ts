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

  it("syncs as soon as the server has news (a long poll), and as soon as a cut link is back", async () => {
    const tick = (ms = 15) => new Promise((r) => setTimeout(r, ms));
    let reachable = true;
    let syncs = 0;
    let news: (() => void) | null = null;
    let probes = 0;
    const loop = startSyncLoop({
      sync: async () => { syncs += 1; return { waiting: reachable ? 'nothing' : 'server' }; },
      watch: () => new Promise<boolean>((resolve, reject) => { news = () => (reachable ? resolve(true) : reject(new Error('offline'))); }),
      probe: async () => { probes += 1; return reachable; },
      now: () => new Date('2026-11-23T04:00:00Z'),
      intervalMs: 10_000,
      probeMs: 5,
    });
    await tick();
    expect(syncs).toBe(1);
    await tick(40);
    expect(syncs).toBe(1); // waiting for news, not polling
    news!();
    await tick();
    expect(syncs).toBe(2);
    reachable = false;
    news!();
    await tick(40);
    expect(loop.status().online).toBe(false);
    expect(probes).toBeGreaterThan(2);
    expect(syncs).toBe(2);
    reachable = true;
    await tick(30);
    expect(syncs).toBe(3);
    expect(loop.status()).toMatchObject({ online: true, failures: 0 });
    await loop.stop();
  });

  it('a change made during a sync is sent right after it', async () => {
    let syncs = 0;
    let release: (() => void) | null = null;
    const loop = startSyncLoop({
      sync: () => { syncs += 1; return new Promise((r) => { release = () => r({ waiting: 'nothing' }); }); },
      now: () => new Date('2026-11-23T04:00:00Z'),
      intervalMs: 10_000,
    });
    await new Promise((r) => setTimeout(r, 5));
    loop.kick();
    expect(syncs).toBe(1);
    release!();
    await new Promise((r) => setTimeout(r, 5));
    expect(syncs).toBe(2);
    release!();
    await loop.stop();
  });
});
